/**
 * From JSON values to typed documents. Pure: the caller reads the file and passes its text.
 * Whatever cannot be read becomes an `input/unreadable` finding naming the file and the path
 * of the bad key; the rest of the file (other documents, other ledger entries) is still loaded.
 */
import type { z } from "zod";
import { fastSchema } from "./fastParse";
import { type DocumentKind, type Finding } from "./findings";
import {
  annualSummarySchema,
  applicationSchema,
  ledgerEntrySchema,
  ledgerHeaderSchema,
  registrySchema,
  DOCUMENT_TYPES,
  type AnnualSummary,
  type Application,
  type Ledger,
  type LedgerEntry,
  type Registry,
} from "./schemas";
import { findJsonSyntaxError } from "./jsonSyntax";
import { escapeControls, show } from "./text";
import type { ReviewerSheet } from "./scoring/reviewers";

/**
 * Reads documents that are not of FORMAT.md (reviewers' score sheets): given by the caller, so the
 * parser does not depend on the scoring code.
 */
export interface SheetReader {
  recognise(value: unknown): boolean;
  parse(value: unknown, file: string | null, pathPrefix: string): { sheet?: ReviewerSheet; findings: Finding[] };
}

export const UNREADABLE_RULE = "input/unreadable";
export const UNREADABLE_ARTICLE = "输入文件";
/** Per document, further problems are summarised in one finding so a broken file stays readable. */
const MAX_ISSUES_PER_DOCUMENT = 20;

interface SourcedBase {
  /** File the document came from (as given on the command line), or null for in-memory input. */
  readonly file: string | null;
  /** Path prefix inside the file: "" for a single document, "[2]" for the third of an array. */
  readonly pathPrefix: string;
}
export interface SourcedApplication extends SourcedBase {
  readonly kind: "application";
  readonly doc: Application;
}
export interface SourcedSummary extends SourcedBase {
  readonly kind: "annualSummary";
  readonly doc: AnnualSummary;
}
export interface SourcedLedger extends SourcedBase {
  readonly kind: "ledger";
  readonly doc: Ledger;
  /** 1-based entry number in the source (JSON index + 1, or sheet row) of each loaded entry. */
  readonly entryNumbers: readonly number[];
  /** Path of a field of loaded entry `index`, in the source's terms. */
  readonly entryPath: (index: number, field: string | null) => string;
  /** What `entryNumbers` count: JSON entries (第 N 条) or sheet rows (第 N 行). Default "entry". */
  readonly entryUnit?: "entry" | "row";
  readonly entriesRead: number;
  readonly entriesRejected: number;
}
export interface SourcedRegistry extends SourcedBase {
  readonly kind: "registry";
  readonly doc: Registry;
}
export type SourcedDocument = SourcedApplication | SourcedSummary | SourcedLedger | SourcedRegistry;

export interface ParsedInput {
  documents: SourcedDocument[];
  /** Reviewers' score sheets (recognised by content when a sheet reader is given). */
  sheets: ReviewerSheet[];
  findings: Finding[];
  /** Documents found in the input (loaded or not). */
  documentsRead: number;
  /** Documents rejected whole, plus ledger entries rejected one by one. */
  rejected: number;
}

export function joinPath(prefix: string, path: string | null | undefined): string | null {
  if (!path) return prefix || null;
  if (!prefix) return path;
  return path.startsWith("[") ? prefix + path : `${prefix}.${path}`;
}

export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out;
}

const TYPE_NAMES: Record<string, string> = {
  string: "文本",
  number: "数字",
  int: "整数",
  boolean: "布尔值（true/false 或 是/否）",
  array: "列表（数组）",
  object: "对象",
};

function describeInput(input: unknown): string {
  if (input === undefined) return "缺失";
  if (input === null) return "null";
  if (Array.isArray(input)) return "列表";
  if (typeof input === "object") return "对象";
  if (typeof input === "string") return `文本${show(input)}`;
  if (typeof input === "number") return `数字 ${input}`;
  if (typeof input === "boolean") return `布尔值 ${input}`;
  return typeof input;
}

