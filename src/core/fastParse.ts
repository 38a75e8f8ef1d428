/**
 * Fast parsers made from the zod schemas, for the paths that parse a million ledger entries. A schema is turned into
 * one straight function that does what zod's parser does with a valid value (the same normalising, the same output,
 * keys in the same order) and answers INVALID as soon as anything is wrong, whereupon zod's own parser runs and
 * reports the issues (`z.withParser`). So the schemas stay the one definition of the shapes, and every issue is zod's.
 *
 * Only the kinds of node our schemas use are generated here, each as zod's compiler (`z.compile`) generates it; a
 * schema with any other kind gets `z.compile` itself. What differs is how: `z.compile` wraps every field in a closure
 * and every transform in a payload, on every value, which for a ledger entry is a kilobyte of garbage; here a field
 * is a labelled block and a transform a call, and nothing is allocated but the output. A table row need not even
 * become an object first: `fieldsParser` parses the values of its columns, given by key path, as the object they
 * would make. Pure.
 */
import { z } from "zod";

/** A node or a check not generated here; the schema is then left to `z.compile`. */
export class Unsupported extends Error {}

interface CheckDef {
  check: string;
  when?: unknown;
  value?: unknown;
  inclusive?: boolean;
  format?: string;
  tx?: (value: unknown) => unknown;
  fn?: (value: unknown) => unknown;
}

interface Def {
  type: string;
  coerce?: boolean;
  format?: unknown;
  check?: string;
  checks?: readonly { _zod: { def: CheckDef } }[];
  shape?: Record<string, unknown>;
  catchall?: unknown;
  innerType?: unknown;
  element?: unknown;
  in?: unknown;
  out?: unknown;
  transform?: (value: unknown, payload?: unknown) => unknown;
  values?: readonly unknown[];
  defaultValue?: unknown;
}

interface Internals {
  def: Def;
  optin?: string;
  optout?: string;
  values?: ReadonlySet<unknown>;
  traits?: ReadonlySet<string>;
}

function internals(schema: unknown): Internals {
  return (schema as { _zod: Internals })._zod;
}

/** The function being written: its lines, the values it refers to (c0, c1, …) and a counter for names. */
class Writer {
  readonly lines: string[] = [];
  readonly constants: unknown[] = [];
  /** Variables that stand for an object not built (`generateFieldsParser`): its keys, by the values it would hold. */
  readonly virtual = new Map<string, FieldTree>();
  private names = 0;

  write(line: string): void {
    this.lines.push(line);
  }
  name(prefix = "v"): string {
    return `${prefix}${this.names++}`;
  }
  constant(value: unknown): string {
    let i = this.constants.indexOf(value);
    if (i < 0) i = this.constants.push(value) - 1;
    return `c${i}`;
  }
}

function throwAsync(): never {
  throw new z.core.$ZodAsyncError();
}

/**
 * Writes the parse of `schema` applied to the expression `input`; returns the expression of its output. `fail` is the
 * statement that runs when the value is invalid (`return INVALID;`, or leaving an optional field's block).
 */
function emit(w: Writer, schema: unknown, input: string, fail: string): string {
  const zod = internals(schema);
  const def = zod.def;
  if (def.coerce) throw new Unsupported("coercion");
  // An object not built can only meet the nodes that look at its keys (or at whether it is there).
  if (w.virtual.has(input) && def.type !== "object" && def.type !== "optional" && def.type !== "default") {
    throw new Unsupported(`fields under ${def.type}`);
  }
  let out: string;
  switch (def.type) {
    case "string":
      if (def.format !== undefined) throw new Unsupported("string format");
      w.write(`if (typeof ${input} !== "string") ${fail}`);
      out = input;
      break;
    case "number":
      if (def.check !== undefined) throw new Unsupported("number format on the schema");
      // z.number() rejects NaN and ±Infinity.
      w.write(`if (typeof ${input} !== "number" || !Number.isFinite(${input})) ${fail}`);
      out = input;
      break;
    case "boolean":
      w.write(`if (typeof ${input} !== "boolean") ${fail}`);
      out = input;
      break;
    case "any":
    case "unknown":
      out = input;
      break;
    case "enum": {
      if (!zod.values) throw new Unsupported("enum without values");
      w.write(`if (!${w.constant(zod.values)}.has(${input})) ${fail}`);
      out = input;
      break;
    }
    case "literal":
      // Set.has is SameValueZero, as zod's own check.
      w.write(`if (!${w.constant(new Set(def.values))}.has(${input})) ${fail}`);
      out = input;
      break;
    case "array":
      out = emitArray(w, def.element, input, fail);
      break;
    case "object":
      out = emitObject(w, def.shape!, def.catchall, input, fail);
      break;
    case "optional":
      out = emitOptional(w, schema, input, fail);
      break;
    case "default":
      out = emitDefault(w, schema, input, fail);
      break;
    case "pipe":
      if (def.transform) throw new Unsupported("codec");
      out = emit(w, def.out, emit(w, def.in, input, fail), fail);
      break;
    case "transform": {
      const fn = def.transform!;
      // A transform that takes the payload may report issues through it: only zod can tell what those mean.
      if (fn.length > 1) throw new Unsupported("transform that reads its payload");
      out = w.name();
      w.write(`const ${out} = ${w.constant(fn)}(${input});`);
      w.write(`if (${out} instanceof Promise) ${fail}`);
      break;
    }
    default:
      throw new Unsupported(`schema type ${def.type}`);
  }
  const checks = def.checks ?? [];
  if (checks.length && def.type !== "string" && def.type !== "number") throw new Unsupported(`checks on ${def.type}`);
  for (const check of checks) out = emitCheck(w, check, out, fail);
  return out;
}

