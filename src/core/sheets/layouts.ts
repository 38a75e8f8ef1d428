/**
 * Sheets as data: one declarative layout per sheet, from which the templates, the filled workbooks and the
 * import are all derived. A column (or a form field) is one line here: its key path in the FORMAT.md document,
 * its Chinese header, its cell type, width, drop-down list, number format, whether it is required or locked, and
 * the codec that turns a document value into a cell and a cell back into the raw JSON value that the zod
 * schemas of schemas.ts then validate (so an xlsx is held to exactly the rules of a JSON file). Pure.
 */
import { getItem, itemLabel, itemsForCategory, resolveItem, TIER_LABELS, TIERS, type Tier } from "../catalog";
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CHANNELS,
  CLIENT_DISTRICTS,
  GRADE_LABELS,
  MARKET_TYPE_LABELS,
  MARKET_TYPES,
  QUALIFICATION_LABELS,
  QUALIFICATIONS,
  REGISTRY_STATUS_LABELS,
  REVOKE_REASON_LABELS,
  SATISFACTION_LEVELS,
  SERVICE_OBJECT_LABELS,
  SERVICE_OBJECTS,
  TEAM_ROLE_LABELS,
  codeFromLabel,
} from "../codes";
import { parseDate } from "../dates";
import { isWhiteSpaceCode, memoByText, toHalfWidth } from "../text";
import {
  columnLetter,
  isUnreadable,
  serialToIso,
  type CellType,
  type CellValue,
  type ColumnSpec,
  type UnreadableCell,
  type UsableCellValue,
  type Validation,
} from "./model";

// ---------------------------------------------------------------- cells

/** A cell that cannot become a document value; the importer reports it naming sheet, row and column. */
export class CellProblem {
  constructor(readonly message: string) {}
}

export interface CodecContext {
  /** Outlet category: an item typed as its name resolves against the category's list too. */
  category?: string | undefined;
}

export interface Codec {
  /** Document value → cell (absent → empty cell). */
  toCell(value: unknown): CellValue;
  /** Cell → the raw JSON value the schema validates; undefined for a blank cell. Unreadable cells never get here. */
  fromCell(cell: UsableCellValue, ctx?: CodecContext): unknown;
}

/** What an unreadable cell holds, as a sentence (the importer adds sheet, row and column). */
export function unreadableMessage(cell: UnreadableCell): string {
  const shown = cell.shown;
  switch (cell.unreadable) {
    case "error":
      return `单元格为错误值 ${shown}，没有可用的值（公式出错或引用已失效）`;
    case "formula-no-value":
      return "单元格是公式，但文件中没有保存它的计算结果（请在 Excel 或 WPS 中打开、重新计算后保存）";
    case "not-a-number":
      return `单元格中的数字“${shown}”无效（不是一个有限的数）`;
    case "bad-string-index":
      return `单元格引用了工作簿中不存在的文字（共享字符串第 ${shown} 项），文件可能已损坏`;
    case "invalid-text":
      return `单元格文字含有文件中不允许的字符（${shown}），无法读取`;
    case "too-long":
      return `单元格文字超过本工具的读取上限 ${shown} 个字符（可在设置 limits.maxStringChars 中调整）`;
    case "bad-value":
      return `单元格的值“${shown}”无效`;
  }
}

export function isBlankCell(cell: CellValue | undefined): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell !== "string") return false;
  // Only text that starts with white space can be all white space: no trim for the million that do not.
  return cell.length === 0 || (isWhiteSpaceCode(cell.charCodeAt(0)) && cell.trim() === "");
}

function isDateCell(cell: UsableCellValue): cell is { date: string } {
  return typeof cell === "object" && cell !== null;
}

/**
 * A cell as text, as the user sees it (numbers as written, dates as ISO, an unreadable cell as what it shows, such
 * as "#N/A"); undefined when blank.
 */
export function cellText(cell: CellValue | undefined): string | undefined {
  if (cell === null || cell === undefined) return undefined;
  if (isUnreadable(cell)) return cell.shown || undefined;
  if (isDateCell(cell)) return cell.date;
  if (typeof cell === "boolean") return cell ? "是" : "否";
  const s = typeof cell === "number" ? String(cell) : cell.trim();
  return s === "" ? undefined : s;
}

const YES = new Set(["是", "有", "true", "yes", "y", "√", "✓", "☑", "■", "1"]);
const NO = new Set(["否", "无", "false", "no", "n", "×", "✗", "□", "0"]);

/** 是/否 (and the usual marks for it); undefined when blank, null when it is neither. */
export function yesNo(cell: CellValue | undefined): boolean | null | undefined {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell === 1 ? true : cell === 0 ? false : null;
  const s = cellText(cell);
  if (s === undefined) return undefined;
  const k = toHalfWidth(s).trim().toLowerCase();
  return YES.has(k) ? true : NO.has(k) ? false : null;
}

/** "1,200", " 800元", "１２" → a number; other text is returned trimmed, for the schema to reject with its value. */
function numberFromText(text: string): number | string {
  const s = toHalfWidth(text)
    .trim()
    .replace(/[,，\s]/gu, "")
    .replace(/^[¥￥]/u, "")
    .replace(/(元|人次|人|次|个|场|m²|㎡|m2|平方米)$/u, "");
  return /^-?\d+(\.\d+)?$/u.test(s) ? Number(s) : text.trim();
}

const textCodec: Codec = {
  toCell: (v) => (v === undefined || v === null || v === "" ? null : typeof v === "string" ? v : String(v)),
  fromCell: (c) => cellText(c),
};