/** One zod issue as a Chinese sentence and its path. */
export function describeIssue(issue: z.core.$ZodIssue): { path: string; message: string } {
  const path = formatPath(issue.path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case "unrecognized_keys": {
      const keys = issue.keys;
      const full = keys.length === 1 ? joinPath("", `${path ? path + "." : ""}${keys[0]}`)! : path;
      return {
        path: full,
        message: `未知字段 ${keys.map((k) => `“${k}”`).join("、")}（格式中没有此字段，请检查拼写）`,
      };
    }
    case "invalid_type":
      if (input === undefined) return { path, message: "缺少必填字段" };
      return {
        path,
        message: `类型错误：应为${TYPE_NAMES[issue.expected] ?? issue.expected}，实际为${describeInput(input)}`,
      };
    case "invalid_value":
      return {
        path,
        message: `取值${describeInput(input)}无效，应为：${issue.values.map((v) => String(v)).join("、")}`,
      };
    case "too_small":
      return {
        path,
        message: `取值${describeInput(input)}过小，不能小于 ${String(issue.minimum)}`,
      };
    case "too_big":
      return { path, message: `取值${describeInput(input)}过大，不能大于 ${String(issue.maximum)}` };
    default:
      return { path, message: `${issue.message}（实际为${describeInput(input)}）` };
  }
}

function identify(value: unknown): { outlet: string | null; outletName: string | null } {
  if (!value || typeof value !== "object") return { outlet: null, outletName: null };
  const v = value as Record<string, unknown>;
  const holder = (v.org ?? v.outlet) as Record<string, unknown> | undefined;
  const code = typeof holder?.creditCode === "string" ? holder.creditCode.trim().toUpperCase() : "";
  const name = typeof holder?.name === "string" ? holder.name.trim() : "";
  return { outlet: code || name || null, outletName: name || null };
}

/** An `input/unreadable` finding (also used by the CLI for missing files and empty folders). */
export function unreadable(
  file: string | null,
  path: string | null,
  message: string,
  extra: Partial<Finding> = {},
): Finding {
  return {
    rule: UNREADABLE_RULE,
    severity: "error",
    article: UNREADABLE_ARTICLE,
    outlet: null,
    outletName: null,
    document: null,
    file,
    path,
    entry: null,
    message,
    ...extra,
  };
}

const SCHEMAS = {
  application: applicationSchema,
  annualSummary: annualSummarySchema,
  registry: registrySchema,
} as const;

/** Issues carry their input: messages quote the value. */
export const PARSE_PARAMS = { reportInput: true } as const;

/** Parses one document value (an element of the file's array, or the file's object). */
export function parseDocumentValue(value: unknown, file: string | null, pathPrefix = ""): ParsedInput {
  const out: ParsedInput = { documents: [], sheets: [], findings: [], documentsRead: 1, rejected: 0 };
  const where = pathPrefix ? `第 ${Number(pathPrefix.slice(1, -1)) + 1} 个文档` : "文档";
  if (!value || typeof value !== "object" || Array.isArray(value)) {
    out.findings.push(unreadable(file, pathPrefix || null, `${where}应为对象（{…}），实际为${describeInput(value)}`));
    out.rejected = 1;
    return out;
  }
  const type = (value as { type?: unknown }).type;
  if (typeof type !== "string" || !(DOCUMENT_TYPES as readonly string[]).includes(type)) {
    const msg =
      type === undefined
        ? `${where}缺少 type 字段，无法识别文档类型（应为 application、annualSummary、ledger 或 registry）`
        : `${where}的类型 ${describeInput(type)} 无法识别（应为 application、annualSummary、ledger 或 registry）`;
    out.findings.push(unreadable(file, joinPath(pathPrefix, "type"), msg, identify(value)));
    out.rejected = 1;
    return out;
  }
  const kind = type as DocumentKind;
  const ident = identify(value);
  const reject = (issues: readonly z.core.$ZodIssue[], extra: Partial<Finding> = {}): void => {
    for (const issue of issues.slice(0, MAX_ISSUES_PER_DOCUMENT)) {
      const { path, message } = describeIssue(issue);
      out.findings.push(
        unreadable(file, joinPath(pathPrefix, path), `${message}，该${docLabel(kind)}未载入`, {
          ...ident,
          document: kind,
          ...extra,
        }),
      );
    }
    if (issues.length > MAX_ISSUES_PER_DOCUMENT) {
      out.findings.push(
        unreadable(file, pathPrefix || null, `另有 ${issues.length - MAX_ISSUES_PER_DOCUMENT} 处格式问题未列出`, {
          ...ident,
          document: kind,
        }),
      );
    }
  };

  if (kind === "ledger") {
    const header = fastSchema(ledgerHeaderSchema).safeParse(value, PARSE_PARAMS);
    if (!header.success) {
      reject(header.error.issues);
      out.rejected = 1;
      return out;
    }
    const entries: LedgerEntry[] = [];
    const entryNumbers: number[] = [];
    let rejected = 0;
    const entrySchema = fastSchema(ledgerEntrySchema);
    const raws = header.data.entries;
    for (let i = 0; i < raws.length; i++) {
      const parsed = entrySchema.safeParse(raws[i], PARSE_PARAMS);
      if (parsed.success) {
        entries.push(parsed.data);
        entryNumbers.push(i + 1);
        continue;
      }
      rejected++;
      const issue = parsed.error.issues[0]!;
      const { path, message } = describeIssue(issue);
      const more = parsed.error.issues.length > 1 ? `（另有 ${parsed.error.issues.length - 1} 处问题）` : "";
      out.findings.push(
        unreadable(
          file,
          joinPath(pathPrefix, `entries[${i}]${path ? (path.startsWith("[") ? "" : ".") + path : ""}`),
          `第 ${i + 1} 条记录：${message}${more}，该条未载入`,
          {
            ...ident,
            document: "ledger",
            entry: i + 1,
          },
        ),
      );
    }
    const doc: Ledger = { ...header.data, entries };
    out.documents.push({
      kind: "ledger",
      doc,
      file,
      pathPrefix,
      entryNumbers,
      entryPath: (index, field) =>
        joinPath(pathPrefix, `entries[${entryNumbers[index]! - 1}]${field ? "." + field : ""}`)!,
      entriesRead: header.data.entries.length,
      entriesRejected: rejected,
    });
    out.rejected = rejected;
    return out;
  }

  const schema = fastSchema<z.ZodType<SourcedDocument["doc"]>>(SCHEMAS[kind]);
  const parsed = schema.safeParse(value, PARSE_PARAMS);
  if (!parsed.success) {
    reject(parsed.error.issues);
    out.rejected = 1;
    return out;
  }
  out.documents.push({ kind, doc: parsed.data, file, pathPrefix } as SourcedDocument);
  return out;
}

