/**
 * Tables in sheets, for the importer (import.ts): headers found by their text, rows read one at a time through the
 * layouts' codecs, and the findings on rows and cells, at most MAX_ROW_FINDINGS a sheet.
 */
import type { z } from "zod";
import type { Finding } from "../findings";
import { describeIssue, unreadable, type SourcedDocument } from "../parse";
import type { ReviewerSheet } from "../scoring/reviewers";
import { normaliseCode, removeWhiteSpace } from "../text";
import type { FormRead } from "./importForms";
import {
  cellRef,
  cellText,
  headerKey,
  matchHeader,
  RowReader,
  type CodecContext,
  type Column,
  type RowProblem,
} from "./layouts";
import type { CellValue, RawSheet } from "./model";

export interface ImportResult {
  documents: SourcedDocument[];
  /** Reviewers' filled 评分表 sheets. */
  sheets: ReviewerSheet[];
  findings: Finding[];
  /** Records read: ledger, registry, evaluation and scoring rows, and each form (申报书, 总结表) as one. */
  rowsRead: number;
  rowsLoaded: number;
  rowsRejected: number;
}

/** How far down a header row is looked for (title rows, notes above the table). */
export const HEADER_SCAN_ROWS = 30;
/** Per sheet, row findings beyond this many are summarised in one (a broken column must not flood the report). */
export const MAX_ROW_FINDINGS = 200;
const TOTAL_ROW = new Set(["合计", "总计", "小计"]);
/** Columns people add that carry nothing to import and need no notice. */
const QUIET_COLUMNS = new Set(["序号", "编号", "no", "no."]);

// ---------------------------------------------------------------- collecting

export class Collector {
  readonly result: ImportResult = {
    documents: [],
    sheets: [],
    findings: [],
    rowsRead: 0,
    rowsLoaded: 0,
    rowsRejected: 0,
  };
  constructor(readonly file: string) {}

  find(path: string | null, message: string, extra: Partial<Finding> = {}): void {
    this.result.findings.push(unreadable(this.file, path, message, extra));
  }
  info(path: string | null, message: string, extra: Partial<Finding> = {}): void {
    this.find(path, message, { severity: "info", ...extra });
  }
  count(read: number, loaded: number): void {
    this.result.rowsRead += read;
    this.result.rowsLoaded += loaded;
    this.result.rowsRejected += read - loaded;
  }
}

// ---------------------------------------------------------------- headers

export interface HeaderMatch<C> {
  /** 1-based sheet row of the header. */
  row: number;
  /** Column at each 0-based index. */
  byIndex: (C | undefined)[];
  /** Keys found → 0-based index. */
  index: Map<string, number>;
  unknown: { col: number; text: string }[];
  duplicates: { col: number; text: string }[];
}

export function matchRow<C extends Column>(
  row: readonly CellValue[],
  columns: readonly C[],
): Omit<HeaderMatch<C>, "row"> {
  const out: Omit<HeaderMatch<C>, "row"> = { byIndex: [], index: new Map(), unknown: [], duplicates: [] };
  row.forEach((cell, i) => {
    if (typeof cell !== "string" || cell.trim() === "") return;
    const column = matchHeader(cell, columns);
    if (!column) out.unknown.push({ col: i, text: cell.trim() });
    else if (out.index.has(column.key)) out.duplicates.push({ col: i, text: cell.trim() });
    else {
      out.index.set(column.key, i);
      out.byIndex[i] = column;
    }
  });
  return out;
}

/** The row (among the first few) that names most of the columns. */
export function locateHeader<C extends Column>(sheet: RawSheet, columns: readonly C[]): HeaderMatch<C> | null {
  let best: HeaderMatch<C> | null = null;
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const m = matchRow(sheet.rows[r] ?? [], columns);
    if (!best || m.index.size > best.index.size) best = { ...m, row: r + 1 };
  }
  return best && best.index.size > 0 ? best : null;
}

// ---------------------------------------------------------------- tables

export interface TableSource {
  sheet: RawSheet;
  header: HeaderMatch<Column>;
}

export const NO_CELLS: readonly CellValue[] = [];

