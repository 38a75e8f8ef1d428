/**
 * Lays a sheet model out as the Office.js adapter writes it: whole 2-D arrays of values and number formats (one row
 * per sheet row), column widths, and the format operations that follow the values (header style, fills of marks,
 * notes, links, input rules, freeze panes, table, protection). Pure: no Office globals, so it is tested directly.
 */
import type { Severity } from "../core/findings";
import { INLINE_LIST_LIMIT, ListColumns, LISTS_SHEET, PALETTE, SEVERITY_RANK } from "../core/sheets/style";
import { xmlSafe } from "../core/text";
import {
  columnLetter,
  isUnreadable,
  type CellLink,
  type CellMark,
  type CellType,
  type CellValue,
  type ColumnSpec,
  type FormSheet,
  type SheetModel,
  type TableSheet,
  type TextSheet,
  type Validation,
} from "../core/sheets/model";
import { MAX_CELL_CHARS, NO, NUMBER_FORMATS, YES, isoToDate, displayText } from "../adapters/exceljs/values";

/** What Range.values accepts; "" is an empty cell (null would mean "leave unchanged" to Office.js). */
export type OfficeCell = string | number | boolean;

/** Office.js wants #RRGGBB. */
export const COLORS = {
  header: `#${PALETTE.header}`,
  heading: `#${PALETTE.heading}`,
  link: `#${PALETTE.link}`,
  severity: {
    error: `#${PALETTE.severity.error}`,
    warning: `#${PALETTE.severity.warning}`,
    info: `#${PALETTE.severity.info}`,
  } satisfies Record<Severity, string>,
};

export { LISTS_SHEET };
/** Points per character of column width (Calibri 11: 8.43 characters = 64 px = 48 pt). */
const POINTS_PER_CHAR = 48 / 8.43;

export type StyleOp =
  | { t: "font"; address: string; bold?: boolean; size?: number; color?: string; underline?: boolean }
  | { t: "fill"; address: string; color: string }
  | { t: "wrap"; address: string }
  | { t: "merge"; address: string }
  | { t: "width"; address: string; points: number }
  | { t: "unlock"; address: string }
  | { t: "validation"; address: string; rule: ValidationRule }
  | { t: "note"; address: string; text: string }
  | { t: "link"; address: string; target: string; text: string; tip: string };

export interface ValidationRule {
  list?: string;
  whole?: boolean;
  min?: number;
  max?: number;
  error: string;
  strict: boolean;
}

export interface SheetLayout {
  name: string;
  width: number;
  values: OfficeCell[][];
  formats: string[][];
  styles: StyleOp[];
  /** 1-based header row of a table sheet (freeze panes, table, filters). */
  headerRow?: number;
  lastRow: number;
  freeze?: { rows: number; cols: number };
  table?: { name: string; address: string };
  filter?: string;
  protect: boolean;
  visibility: "Visible" | "Hidden" | "VeryHidden";
}

/** Text as a cell holds it: no character XML cannot hold (the saved file would not open), at most Excel's limit. */
function officeText(text: string): string {
  const safe = xmlSafe(text);
  return safe.length > MAX_CELL_CHARS ? safe.slice(0, MAX_CELL_CHARS) : safe;
}

/** A model value as an Office.js cell value under `type` (dates as serials: the number format shows them). */
export function toOfficeValue(value: CellValue | undefined, type: CellType): OfficeCell {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return officeText(value);
  if (typeof value === "number") return Number.isFinite(value) ? value : String(value);
  if (typeof value === "boolean") return type === "boolean" ? (value ? YES : NO) : value;
  if (isUnreadable(value)) return officeText(value.shown);
  const date = isoToDate(value.date);
  return date ? date.getTime() / 86400000 + 25569 : value.date;
}

/**
 * The number format of a cell. Strings always get "@" (text), whatever the column: set before the values, it keeps
 * "=1+1", "+86…", "0012" or "2025-01-02" exactly the string written, never a formula, a number or a date.
 */
export function cellFormat(value: OfficeCell, type: CellType, numFmt: string | undefined): string {
  if (typeof value === "string") return "@";
  return numFmt ?? NUMBER_FORMATS[type];
}

export class ListBook {
  readonly lists = new ListColumns();
  readonly tableNames = new Set<string>();

