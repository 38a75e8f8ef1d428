/**
 * The generated parsers against zod's own: for every schema, on random values (good, messy, wrong, missing, extra
 * keys, explicitly undefined), the fast schema must give exactly what zod gives: the same success, the same data
 * with the same keys in the same order, the same issues. And the kinds of node it does not generate must still get
 * zod's results (through z.compile).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { z } from "zod";
import {
  fastSchema,
  fieldsParser,
  generateFieldsParser,
  generateParser,
  INVALID,
  Unsupported,
} from "../../src/core/fastParse";
import * as schemas from "../../src/core/schemas";
import { ledgerColumns, REGISTRY_COLUMNS, setParts } from "../../src/core/sheets/layouts";
import { application, ledgerEntry, registryOutlet, summary } from "../helpers/fixtures";

const RUNS = 400;
const PARAMS = { reportInput: true } as const;

/** Structure as well as values: keys, their order, and keys whose value is undefined. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value && typeof value === "object") {
    return Object.entries(value).map(([k, v]) => [k, v === undefined ? "<undefined>" : shape(v)]);
  }
  return value;
}

const PARSERS = new Map<z.ZodType, (input: unknown) => unknown>();

/** The generated parser itself, or null for a schema left to z.compile. */
function parserOf(schema: z.ZodType): ((input: unknown) => unknown) | null {
  if (!PARSERS.has(schema)) {
    try {
      PARSERS.set(schema, generateParser(schema));
    } catch (error) {
      if (!(error instanceof Unsupported)) throw error;
    }
  }
  return PARSERS.get(schema) ?? null;
}

function expectSame(schema: z.ZodType, value: unknown): void {
  const expected = schema.safeParse(value, PARAMS);
  const actual = fastSchema(schema).safeParse(value, PARAMS);
  expect(actual.success).toBe(expected.success);
  if (expected.success && actual.success) {
    expect(shape(actual.data)).toEqual(shape(expected.data));
    expect(actual.data).toStrictEqual(expected.data);
  } else {
    expect(actual.error?.issues).toEqual(expected.error?.issues);
  }
  // The generated parser on its own: INVALID exactly when zod rejects (a valid value must not need zod's parser).
  const parser = parserOf(schema);
  if (parser) {
    const fast = parser(value);
    if (expected.success) expect(shape(fast)).toEqual(shape(expected.data));
    else expect(fast).toBe(z.INVALID);
  }
}

// ---------------------------------------------------------------- arbitraries

const SPACE = fc.constantFrom(" ", "\u3000", "\u00a0", "\t", "\n", "\ufeff", "");
/** Strings as typed: trimmed or not, full-width or not, right or wrong. */
const typed = (values: readonly string[]) =>
  fc
    .tuple(SPACE, fc.constantFrom(...values), SPACE, fc.boolean())
    .map(
      ([a, v, b, wide]) =>
        a + (wide ? v.replace(/[!-~]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)) : v) + b,
    );

const scalar = fc.oneof(
  fc.string(),
  fc.integer({ min: -5, max: 3000 }),
  fc.double({ noNaN: false }),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.constant(""),
  fc.constant([]),
  fc.constant({}),
);

const DATES = [
  "2025-03-05",
  "2025-3-5",
  "2025/3/5",
  "2025.3.5",
  "2025年3月5日",
  "2024-02-29",
  "2025-02-29",
  "2025-13-1",
  "明天",
];
const ITEMS = ["B01", "b02", "library.L01", "Library.l01", "知识产权培训", "Z99", "B01 知识产权培训"];
const TYPES = ["enterprise", "企业", "企事业单位", "科研院所", "高校", "public", "个人"];
const DISTRICTS = ["天河区", "天河", "广州市天河区", "萝岗区", "外地", "市外", "北京", "toString", "__proto__"];
const CHANNELS = ["线上", "上门", "窗口", "电话", "会议", "线下"];
const NUMBERS = ["12", "1,200", "８００", "-3", "1e3", "x", "2.5", "5", "满意", "非常满意"];
const CODES = ["91440101MA5AXY1234", "91440101ma5axy1234", "9144 0101 MA5A XY12 34", "+86 138 0226 1458"];