/**
 * Codes (credit codes, phone numbers): a long number typed into a General cell has lost its digits beyond the
 * fifteenth, and guessing them would load a wrong code, so that cell is reported instead.
 */
const codeCodec: Codec = {
  toCell: textCodec.toCell,
  fromCell: (c) => {
    if (typeof c === "number" && !Number.isSafeInteger(c)) {
      return new CellProblem("数字位数过多，Excel 已丢失末尾几位：请将该列设为“文本”格式后重新填写");
    }
    return cellText(c);
  },
};

/** Excel serials as ISO dates (a ledger's million rows hold a few hundred distinct days). */
const serialDates = new Map<number, string>();
const SERIAL_DATES_LIMIT = 4096;

function serialDate(serial: number): string {
  let iso = serialDates.get(serial);
  if (iso === undefined) {
    iso = serialToIso(serial) ?? String(serial);
    if (serialDates.size >= SERIAL_DATES_LIMIT) serialDates.clear();
    serialDates.set(serial, iso);
  }
  return iso;
}

const dateCodec: Codec = {
  toCell: (v) => (typeof v === "string" && v !== "" ? (parseDate(v) === v ? { date: v } : v) : null),
  fromCell: (c) => {
    if (c === null) return undefined;
    if (isDateCell(c)) return c.date;
    // The streaming reader (and cells formatted as numbers) give Excel serials.
    if (typeof c === "number") return serialDate(c);
    if (typeof c === "boolean") return new CellProblem(`应为日期，实为“${c ? "是" : "否"}”`);
    const s = c.trim();
    return s === "" ? undefined : (parseDate(s) ?? s);
  },
};

const numberCodec: Codec = {
  toCell: (v) => (typeof v === "number" ? v : typeof v === "string" && v !== "" ? v : null),
  fromCell: (c) => {
    if (c === null || typeof c === "number" || typeof c === "boolean") return c ?? undefined;
    if (isDateCell(c)) return new CellProblem(`应为数字，实为日期 ${c.date}`);
    if (c.trim() === "") return undefined;
    return numberFromText(c);
  },
};

const booleanCodec: Codec = {
  toCell: (v) => (v === true ? "是" : v === false ? "否" : null),
  fromCell: (c) => {
    const b = yesNo(c);
    return b === null ? cellText(c) : b;
  },
};

function labelCodec<C extends string>(labels: Record<C, string>): Codec {
  const code = memoByText((s) => codeFromLabel(toHalfWidth(s), labels) ?? s);
  return {
    toCell: (v) => (typeof v === "string" && v !== "" ? ((labels as Record<string, string>)[v] ?? v) : null),
    fromCell: (c) => {
      const s = cellText(c);
      return s === undefined ? undefined : code(s);
    },
  };
}

/** "B01 知识产权培训" (as picked from the list), "B01", or the item's name as typed → the item code. */
export function itemFromText(text: string, category?: string): string {
  const s = toHalfWidth(text).trim();
  const direct = resolveItem(s, category);
  if (direct) return direct.code;
  const m = /^((?:[a-z]+\.)?[BLV]\d{1,2})[\s:：、.-]*(.*)$/iu.exec(s);
  const byLabel = m ? resolveItem(m[1]!, category) : undefined;
  return byLabel ? byLabel.code : text.trim();
}

/** itemFromText per category, remembered: an item column repeats the few hundred entries of its list. */
const itemsFromText = new Map<string | undefined, (text: string) => string>();

function itemFromTextIn(category: string | undefined): (text: string) => string {
  let fn = itemsFromText.get(category);
  if (!fn) {
    fn = memoByText((text) => itemFromText(text, category), 1024);
    // Categories come from the workbook's marker: whatever it says, the map stays small.
    if (itemsFromText.size >= 16) itemsFromText.clear();
    itemsFromText.set(category, fn);
  }
  return fn;
}

const itemCodec: Codec = {
  toCell: (v) => {
    if (typeof v !== "string" || v === "") return null;
    // A document may name an item instead of coding it: shown as the list shows it all the same.
    const item = getItem(v) ?? resolveItem(v);
    return item ? itemLabel(item) : v;
  },
  fromCell: (c, ctx) => {
    const s = cellText(c);
    return s === undefined ? undefined : itemFromTextIn(ctx?.category)(s);
  },
};

/** The five levels as listed: "5 非常满意". */
export const SATISFACTION_OPTIONS: readonly string[] = [5, 4, 3, 2, 1].map(
  (n) => `${n} ${SATISFACTION_LEVELS[n as 1 | 2 | 3 | 4 | 5]}`,
);

const satisfactionFromText = memoByText((s): number | string => {
  const t = toHalfWidth(s).trim();
  const m = /^([1-5])(?:\s|$|[^\d.])/u.exec(t);
  if (m) return Number(m[1]);
  for (const [level, name] of Object.entries(SATISFACTION_LEVELS)) if (name === t) return Number(level);
  return t;
});

const satisfactionCodec: Codec = {
  toCell: (v) =>
    typeof v === "number" && v in SATISFACTION_LEVELS
      ? `${v} ${SATISFACTION_LEVELS[v as 1 | 2 | 3 | 4 | 5]}`
      : ((v as CellValue) ?? null),
  fromCell: (c) => {
    if (typeof c === "number") return c;
    const s = cellText(c);
    return s === undefined ? undefined : satisfactionFromText(s);
  },
};