function emitCheck(w: Writer, check: { _zod: { def: CheckDef } }, input: string, fail: string): string {
  const def = check._zod.def;
  if (def.when) throw new Unsupported(`check with a "when" condition`);
  switch (def.check) {
    case "overwrite": {
      if (!def.tx) throw new Unsupported("overwrite without a function");
      const out = w.name();
      w.write(`const ${out} = ${w.constant(def.tx)}(${input});`);
      return out;
    }
    case "greater_than":
    case "less_than": {
      if (typeof def.value !== "number" || Number.isNaN(def.value)) throw new Unsupported("bound not a number");
      const op = def.check === "greater_than" ? (def.inclusive ? "<" : "<=") : def.inclusive ? ">" : ">=";
      w.write(`if (${input} ${op} ${w.constant(def.value)}) ${fail}`);
      return input;
    }
    case "number_format":
      if (def.format !== "safeint") throw new Unsupported(`number format ${def.format}`);
      w.write(`if (!Number.isSafeInteger(${input})) ${fail}`);
      return input;
    case "custom": {
      if (!def.fn) throw new Unsupported("custom check without a predicate");
      const ok = w.name();
      w.write(`const ${ok} = ${w.constant(def.fn)}(${input});`);
      // A promise is an async check reached synchronously: zod throws for it, and so does this.
      w.write(`if (${ok} instanceof Promise) ${w.constant(throwAsync)}();`);
      w.write(`if (!${ok}) ${fail}`);
      return input;
    }
    default:
      throw new Unsupported(`check ${def.check}`);
  }
}

function emitArray(w: Writer, element: unknown, input: string, fail: string): string {
  const out = w.name();
  const i = w.name("i");
  const item = w.name();
  w.write(`if (!Array.isArray(${input})) ${fail}`);
  w.write(`const ${out} = new Array(${input}.length);`);
  w.write(`for (let ${i} = 0; ${i} < ${input}.length; ${i}++) {`);
  w.write(`const ${item} = ${input}[${i}];`);
  w.write(`${out}[${i}] = ${emit(w, element, item, fail)};`);
  w.write(`}`);
  return out;
}

function emitOptional(w: Writer, schema: unknown, input: string, fail: string): string {
  const zod = internals(schema);
  if (zod.traits?.has("$ZodExactOptional")) throw new Unsupported("exact optional");
  if (internals(zod.def.innerType).optin === "defaulted") throw new Unsupported("optional default");
  const out = w.name();
  w.write(`let ${out};`);
  w.write(`if (${input} !== undefined) {`);
  w.write(`${out} = ${emit(w, zod.def.innerType, input, fail)};`);
  w.write(`}`);
  return out;
}

function emitDefault(w: Writer, schema: unknown, input: string, fail: string): string {
  const def = internals(schema).def;
  if (!Object.getOwnPropertyDescriptor(def, "defaultValue")) throw new Unsupported("default without a value");
  // A fresh default each time (the def's getter, shallow-cloned as zod does), so no two documents share one.
  const fresh = w.constant(() => z.util.shallowClone(def.defaultValue));
  const out = w.name();
  w.write(`let ${out};`);
  w.write(`if (${input} === undefined) ${out} = ${fresh}();`);
  w.write(`else {`);
  const inner = emit(w, def.innerType, input, fail);
  w.write(`${out} = ${inner} === undefined ? ${fresh}() : ${inner};`);
  w.write(`}`);
  return out;
}