/** Reports the columns a sheet has that no layout column matches (people add 备注 and the like). */
export function noteColumns(out: Collector, source: TableSource): void {
  const { sheet, header } = source;
  const unknown = header.unknown.filter((u) => !QUIET_COLUMNS.has(headerKey(u.text)));
  if (unknown.length) {
    out.info(
      cellRef(sheet.name, unknown[0]!.col, header.row),
      `工作表“${sheet.name}”中的列 ${unknown.map((u) => `“${u.text}”`).join("、")} 未识别，未导入`,
    );
  }
  for (const d of header.duplicates) {
    out.info(
      cellRef(sheet.name, d.col, header.row),
      `工作表“${sheet.name}”中的列“${d.text}”重复，只读取第一列，本列未导入`,
    );
  }
}

/** What a table's rows are for: `row` is the 1-based sheet row, `problem` its first cell that could not be read. */
export type OnRow = (values: Record<string, unknown>, row: number, problem: RowProblem | null) => void;

/**
 * A faster way with the rows of a sheet's columns, or null: tried first on each row (its cells, the first filled
 * column, the 1-based sheet row), it answers true when it took the row, and `onRow` then never sees it.
 */
export type FastRows = (
  reader: RowReader,
) => ((cells: readonly CellValue[], from: number, row: number) => boolean) | null;

/**
 * The data rows under a header, each handed to `onRow` as it comes (a million rows need not be held as raw values,
 * nor even as cells: see RowConsumer): blank rows and total rows skipped, each cell through its column's codec.
 */
export class TableRows {
  private readonly reader: RowReader;
  private readonly tryRow: ((cells: readonly CellValue[], from: number, row: number) => boolean) | null;
  private readonly unread: UnreadCells;

  constructor(
    /** Where the notices on total rows go. */
    private readonly out: Collector,
    private readonly source: TableSource,
    private readonly ctx: CodecContext,
    private readonly onRow: OnRow,
    fast?: FastRows,
    /** Who the rows belong to, for the warnings on cells left unread, and where those warnings go. */
    extra: Partial<Finding> = {},
    warnings: Collector = out,
  ) {
    const { header } = source;
    // Columns in header order, as they were matched.
    this.reader = new RowReader([...header.index.values()].map((i) => [i, header.byIndex[i]!] as const));
    this.tryRow = fast?.(this.reader) ?? null;
    this.unread = new UnreadCells(warnings, source, extra);
  }

  /** Sheet row `r` (1-based): rows down to the header are passed over. */
  row(r: number, cells: readonly CellValue[]): void {
    if (r <= this.source.header.row) return;
    const reader = this.reader;
    const first = reader.firstFilled(cells);
    if (first < 0) return;
    // The first filled cell names a total row; all three words have 计, so other rows skip the comparison.
    const firstCell = reader.cell(cells, first);
    // A number or a date is never a 合计 label (and most rows start with a date).
    if (typeof firstCell === "string") {
      const firstText = cellText(firstCell);
      if (firstText && firstText.includes("计") && TOTAL_ROW.has(removeWhiteSpace(firstText))) {
        const name = this.source.sheet.name;
        this.out.info(cellRef(name, null, r), `工作表“${name}”第 ${r} 行为“${firstText}”行，未作为记录导入`);
        return;
      }
    }
    if (this.tryRow && this.tryRow(cells, first, r)) return;
    const values = reader.read(cells, first, this.ctx);
    for (const cell of reader.unread) this.unread.add(r, cell);
    this.onRow(values, r, reader.problem);
  }

  /** After the last row. */
  close(): void {
    this.unread.close();
  }
}

/** A table's rows as held by its sheet, through TableRows. */
export function readTable(
  out: Collector,
  source: TableSource,
  ctx: CodecContext,
  onRow: OnRow,
  fast?: FastRows,
  extra: Partial<Finding> = {},
  warnings: Collector = out,
): void {
  const table = new TableRows(out, source, ctx, onRow, fast, extra, warnings);
  const rows = source.sheet.rows;
  for (let r = source.header.row; r < rows.length; r++) table.row(r + 1, rows[r] ?? NO_CELLS);
  table.close();
}

