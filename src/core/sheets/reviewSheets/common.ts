/**
 * What the sheets of the review workbook share: typed columns with Chinese number and date formats, cells from
 * submitted values, the A1 address of a data cell, and findings merged into one mark per cell. Pure.
 */
import { xmlSafe } from "../../text";
import { parseDate } from "../../dates";
import { SEVERITY_LABELS, type Finding, type Severity } from "../../findings";
import { columnLetter, type CellMark, type CellType, type CellValue, type ColumnSpec, type TableSheet } from "../model";

/** Number formats by what a column holds (the adapter's defaults may differ: these are the review workbook's). */
export const FORMATS = {
  integer: "#,##0",
  money: "#,##0.00",
  score: "0.0",
  mean: "0.00",
  percent: "0.0%",
  date: 'yyyy"年"m"月"d"日"',
} as const;

const DEFAULT_FORMAT: Partial<Record<CellType, string>> = {
  integer: FORMATS.integer,
  money: FORMATS.money,
  percent: FORMATS.percent,
  date: FORMATS.date,
};

/** A column of a review sheet; `numFmt` defaults by type. */
export function column(
  key: string,
  header: string,
  type: CellType,
  width: number,
  extra: Partial<Omit<ColumnSpec, "key" | "header" | "type" | "width">> = {},
): ColumnSpec {
  const numFmt = extra.numFmt ?? DEFAULT_FORMAT[type];
  return { key, header, type, width, ...extra, ...(numFmt ? { numFmt } : {}) };
}

/**
 * Text as submitted, or null when blank. Never rewritten: a value such as "=HYPERLINK(…)" or "+86 138…" is kept
 * verbatim in a "text" column, and the adapter writes text cells as values, never as formulas.
 */
export function text(value: string | null | undefined): CellValue {
  return value === undefined || value === null || value === "" ? null : value;
}

export function num(value: number | null | undefined): CellValue {
  return value === undefined || value === null || !Number.isFinite(value) ? null : value;
}

/** A date cell when the value is a valid ISO date; what was written otherwise, as text (a finding says why). */
export function dateCell(value: string | null | undefined): CellValue {
  if (value === undefined || value === null || value === "") return null;
  return parseDate(value) === value ? { date: value } : value;
}

export function yesNo(value: boolean | null | undefined): CellValue {
  return value === undefined || value === null ? null : value ? "是" : "否";
}

/** "是" or blank: columns that flag the exception (拟认定, 否决…) read better without a sea of 否. */
export function flag(value: boolean | null | undefined): CellValue {
  return value ? "是" : null;
}

export function joined(values: readonly (string | null | undefined)[], separator = "、"): CellValue {
  const kept = values.filter((v): v is string => typeof v === "string" && v !== "");
  return kept.length ? kept.join(separator) : null;
}

/** Header row of every review table: no title rows above it, so data row r is sheet row r + 2. */
export const HEADER_ROW = 1;

/** A1 address of a data cell (0-based data row and column). */
export function dataCellRef(row: number, col: number): string {
  return `${columnLetter(col)}${row + HEADER_ROW + 1}`;
}

/** Column index by key; throws on a typo in a builder (a programming error, not bad input). */
export function columnIndex(columns: readonly ColumnSpec[], key: string): number {
  const i = columns.findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`review workbook: no column "${key}"`);
  return i;
}

/**
 * A table sheet with the review workbook's defaults: an Excel table with filters (left out when there are no rows,
 * since an empty table is not a valid Excel table), a frozen header and the first `freezeCols` columns.
 */
export function tableSheet(
  name: string,
  tableName: string,
  columns: readonly ColumnSpec[],
  rows: readonly (readonly CellValue[])[],
  freezeCols = 1,
): TableSheet {
  return {
    kind: "table",
    name,
    columns,
    rows,
    ...(rows.length ? { table: { name: tableName } } : {}),
    freeze: { cols: freezeCols },
  };
}

const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
/** Messages listed in one note; the rest are counted (问题清单 lists every one). */
const MAX_NOTE_LINES = 10;

export function worstSeverity(severities: readonly Severity[]): Severity {
  return severities.reduce<Severity>((w, s) => (SEVERITY_RANK[s] < SEVERITY_RANK[w] ? s : w), "info");
}

/**
 * One mark per cell: the fill of the worst severity and a note listing every finding on the cell, worst first.
 * Marks come out in sheet order (row, then column).
 */
export function mergeMarks(placed: readonly { row: number; col: number; finding: Finding }[]): CellMark[] {
  const byCell = new Map<string, { row: number; col: number; findings: Finding[] }>();
  for (const p of placed) {
    const key = `${p.row}:${p.col}`;
    const cell = byCell.get(key);
    if (cell) cell.findings.push(p.finding);
    else byCell.set(key, { row: p.row, col: p.col, findings: [p.finding] });
  }
  return [...byCell.values()]
    .sort((a, b) => a.row - b.row || a.col - b.col)
    .map(({ row, col, findings }) => {
      const sorted = [...findings].sort((a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity]);
      const lines = sorted.slice(0, MAX_NOTE_LINES).map((f) => `【${SEVERITY_LABELS[f.severity]}】${f.message}`);
      if (sorted.length > MAX_NOTE_LINES) lines.push(`……另有 ${sorted.length - MAX_NOTE_LINES} 条，见“问题清单”`);
      return { row, col, severity: worstSeverity(sorted.map((f) => f.severity)), note: lines.join("\n") };
    });
}

/** Excel sheet names: at most 31 characters, none of []:*?/\ and not starting or ending with an apostrophe. */
export function safeSheetName(name: string, taken: ReadonlySet<string>): string {
  // Characters Excel refuses in a name, and (from submitted names) characters no file can hold, become "_".
  const base =
    xmlSafe(name)
      .replace(/[[\]:*?/\\\uFFFD\u0009\u000A\u000D]/gu, "_")
      .replace(/^'+|'+$/gu, "") || "工作表";
  const chars = [...base];
  let candidate = chars.slice(0, 31).join("");
  for (let n = 2; taken.has(candidate.toLowerCase()); n++) {
    const suffix = `(${n})`;
    candidate = chars.slice(0, 31 - suffix.length).join("") + suffix;
  }
  return candidate;
}
