/**
 * 服务台账 sheets into a ledger document, row by row as the reader reads them (see RowConsumer): each row is checked
 * and kept as an entry (or reported) at once, so that a million-row ledger is never held as cells. Who the ledger
 * belongs to (网点信息) may be read after the rows: the rows' findings name the outlet once it is known.
 */
import type { Finding } from "../findings";
import { fastSchema, fieldsParser, INVALID } from "../fastParse";
import { PARSE_PARAMS, parseDocumentValue, type SourcedLedger } from "../parse";
import { ledgerEntrySchema, type LedgerEntry } from "../schemas";
import { lookupCell, readForm } from "./importForms";
import {
  Collector,
  firstIssue,
  identity,
  issueColumn,
  noteColumns,
  reportUnreadFields,
  RowFindings,
  TableRows,
  type TableSource,
} from "./importTables";
import { cellRef, LEDGER_INFO_FORM, type CodecContext, type RowReader } from "./layouts";
import type { CellValue, RawSheet, RowConsumer, WorkbookMarker } from "./model";

/** Who the rows belong to until 网点信息 is read: the same keys, so that a finding's fields keep their order. */
const OUTLET_UNKNOWN = { outlet: null, outletName: null } as const;

/** The rows of one ledger sheet, taken one at a time: its entries, and its findings waiting for the ledger's. */
export class LedgerSheet implements RowConsumer {
  readonly entries: LedgerEntry[] = [];
  /** The sheet row of each entry. */
  readonly entryRows: number[] = [];
  /** Data rows read (loaded or not). */
  rowCount = 0;
  /** Service dates (as read) and how many rows have each: the year, when none is given, is theirs. */
  readonly dates = new Map<string, number>();
  /** Notices on total rows: they go out with the sheet's notes on its columns. */
  readonly notices: Collector;
  /** Findings on rows and cells: out after the ledger's own, or not at all when the ledger is invalid. */
  readonly pending: Collector;
  readonly rowFindings: RowFindings;
  abandoned = false;
  private readonly table: TableRows;

  constructor(
    file: string,
    readonly source: TableSource,
    ctx: CodecContext,
  ) {
    this.notices = new Collector(file);
    this.pending = new Collector(file);
    this.rowFindings = new RowFindings(this.pending, source);
    const extra = { ...OUTLET_UNKNOWN, document: "ledger" } as const;
    const entryParser = fastSchema(ledgerEntrySchema);
    this.table = new TableRows(
      this.notices,
      source,
      ctx,
      (values, row, problem) => {
        this.rowCount++;
        this.countDate(values.date);
        if (problem) {
          this.rowFindings.add(row, problem.col, problem.message, "行", { ...extra, entry: row });
          return;
        }
        const entry = entryParser.safeParse(values, PARSE_PARAMS);
        if (!entry.success) {
          const { path, message } = firstIssue(entry.error.issues);
          this.rowFindings.add(row, issueColumn(source.header, path), message, "行", { ...extra, entry: row });
          return;
        }
        this.entries.push(entry.data);
        this.entryRows.push(row);
      },
      (reader) => this.fastRows(reader, ctx),
      extra,
      this.pending,
    );
  }

  /**
   * The row's cells straight into the entry, without the raw object in between; a row this cannot take (a cell
   * that cannot be read, an invalid entry) goes the general way, which reports it as zod does.
   */
  private fastRows(reader: RowReader, ctx: CodecContext) {
    const paths = reader.keyPaths;
    const parse = fieldsParser(ledgerEntrySchema, paths);
    if (!parse || paths.some((p) => p[0] === "date" && p.length > 1)) return null;
    const dateField = paths.findIndex((p) => p[0] === "date");
    const fields: unknown[] = [];
    return (cells: readonly CellValue[], from: number, row: number): boolean => {
      if (!reader.readFields(cells, from, ctx, fields)) return false;
      const entry = parse(fields);
      if (entry === INVALID) return false;
      this.rowCount++;
      if (dateField >= 0) this.countDate(fields[dateField]);
      this.entries.push(entry);
      this.entryRows.push(row);
      return true;
    };
  }

  private countDate(date: unknown): void {
    if (typeof date === "string") this.dates.set(date, (this.dates.get(date) ?? 0) + 1);
  }

  row(row: number, cells: readonly CellValue[]): void {
    this.table.row(row, cells);
  }

  end(): void {
    this.table.close();
  }

  abandon(): void {
    this.abandoned = true;
  }
}

