/**
 * Renders a WorkbookModel onto an exceljs workbook: the in-memory `Workbook` or the streaming `WorkbookWriter`.
 * Rows are written strictly top to bottom and committed as they are finished, so the same code serves both (a
 * commit is a no-op in memory and frees the row when streaming). No I/O here.
 */
import { xmlSafe } from "../../core/text";
import type ExcelJS from "exceljs";
import type { Severity } from "../../core/findings";
import {
  checkSheetNames,
  INLINE_LIST_LIMIT,
  ListColumns,
  LISTS_SHEET,
  PALETTE,
  SEVERITY_RANK,
} from "../../core/sheets/style";
import {
  MARKER_SHEET,
  columnLetter,
  type CellLink,
  type CellMark,
  type CellType,
  type CellValue,
  type ColumnSpec,
  type FormField,
  type FormSheet,
  type TableSheet,
  type TextSheet,
  type Validation,
  type WorkbookModel,
} from "../../core/sheets/model";
import { NO, NUMBER_FORMATS, YES, displayText, heightForLines, lineCount, toExcelValue } from "./values";

/** Very hidden sheet holding drop-down lists too long to inline in a validation (one list per column). */
export { LISTS_SHEET };

/** exceljs wants ARGB. */
const COLOR = {
  headerFill: `FF${PALETTE.header}`,
  headingFill: `FF${PALETTE.heading}`,
  border: `FF${PALETTE.border}`,
  link: `FF${PALETTE.link}`,
  severity: {
    error: `FF${PALETTE.severity.error}`,
    warning: `FF${PALETTE.severity.warning}`,
    info: `FF${PALETTE.severity.info}`,
  } satisfies Record<Severity, string>,
};

const FORM_LABEL_WIDTH = 28;
const FORM_VALUE_WIDTH = 80;
const TEXT_SHEET_WIDTH = 100;
/** Rows of room given to an empty long-text field of a form, so it reads as a box to write in. */
const LONG_TEXT_MIN_LINES = 4;

type Style = Partial<ExcelJS.Style>;

const thin: Partial<ExcelJS.Border> = { style: "thin", color: { argb: COLOR.border } };
const BOX: Partial<ExcelJS.Borders> = { top: thin, left: thin, bottom: thin, right: thin };
const solid = (argb: string): ExcelJS.Fill => ({ type: "pattern", pattern: "solid", fgColor: { argb } });

const TITLE_STYLE: Style = {
  font: { bold: true, size: 14 },
  alignment: { vertical: "middle", horizontal: "left" },
};
const HEADER_STYLE: Style = {
  font: { bold: true },
  fill: solid(COLOR.headerFill),
  border: BOX,
  alignment: { vertical: "middle", horizontal: "center", wrapText: true },
};
const HEADING_STYLE: Style = {
  font: { bold: true, size: 12 },
  fill: solid(COLOR.headingFill),
  alignment: { vertical: "middle" },
};
const TOTALS_STYLE_FONT: Partial<ExcelJS.Font> = { bold: true };

/** The part of the worksheet API used here that the typings of exceljs 4.4 leave out. */
interface WithValidations {
  dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void };
}

export interface RenderOptions {
  /** The target is a stream.xlsx.WorkbookWriter: commit each sheet, no Excel tables (autoFilter instead). */
  streaming: boolean;
}