  source(values: readonly string[]): string {
    const joined = values.join(",");
    if (joined.length < INLINE_LIST_LIMIT && !values.some((v) => v.includes(","))) return joined;
    return `=${this.lists.range(values)}`;
  }

  tableName(wanted: string): string {
    let base = wanted.replace(/[^A-Za-z0-9_]/gu, "_");
    if (!/^[A-Za-z_]/u.test(base)) base = `T_${base}`;
    let name = base;
    for (let i = 2; this.tableNames.has(name.toLowerCase()); i++) name = `${base}_${i}`;
    this.tableNames.add(name.toLowerCase());
    return name;
  }

  /** The lists sheet, when some list was too long to inline. */
  layout(): SheetLayout | null {
    if (this.lists.size === 0) return null;
    const columns = this.lists.columns();
    const height = Math.max(...columns.map((c) => c.length));
    const values = Array.from({ length: height }, (_, r) => columns.map((c) => c[r] ?? ""));
    return {
      name: LISTS_SHEET,
      width: columns.length,
      values,
      formats: values.map((row) => row.map(() => "@")),
      styles: [],
      lastRow: height,
      protect: false,
      visibility: "VeryHidden",
    };
  }
}

function rule(validation: Validation | undefined, type: CellType, lists: ListBook): ValidationRule | null {
  const list = validation?.list ?? (type === "boolean" ? [YES, NO] : undefined);
  const strict = validation?.strict !== false;
  if (list && list.length > 0) {
    return { list: lists.source(list), error: validation?.error ?? "请从下拉列表中选择。", strict };
  }
  const { min, max } = validation ?? {};
  if (min === undefined && max === undefined) return null;
  const whole = type === "integer";
  const what = whole ? "整数" : "数值";
  const error =
    validation?.error ??
    (min !== undefined && max !== undefined
      ? `请输入 ${min} 至 ${max} 之间的${what}。`
      : min !== undefined
        ? `请输入不小于 ${min} 的${what}。`
        : `请输入不大于 ${max} 的${what}。`);
  return { whole, ...(min !== undefined ? { min } : {}), ...(max !== undefined ? { max } : {}), error, strict };
}

const range = (c0: number, r0: number, c1: number, r1: number): string =>
  c0 === c1 && r0 === r1 ? `${columnLetter(c0)}${r0}` : `${columnLetter(c0)}${r0}:${columnLetter(c1)}${r1}`;

function worst(marks: readonly CellMark[]): Severity {
  return marks.reduce<Severity>((w, m) => (SEVERITY_RANK[m.severity] > SEVERITY_RANK[w] ? m.severity : w), "info");
}

function byCell<T extends { row: number; col: number }>(items: readonly T[] | undefined): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items ?? []) {
    const key = `${item.row}|${item.col}`;
    const list = out.get(key);
    if (list) list.push(item);
    else out.set(key, [item]);
  }
  return out;
}

function headerStyles(address: string): StyleOp[] {
  return [
    { t: "font", address, bold: true },
    { t: "fill", address, color: COLORS.header },
    { t: "wrap", address },
  ];
}