/** Whether an absent key would read as valid here (zod's `fastPathAcceptsAbsence`, for the kinds generated here). */
function acceptsAbsence(schema: unknown): boolean {
  const def = internals(schema).def;
  switch (def.type) {
    case "string":
    case "number":
    case "boolean":
    case "object":
    case "array":
      return false;
    case "literal":
      return def.values!.includes(undefined);
    case "enum":
      return internals(schema).values!.has(undefined);
    case "optional":
      return acceptsAbsence(def.innerType);
    case "pipe":
      return acceptsAbsence(def.in);
    default:
      // any, unknown, default, transform
      return true;
  }
}

/** Whether the output may be undefined (zod's `mayOutputUndefined`, for the kinds generated here). */
function mayOutputUndefined(schema: unknown): boolean {
  const def = internals(schema).def;
  switch (def.type) {
    case "string":
    case "number":
    case "boolean":
    case "object":
    case "array":
      return false;
    case "literal":
      return def.values!.includes(undefined);
    case "enum":
      return internals(schema).values!.has(undefined);
    case "optional":
      return true;
    case "pipe":
      return mayOutputUndefined(def.out);
    default:
      return true;
  }
}

/** How the parse reads a key of an object: the expression of its value, and whether the key is there. */
interface KeyAccess {
  raw: string;
  has: string;
}

function emitObject(w: Writer, shape: Record<string, unknown>, catchall: unknown, input: string, fail: string): string {
  if (Object.getOwnPropertySymbols(shape).length) throw new Unsupported("symbol keys");
  const keys = Object.keys(shape);
  // An output literal cannot hold an own "__proto__".
  if (keys.includes("__proto__")) throw new Unsupported('key "__proto__"');
  if (catchall !== undefined && internals(catchall).def.type !== "never") throw new Unsupported("catchall");
  w.write(`if (typeof ${input} !== "object" || ${input} === null || Array.isArray(${input})) ${fail}`);
  const tree = w.virtual.get(input);
  let access: (key: string) => KeyAccess;
  if (tree) {
    // An object not built: its keys are the fields under it that hold a value.
    for (const [key, node] of tree) {
      if (keys.includes(key) || catchall === undefined) continue;
      // Strict: a key the shape does not have is invalid when it is there.
      w.write(`if (${hasExpression(w, node)}) ${fail}`);
    }
    access = (key) => fieldAccess(w, tree.get(key));
  } else {
    if (catchall !== undefined) {
      // Strict: one for…in, as zod's, so inherited enumerable keys count too. Checked before the fields: whatever
      // fails, the value goes to zod, and the normalisers the fields call are pure.
      const k = w.name("k");
      w.write(`for (const ${k} in ${input}) if (!${w.constant(new Set(keys))}.has(${k})) ${fail}`);
    }
    access = (key) => {
      const k = JSON.stringify(key);
      const raw = w.name();
      w.write(`const ${raw} = ${input}[${k}];`);
      return { raw, has: `(${k} in ${input})` };
    };
  }
  const outputs: string[] = [];
  const present: string[] = [];
  for (const key of keys) {
    const schema = shape[key];
    const { optin, optout } = internals(schema);
    const { raw, has } = access(key);
    const out = w.name();
    if (optin === undefined && acceptsAbsence(schema)) w.write(`if (!${has}) ${fail}`);
    w.write(`let ${out};`);
    if (optin !== undefined && optout === "optional") {
      // An optional field that fails while absent is absent (zod ignores its issues then).
      const label = w.name("L");
      w.write(`${label}: {`);
      const value = emit(w, schema, raw, `{ if (${has}) ${fail} ${out} = undefined; break ${label}; }`);
      w.write(`${out} = ${value};`);
      w.write(`}`);
    } else {
      w.write(`${out} = ${emit(w, schema, raw, fail)};`);
    }
    outputs.push(out);
    present.push(has);
  }
  // The output: keys in shape order, each kept as zod keeps it (a condition, or null where the key is always kept).
  const kept = keys.map((key, i) => {
    const { optin, optout } = internals(shape[key]);
    if (optin === "optional" && optout === "optional") return present[i]!;
    if ((optin !== "defaulted" || optout === "optional") && mayOutputUndefined(shape[key])) {
      return `${outputs[i]!} !== undefined || ${present[i]!}`;
    }
    return null;
  });
  const output = w.name();
  const conditional = kept.filter((c) => c !== null);
  if (conditional.length === 0) {
    w.write(`const ${output} = ${objectLiteral(keys, outputs)};`);
  } else if (conditional.length <= MAX_MASK_BITS) {
    const mask = conditional.map((c, bit) => `((${c}) ? ${2 ** bit} : 0)`).join(" | ");
    const make = w.constant(literalMakers(keys, kept));
    w.write(`const ${output} = ${make}(${mask})(${outputs.join(", ")});`);
  } else {
    w.write(`const ${output} = {};`);
    keys.forEach((key, i) => {
      const set = `${output}[${JSON.stringify(key)}] = ${outputs[i]!};`;
      w.write(kept[i] === null ? set : `if (${kept[i]!}) ${set}`);
    });
  }
  return output;
}