function docLabel(kind: DocumentKind): string {
  return { application: "申报书", annualSummary: "工作总结表", ledger: "台账", registry: "名录" }[kind];
}

/** Parses a JSON file's text: one document object or an array of them. */
export function parseJsonText(text: string, file: string | null, sheets?: SheetReader): ParsedInput {
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch {
    return {
      documents: [],
      sheets: [],
      findings: [unreadable(file, null, `不是有效的 JSON 文件，无法读取：${jsonErrorZh(text)}`)],
      documentsRead: 0,
      rejected: 1,
    };
  }
  return parseJsonValue(value, file, sheets);
}

function parseOne(value: unknown, file: string | null, pathPrefix: string, sheets?: SheetReader): ParsedInput {
  if (!sheets?.recognise(value)) return parseDocumentValue(value, file, pathPrefix);
  const { sheet, findings } = sheets.parse(value, file, pathPrefix);
  return { documents: [], sheets: sheet ? [sheet] : [], findings, documentsRead: 1, rejected: sheet ? 0 : 1 };
}

export function parseJsonValue(value: unknown, file: string | null, sheets?: SheetReader): ParsedInput {
  if (!Array.isArray(value)) return parseOne(value, file, "", sheets);
  const out: ParsedInput = { documents: [], sheets: [], findings: [], documentsRead: 0, rejected: 0 };
  if (value.length === 0) {
    out.findings.push(unreadable(file, null, "文件是空列表，没有可审核的文档"));
    return out;
  }
  value.forEach((element, i) => {
    const one = parseOne(element, file, `[${i}]`, sheets);
    out.documents.push(...one.documents);
    out.sheets.push(...one.sheets);
    out.findings.push(...one.findings);
    out.documentsRead += one.documentsRead;
    out.rejected += one.rejected;
  });
  return out;
}

/** Where and why JSON text is not valid, in Chinese; the text itself is quoted one character at most. */
function jsonErrorZh(text: string): string {
  const error = findJsonSyntaxError(text);
  // JSON.parse refused what the checker accepts only for text it cannot hold (too big): say so plainly.
  if (!error) return "文件内容无法按 JSON 解析";
  if (error.found === null)
    return `内容在第 ${error.line} 行第 ${error.column} 列处提前结束（应为${error.expected}），文件可能不完整`;
  const found = escapeControls(error.found);
  return `第 ${error.line} 行第 ${error.column} 列有语法错误：此处为“${found}”，应为${error.expected}`;
}