export function layoutTable(sheet: TableSheet, lists: ListBook): SheetLayout {
  const { columns } = sheet;
  const headerRow = sheet.title !== undefined ? 2 : 1;
  const first = headerRow + 1;
  const marks = byCell(sheet.marks);
  const links = byCell<CellLink>(sheet.links);
  let bodyRows = sheet.rows.length + Math.max(0, sheet.inputRows ?? 0);
  for (const item of [...(sheet.marks ?? []), ...(sheet.links ?? [])])
    if (item.row >= bodyRows) bodyRows = item.row + 1;
  let width = Math.max(1, columns.length);
  for (const row of sheet.rows) if (row.length > width) width = row.length;
  const last = headerRow + bodyRows;
  const styles: StyleOp[] = [];
  const values: OfficeCell[][] = [];
  const formats: string[][] = [];

  if (sheet.title !== undefined) {
    values.push([sheet.title, ...Array<OfficeCell>(width - 1).fill("")]);
    formats.push(Array<string>(width).fill("@"));
    styles.push({ t: "font", address: "A1", bold: true, size: 14 });
    if (width > 1) styles.push({ t: "merge", address: range(0, 1, width - 1, 1) });
  }
  values.push(Array.from({ length: width }, (_, c) => columns[c]?.header ?? ""));
  formats.push(Array<string>(width).fill("@"));
  styles.push(...headerStyles(range(0, headerRow, width - 1, headerRow)));

  for (let i = 0; i < bodyRows; i++) {
    const src = sheet.rows[i] ?? [];
    const vrow = new Array<OfficeCell>(width);
    const frow = new Array<string>(width);
    for (let c = 0; c < width; c++) {
      const col: ColumnSpec | undefined = columns[c];
      const type = col?.type ?? "text";
      const v = toOfficeValue(src[c], type);
      vrow[c] = v;
      frow[c] = cellFormat(v, type, col?.numFmt);
    }
    values.push(vrow);
    formats.push(frow);
  }

  // Per-column formats over the used rows only (never whole columns).
  columns.forEach((col, c) => {
    const letter = columnLetter(c);
    styles.push({
      t: "width",
      address: `${letter}${headerRow}:${letter}${Math.max(headerRow, last)}`,
      points: pts(col.width),
    });
    if (col.note) styles.push({ t: "note", address: `${letter}${headerRow}`, text: col.note });
    if (bodyRows === 0) return;
    const body = `${letter}${first}:${letter}${last}`;
    if (col.type === "longText") styles.push({ t: "wrap", address: body });
    const r = rule(col.validation, col.type, lists);
    if (r) styles.push({ t: "validation", address: body, rule: r });
    if (sheet.protect && col.locked !== true) styles.push({ t: "unlock", address: body });
  });

  for (const [key, cellMarks] of marks) {
    const [row, col] = key.split("|").map(Number) as [number, number];
    const address = `${columnLetter(col)}${first + row}`;
    styles.push({ t: "fill", address, color: COLORS.severity[worst(cellMarks)] });
    styles.push({ t: "note", address, text: cellMarks.map((m) => m.note).join("\n") });
  }
  for (const [, [link]] of links) {
    if (!link) continue;
    const address = `${columnLetter(link.col)}${first + link.row}`;
    const text = displayText(sheet.rows[link.row]?.[link.col] ?? null) || `${link.sheet}!${link.cell}`;
    styles.push({ t: "link", address, target: linkTarget(link), text, tip: `转到 ${link.sheet}!${link.cell}` });
    styles.push({ t: "font", address, color: COLORS.link, underline: true });
  }

  const tableRange = range(0, headerRow, width - 1, Math.max(first, last));
  const headers = columns.map((c) => c.header.trim().toLowerCase());
  const tableOk =
    sheet.table !== undefined &&
    (sheet.marks?.length ?? 0) === 0 &&
    columns.length === width &&
    headers.every((h) => h !== "") &&
    new Set(headers).size === headers.length;
  return {
    name: sheet.name,
    width,
    values,
    formats,
    styles,
    headerRow,
    lastRow: Math.max(headerRow, last),
    freeze: { rows: headerRow, cols: Math.max(0, sheet.freeze?.cols ?? 0) },
    ...(tableOk && sheet.table ? { table: { name: lists.tableName(sheet.table.name), address: tableRange } } : {}),
    ...(!tableOk && sheet.table ? { filter: tableRange } : {}),
    protect: sheet.protect === true,
    visibility: sheet.hidden ? "Hidden" : "Visible",
  };
}

/** `'Sheet'!$D$12`: a link inside the workbook (Range.hyperlink.documentReference). */
export function linkTarget(link: CellLink): string {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/u.exec(link.cell);
  const cell = m ? `$${m[1]!.toUpperCase()}$${m[2]}` : link.cell;
  return `'${link.sheet.replace(/'/gu, "''")}'!${cell}`;
}

function pts(chars: number): number {
  return Math.round(chars * POINTS_PER_CHAR * 10) / 10;
}

type FormTable = Extract<FormSheet["blocks"][number], { kind: "table" }>;