/** Renders every sheet of `model` (then the lists and marker sheets) onto `workbook`. */
export async function renderWorkbook(
  workbook: ExcelJS.Workbook,
  model: WorkbookModel,
  options: RenderOptions,
): Promise<void> {
  checkSheetNames(model);
  // Excel opens on the active tab: make it the first visible sheet (a hidden active tab confuses it).
  const firstVisible = model.sheets.findIndex((s) => s.kind !== "table" || !s.hidden);
  if (firstVisible < 0) throw new Error("工作簿至少需要一个可见的工作表");
  const ctx = new RenderContext(options.streaming);
  workbook.creator = "网点评审助手";
  workbook.title = model.title;

  for (const sheet of model.sheets) {
    let ws: ExcelJS.Worksheet;
    if (sheet.kind === "table") ws = await renderTable(workbook, sheet, ctx);
    else if (sheet.kind === "form") ws = await renderForm(workbook, sheet, ctx);
    else ws = renderText(workbook, sheet, ctx);
    if (ctx.streaming) ws.commit();
  }

  if (ctx.lists.size > 0) {
    const ws = addSheet(workbook, LISTS_SHEET, { state: "veryHidden" }, ctx);
    const columns = ctx.lists.columns();
    const height = Math.max(...columns.map((c) => c.length));
    for (let r = 1; r <= height; r++) {
      const row = ws.getRow(r);
      for (let c = 0; c < columns.length; c++) {
        const value = columns[c]![r - 1];
        if (value !== undefined) row.getCell(c + 1).value = toExcelValue(value, "text");
      }
      row.commit();
    }
    if (ctx.streaming) ws.commit();
  }

  if (model.marker) {
    const ws = addSheet(workbook, MARKER_SHEET, { state: "veryHidden" }, ctx);
    const row = ws.getRow(1);
    row.getCell(1).value = JSON.stringify(model.marker);
    row.commit();
    if (ctx.streaming) ws.commit();
  }

  workbook.views = [
    { x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: firstVisible, visibility: "visible" },
  ];
}

function addSheet(
  workbook: ExcelJS.Workbook,
  name: string,
  options: Partial<ExcelJS.AddWorksheetOptions>,
  ctx: RenderContext,
  print: { wide?: boolean; titleRows?: number } = {},
): ExcelJS.Worksheet {
  // Offices print these: A4, fitted to the page width (landscape for wide tables), header rows repeated.
  const pageSetup: Partial<ExcelJS.PageSetup> = {
    paperSize: 9,
    orientation: print.wide ? "landscape" : "portrait",
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    ...(print.titleRows ? { printTitlesRow: `1:${print.titleRows}` } : {}),
  };
  const ws = workbook.addWorksheet(name, options.state === "veryHidden" ? options : { ...options, pageSetup });
  if (ctx.streaming) fixStreamingElementOrder(ws);
  return ws;
}

class RenderContext {
  readonly lists = new ListColumns();
  readonly tableNames = new Set<string>();
  constructor(readonly streaming: boolean) {}

  /** The formula of a list validation: inline when short and safe to inline, else a range on the lists sheet. */
  listFormula(values: readonly string[]): string {
    const joined = values.join(",");
    if (joined.length + 2 < INLINE_LIST_LIMIT && !values.some((v) => v.includes(",") || v.includes('"'))) {
      return `"${joined}"`;
    }
    return this.lists.range(values);
  }

