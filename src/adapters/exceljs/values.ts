/**
 * Conversions from the workbook model's CellValue to exceljs values, and the small measures the renderer needs
 * (number formats, text widths). No I/O: usable in Node and in the browser. (exceljs only writes; reading is
 * src/adapters/xlsx.)
 */
import type ExcelJS from "exceljs";
import { isUnreadable, type CellType, type CellValue } from "../../core/sheets/model";
import { xmlSafe } from "../../core/text";

/** Excel refuses cells longer than this (the file is reported as damaged). */
export const MAX_CELL_CHARS = 32767;
const TRUNCATED = "…（超出 Excel 单元格 32767 字符上限，以下内容已截断）";

/** Shown in boolean columns and fields (and offered by their drop-down); the importer reads them back as booleans. */
export const YES = "是";
export const NO = "否";

/**
 * Number formats by column type. Dates are ISO-like `yyyy-mm-dd` everywhere (tables and forms): unambiguous, the
 * same in every locale and what people are asked to type; a column's own `numFmt` wins.
 */
export const NUMBER_FORMATS: Record<CellType, string> = {
  text: "@",
  longText: "@",
  integer: "0",
  number: "0.00",
  money: "#,##0.00",
  percent: "0.0%",
  date: "yyyy-mm-dd",
  boolean: "@",
};

/** `{ date: "YYYY-MM-DD" }` as a UTC-midnight Date, or null when it is not a real calendar date Excel can hold. */
export function isoToDate(iso: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (y < 1900 || y > 9999) return null;
  const date = new Date(Date.UTC(y, mo - 1, d));
  // Date.UTC rolls 2025-02-30 over to March: refuse instead of writing another day.
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  return date;
}

function clampText(text: string): string {
  const safe = xmlSafe(text);
  return safe.length > MAX_CELL_CHARS ? safe.slice(0, MAX_CELL_CHARS - TRUNCATED.length) + TRUNCATED : safe;
}

/**
 * A model value as an exceljs cell value. Text always stays a plain string (exceljs stores it as a shared string, so
 * "=1+1" or "+86 138…" open as text); no formula object is ever built from a value.
 */
export function toExcelValue(value: CellValue | undefined, type: CellType): ExcelJS.CellValue {
  if (value === null || value === undefined) return null;
  // An empty string would be a cell that looks empty but is not blank to Excel: leave the cell empty.
  if (typeof value === "string") return value === "" ? null : clampText(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "boolean") return type === "boolean" ? (value ? YES : NO) : value;
  // A cell read as unusable shows what the source held, as text.
  if (isUnreadable(value)) return clampText(value.shown) || null;
  if (typeof value.date === "string") return isoToDate(value.date) ?? clampText(value.date);
  return clampText(String(value));
}

/** The text a cell shows, for hyperlinks (whose value must be text) and for measuring row heights. */
export function displayText(value: CellValue | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number") return String(value);
  if (typeof value === "boolean") return value ? YES : NO;
  if (isUnreadable(value)) return value.shown;
  return typeof value.date === "string" ? value.date : String(value);
}

/** Display width in Excel "characters": CJK and full-width forms take two. */
export function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    const code = ch.codePointAt(0) ?? 0;
    width += code >= 0x2e80 && !(code >= 0xff61 && code <= 0xff9f) ? 2 : 1;
  }
  return width;
}

/** Lines a wrapped text takes in a column `width` characters wide. */
export function lineCount(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  let lines = 0;
  for (const line of text.split(/\r?\n/u)) lines += Math.max(1, Math.ceil(textWidth(line) / usable));
  return lines;
}

const LINE_HEIGHT = 15;
/** Excel's largest row height, in points. */
export const MAX_ROW_HEIGHT = 409;

/** Row height (points) for `lines` lines of text, or undefined when the default height does. */
export function heightForLines(lines: number): number | undefined {
  return lines > 1 ? Math.min(MAX_ROW_HEIGHT, lines * LINE_HEIGHT + 3) : undefined;
}