const LIST_SEPARATORS = /[、，,；;\n]+/u;
/** A list of names in one cell, separated by 、 (or commas, semicolons, line breaks). */
const listCodec: Codec = {
  toCell: (v) => (Array.isArray(v) && v.length ? v.join("、") : null),
  fromCell: (c) => {
    const s = cellText(c);
    return s === undefined
      ? undefined
      : s
          .split(LIST_SEPARATORS)
          .map((x) => x.trim())
          .filter(Boolean);
  },
};

export const CODECS = {
  text: textCodec,
  code: codeCodec,
  date: dateCodec,
  number: numberCodec,
  boolean: booleanCodec,
  item: itemCodec,
  satisfaction: satisfactionCodec,
  list: listCodec,
  label: labelCodec,
} as const;

// ---------------------------------------------------------------- columns

/** A column of a layout: what the adapter renders (ColumnSpec) plus what the import needs. */
export interface Column extends ColumnSpec {
  codec: Codec;
  /** Other headers people write for this column; matched like the header. */
  aliases?: readonly string[];
}

const DATE_FORMAT = "yyyy-mm-dd";
const TEXT_FORMAT = "@";

const YES_NO: Validation = { list: ["是", "否"], strict: true, error: "请从下拉列表选择“是”或“否”" };

function col(
  key: string,
  header: string,
  type: CellType,
  width: number,
  codec: Codec,
  extra: Partial<Omit<Column, "key" | "header" | "type" | "width" | "codec">> = {},
): Column {
  const numFmt = extra.numFmt ?? (type === "date" ? DATE_FORMAT : undefined);
  return { key, header, type, width, codec, ...extra, ...(numFmt ? { numFmt } : {}) };
}

/** The column as the adapter sees it (the codec and aliases stay here). */
export function toColumnSpec(column: Column): ColumnSpec {
  const { codec: _codec, aliases: _aliases, ...spec } = column;
  return spec;
}

function list(values: readonly string[], error: string, listName?: string): Validation {
  return { list: values, strict: true, error, ...(listName ? { listName } : {}) };
}

/** Drop-down of service items for a category: the general list, then the category's own (附件2), as "B01 知识产权培训". */
export function itemOptions(category?: string): string[] {
  return itemsForCategory(category).map(itemLabel);
}

export const CLIENT_TYPE_OPTIONS: readonly string[] = SERVICE_OBJECTS.map((c) => SERVICE_OBJECT_LABELS[c]);

/** The service ledger of 第十四条, one row per service (keys as in FORMAT.md `entries[]`). */
export function ledgerColumns(category?: string): readonly Column[] {
  return [
    col("date", "服务日期", "date", 12, dateCodec, {
      required: true,
      aliases: ["日期", "服务时间"],
      validation: { error: "请输入日期，例如 2025-03-05" },
      note: "例如 2025-03-05；也可写 2025/3/5、2025.3.5 或 2025年3月5日",
    }),
    col("item", "服务事项", "text", 34, itemCodec, {
      required: true,
      aliases: ["事项", "服务项目", "服务事项名称"],
      validation: list(itemOptions(category), "请从下拉列表选择附件2中的服务事项", "服务事项"),
      note: "从下拉列表选择（附件2：通用清单及本类别差异化清单）；也可填写事项编号或名称",
    }),
    col("client.type", "服务对象类型", "text", 12, labelCodec(SERVICE_OBJECT_LABELS), {
      required: true,
      aliases: ["对象类型", "服务对象类别"],
      validation: list(CLIENT_TYPE_OPTIONS, "请从下拉列表选择服务对象类型"),
    }),
    col("client.name", "服务对象名称", "text", 28, textCodec, {
      required: true,
      aliases: ["服务对象", "对象名称", "客户名称"],
      note: "机构填全称；个人可填“社会公众”等，不填个人身份信息",
    }),
    col("client.creditCode", "统一社会信用代码", "text", 22, codeCodec, {
      numFmt: TEXT_FORMAT,
      aliases: ["服务对象统一社会信用代码", "信用代码"],
      note: "仅机构填写 18 位统一社会信用代码；个人不填，不得填写身份证号",
    }),
    col("client.district", "所在区", "text", 10, textCodec, {
      aliases: ["服务对象所在区", "所在区域", "区域"],
      validation: list(CLIENT_DISTRICTS, "请从下拉列表选择广州市 11 个区之一或“市外”"),
    }),
    col("channel", "服务方式", "text", 10, textCodec, {
      aliases: ["方式"],
      validation: list(CHANNELS, "请从下拉列表选择服务方式"),
    }),
    col("fee", "收费金额（元）", "money", 12, numberCodec, {
      required: true,
      aliases: ["收费", "金额"],
      validation: { min: 0, error: "收费金额应为不小于 0 的数字（免费填 0）" },
      note: "免费填 0；基础性服务应免费（第十条）",
    }),
    col("quote", "报价（元）", "money", 12, numberCodec, {
      aliases: ["低成本专业服务报价"],
      validation: { min: 0, error: "报价应为不小于 0 的数字" },
      note: "低成本专业化服务的报价（第十四条）",
    }),
    col("adjustments", "需求调整", "text", 20, textCodec, { aliases: ["需求调整情况"] }),
    col("deliverable", "成果交付", "text", 24, textCodec, {
      required: true,
      aliases: ["成果交付情况", "交付成果"],
      note: "交付的成果，如检索报告、咨询答复记录、讲座课件及签到表",
    }),
    col("participants", "参与人次", "integer", 10, numberCodec, {
      aliases: ["人次"],
      validation: { min: 0, error: "参与人次应为不小于 0 的整数" },
      note: "培训、讲座等活动的参与人次",
    }),
    col("satisfaction", "满意度", "text", 12, satisfactionCodec, {
      aliases: ["满意度评价", "服务满意度"],
      validation: list(SATISFACTION_OPTIONS, "请从下拉列表选择满意度（服务满意度评分表）"),
      note: "服务对象在《服务满意度评分表》中的评价；未评价留空",
    }),
    col("staff", "服务人员", "text", 12, textCodec, { aliases: ["服务人员姓名"] }),
    col("evidence", "佐证材料", "text", 20, textCodec, {
      numFmt: TEXT_FORMAT,
      aliases: ["佐证材料编号", "佐证材料编号/链接"],
      note: "佐证材料的编号或链接",
    }),
    col("feedback", "服务成果反馈", "longText", 24, textCodec, {
      aliases: ["服务成果调查反馈", "反馈"],
      note: "《服务成果调查反馈表》的要点",
    }),
  ];
}