const field = (values: readonly string[]) =>
  fc.oneof({ weight: 4, arbitrary: typed(values) }, { weight: 1, arbitrary: scalar });
const number = fc.oneof(fc.integer({ min: -2, max: 6 }), fc.double({ min: -1, max: 5000 }), typed(NUMBERS), scalar);

const client = fc.oneof(
  {
    weight: 6,
    arbitrary: fc
      .record(
        {
          type: field(TYPES),
          name: field(["广州明远电子科技有限公司", "社会公众"]),
          creditCode: field(CODES),
          district: field(DISTRICTS),
          phone: fc.constant("138"),
        },
        { requiredKeys: [] },
      )
      .map((c) => {
        // An unknown key now and then.
        if ("phone" in c && String(c.name).length % 2) delete (c as { phone?: string }).phone;
        return c;
      }),
  },
  { weight: 1, arbitrary: scalar },
);

const entry = fc.oneof(
  {
    weight: 10,
    arbitrary: fc.record(
      {
        date: field(DATES),
        item: field(ITEMS),
        client,
        channel: field(CHANNELS),
        fee: number,
        quote: number,
        adjustments: field(["无"]),
        deliverable: field(["检索报告"]),
        participants: number,
        satisfaction: number,
        staff: field(["何嘉欣"]),
        evidence: field(["EV-1"]),
        feedback: field(["很好"]),
        remark: fc.constant("未知字段"),
      },
      { requiredKeys: [] },
    ),
  },
  { weight: 1, arbitrary: scalar },
);