  /** A unique, valid table name (letters, digits, underscores; not starting with a digit). */
  tableName(wanted: string): string {
    let base = wanted.replace(/[^A-Za-z0-9_]/gu, "_");
    if (!/^[A-Za-z_]/u.test(base)) base = `T_${base}`;
    let name = base;
    for (let i = 2; this.tableNames.has(name.toLowerCase()); i++) name = `${base}_${i}`;
    this.tableNames.add(name.toLowerCase());
    return name;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Cells

/** The value style of a column or field type: number format, wrapping, lock state. */
function valueStyle(type: CellType, numFmt: string | undefined, unlocked: boolean): Style {
  const wrap = type === "longText";
  return {
    numFmt: numFmt ?? NUMBER_FORMATS[type],
    alignment: wrap ? { vertical: "top", wrapText: true } : { vertical: "top" },
    ...(unlocked ? { protection: { locked: false } } : {}),
  };
}

function toDataValidation(
  validation: Validation | undefined,
  type: CellType,
  ctx: RenderContext,
): ExcelJS.DataValidation | null {
  const list = validation?.list ?? (type === "boolean" ? [YES, NO] : undefined);
  const common = {
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: validation?.strict === false ? "warning" : "stop",
    errorTitle: "输入有误",
  };
  if (list && list.length > 0) {
    return {
      ...common,
      type: "list",
      formulae: [ctx.listFormula(list)],
      error: validation?.error ?? "请从下拉列表中选择。",
    };
  }
  const min = validation?.min;
  const max = validation?.max;
  if (min === undefined && max === undefined) return null;
  const kind = type === "integer" ? "whole" : "decimal";
  const what = kind === "whole" ? "整数" : "数值";
  if (min !== undefined && max !== undefined) {
    return {
      ...common,
      type: kind,
      operator: "between",
      formulae: [min, max],
      error: validation?.error ?? `请输入 ${min} 至 ${max} 之间的${what}。`,
    };
  }
  return {
    ...common,
    type: kind,
    operator: min !== undefined ? "greaterThanOrEqual" : "lessThanOrEqual",
    formulae: [min ?? max],
    error:
      validation?.error ?? (min !== undefined ? `请输入不小于 ${min} 的${what}。` : `请输入不大于 ${max} 的${what}。`),
  };
}

function addValidation(ws: ExcelJS.Worksheet, range: string, validation: ExcelJS.DataValidation | null): void {
  if (validation) (ws as unknown as WithValidations).dataValidations.add(range, validation);
}

/** `#'Sheet'!$D$12`: the absolute form keeps exceljs from also writing a `location` that breaks the link in Excel. */
function linkTarget(link: CellLink): string {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d+)$/u.exec(link.cell);
  const cell = m ? `$${m[1]!.toUpperCase()}$${m[2]}` : link.cell;
  return `#'${link.sheet.replace(/'/gu, "''")}'!${cell}`;
}

/** Marks and links of a table, by data row then column, so rows can be written in one pass. */
function indexByCell<T extends { row: number; col: number }>(
  items: readonly T[] | undefined,
): Map<number, Map<number, T[]>> {
  const byRow = new Map<number, Map<number, T[]>>();
  for (const item of items ?? []) {
    let row = byRow.get(item.row);
    if (!row) byRow.set(item.row, (row = new Map()));
    const list = row.get(item.col);
    if (list) list.push(item);
    else row.set(item.col, [item]);
  }
  return byRow;
}

function worstSeverity(marks: readonly CellMark[]): Severity {
  return marks.reduce<Severity>(
    (worst, m) => (SEVERITY_RANK[m.severity] > SEVERITY_RANK[worst] ? m.severity : worst),
    "info",
  );
}

function setRowHeight(row: ExcelJS.Row, lines: number): void {
  const height = heightForLines(lines);
  if (height !== undefined) row.height = height;
}

/**
 * The streaming writer drops a row without values unless it has a height, and with it the formats, validation
 * targets, marks and notes of its empty cells (input rows, a mark on a missing value): give such rows the default.
 */
function keepEmptyRow(row: ExcelJS.Row, hasValue: boolean, ctx: RenderContext): void {
  if (ctx.streaming && !hasValue && row.height === undefined) row.height = 15;
}

// ---------------------------------------------------------------------------------------------------------------
// Table sheets

async function renderTable(
  workbook: ExcelJS.Workbook,
  sheet: TableSheet,
  ctx: RenderContext,
): Promise<ExcelJS.Worksheet> {
  const { columns } = sheet;
  const ncols = Math.max(1, columns.length);
  const lastCol = columnLetter(ncols - 1);
  const headerRow = sheet.title !== undefined ? 2 : 1;
  const firstDataRow = headerRow + 1;
  const marks = indexByCell(sheet.marks);
  const links = indexByCell(sheet.links);
  const inputRows = Math.max(0, sheet.inputRows ?? 0);
  let bodyRows = sheet.rows.length + inputRows;
  // A mark or link below the rows still gets its row (a loop: spreading many keys into Math.max can overflow).
  for (const r of [...marks.keys(), ...links.keys()]) if (r >= bodyRows) bodyRows = r + 1;
  const xSplit = Math.max(0, sheet.freeze?.cols ?? 0);

  const printWidth = sheet.columns.reduce((sum, c) => sum + c.width, 0);
  const ws = addSheet(
    workbook,
    sheet.name,
    {
      state: sheet.hidden ? "hidden" : "visible",
      // The header is always frozen; `freeze.cols` adds columns on the left.
      views: [
        {
          state: "frozen",
          xSplit,
          ySplit: headerRow,
          topLeftCell: `${columnLetter(xSplit)}${firstDataRow}`,
          activeCell: `A${firstDataRow}`,
        },
      ],
    },
    ctx,
    { wide: printWidth > 100, titleRows: headerRow },
  );
  columns.forEach((col, c) => (ws.getColumn(c + 1).width = col.width));

  const protect = sheet.protect === true;
  // On a protected sheet the title and header stay locked, and so do the columns marked `locked: true`.
  const baseStyles = columns.map((col) => valueStyle(col.type, col.numFmt, protect && col.locked !== true));
  const styleCache = new Map<string, Style>();
  const styleFor = (c: number, severity: Severity | undefined, link: boolean): Style => {
    const base = baseStyles[c] ?? {};
    if (!severity && !link) return base;
    const key = `${c}|${severity ?? ""}|${link ? 1 : 0}`;
    let style = styleCache.get(key);
    if (!style) {
      style = { ...base };
      if (severity) style.fill = solid(COLOR.severity[severity]);
      if (link) style.font = { color: { argb: COLOR.link }, underline: true };
      styleCache.set(key, style);
    }
    return style;
  };

  if (sheet.title !== undefined) {
    const row = ws.getRow(1);
    const cell = row.getCell(1);
    cell.value = toExcelValue(sheet.title, "text");
    cell.style = TITLE_STYLE;
    row.height = 24;
    if (ncols > 1) ws.mergeCells(1, 1, 1, ncols);
    row.commit();
  }

  {
    const row = ws.getRow(headerRow);
    let lines = 1;
    columns.forEach((col, c) => {
      const cell = row.getCell(c + 1);
      cell.value = toExcelValue(col.header, "text");
      cell.style = HEADER_STYLE;
      if (col.note) cell.note = col.note;
      lines = Math.max(lines, lineCount(col.header, col.width));
    });
    setRowHeight(row, lines);
    row.commit();
  }

  const totals = numericTotals(sheet);
  for (let i = 0; i < bodyRows; i++) {
    const row = ws.getRow(firstDataRow + i);
    const values: readonly CellValue[] = sheet.rows[i] ?? [];
    const rowMarks = marks.get(i);
    const rowLinks = links.get(i);
    let lines = 1;
    let hasValue = false;
    const width = Math.max(columns.length, values.length);
    for (let c = 0; c < width; c++) {
      const col: ColumnSpec | undefined = columns[c];
      const type = col?.type ?? "text";
      const value = values[c] ?? null;
      const cellMarks = rowMarks?.get(c);
      const link = rowLinks?.get(c)?.[0];
      if (value === null && !cellMarks && !link && !col) continue;
      const cell = row.getCell(c + 1);
      if (link) {
        const text = displayText(value) || `${link.sheet}!${link.cell}`;
        cell.value = { text, hyperlink: linkTarget(link), tooltip: `转到 ${link.sheet}!${link.cell}` };
      } else {
        cell.value = toExcelValue(value, type);
      }
      if (cell.value !== null) hasValue = true;
      cell.style = styleFor(c, cellMarks ? worstSeverity(cellMarks) : undefined, link !== undefined);
      // Notes quote submitted values: only what XML can hold reaches the file.
      if (cellMarks) cell.note = xmlSafe(cellMarks.map((m) => m.note).join("\n"));
      if (type === "longText" && typeof value === "string" && col) lines = Math.max(lines, lineCount(value, col.width));
    }
    setRowHeight(row, lines);
    keepEmptyRow(row, hasValue, ctx);
    row.commit();
  }

  const lastBodyRow = firstDataRow + bodyRows - 1;
  if (bodyRows > 0) {
    columns.forEach((col, c) => {
      const letter = columnLetter(c);
      addValidation(
        ws,
        `${letter}${firstDataRow}:${letter}${lastBodyRow}`,
        toDataValidation(col.validation, col.type, ctx),
      );
    });
  }

  if (sheet.table) {
    const tableName = ctx.tableName(sheet.table.name);
    // Excel needs a data row in a table: an empty sheet gets one empty row inside it.
    const tableRows = Math.max(1, bodyRows);
    const totalsRow = sheet.table.totals ? firstDataRow + tableRows : undefined;
    if (canUseExcelTable(sheet, ctx)) {
      ws.addTable({
        name: tableName,
        ref: `A${headerRow}`,
        headerRow: true,
        totalsRow: totalsRow !== undefined,
        style: { theme: "TableStyleLight9", showRowStripes: true },
        columns: columns.map((col, c) => ({
          name: col.header,
          filterButton: true,
          ...(c === 0
            ? { totalsRowLabel: "合计" }
            : totals[c] !== undefined && canSumInTable(col.header)
              ? { totalsRowFunction: "sum" as const, totalsRowResult: totals[c] }
              : {}),
        })),
        // Values and styles are already in the cells: empty rows only give the table its height.
        rows: Array.from({ length: tableRows }, () => []),
      });
      if (totalsRow !== undefined) styleTotalsRow(ws.getRow(totalsRow), columns);
    } else {
      // No Excel table possible (see canUseExcelTable): filters over the same range, and a plain totals row.
      ws.autoFilter = `A${headerRow}:${lastCol}${headerRow + tableRows}`;
      if (totalsRow !== undefined) {
        const row = ws.getRow(totalsRow);
        row.getCell(1).value = "合计";
        columns.forEach((_col, c) => {
          const total = totals[c];
          if (c === 0 || total === undefined) return;
          const letter = columnLetter(c);
          // Our own formula over our own range (no user text in it), with its result cached for readers.
          row.getCell(c + 1).value = {
            formula: `SUBTOTAL(109,${letter}${firstDataRow}:${letter}${firstDataRow + tableRows - 1})`,
            result: total,
          };
        });
        styleTotalsRow(row, columns);
        row.commit();
      }
    }
  }

  if (protect) await ws.protect("", { formatColumns: true, formatRows: true, autoFilter: true, sort: true });
  return ws;
}

/**
 * Whether a table sheet can carry a real Excel table. Not with the streaming writer (it has none), not with notes
 * (exceljs 4.4 writes the notes' legacyDrawing after tableParts, a file Excel calls damaged: exceljs#1369), and not
 * with empty or repeated headers (Excel requires unique column names).
 */
function canUseExcelTable(sheet: TableSheet, ctx: RenderContext): boolean {
  if (ctx.streaming) return false;
  if ((sheet.marks?.length ?? 0) > 0 || sheet.columns.some((c) => c.note)) return false;
  const headers = sheet.columns.map((c) => c.header.trim().toLowerCase());
  return headers.every((h) => h !== "") && new Set(headers).size === headers.length;
}

/**
 * exceljs 4.4's streaming sheet writer emits sheetProtection last and hyperlinks before dataValidations, out of the
 * schema's order (sheetProtection, autoFilter, mergeCells, conditionalFormatting, dataValidations, hyperlinks),
 * which Excel reports as damage. Its commit() calls these writers in a fixed sequence: re-point them so the
 * elements come out in order. Skipped if a future exceljs renames them (the tests check the order).
 */
function fixStreamingElementOrder(ws: ExcelJS.Worksheet): void {
  const w = ws as unknown as Record<string, unknown>;
  const names = ["_writeSheetProtection", "_writeAutoFilter", "_writeHyperlinks", "_writeDataValidations"];
  if (!names.every((n) => typeof w[n] === "function")) return;
  const bound = (n: string): (() => void) => (w[n] as () => void).bind(ws);
  const [protection, autoFilter, hyperlinks, validations] = names.map(bound) as [
    () => void,
    () => void,
    () => void,
    () => void,
  ];
  // commit() order: autoFilter, mergeCells, hyperlinks, conditionalFormatting, dataValidations, sheetProtection.
  w._writeAutoFilter = () => {
    protection();
    autoFilter();
  };
  w._writeHyperlinks = () => undefined;
  w._writeDataValidations = () => {
    validations();
    hyperlinks();
  };
  w._writeSheetProtection = () => undefined;
}

/** Sums of the numeric columns (integer, number, money) of a table, by column; undefined for the others. */
function numericTotals(sheet: TableSheet): (number | undefined)[] {
  return sheet.columns.map((col, c) => {
    if (col.type !== "integer" && col.type !== "number" && col.type !== "money") return undefined;
    let sum = 0;
    for (const row of sheet.rows) {
      const v = row[c];
      if (typeof v === "number" && Number.isFinite(v)) sum += v;
    }
    return sum;
  });
}

/** A header usable as `Table[Header]` in the totals formula exceljs writes (it does not escape). */
function canSumInTable(header: string): boolean {
  return !/[[\]#'\r\n]/u.test(header);
}

function styleTotalsRow(row: ExcelJS.Row, columns: readonly ColumnSpec[]): void {
  columns.forEach((col, c) => {
    row.getCell(c + 1).style = {
      numFmt: c === 0 ? "@" : (col.numFmt ?? NUMBER_FORMATS[col.type]),
      font: TOTALS_STYLE_FONT,
      border: { top: thin },
    };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Form sheets

type FormTable = Extract<FormSheet["blocks"][number], { kind: "table" }>;

/**
 * Layout: row 1 the title; then each block in order — a heading on one row (merged across), a field on one row
 * (label in A, value in B, B merged across the table columns when the form has tables), a text on one row (merged
 * across), a table as title row, header row, its rows, `inputRows` empty rows and one blank row.
 */
async function renderForm(
  workbook: ExcelJS.Workbook,
  sheet: FormSheet,
  ctx: RenderContext,
): Promise<ExcelJS.Worksheet> {
  const tables = sheet.blocks.filter((b): b is FormTable => b.kind === "table");
  const ncols = Math.max(2, ...tables.map((t) => t.columns.length));
  const widths = formWidths(tables, ncols);
  const totalWidth = widths.reduce((a, b) => a + b, 0);
  const valueWidth = totalWidth - widths[0]!;
  const protect = sheet.protect === true;

  const ws = addSheet(workbook, sheet.name, { views: [{ showGridLines: false }] }, ctx, { wide: false });
  widths.forEach((w, c) => (ws.getColumn(c + 1).width = w));

  let r = 1;
  const mergeAcross = (row: number, from: number, to: number): void => {
    if (to > from) ws.mergeCells(row, from, row, to);
  };

  {
    const row = ws.getRow(r);
    row.getCell(1).value = toExcelValue(sheet.title, "text");
    row.getCell(1).style = { ...TITLE_STYLE, alignment: { vertical: "middle", horizontal: "center" } };
    row.height = 28;
    mergeAcross(r, 1, ncols);
    row.commit();
    r++;
  }

  for (const block of sheet.blocks) {
    if (block.kind === "heading") {
      const row = ws.getRow(r);
      row.getCell(1).value = toExcelValue(block.text, "text");
      row.getCell(1).style = HEADING_STYLE;
      row.height = 20;
      mergeAcross(r, 1, ncols);
      row.commit();
      r++;
    } else if (block.kind === "text") {
      const row = ws.getRow(r);
      row.getCell(1).value = toExcelValue(block.text, "text");
      row.getCell(1).style = { alignment: { vertical: "top", wrapText: true } };
      setRowHeight(row, lineCount(block.text, totalWidth));
      mergeAcross(r, 1, ncols);
      row.commit();
      r++;
    } else if (block.kind === "field") {
      renderField(ws, r, block.field, { ncols, valueWidth, protect, ctx });
      r++;
    } else {
      r = renderFormTable(ws, r, block, protect, ctx);
    }
  }

  if (protect) await ws.protect("", { formatColumns: true, formatRows: true });
  return ws;
}

/** Column widths of a form: label ~28 and value ~80 wide; with tables, their columns share the value width. */
function formWidths(tables: readonly FormTable[], ncols: number): number[] {
  if (tables.length === 0) return [FORM_LABEL_WIDTH, FORM_VALUE_WIDTH];
  const widths = Array.from({ length: ncols }, (_, c) =>
    Math.max(c === 0 ? FORM_LABEL_WIDTH : 8, ...tables.map((t) => t.columns[c]?.width ?? 0)),
  );
  const rest = widths.slice(1).reduce((a, b) => a + b, 0);
  if (rest < FORM_VALUE_WIDTH) {
    const scale = FORM_VALUE_WIDTH / rest;
    for (let c = 1; c < ncols; c++) widths[c] = Math.round(widths[c]! * scale * 10) / 10;
  }
  return widths;
}

function renderField(
  ws: ExcelJS.Worksheet,
  r: number,
  field: FormField,
  opts: { ncols: number; valueWidth: number; protect: boolean; ctx: RenderContext },
): void {
  const row = ws.getRow(r);
  const label = row.getCell(1);
  label.value = toExcelValue(field.label, "text");
  label.style = {
    font: field.required ? { bold: true } : {},
    alignment: { vertical: "top", wrapText: true },
    border: BOX,
  };
  const help = [field.note, field.required ? "必填" : undefined].filter(Boolean).join("\n");
  if (help) label.note = help;

  const value = row.getCell(2);
  value.value = toExcelValue(field.value, field.type);
  const style = valueStyle(field.type, undefined, opts.protect);
  value.style = {
    ...style,
    alignment: { ...style.alignment, wrapText: field.type === "longText" || field.type === "text" },
    border: BOX,
  };
  const text = displayText(field.value);
  const lines = Math.max(
    lineCount(field.label, FORM_LABEL_WIDTH),
    lineCount(text, opts.valueWidth),
    field.type === "longText" && text === "" ? LONG_TEXT_MIN_LINES : 1,
  );
  setRowHeight(row, lines);
  if (opts.ncols > 2) ws.mergeCells(r, 2, r, opts.ncols);
  addValidation(ws, `B${r}`, toDataValidation(field.validation, field.type, opts.ctx));
  row.commit();
}

/** Writes a form's table from row `r`; returns the row after it (past one blank row). */
function renderFormTable(
  ws: ExcelJS.Worksheet,
  r: number,
  table: FormTable,
  protect: boolean,
  ctx: RenderContext,
): number {
  const { columns } = table;
  const width = Math.max(1, columns.length);

  const titleRow = ws.getRow(r);
  titleRow.getCell(1).value = toExcelValue(table.title, "text");
  titleRow.getCell(1).style = { font: { bold: true }, alignment: { vertical: "middle" } };
  if (width > 1) ws.mergeCells(r, 1, r, width);
  titleRow.commit();
  r++;

  const headerRow = ws.getRow(r);
  let headerLines = 1;
  columns.forEach((col, c) => {
    const cell = headerRow.getCell(c + 1);
    cell.value = toExcelValue(col.header, "text");
    cell.style = HEADER_STYLE;
    if (col.note) cell.note = col.note;
    headerLines = Math.max(headerLines, lineCount(col.header, col.width));
  });
  setRowHeight(headerRow, headerLines);
  headerRow.commit();
  r++;

  const styles = columns.map((col) => ({
    ...valueStyle(col.type, col.numFmt, protect && col.locked !== true),
    border: BOX,
  }));
  const first = r;
  const count = table.rows.length + Math.max(0, table.inputRows);
  for (let i = 0; i < count; i++, r++) {
    const row = ws.getRow(r);
    const values = table.rows[i] ?? [];
    let lines = 1;
    let hasValue = false;
    columns.forEach((col, c) => {
      const cell = row.getCell(c + 1);
      cell.value = toExcelValue(values[c] ?? null, col.type);
      if (cell.value !== null) hasValue = true;
      cell.style = styles[c]!;
      const v = values[c];
      if (col.type === "longText" && typeof v === "string") lines = Math.max(lines, lineCount(v, col.width));
    });
    setRowHeight(row, lines);
    keepEmptyRow(row, hasValue, ctx);
    row.commit();
  }
  if (count > 0) {
    columns.forEach((col, c) => {
      const letter = columnLetter(c);
      addValidation(
        ws,
        `${letter}${first}:${letter}${first + count - 1}`,
        toDataValidation(col.validation, col.type, ctx),
      );
    });
  }
  return r + 1;
}

// ---------------------------------------------------------------------------------------------------------------
// Text sheets

function renderText(workbook: ExcelJS.Workbook, sheet: TextSheet, ctx: RenderContext): ExcelJS.Worksheet {
  const width = sheet.width ?? TEXT_SHEET_WIDTH;
  const ws = addSheet(workbook, sheet.name, { views: [{ showGridLines: false }] }, ctx, { wide: false });
  ws.getColumn(1).width = width;
  sheet.paragraphs.forEach((text, i) => {
    const row = ws.getRow(i + 1);
    const cell = row.getCell(1);
    cell.value = toExcelValue(text, "text");
    cell.style = { alignment: { vertical: "top", wrapText: true } };
    setRowHeight(row, lineCount(text, width));
    row.commit();
  });
  return ws;
}