export const CATEGORY_OPTIONS: readonly string[] = CATEGORIES.map((c) => CATEGORY_LABELS[c]);

/** 市级网点名录 (第二十条), one row per outlet; its evaluations are on a sheet of their own. */
export const REGISTRY_COLUMNS: readonly Column[] = [
  col("creditCode", "统一社会信用代码", "text", 22, codeCodec, { required: true, numFmt: TEXT_FORMAT }),
  col("name", "网点名称", "text", 32, textCodec, { required: true, aliases: ["名称", "机构名称"] }),
  col("category", "网点类别", "text", 26, labelCodec(CATEGORY_LABELS), {
    required: true,
    aliases: ["类别", "网点机构类别"],
    validation: list(CATEGORY_OPTIONS, "请从下拉列表选择网点类别"),
  }),
  col("address", "地址", "text", 36, textCodec),
  col("head.name", "主要负责人", "text", 12, textCodec),
  col("head.title", "职务", "text", 12, textCodec),
  col("contact.name", "联系人", "text", 10, textCodec),
  col("contact.mobile", "手机", "text", 14, codeCodec, { numFmt: TEXT_FORMAT, aliases: ["联系电话", "电话"] }),
  col("contact.email", "邮箱", "text", 24, textCodec),
  col("status", "状态", "text", 10, labelCodec(REGISTRY_STATUS_LABELS), {
    required: true,
    aliases: ["网点状态"],
    validation: list(Object.values(REGISTRY_STATUS_LABELS), "请从下拉列表选择状态"),
  }),
  col("accreditedOn", "认定日期", "date", 12, dateCodec),
  col("revokedOn", "撤销或终止日期", "date", 14, dateCodec, { aliases: ["撤销日期", "终止日期"] }),
  col("revokeReason", "撤销或终止原因", "text", 20, labelCodec(REVOKE_REASON_LABELS), {
    aliases: ["撤销原因", "终止原因"],
    validation: list(Object.values(REVOKE_REASON_LABELS), "请从下拉列表选择原因"),
  }),
];

/** Registry `outlets[].evaluations[]`, joined to the outlet by its credit code. */
export const EVALUATION_COLUMNS: readonly Column[] = [
  col("creditCode", "统一社会信用代码", "text", 22, codeCodec, { required: true, numFmt: TEXT_FORMAT }),
  col("name", "网点名称", "text", 32, textCodec, { note: "便于核对，导入时不使用" }),
  col("year", "评估年度", "integer", 10, numberCodec, {
    required: true,
    aliases: ["年度"],
    numFmt: "0",
    validation: { min: 2000, max: 2100, error: "请输入四位年份" },
  }),
  col("score", "评估得分", "number", 10, numberCodec, {
    aliases: ["得分", "分数"],
    validation: { min: 0, max: 100, error: "得分应在 0 到 100 之间" },
  }),
  col("grade", "评估等级", "text", 10, labelCodec(GRADE_LABELS), {
    required: true,
    aliases: ["等级"],
    validation: list(Object.values(GRADE_LABELS), "请从下拉列表选择等级"),
  }),
];

export const TEAM_COLUMNS: readonly Column[] = [
  col("name", "姓名", "text", 10, textCodec),
  col("role", "人员类别", "text", 12, labelCodec(TEAM_ROLE_LABELS), {
    aliases: ["类别", "角色"],
    validation: list(Object.values(TEAM_ROLE_LABELS), "请选择主要负责人、专职或兼职"),
  }),
  col("education", "学历", "text", 8, textCodec),
  col("credentials", "资格证书", "text", 24, listCodec, {
    aliases: ["相关资质", "资质证书"],
    note: "如专利代理师资格证、法律职业资格证；多个用“、”分隔",
  }),
  col("bio", "个人情况及工作经历简介（200字左右）", "longText", 60, textCodec, { aliases: ["简介", "工作经历"] }),
];

export const CASE_COLUMNS: readonly Column[] = [
  col("name", "名称", "text", 24, textCodec, { aliases: ["案例名称"] }),
  col("period", "实施时间", "text", 16, textCodec),
  col("content", "内容和效果", "longText", 70, textCodec, { aliases: ["内容及效果"] }),
];

// ---------------------------------------------------------------- headers

/** Header text as compared: half-width, no white space, no required-marks or trailing colon, lower case. */
export function headerKey(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s*]/gu, "")
    .replace(/[:：]$/u, "")
    .toLowerCase();
}