/** Every leaf of a document, by path, to be replaced by a random value. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, [...path, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => leaves(v, [...path, k]));
  return [path];
}

function replaced(doc: unknown, changes: readonly [number, unknown][]): unknown {
  const copy = structuredClone(doc) as Record<string | number, unknown>;
  const paths = leaves(copy);
  for (const [at, value] of changes) {
    const path = paths[at % paths.length]!;
    let cur = copy;
    for (const key of path.slice(0, -1)) cur = cur[key] as Record<string | number, unknown>;
    const last = path[path.length - 1]!;
    if (value === "<delete>") delete cur[last];
    else cur[last] = value;
  }
  return copy;
}

const change = fc.tuple(
  fc.nat(),
  fc.oneof(
    scalar,
    typed([...DATES, ...ITEMS, ...TYPES, ...DISTRICTS, ...NUMBERS, ...CODES, "是", "否", "yes", "market", "有效"]),
    fc.constant("<delete>"),
  ),
);

function sampleDocuments(): unknown[] {
  const dir = join(__dirname, "..", "..", "samples");
  return ["applications", "summaries", "ledgers"]
    .flatMap((folder) => readdirSync(join(dir, folder)).map((f) => join(dir, folder, f)))
    .concat(join(dir, "registry.json"))
    .map((f) => JSON.parse(readFileSync(f, "utf8")) as unknown);
}

// ---------------------------------------------------------------- tests

describe("generated parsers", () => {
  const all = Object.values(schemas as Record<string, unknown>).filter((s): s is z.ZodType => s instanceof z.ZodType);

  it("are generated for every schema (none is left to z.compile)", () => {
    expect(all.length).toBeGreaterThan(10);
    for (const schema of all) expect(() => generateParser(schema)).not.toThrow();
  });

  it("give zod's result for ledger entries", () => {
    fc.assert(
      fc.property(entry, (value) => expectSame(schemas.ledgerEntrySchema, value)),
      { numRuns: RUNS * 5 },
    );
  });

  it("give zod's result for ledger headers and whole ledgers", () => {
    fc.assert(
      fc.property(
        fc.array(entry, { maxLength: 5 }),
        fc.oneof(fc.constant(2025), scalar, typed(["2025", "２０２５"])),
        (entries, year) => {
          const ledger = {
            type: "ledger",
            outlet: { name: " 网点 ", creditCode: "１２４４０１０４４５５２０９８１２ｌ" },
            year,
            entries,
          };
          expectSame(schemas.ledgerHeaderSchema, ledger);
          expectSame(schemas.ledgerSchema, ledger);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("give zod's result for documents with values changed, removed or wrong", () => {
    const docs: [z.ZodType, unknown][] = [
      [schemas.applicationSchema, application()],
      [schemas.annualSummarySchema, summary()],
      [schemas.registryOutletSchema, registryOutlet()],
      [schemas.ledgerEntrySchema, ledgerEntry()],
      ...sampleDocuments().map((d): [z.ZodType, unknown] => {
        const type = (d as { type: string }).type;
        const schema =
          type === "application"
            ? schemas.applicationSchema
            : type === "annualSummary"
              ? schemas.annualSummarySchema
              : type === "registry"
                ? schemas.registrySchema
                : schemas.ledgerSchema;
        return [schema, d];
      }),
    ];
    // Unchanged first: the documents as they are must load.
    for (const [schema, doc] of docs) {
      expect(fastSchema(schema).safeParse(doc).success).toBe(true);
      expectSame(schema, doc);
    }
    fc.assert(
      fc.property(fc.nat({ max: docs.length - 1 }), fc.array(change, { minLength: 1, maxLength: 3 }), (d, changes) => {
        const [schema, doc] = docs[d]!;
        expectSame(schema, replaced(doc, changes));
      }),
      { numRuns: RUNS },
    );
  });
});

const KEYS_8 = ["h", "a", "g", "b", "f", "c", "e", "d"];
const KEYS_30 = Array.from({ length: 30 }, (_, i) => `k${i}`);

describe("the kinds of node", () => {
  const cases: [string, z.ZodType, unknown[]][] = [
    [
      "optional fields: absent, undefined, present",
      z.strictObject({ a: z.string().optional(), b: z.number().min(1).optional() }),
      [{}, { a: undefined }, { a: "x" }, { b: 0 }, { b: 1 }, { a: 1 }, { c: 1 }, null, [], "x"],
    ],
    [
      "defaults, and their copies",
      z.strictObject({
        list: z.array(z.string()).default([]),
        inner: z.strictObject({ x: z.boolean().optional() }).default({}),
      }),
      [{}, { list: ["a"] }, { list: [1] }, { inner: { x: true } }, { inner: { y: 1 } }, { list: undefined }],
    ],
    [
      "a non-strict object drops unknown keys",
      z.object({ a: z.literal("x"), b: z.enum(["p", "q"]) }),
      [{ a: "x", b: "p", c: 1 }, { a: "y", b: "p" }, { a: "x" }, { b: "q", a: "x" }],
    ],
    [
      "required fields of any and unknown",
      z.strictObject({ u: z.unknown(), a: z.any() }),
      [{}, { u: 1 }, { u: undefined, a: null }],
    ],
    [
      "preprocess, trim and refine",
      z.preprocess(
        (v) => (typeof v === "string" ? v.toUpperCase() : v),
        z
          .string()
          .trim()
          .refine((s) => s !== "NO"),
      ),
      [" ab ", "no", " no ", 3, undefined],
    ],
    ["integers within bounds", z.number().int().min(0).max(10).gt(-1).lt(11), [0, 10, 11, -1, 1.5, Infinity, NaN, "1"]],
    [
      // Every set of the eight keys: more sets than literals are made for one object (the rest built key by key).
      "optional keys present in every combination",
      z.strictObject(
        Object.fromEntries(KEYS_8.map((k, i) => [k, i % 2 ? z.number().optional() : z.string().optional()])),
      ),
      Array.from({ length: 256 }, (_, mask) =>
        Object.fromEntries(KEYS_8.flatMap((k, i) => (mask & (1 << i) ? [[k, i % 2 ? i : `v${i}`]] : []))),
      ),
    ],
    [
      "more optional keys than one literal per combination serves",
      z.strictObject(Object.fromEntries(KEYS_30.map((k) => [k, z.string().optional()]))),
      [{}, { k0: "a" }, { k29: "z", k3: "c" }, Object.fromEntries(KEYS_30.map((k) => [k, k])), { k5: 1 }],
    ],
  ];

  it.each(cases)("%s", (_what, schema, values) => {
    expect(() => generateParser(schema)).not.toThrow();
    for (const value of values) expectSame(schema, value);
  });

  it("leaves what it does not generate to z.compile, with zod's results", () => {
    const union = z.strictObject({ v: z.union([z.string(), z.number()]), n: z.string().nullable() });
    expect(() => generateParser(union)).toThrow(Unsupported);
    for (const value of [{ v: "a", n: null }, { v: 1, n: "x" }, { v: true, n: null }, {}]) expectSame(union, value);
  });

  it("throws for a transform that answers a promise, as zod does", () => {
    for (const schema of [
      z.preprocess((v) => Promise.resolve(v), z.unknown()),
      z.strictObject({ a: z.preprocess((v) => Promise.resolve(v), z.any()) }),
    ]) {
      let thrown: unknown;
      try {
        schema.safeParse({ a: "x" });
      } catch (error) {
        thrown = error;
      }
      expect(thrown).toBeInstanceOf(Error);
      expect(() => fastSchema(schema).safeParse({ a: "x" })).toThrow((thrown as Error).message);
    }
  });

  it("gives a fresh default to every parse", () => {
    const schema = z.strictObject({ list: z.array(z.string()).default([]) });
    const fast = fastSchema(schema);
    const a = fast.parse({});
    const b = fast.parse({});
    expect(a.list).not.toBe(b.list);
  });
});

// ---------------------------------------------------------------- fields parsers

/** The object a table row makes of its fields (RowReader.read): each value that is there, at its key path. */
function built(paths: readonly (readonly string[])[], fields: readonly unknown[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  paths.forEach((path, i) => {
    if (fields[i] !== undefined) setParts(values, path, fields[i]);
  });
  return values;
}

/** The fields parser against the parser of the object built, and against zod. */
function expectSameFields(schema: z.ZodType, paths: readonly (readonly string[])[], fields: readonly unknown[]): void {
  const value = built(paths, fields);
  const expected = schema.safeParse(value, PARAMS);
  const actual = generateFieldsParser(schema, paths)(fields);
  if (expected.success) {
    expect(shape(actual)).toEqual(shape(expected.data));
    expect(actual).toStrictEqual(expected.data);
  } else expect(actual).toBe(INVALID);
  expect(shape(actual)).toEqual(shape(generateParser(schema)(value)));
}

const pathsOf = (keys: readonly string[]) => keys.map((k) => k.split("."));

/** Values as a row's cells give them (codec outputs), or wrong, or none. */
const fieldValue = fc.oneof(
  { weight: 2, arbitrary: fc.constant(undefined) },
  {
    weight: 6,
    arbitrary: typed([...DATES, ...ITEMS, ...TYPES, ...DISTRICTS, ...CHANNELS, ...NUMBERS, ...CODES, "是", "有效"]),
  },
  { weight: 2, arbitrary: number },
  { weight: 1, arbitrary: scalar },
);

describe("fields parsers", () => {
  const ledgerKeys = ledgerColumns("library").map((c) => c.key);

  it("give for a ledger row's fields what the parser gives for the object they make, in any column order", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(ledgerKeys, { minLength: 1 }),
        fc.array(fieldValue, { minLength: ledgerKeys.length, maxLength: ledgerKeys.length }),
        (keys, fields) => expectSameFields(schemas.ledgerEntrySchema, pathsOf(keys), fields.slice(0, keys.length)),
      ),
      { numRuns: RUNS * 5 },
    );
  });

  it("give the same for fields taken from valid entries", () => {
    const paths = pathsOf(ledgerKeys);
    const sample = ledgerEntry() as Record<string, unknown>;
    const fields = ledgerKeys.map((k) =>
      k.split(".").reduce<unknown>((v, p) => (v as Record<string, unknown>)?.[p], sample),
    );
    expect(generateFieldsParser(schemas.ledgerEntrySchema, paths)(fields)).not.toBe(INVALID);
    expectSameFields(schemas.ledgerEntrySchema, paths, fields);
    // No fields at all: the entry with its default client.
    expectSameFields(schemas.ledgerEntrySchema, paths, []);
    fc.assert(
      fc.property(fc.nat({ max: paths.length - 1 }), fieldValue, (at, value) => {
        const changed = [...fields];
        changed[at] = value;
        expectSameFields(schemas.ledgerEntrySchema, paths, changed);
      }),
      { numRuns: RUNS },
    );
  });

  it("give the same for registry rows (optional nested objects, required keys)", () => {
    const keys = REGISTRY_COLUMNS.map((c) => c.key);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(keys, { minLength: 1 }),
        fc.array(fc.oneof(fieldValue, typed(["张三", "主任", "market", "有效", "撤销"])), {
          minLength: keys.length,
          maxLength: keys.length,
        }),
        (chosen, fields) =>
          expectSameFields(schemas.registryOutletSchema, pathsOf(chosen), fields.slice(0, chosen.length)),
      ),
      { numRuns: RUNS },
    );
  });

  it("reject a key a strict object does not have only when it holds a value, and drop it from a loose one", () => {
    const strict = z.strictObject({ a: z.string().optional(), o: z.strictObject({ x: z.number() }).optional() });
    const loose = z.object({ a: z.string().optional(), o: z.object({ x: z.number() }).optional() });
    const paths = pathsOf(["a", "b", "o.x", "o.y", "c.d"]);
    const values = [undefined, "s", 1, 0, null];
    for (const schema of [strict, loose]) {
      fc.assert(
        fc.property(fc.array(fc.constantFrom(...values), { minLength: 5, maxLength: 5 }), (fields) =>
          expectSameFields(schema, paths, fields),
        ),
        { numRuns: RUNS },
      );
    }
  });

  it("are not made where the fields do not make such an object", () => {
    const schema = schemas.ledgerEntrySchema;
    expect(() => generateFieldsParser(schema, pathsOf(["client", "client.name"]))).toThrow(Unsupported);
    expect(() => generateFieldsParser(schema, pathsOf(["client.name", "client"]))).toThrow(Unsupported);
    expect(() => generateFieldsParser(schema, pathsOf(["date", "date"]))).toThrow(Unsupported);
    expect(() => generateFieldsParser(schema, [["__proto__", "x"]])).toThrow(Unsupported);
    expect(() => generateFieldsParser(schema, [[]])).toThrow(Unsupported);
    // A field under a node that reads the whole value (a preprocess, an array).
    expect(() => generateFieldsParser(schema, pathsOf(["date.day"]))).toThrow(Unsupported);
    expect(() => generateFieldsParser(schemas.applicationSchema, pathsOf(["team.name"]))).toThrow(Unsupported);
    expect(() => generateFieldsParser(z.string(), pathsOf(["a"]))).toThrow(Unsupported);
    expect(fieldsParser(schema, pathsOf(["client", "client.name"]))).toBeNull();
    const paths = pathsOf(ledgerKeys);
    expect(fieldsParser(schema, paths)).toBe(fieldsParser(schema, pathsOf(ledgerKeys)));
  });
});