/** Most optional keys an object's output is made for by one literal per set of keys present. */
const MAX_MASK_BITS = 24;
/** Most literals made for one object node (sets of keys present); beyond them, objects are built key by key. */
const MAX_LITERALS = 64;

function objectLiteral(keys: readonly string[], values: readonly string[]): string {
  return `{ ${keys.map((key, i) => `${JSON.stringify(key)}: ${values[i]!}`).join(", ")} }`;
}

/**
 * For an object with optional keys: given which of them are there (a bit each, in `kept`'s order), the function
 * that makes the output from every key's value, by an object literal of exactly the keys there. A literal, not `{}`
 * and keys added: V8 makes the object at its final shape with every key in the object itself, where `{}` holds four
 * and keeps the rest in a side array regrown as keys come (on a million ledger entries: scavenges 0.85 → 0.37 s).
 */
function literalMakers(
  keys: readonly string[],
  kept: readonly (string | null)[],
): (mask: number) => (...values: unknown[]) => object {
  const makers = new Map<number, (...values: unknown[]) => object>();
  const args = keys.map((_, i) => `a${i}`);
  const optional = kept.flatMap((c, i) => (c === null ? [] : [i]));
  const keyByKey =
    (mask: number) =>
    (...values: unknown[]) => {
      const out: Record<string, unknown> = {};
      keys.forEach((key, i) => {
        const bit = optional.indexOf(i);
        if (bit < 0 || mask & (2 ** bit)) out[key] = values[i];
      });
      return out;
    };
  return (mask) => {
    let make = makers.get(mask);
    if (make === undefined) {
      const there = keys.flatMap((key, i) => {
        const bit = optional.indexOf(i);
        return bit < 0 || mask & (2 ** bit) ? [i] : [];
      });
      make =
        makers.size < MAX_LITERALS
          ? (new Function(
              ...args,
              `return ${objectLiteral(
                there.map((i) => keys[i]!),
                there.map((i) => args[i]!),
              )};`,
            ) as (...values: unknown[]) => object)
          : keyByKey(mask);
      makers.set(mask, make);
    }
    return make;
  };
}

// ---------------------------------------------------------------- fields

/** The fields under a key of an object not built: a field's index, or the keys below. */
type FieldTree = Map<string, FieldTree | number>;

/** Any object stands for one not built (the parse never reads it, only the fields in its tree). */
const NOT_BUILT = Object.freeze({});

/** Whether the key would be there: a field holds a value (the object would hold the key only then). */
function hasExpression(w: Writer, node: FieldTree | number): string {
  if (typeof node === "number") return `(input[${node}] !== undefined)`;
  return `(${[...fieldsUnder(node)].map((k) => `input[${k}] !== undefined`).join(" || ")})`;
}

function* fieldsUnder(tree: FieldTree): Generator<number> {
  for (const node of tree.values()) {
    if (typeof node === "number") yield node;
    else yield* fieldsUnder(node);
  }
}

function fieldAccess(w: Writer, node: FieldTree | number | undefined): KeyAccess {
  const raw = w.name();
  if (node === undefined) {
    w.write(`const ${raw} = undefined;`);
    return { raw, has: "false" };
  }
  if (typeof node === "number") {
    w.write(`const ${raw} = input[${node}];`);
    return { raw, has: `(${raw} !== undefined)` };
  }
  w.write(`const ${raw} = ${hasExpression(w, node)} ? ${w.constant(NOT_BUILT)} : undefined;`);
  w.virtual.set(raw, node);
  return { raw, has: `(${raw} !== undefined)` };
}