/** The same without what is in brackets ("收费金额（元）" → "收费金额"). */
function bareKey(key: string): string {
  return key.replace(/\([^)]*\)/gu, "").replace(/（[^）]*）/gu, "");
}

/**
 * Which column a header cell names: by header or alias, then without the bracketed part on one side ("收费金额" is
 * 收费金额（元）), never with another one ("收费金额（万元）" is not: the unit differs).
 */
export function matchHeader<C extends { header: string; aliases?: readonly string[] }>(
  text: string,
  columns: readonly C[],
): C | undefined {
  const key = headerKey(text);
  if (key === "") return undefined;
  const names = (c: C) => [c.header, ...(c.aliases ?? [])].map(headerKey);
  const loose = (n: string) => bareKey(n) === bareKey(key) && (bareKey(n) === n || bareKey(key) === key);
  return columns.find((c) => names(c).includes(key)) ?? columns.find((c) => names(c).some(loose));
}

// ---------------------------------------------------------------- key paths

export function getPath(obj: unknown, path: string): unknown {
  let cur: unknown = obj;
  for (const part of path.split(".")) {
    if (cur === null || typeof cur !== "object") return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** Sets a value at a key path, creating the objects on the way. */
export function setPath(obj: Record<string, unknown>, path: string, value: unknown): void {
  setParts(obj, path.split("."), value);
}

/** setPath with the path already split (a table splits each column's key once, not per cell). */
export function setParts(obj: Record<string, unknown>, parts: readonly string[], value: unknown): void {
  let cur = obj;
  const last = parts.length - 1;
  for (let i = 0; i < last; i++) {
    const part = parts[i]!;
    const next = cur[part];
    if (next === null || typeof next !== "object" || Array.isArray(next)) cur[part] = {};
    cur = cur[part] as Record<string, unknown>;
  }
  cur[parts[last]!] = value;
}

// ---------------------------------------------------------------- table rows

/** The first cell of a row that cannot be read: the row is reported at its column. */
export interface RowProblem {
  col: number;
  message: string;
}

/**
 * Reads the rows of a table into the raw values that the schema validates. Each column's codec and split key path
 * are looked up once per sheet, not per cell: a ledger has a million rows.
 *
 * An unreadable cell (an error value, a formula without its result…) in a required column makes the row's problem:
 * the row is rejected, as it would be without that value. In an optional column the row is kept without the field
 * and the cell is listed in `unread`, so the importer warns: a blank would pass for "not filled" silently.
 */
export class RowReader {
  private readonly indexes: number[] = [];
  private readonly codecs: Codec[] = [];
  private readonly paths: string[][] = [];
  private readonly required: boolean[] = [];
  /** The first cell of the last row read that could not be read, or null. */
  problem: RowProblem | null = null;
  /** Unreadable cells of optional columns in the last row read: left out of the values. */
  unread: RowProblem[] = [];

  /** `columns`: each layout column with its 0-based index in the sheet, in the order they are read. */
  constructor(columns: Iterable<readonly [number, Column]>) {
    for (const [index, column] of columns) {
      this.indexes.push(index);
      this.codecs.push(column.codec);
      this.paths.push(column.key.split("."));
      this.required.push(column.required === true);
    }
  }

  /** Which of the columns (in reading order) holds the row's first filled cell; -1 when they are all blank. */
  firstFilled(row: readonly CellValue[]): number {
    const indexes = this.indexes;
    for (let k = 0; k < indexes.length; k++) if (!isBlankCell(row[indexes[k]!])) return k;
    return -1;
  }

  /** The cell of the row under column `k` (in reading order). */
  cell(row: readonly CellValue[], k: number): CellValue {
    return row[this.indexes[k]!] ?? null;
  }

  /** Each column's key path, in reading order. */
  get keyPaths(): readonly (readonly string[])[] {
    return this.paths;
  }

  /**
   * The row's values column by column (in reading order) into `fields`: what `read` would set at each column's key
   * path, undefined for a blank cell. False, with `fields` partly written, when a cell cannot be read or is
   * unreadable (`read` then tells which). Nothing is allocated: a million rows can share one array.
   */
  readFields(row: readonly CellValue[], from: number, ctx: CodecContext, fields: unknown[]): boolean {
    return (this.fieldsReader ??= generateFieldsReader(this.indexes, this.codecs) ?? this.readFieldsLoop)(
      row,
      from,
      ctx,
      fields,
    );
  }

  /** readFields, made for this reader's columns (see generateFieldsReader); null where code cannot be made. */
  private fieldsReader: FieldsReader | undefined;

  /** readFields as a loop over the columns (where no reader can be generated). */
  private readonly readFieldsLoop: FieldsReader = (row, from, ctx, fields) => {
    const indexes = this.indexes;
    const codecs = this.codecs;
    for (let k = 0; k < from; k++) fields[k] = undefined;
    for (let k = from; k < indexes.length; k++) {
      const cell = row[indexes[k]!] ?? null;
      if (isBlankCell(cell)) {
        fields[k] = undefined;
        continue;
      }
      if (isUnreadable(cell)) return false;
      const value = codecs[k]!.fromCell(cell, ctx);
      if (value instanceof CellProblem) return false;
      fields[k] = value;
    }
    return true;
  };

  /** The row's values, each filled cell through its column's codec; columns before `from` are known to be blank. */
  read(row: readonly CellValue[], from: number, ctx: CodecContext): Record<string, unknown> {
    const values: Record<string, unknown> = {};
    this.problem = null;
    if (this.unread.length) this.unread = [];
    const indexes = this.indexes;
    for (let k = from; k < indexes.length; k++) {
      const cell = row[indexes[k]!] ?? null;
      if (isBlankCell(cell)) continue;
      if (isUnreadable(cell)) {
        const found = { col: indexes[k]!, message: unreadableMessage(cell) };
        if (this.required[k]) this.problem ??= found;
        else this.unread.push(found);
        continue;
      }
      const value = this.codecs[k]!.fromCell(cell, ctx);
      if (value instanceof CellProblem) this.problem ??= { col: indexes[k]!, message: value.message };
      else if (value !== undefined) setParts(values, this.paths[k]!, value);
    }
    return values;
  }
}

type FieldsReader = (row: readonly CellValue[], from: number, ctx: CodecContext, fields: unknown[]) => boolean;

/**
 * RowReader.readFields written out for one set of columns: the loop unrolled, each column's codec called from a call
 * site of its own, which stays monomorphic where the loop's one call site sees every codec (a million rows of a
 * ledger pay for that call on every cell). Null where code cannot be made (a strict CSP): the loop then reads.
 */
function generateFieldsReader(indexes: readonly number[], codecs: readonly Codec[]): FieldsReader | null {
  // isBlankCell and isUnreadable written in line: null, undefined and "" are blank, other text only if it starts
  // with white space and is nothing else; an object with `unreadable` cannot be read.
  const lines = indexes.map(
    (index, k) =>
      `if (${k} < from) fields[${k}] = undefined; else { cell = row[${index}]; ` +
      `if (cell === null || cell === undefined || (typeof cell === "string" && (cell.length === 0 || ` +
      `(isSpace(cell.charCodeAt(0)) && cell.trim() === "")))) fields[${k}] = undefined; ` +
      `else { if (typeof cell === "object" && "unreadable" in cell) return false; ` +
      `value = c${k}.fromCell(cell, ctx); if (value instanceof Problem) return false; fields[${k}] = value; } }`,
  );
  const body = `return (row, from, ctx, fields) => { let cell, value;\n${lines.join("\n")}\nreturn true; };`;
  try {
    const names = codecs.map((_, k) => `c${k}`);
    const factory = new Function("isSpace", "Problem", ...names, body) as (...args: unknown[]) => FieldsReader;
    return factory(isWhiteSpaceCode, CellProblem, ...codecs);
  } catch {
    return null;
  }
}

/** A1 reference to a cell of a sheet, the sheet name quoted when Excel needs it. */
export function cellRef(sheet: string, col: number | null, row: number): string {
  const name = /^[\p{L}\p{N}_.]+$/u.test(sheet) ? sheet : `'${sheet.replace(/'/gu, "''")}'`;
  return col === null ? `${name}!${row}:${row}` : `${name}!${columnLetter(col)}${row}`;
}

// ---------------------------------------------------------------- forms

/** How a form field maps to the document. */
export type FormBind =
  /** The value at the field's key path. */
  | { kind: "value" }
  /** A checkbox of 附件1/附件3: 是 means `code` is in the array at `path`. */
  | { kind: "member"; path: string; code: string }
  /** Item codes at `path` that have no checkbox of their own (another category's list, a code typed by hand). */
  | { kind: "extraItems"; path: string; listed: readonly string[] };

export interface FormFieldLayout {
  kind: "field";
  key: string;
  /** Unique within the form: the import finds the field by it. */
  label: string;
  type: CellType;
  codec: Codec;
  bind: FormBind;
  validation?: Validation;
  required?: boolean;
  note?: string;
}

export interface FormTableLayout {
  kind: "table";
  /** Key path of the array (team, cases). */
  key: string;
  title: string;
  columns: readonly Column[];
  inputRows: number;
}

export type FormItem =
  { kind: "heading"; text: string } | { kind: "text"; text: string } | FormFieldLayout | FormTableLayout;

export interface FormLayout {
  sheet: string;
  title: string;
  items: readonly FormItem[];
}

function field(
  key: string,
  label: string,
  type: CellType,
  codec: Codec,
  extra: Partial<Omit<FormFieldLayout, "kind" | "key" | "label" | "type" | "codec">> = {},
): FormFieldLayout {
  return { kind: "field", key, label, type, codec, bind: { kind: "value" }, ...extra };
}

function yesNoField(key: string, label: string, extra: Partial<FormFieldLayout> = {}): FormFieldLayout {
  return field(key, label, "boolean", booleanCodec, { validation: YES_NO, ...extra });
}

/** One 是/否 field per checkbox of a multiple choice. */
function checkboxes<C extends string>(
  path: string,
  codes: readonly C[],
  label: (code: C) => string,
): FormFieldLayout[] {
  return codes.map((code) => ({
    ...yesNoField(`${path}[${code}]`, label(code)),
    bind: { kind: "member", path, code },
  }));
}

const heading = (text: string): FormItem => ({ kind: "heading", text });
const hint = (text: string): FormItem => ({ kind: "text", text });

const NATURES = ["企业", "事业单位", "社会团体", "民办非企业单位", "其他"];

/** 一、机构基本情况, shared by 附件1 and 附件3. */
function orgItems(category: string | undefined): FormItem[] {
  const items: FormItem[] = [
    field("org.name", "名称（法人单位名称）", "text", textCodec, { required: true }),
    field("org.creditCode", "统一社会信用代码", "text", codeCodec, {
      required: true,
      note: "营业执照或法人登记证上的 18 位代码",
    }),
    field("org.nature", "机构性质", "text", textCodec, {
      validation: { list: NATURES, strict: false, error: "可从下拉列表选择，或直接填写" },
    }),
    field("org.address", "地址", "text", textCodec),
    field("org.head.name", "主要负责人姓名", "text", textCodec),
    field("org.head.title", "主要负责人职务", "text", textCodec),
    field("org.staff.total", "总人数", "integer", numberCodec, { validation: { min: 0, error: "请输入人数" } }),
    field("org.staff.fullTime", "专职人员数量", "integer", numberCodec, {
      validation: { min: 0, error: "请输入人数" },
      note: "第五条（一）：专职人员不少于 5 名",
    }),
    field("org.staff.partTime", "兼职人员数量", "integer", numberCodec, {
      validation: { min: 0, error: "请输入人数" },
    }),
    field("org.contact.name", "联系人", "text", textCodec),
    field("org.contact.mobile", "手机", "text", codeCodec),
    field("org.contact.email", "邮箱", "text", textCodec),
    field("org.website", "网站/平台名称及网址（如有）", "text", textCodec),
    field("org.wechat", "微信公众号名称及账号（如有）", "text", textCodec),
    field("category", "网点机构类别", "text", labelCodec(CATEGORY_LABELS), {
      required: true,
      validation: list(CATEGORY_OPTIONS, "请从下拉列表选择网点机构类别"),
    }),
    hint("市场化服务机构类服务网点的类型（可多选）："),
    ...checkboxes("marketTypes", MARKET_TYPES, (c) => `${MARKET_TYPES.indexOf(c) + 1}.${MARKET_TYPE_LABELS[c]}`),
    hint("网点机构已获资质（可多选；均为“否”且未填其他即为“无”）："),
    ...checkboxes("qualifications", QUALIFICATIONS, (c) => QUALIFICATION_LABELS[c]),
    field("qualificationOther", "其他资质", "text", textCodec),
    hint("服务对象（可多选）："),
    ...checkboxes("serviceObjects", SERVICE_OBJECTS, (c) => SERVICE_OBJECT_LABELS[c]),
  ];
  return items.concat(servicesItems(category));
}

const OTHER_SERVICE_LABELS: Record<Tier, string> = {
  basic: "其他基础性服务",
  lowCost: "其他低成本专业化服务",
  valueAdded: "其他增值服务",
};

/** 服务内容: a checkbox per item of the general list and the category's list, then 其他… text, tier by tier. */
function servicesItems(category: string | undefined): FormItem[] {
  const items = itemsForCategory(category);
  const out: FormItem[] = [heading("服务内容（附件2 服务事项，可多选）")];
  for (const tier of TIERS) {
    const own = items.filter((i) => i.tier === tier);
    out.push(hint(`${TIER_LABELS[tier]}：`));
    out.push(
      ...own.map((item) => ({
        ...yesNoField(`services.${tier}[${item.code}]`, itemLabel(item)),
        bind: { kind: "member" as const, path: `services.${tier}`, code: item.code },
      })),
    );
    out.push(field(`services.other.${tier}`, OTHER_SERVICE_LABELS[tier], "text", textCodec));
    out.push(
      field(`services.${tier}+`, `${TIER_LABELS[tier]}——上列以外的附件2事项`, "text", listCodec, {
        bind: { kind: "extraItems", path: `services.${tier}`, listed: own.map((i) => i.code) },
        note: "其他类别清单中的事项：填编号或名称，多个用“、”分隔",
      }),
    );
  }
  return out;
}

function infrastructureItems(): FormItem[] {
  return [
    yesNoField("infrastructure.venue", "是否具有固定的一定面积的服务场所"),
    field("infrastructure.venueArea", "服务场所占地面积（m²）", "number", numberCodec, {
      validation: { min: 0, error: "请输入面积（平方米）" },
    }),
    yesNoField("infrastructure.equipment", "是否具有适合开展服务的网络环境、硬件设备、系统软件等基础设施"),
    yesNoField(
      "infrastructure.resources",
      "能够运用知识产权基础信息资源、数据库、国内外文献资源和信息检索工具、专利信息分析工具等开展知识产权信息查询、检索、咨询、培训等服务",
    ),
    field("infrastructure.databases", "自购数据库名称（如有）", "text", listCodec, { note: "多个用“、”分隔" }),
  ];
}

const formTable = (key: string, title: string, columns: readonly Column[], inputRows: number): FormTableLayout => ({
  kind: "table",
  key,
  title,
  columns,
  inputRows,
});

/** 申报书 (附件1), sections 一 to 七. */
export function applicationForm(category?: string): FormLayout {
  return {
    sheet: "申报书",
    title: "广州市知识产权信息公共服务网点申报书",
    items: [
      field("year", "申报年度", "integer", numberCodec, {
        required: true,
        validation: { min: 2000, max: 2100, error: "请输入四位年份" },
      }),
      field("submittedOn", "填报日期", "date", dateCodec, { validation: { error: "请输入日期，例如 2026-05-18" } }),
      heading("一、机构基本情况"),
      ...orgItems(category),
      heading("基础设施"),
      ...infrastructureItems(),
      heading("工作制度"),
      field("workSystems", "知识产权信息公共服务相关工作制度文件名称", "text", listCodec, {
        note: "多个用“、”分隔；没有工作制度则留空（视为“否”）",
      }),
      heading("二、工作基础和优势特点（2000字左右）"),
      hint(
        "（含软硬件基础设施；开展基础性服务、低成本专业化服务和增值服务的经验情况；相关工作制度；财务资源等情况说明，并以附件形式提交相关佐证材料）",
      ),
      field("narratives.foundation", "工作基础和优势特点", "longText", textCodec),
      heading("三、服务团队人员情况（1000字左右）"),
      hint(
        "（从服务团队人数、结构、学历、知识产权相关服务资质等方面进行说明，含主要负责人、专职人员（至少5名）个人情况及知识产权信息公共服务相关工作经历简介等，每人200字左右，并以附件形式提交相关佐证材料）",
      ),
      field("narratives.team", "服务团队人员情况", "longText", textCodec),
      formTable("team", "服务团队人员名单（主要负责人、专职人员至少5名、兼职人员）", TEAM_COLUMNS, 12),
      heading("四、未来发展思路和支持措施（2000字左右）"),
      hint("（开展基础性服务、低成本专业化服务和增值服务的具体内容、预期目标；资金、人才、运行保障、发展方向等）"),
      field("narratives.plan", "未来发展思路和支持措施", "longText", textCodec),
      heading("五、开展知识产权信息公共服务典型案例（1-2个，每个600字左右）"),
      formTable("cases", "典型案例", CASE_COLUMNS, 2),
      heading("六、附件列表"),
      hint("（附件材料另行装订，请参考以下排序整理，并制作材料目录；已准备的选“是”）"),
      yesNoField("attachments.license", "1、营业执照或法人登记证等证件盖章复印件"),
      yesNoField("attachments.systems", "2、知识产权信息服务相关制度"),
      yesNoField("attachments.history", "3、近两年开展知识产权信息公共服务的情况说明、案例证明材料"),
      yesNoField("attachments.credentials", "4、知识产权信息服务人员有关学历及资格证书的材料"),
      yesNoField("attachments.other", "5、其他证明符合认定条件、申报优势的材料"),
      heading("七、申请认定机构意见"),
      hint("（含材料真实性、合法性、支持保障条件落实等情况）"),
      field("declaration.handler", "经办人", "text", textCodec),
      field("declaration.head", "负责人", "text", textCodec),
      field("declaration.date", "日期", "date", dateCodec),
      yesNoField("declaration.sealed", "是否已盖章", { note: "申报书应盖章、签字，否则视为无效申报" }),
    ],
  };
}

/** 工作总结表 (附件3), sections 一 to 六; 基础设施 added so that 认定条件 can be checked again. */
export function summaryForm(category?: string): FormLayout {
  return {
    sheet: "工作总结表",
    title: "广州市知识产权信息公共服务网点工作总结表",
    items: [
      field("year", "年度", "integer", numberCodec, {
        required: true,
        validation: { min: 2000, max: 2100, error: "请输入四位年份" },
      }),
      field("submittedOn", "填报日期", "date", dateCodec, {
        validation: { error: "请输入日期，例如 2025-12-20" },
        note: "第十八条：每年12月底前报送",
      }),
      heading("一、机构基本情况"),
      ...orgItems(category),
      heading("基础设施（是否仍符合认定条件）"),
      ...infrastructureItems(),
      heading("二、服务开展情况"),
      hint("（总结基础性服务、低成本专业化服务和增值服务的工作情况及取得的成效等，2000字左右）"),
      field("narratives.services", "服务开展情况", "longText", textCodec),
      heading("三、开展知识产权信息公共服务的创新亮点及典型案例"),
      hint("（创新服务模式，为服务对象提供特色化、个性化的创新服务及亮点，1000字左右；典型案例1-3个，每个500字左右）"),
      field("narratives.highlights", "创新亮点", "longText", textCodec),
      formTable("cases", "典型案例", CASE_COLUMNS, 3),
      heading("四、工作体会及建议"),
      hint(
        "（对服务对象反馈情况进行分析，制定的质量提升方案及改进措施；工作开展过程中存在的困难、问题和需求；对知识产权信息公共服务工作的建议等，2000字左右）",
      ),
      field("narratives.reflections", "工作体会及建议", "longText", textCodec),
      heading("五、未来一年工作计划"),
      hint("（含基础设施、人才队伍、资金投入、服务内容、运行保障等，1000字左右）"),
      field("narratives.plan", "未来一年工作计划", "longText", textCodec),
      heading("六、证明材料"),
      hint("（证明材料另行装订，请参考以下排序整理，并制作材料目录；已准备的选“是”）"),
      yesNoField("evidence.services", "（一）开展基础性服务、低成本专业化服务和增值服务的证明材料"),
      yesNoField("evidence.facilities", "（二）服务场地、软硬件设施、数据信息资源能够为服务提供保障的证明材料"),
      yesNoField("evidence.team", "（三）人才团队建设及培训的证明材料"),
      yesNoField("evidence.systems", "（四）工作制度相关的证明材料"),
      yesNoField("evidence.feedback", "（五）服务对象的反馈评价材料"),
    ],
  };
}

/** 网点信息 of a ledger workbook: the ledger's header (FORMAT.md `outlet`, `year`). */
export const LEDGER_INFO_FORM: FormLayout = {
  sheet: "网点信息",
  title: "服务情况记录台账 · 网点信息",
  items: [
    field("outlet.name", "网点名称", "text", textCodec, { required: true }),
    field("outlet.creditCode", "网点统一社会信用代码", "text", codeCodec, { required: true }),
    field("year", "台账年度", "integer", numberCodec, {
      required: true,
      validation: { min: 2000, max: 2100, error: "请输入四位年份" },
    }),
  ],
};