/** A form: title, then each block on its own rows (label in A, value in B; small tables below their title). */
export function layoutForm(sheet: FormSheet, lists: ListBook): SheetLayout {
  const tables = sheet.blocks.filter((b): b is FormTable => b.kind === "table");
  const width = Math.max(2, ...tables.map((t) => t.columns.length));
  const widths = Array.from({ length: width }, (_, c) =>
    Math.max(c === 0 ? 28 : 8, ...tables.map((t) => t.columns[c]?.width ?? 0), c === 1 && tables.length === 0 ? 80 : 0),
  );
  const values: OfficeCell[][] = [];
  const formats: string[][] = [];
  const styles: StyleOp[] = [];
  const blank = (): void => {
    values.push(Array<OfficeCell>(width).fill(""));
    formats.push(Array<string>(width).fill("@"));
  };
  const across = (text: string, extra: StyleOp[]): void => {
    blank();
    const r = values.length;
    values[r - 1]![0] = text;
    if (width > 1) styles.push({ t: "merge", address: range(0, r, width - 1, r) });
    styles.push(...extra.map((s) => ({ ...s, address: `A${r}` })));
  };
  across(sheet.title, [{ t: "font", address: "", bold: true, size: 14 }]);
  for (const block of sheet.blocks) {
    if (block.kind === "heading") {
      across(block.text, [
        { t: "font", address: "", bold: true, size: 12 },
        { t: "fill", address: "", color: COLORS.heading },
      ]);
    } else if (block.kind === "text") {
      across(block.text, [{ t: "wrap", address: "" }]);
    } else if (block.kind === "field") {
      const f = block.field;
      blank();
      const r = values.length;
      const v = toOfficeValue(f.value, f.type);
      values[r - 1]![0] = f.label;
      values[r - 1]![1] = v;
      formats[r - 1]![1] = cellFormat(v, f.type, undefined);
      if (f.required) styles.push({ t: "font", address: `A${r}`, bold: true });
      const help = [f.note, f.required ? "必填" : undefined].filter(Boolean).join("\n");
      if (help) styles.push({ t: "note", address: `A${r}`, text: help });
      if (width > 2) styles.push({ t: "merge", address: range(1, r, width - 1, r) });
      styles.push({ t: "wrap", address: `B${r}` });
      const rl = rule(f.validation, f.type, lists);
      if (rl) styles.push({ t: "validation", address: `B${r}`, rule: rl });
      if (sheet.protect) styles.push({ t: "unlock", address: `B${r}` });
    } else {
      across(block.title, [{ t: "font", address: "", bold: true }]);
      blank();
      const h = values.length;
      block.columns.forEach((col, c) => (values[h - 1]![c] = col.header));
      if (block.columns.length > 0) styles.push(...headerStyles(range(0, h, block.columns.length - 1, h)));
      const count = block.rows.length + Math.max(0, block.inputRows);
      for (let i = 0; i < count; i++) {
        blank();
        const r = values.length;
        block.columns.forEach((col, c) => {
          const v = toOfficeValue(block.rows[i]?.[c], col.type);
          values[r - 1]![c] = v;
          formats[r - 1]![c] = cellFormat(v, col.type, col.numFmt);
        });
      }
      if (count > 0) {
        block.columns.forEach((col, c) => {
          const address = range(c, h + 1, c, h + count);
          const rl = rule(col.validation, col.type, lists);
          if (rl) styles.push({ t: "validation", address, rule: rl });
          if (sheet.protect && col.locked !== true) styles.push({ t: "unlock", address });
        });
      }
      blank();
    }
  }
  const lastRow = values.length;
  widths.forEach((w, c) => {
    const letter = columnLetter(c);
    styles.push({ t: "width", address: `${letter}1:${letter}${lastRow}`, points: pts(w) });
  });
  return {
    name: sheet.name,
    width,
    values,
    formats,
    styles,
    lastRow,
    protect: sheet.protect === true,
    visibility: "Visible",
  };
}

export function layoutText(sheet: TextSheet): SheetLayout {
  const values: OfficeCell[][] = sheet.paragraphs.map((p) => [p]);
  const lastRow = Math.max(1, values.length);
  return {
    name: sheet.name,
    width: 1,
    values,
    formats: values.map(() => ["@"]),
    styles: [
      { t: "width", address: `A1:A${lastRow}`, points: pts(sheet.width ?? 100) },
      { t: "wrap", address: `A1:A${lastRow}` },
    ],
    lastRow,
    protect: false,
    visibility: "Visible",
  };
}

export function layoutSheet(sheet: SheetModel, lists: ListBook): SheetLayout {
  if (sheet.kind === "table") return layoutTable(sheet, lists);
  if (sheet.kind === "form") return layoutForm(sheet, lists);
  return layoutText(sheet);
}