/** The year most of the service dates fall in (a ledger sheet made without 网点信息). */
function likelyYear(sheets: readonly LedgerSheet[]): number | undefined {
  const counts = new Map<number, number>();
  for (const sheet of sheets) {
    for (const [d, n] of sheet.dates) {
      if (!/^\d{4}-\d{2}-\d{2}$/u.test(d)) continue;
      const y = Number(d.slice(0, 4));
      counts.set(y, (counts.get(y) ?? 0) + n);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

/** Entries of every sheet in order, with where each came from (one sheet's arrays are taken as they are). */
function joinSheets(sheets: readonly LedgerSheet[]) {
  if (sheets.length === 1) return { entries: sheets[0]!.entries, entryRows: sheets[0]!.entryRows, entrySources: [] };
  const entries: LedgerEntry[] = [];
  const entryRows: number[] = [];
  const entrySources: number[] = [];
  sheets.forEach((sheet, s) => {
    for (let i = 0; i < sheet.entries.length; i++) {
      entries.push(sheet.entries[i]!);
      entryRows.push(sheet.entryRows[i]!);
      entrySources.push(s);
    }
  });
  return { entries, entryRows, entrySources };
}

/**
 * The ledger of a workbook, once all its sheets are read: 网点信息 (or the marker, or the dates) gives the ledger's
 * own fields, then its rows' entries and findings follow.
 */
export function finishLedger(
  out: Collector,
  sheets: readonly LedgerSheet[],
  infoSheet: RawSheet | undefined,
  marker: WorkbookMarker | null,
  ctx: CodecContext,
): void {
  const file = out.file;
  const info = infoSheet ? readForm(infoSheet, LEDGER_INFO_FORM, ctx) : null;
  const head: Record<string, unknown> = { type: "ledger", outlet: {}, ...(info?.raw ?? {}) };
  const ident = identity(head.outlet as Record<string, unknown>);
  const rowCount = sheets.reduce((n, s) => n + s.rowCount, 0);
  for (const sheet of sheets) {
    noteColumns(out, sheet.source);
    out.result.findings.push(...sheet.notices.result.findings);
  }
  for (const p of info?.problems ?? []) out.find(p.ref, `“${p.label}”：${p.message}`);
  if (info) reportUnreadFields(out, info, { ...ident, document: "ledger" });
  // Without a year in 网点信息 or the marker, it is inferred from the service dates.
  if (head.year === undefined && marker?.options?.year) head.year = Number(marker.options.year);
  if (head.year === undefined) {
    const year = likelyYear(sheets);
    if (year !== undefined) {
      head.year = year;
      out.info(
        infoSheet ? (lookupCell(info!.cells, "year")?.ref ?? null) : null,
        `台账未填写年度，按服务日期推定为 ${year} 年度`,
        ident,
      );
    }
  }
  const parsed = parseDocumentValue({ ...head, entries: [] }, file, "");
  const ledgerDoc = parsed.documents[0];
  if (!ledgerDoc || ledgerDoc.kind !== "ledger" || (info?.problems.length ?? 0) > 0) {
    for (const f of parsed.findings) {
      const cell = info ? lookupCell(info.cells, f.path) : undefined;
      out.result.findings.push({
        ...f,
        path: cell?.ref ?? (infoSheet ? cellRef(infoSheet.name, null, 1) : f.path),
        message: cell
          ? `“${cell.label}”：${f.message}`
          : `${f.message}${infoSheet ? "" : "（工作簿中没有“网点信息”工作表）"}`,
      });
    }
    if (rowCount) out.find(null, `台账的网点信息有误，${rowCount} 行服务记录均未载入`, ident);
    out.count(rowCount, 0);
    return;
  }
  pendingFindings(out, sheets, ident);

  const { entries, entryRows, entrySources } = joinSheets(sheets);
  const sources = sheets.map((s) => s.source);
  const sourced: SourcedLedger = {
    kind: "ledger",
    doc: { ...ledgerDoc.doc, entries },
    file,
    pathPrefix: "",
    entryNumbers: entryRows,
    // Messages say 第 N 行: entry numbers here are sheet rows.
    entryUnit: "row",
    // Rules point at the cell itself: 服务台账!H12.
    entryPath: (index, field) => {
      const src = sources[entrySources[index] ?? 0]!;
      const col = field ? issueColumn(src.header, field) : null;
      return cellRef(src.sheet.name, col, entryRows[index] ?? src.header.row + 1);
    },
    entriesRead: rowCount,
    entriesRejected: rowCount - entries.length,
  };
  out.result.documents.push(sourced);
  out.count(rowCount, entries.length);
}

/** The rows' findings, now naming the outlet: every sheet's, then each sheet's count of those not listed. */
function pendingFindings(out: Collector, sheets: readonly LedgerSheet[], ident: Partial<Finding>): void {
  const named = (f: Finding): Finding => Object.assign(f, { outlet: ident.outlet, outletName: ident.outletName });
  for (const sheet of sheets) for (const f of sheet.pending.result.findings) out.result.findings.push(named(f));
  for (const sheet of sheets) {
    const from = sheet.pending.result.findings.length;
    sheet.rowFindings.close({ ...ident, document: "ledger" });
    for (const f of sheet.pending.result.findings.slice(from)) out.result.findings.push(f);
  }
}