/**
 * The parser of an object schema for values given field by field: `paths[i]` is the key path of field i, and the
 * parser takes an array of their values (undefined for a field without one) and answers what the parser of
 * `generateParser` answers for the object `setPath` would build from them, without building it: a table row's
 * cells go straight to the document value. Throws Unsupported as generateParser does, and also when the paths do
 * not make such an object (one path under another, the same path twice, a key path through "__proto__") or when a
 * node between the root and a field is not an object, optional or default.
 */
export function generateFieldsParser<T extends z.ZodType>(
  schema: T,
  paths: readonly (readonly string[])[],
): (fields: readonly unknown[]) => z.output<T> | typeof z.INVALID {
  const root: FieldTree = new Map();
  paths.forEach((path, index) => {
    if (path.length === 0) throw new Unsupported("empty path");
    let tree = root;
    path.forEach((key, depth) => {
      if (key === "__proto__") throw new Unsupported('key "__proto__"');
      const node = tree.get(key);
      if (depth === path.length - 1) {
        if (node !== undefined) throw new Unsupported("a path under another, or twice");
        tree.set(key, index);
      } else if (node === undefined) {
        const next: FieldTree = new Map();
        tree.set(key, next);
        tree = next;
      } else if (typeof node === "number") {
        throw new Unsupported("a path under another");
      } else tree = node;
    });
  });
  const w = new Writer();
  const top = w.name();
  w.write(`const ${top} = ${w.constant(NOT_BUILT)};`);
  w.virtual.set(top, root);
  if (internals(schema).def.type !== "object") throw new Unsupported("fields of what is not an object");
  const out = emit(w, schema, top, "return INVALID;");
  return build(w, out) as (fields: readonly unknown[]) => z.output<T> | typeof z.INVALID;
}

/**
 * The parser of a schema: its value, or `z.INVALID` for zod's parser to find out why. Throws Unsupported when the
 * schema has a kind of node not generated here, and whatever `new Function` throws where code cannot be generated.
 */
export function generateParser<T extends z.ZodType>(schema: T): (input: unknown) => z.output<T> | typeof z.INVALID {
  const w = new Writer();
  const out = emit(w, schema, "input", "return INVALID;");
  return build(w, out) as (input: unknown) => z.output<T> | typeof z.INVALID;
}

/** The function written, answering `out`. */
function build(w: Writer, out: string): (input: never) => unknown {
  const names = w.constants.map((_, i) => `c${i}`);
  const body = `return (input) => {\n${w.lines.join("\n")}\nreturn ${out};\n};`;
  // The generated code refers only to the values handed to it (no scope, no globals but Array, Number, Promise).
  const factory = new Function("INVALID", ...names, body) as (...args: unknown[]) => (input: never) => unknown;
  return factory(z.INVALID, ...w.constants);
}

const FAST = new WeakMap<z.ZodType, z.ZodType>();

/**
 * The schema with a fast parser in front of zod's (`z.withParser`), made on first use: generated here when every
 * node is of a kind generated here, else by `z.compile`, which itself keeps the schema as it is where code cannot be
 * generated (a strict CSP). Either way a failure is zod's own parse, so issues, paths and inputs are exactly zod's.
 */
export function fastSchema<T extends z.ZodType>(schema: T): T {
  let fast = FAST.get(schema) as T | undefined;
  if (!fast) {
    try {
      fast = z.withParser(schema, generateParser(schema));
    } catch {
      fast = z.compile(schema);
    }
    FAST.set(schema, fast);
  }
  return fast;
}

/** What a generated parser answers for a value it does not take (zod's parser then tells why). */
export const INVALID: typeof z.INVALID = z.INVALID;

const FIELDS = new WeakMap<z.ZodType, Map<string, ((fields: readonly unknown[]) => unknown) | null>>();

/**
 * `generateFieldsParser`, made once per schema and set of paths (a workbook's sheets share their columns); null when
 * it cannot be generated, for the caller to build the object and parse it with `fastSchema`.
 */
export function fieldsParser<T extends z.ZodType>(
  schema: T,
  paths: readonly (readonly string[])[],
): ((fields: readonly unknown[]) => z.output<T> | typeof z.INVALID) | null {
  let made = FIELDS.get(schema);
  if (!made) FIELDS.set(schema, (made = new Map()));
  const key = JSON.stringify(paths);
  let parser = made.get(key);
  if (parser === undefined) {
    try {
      parser = generateFieldsParser(schema, paths);
    } catch {
      parser = null;
    }
    // Bounded: the paths come from a workbook's headers.
    if (made.size >= 64) made.clear();
    made.set(key, parser);
  }
  return parser as ((fields: readonly unknown[]) => z.output<T> | typeof z.INVALID) | null;
}