/**
 * Warnings on the unreadable cells of optional columns (the row is kept without them), at most MAX_ROW_FINDINGS a
 * sheet and then one that counts the rest: a column of #N/A must not flood the report.
 */
class UnreadCells {
  private count = 0;
  constructor(
    private readonly out: Collector,
    private readonly source: TableSource,
    private readonly extra: Partial<Finding>,
  ) {}

  add(row: number, { col, message }: RowProblem): void {
    if (++this.count > MAX_ROW_FINDINGS) return;
    const name = this.source.sheet.name;
    const ref = cellRef(name, col, row);
    this.out.find(
      ref,
      `工作表“${name}”第 ${row} 行${headerText(this.source, col)}（${ref.split("!")[1]}）：${message}；该项未读取，本行其余内容照常载入`,
      { severity: "warning", ...this.extra, ...(this.extra.document === "ledger" ? { entry: row } : {}) },
    );
  }

  close(): void {
    if (this.count <= MAX_ROW_FINDINGS) return;
    const name = this.source.sheet.name;
    this.out.find(
      cellRef(name, null, this.source.header.row),
      `工作表“${name}”另有 ${this.count - MAX_ROW_FINDINGS} 个单元格无法读取，未逐一列出（所在行已载入）`,
      { severity: "warning", ...this.extra },
    );
  }
}

/** Warnings on the unreadable optional fields of a form (the document is loaded without them). */
export function reportUnreadFields(out: Collector, read: FormRead, extra: Partial<Finding>): void {
  for (const u of read.unread) {
    out.find(u.ref, `“${u.label}”：${u.message}；该项未读取`, { severity: "warning", ...extra });
  }
}

/** The column of a zod issue path ("client.type") in a table, or null for the whole row. */
export function issueColumn(header: HeaderMatch<Column>, path: string): number | null {
  let p = path;
  while (p) {
    const i = header.index.get(p);
    if (i !== undefined) return i;
    const cut = p.lastIndexOf(".");
    if (cut < 0) break;
    p = p.slice(0, cut);
  }
  return null;
}

function headerText(source: TableSource, col: number | null): string {
  if (col === null) return "";
  const cell = source.sheet.rows[source.header.row - 1]?.[col];
  return typeof cell === "string" ? `“${cell.trim()}”` : "";
}

/** A rejected row: one finding at the cell of its first problem. */
export function rowFinding(
  out: Collector,
  source: TableSource,
  row: number,
  col: number | null,
  message: string,
  what: string,
  extra: Partial<Finding>,
): void {
  const name = source.sheet.name;
  out.find(
    cellRef(name, col, row),
    `工作表“${name}”第 ${row} 行${col === null ? "" : `${headerText(source, col)}（${cellRef(name, col, row).split("!")[1]}）`}：${message}，该${what}未载入`,
    extra,
  );
}

export function firstIssue(issues: readonly z.core.$ZodIssue[]): { path: string; message: string } {
  const { path, message } = describeIssue(issues[0]!);
  const more = issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : "";
  return { path, message: message + more };
}

export class RowFindings {
  private count = 0;
  constructor(
    private readonly out: Collector,
    private readonly source: TableSource,
  ) {}
  add(row: number, col: number | null, message: string, what: string, extra: Partial<Finding> = {}): void {
    if (++this.count <= MAX_ROW_FINDINGS) rowFinding(this.out, this.source, row, col, message, what, extra);
  }
  close(extra: Partial<Finding> = {}): void {
    if (this.count > MAX_ROW_FINDINGS) {
      const name = this.source.sheet.name;
      this.out.find(
        cellRef(name, null, this.source.header.row),
        `工作表“${name}”另有 ${this.count - MAX_ROW_FINDINGS} 行无法读取，未逐一列出`,
        extra,
      );
    }
  }
}

// ---------------------------------------------------------------- whose rows

export function identity(outlet: { name?: unknown; creditCode?: unknown } | undefined): Partial<Finding> {
  const code = typeof outlet?.creditCode === "string" ? normaliseCode(outlet.creditCode, true) : "";
  const name = typeof outlet?.name === "string" ? outlet.name.trim() : "";
  return { outlet: code || name || null, outletName: name || null };
}
