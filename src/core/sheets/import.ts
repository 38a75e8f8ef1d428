/**
 * Filled workbooks back into documents: the templates of templates.ts, and the sheets people make themselves.
 * A workbook is recognised by its marker, else sheet by sheet from its headers and labels; columns are found by
 * header text wherever they were moved; cells go through the layouts' codecs (Excel serials and text dates,
 * numbers as text, full-width digits, items by name) into raw JSON documents, which then meet the very zod
 * schemas a JSON file meets. Whatever cannot be read is a finding naming sheet, row and column; every data row
 * is counted as loaded or rejected. Pure: the adapter reads the file into a RawWorkbook.
 */
import type { z } from "zod";
import type { Finding } from "../findings";
import { fastSchema, fieldsParser, INVALID } from "../fastParse";
import {
  describeIssue,
  PARSE_PARAMS,
  parseDocumentValue,
  unreadable,
  type SourcedDocument,
  type SourcedLedger,
} from "../parse";
import { evaluationSchema, ledgerEntrySchema, registryOutletSchema, type LedgerEntry } from "../schemas";
import { parseReviewerScores, REVIEWER_SCORES_TYPE, type ReviewerSheet } from "../scoring/reviewers";
import { normaliseCode, removeWhiteSpace, show, toHalfWidth } from "../text";
import { countFormLabels, lookupCell, readForm, type CellInfo, type FormRead } from "./importForms";
import {
  applicationForm,
  CellProblem,
  cellRef,
  cellText,
  CODECS,
  EVALUATION_COLUMNS,
  headerKey,
  isBlankCell,
  LEDGER_INFO_FORM,
  ledgerColumns,
  matchHeader,
  REGISTRY_COLUMNS,
  RowReader,
  summaryForm,
  yesNo,
  type CodecContext,
  type Column,
  type FormLayout,
  type RowProblem,
} from "./layouts";
import {
  isUnreadable,
  MARKER_SHEET,
  type CellValue,
  type RawSheet,
  type RawWorkbook,
  type WorkbookMarker,
} from "./model";
import {
  AUTO_MARK,
  INSTRUCTIONS_SHEET,
  REVIEWER_TITLE,
  SCORING_HEADERS,
  SCORING_PREFIX,
  SCORING_SHEET,
  TEMPLATE_KINDS,
  TEMPLATE_VERSION,
  type TemplateKind,
} from "./templates";

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
const HEADER_SCAN_ROWS = 30;
/** Per sheet, row findings beyond this many are summarised in one (a broken column must not flood the report). */
const MAX_ROW_FINDINGS = 200;
const TOTAL_ROW = new Set(["合计", "总计", "小计"]);
/** Columns people add that carry nothing to import and need no notice. */
const QUIET_COLUMNS = new Set(["序号", "编号", "no", "no."]);

const KIND_LABELS: Record<TemplateKind, string> = {
  ledger: "服务台账",
  application: "申报书",
  annualSummary: "工作总结表",
  registry: "网点名录",
  scoring: "评分表",
};

/** The tool's own outputs (review.ts): recognised so that feeding one back gets a clear answer. */
const OUTPUT_LABELS: Record<string, string> = {
  reviewWorkbook: "本工具输出的审核结果工作簿",
  statsWorkbook: "本工具输出的服务统计工作簿",
  scoreWorkbook: "本工具输出的评审结果工作簿",
};

// ---------------------------------------------------------------- collecting

class Collector {
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

interface HeaderMatch<C> {
  /** 1-based sheet row of the header. */
  row: number;
  /** Column at each 0-based index. */
  byIndex: (C | undefined)[];
  /** Keys found → 0-based index. */
  index: Map<string, number>;
  unknown: { col: number; text: string }[];
  duplicates: { col: number; text: string }[];
}

function matchRow<C extends Column>(row: readonly CellValue[], columns: readonly C[]): Omit<HeaderMatch<C>, "row"> {
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
function locateHeader<C extends Column>(sheet: RawSheet, columns: readonly C[]): HeaderMatch<C> | null {
  let best: HeaderMatch<C> | null = null;
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const m = matchRow(sheet.rows[r] ?? [], columns);
    if (!best || m.index.size > best.index.size) best = { ...m, row: r + 1 };
  }
  return best && best.index.size > 0 ? best : null;
}

interface ScoringHeader {
  row: number;
  outlet: number | undefined;
  code: number | undefined;
  conflict: number | undefined;
  reason: number | undefined;
  criteria: { col: number; id: string; header: string; auto: boolean }[];
}

const CRITERION_HEADER = /^([A-Z]\d{1,2})(?!\d)/u;

function locateScoringHeader(sheet: RawSheet, marker: WorkbookMarker | null): ScoringHeader | null {
  const expert = new Set((marker?.options?.expert ?? "").split(",").filter(Boolean));
  const auto = new Set((marker?.options?.auto ?? "").split(",").filter(Boolean));
  const last = Math.min(sheet.rows.length, HEADER_SCAN_ROWS);
  for (let r = 0; r < last; r++) {
    const h: ScoringHeader = {
      row: r + 1,
      outlet: undefined,
      code: undefined,
      conflict: undefined,
      reason: undefined,
      criteria: [],
    };
    (sheet.rows[r] ?? []).forEach((cell, i) => {
      if (typeof cell !== "string") return;
      const key = headerKey(cell);
      const m = CRITERION_HEADER.exec(toHalfWidth(cell).trim().toUpperCase());
      if (key === headerKey(SCORING_HEADERS.outlet) || key === "网点代码") h.outlet ??= i;
      else if (key === headerKey(SCORING_HEADERS.blindCode)) h.code ??= i;
      else if (key === headerKey(SCORING_HEADERS.conflict) || key === "是否回避") h.conflict ??= i;
      else if (key === headerKey(SCORING_HEADERS.conflictReason)) h.reason ??= i;
      else if (m) {
        const id = m[1]!;
        const isAuto = expert.has(id) ? false : auto.has(id) ? true : cell.includes(AUTO_MARK);
        h.criteria.push({ col: i, id, header: cell.trim(), auto: isAuto });
      }
    });
    if ((h.outlet !== undefined || h.code !== undefined) && h.criteria.length > 0) return h;
  }
  return null;
}

// ---------------------------------------------------------------- recognising sheets

type Role =
  | { role: "ledger"; header: HeaderMatch<Column> }
  | { role: "registry"; header: HeaderMatch<Column> }
  | { role: "evaluations"; header: HeaderMatch<Column> }
  | { role: "scoring"; header: ScoringHeader }
  | { role: "application" | "annualSummary" | "ledgerInfo" };

const ROLES_OF_KIND: Record<TemplateKind, readonly Role["role"][]> = {
  ledger: ["ledger", "ledgerInfo"],
  application: ["application"],
  annualSummary: ["annualSummary"],
  registry: ["registry", "evaluations"],
  scoring: ["scoring"],
};

/** Fewest matched headers or labels for a sheet without a marker to count as one of ours. */
const MIN_LEDGER_HEADERS = 4;
const MIN_FORM_LABELS = 8;

function recognise(
  sheet: RawSheet,
  allowed: ReadonlySet<Role["role"]>,
  marker: WorkbookMarker | null,
  category: string | undefined,
): Role | null {
  if (allowed.has("scoring")) {
    const header = locateScoringHeader(sheet, marker);
    if (header) return { role: "scoring", header };
  }
  const candidates: { role: Role; score: number }[] = [];
  if (allowed.has("ledger")) {
    const header = locateHeader(sheet, ledgerColumns(category));
    const has = (k: string) => header?.index.has(k) ?? false;
    if (header && header.index.size >= MIN_LEDGER_HEADERS && (has("date") || has("item"))) {
      candidates.push({ role: { role: "ledger", header }, score: header.index.size });
    }
  }
  if (allowed.has("registry")) {
    const header = locateHeader(sheet, REGISTRY_COLUMNS);
    const has = (k: string) => header?.index.has(k) ?? false;
    if (header && has("creditCode") && has("name") && (has("category") || has("status"))) {
      candidates.push({ role: { role: "registry", header }, score: header.index.size });
    }
  }
  if (allowed.has("evaluations")) {
    const header = locateHeader(sheet, EVALUATION_COLUMNS);
    const has = (k: string) => header?.index.has(k) ?? false;
    if (header && has("creditCode") && has("year") && has("grade")) {
      candidates.push({ role: { role: "evaluations", header }, score: header.index.size });
    }
  }
  const best = candidates.sort((a, b) => b.score - a.score)[0];
  if (best) return best.role;

  const forms: { role: "application" | "annualSummary" | "ledgerInfo"; layout: FormLayout; min: number }[] = [];
  if (allowed.has("application"))
    forms.push({ role: "application", layout: applicationForm(category), min: MIN_FORM_LABELS });
  if (allowed.has("annualSummary"))
    forms.push({ role: "annualSummary", layout: summaryForm(category), min: MIN_FORM_LABELS });
  if (allowed.has("ledgerInfo")) forms.push({ role: "ledgerInfo", layout: LEDGER_INFO_FORM, min: 2 });
  let form: { role: "application" | "annualSummary" | "ledgerInfo"; found: number } | null = null;
  for (const f of forms) {
    const found = countFormLabels(sheet, f.layout);
    if (found >= f.min && (!form || found > form.found)) form = { role: f.role, found };
  }
  return form ? { role: form.role } : null;
}

function isEmptySheet(sheet: RawSheet): boolean {
  return sheet.rows.every((row) => (row ?? []).every((c) => isBlankCell(c)));
}

// ---------------------------------------------------------------- the workbook

/** Reads a filled workbook: documents (by marker, else recognised sheet by sheet) and reviewers' sheets. */
export function importWorkbook(raw: RawWorkbook, file: string): ImportResult {
  const out = new Collector(file);
  const marker = raw.marker;
  let kind: TemplateKind | undefined;
  if (marker) {
    if (!(TEMPLATE_KINDS as readonly string[]).includes(marker.kind)) {
      const what = OUTPUT_LABELS[marker.kind] ?? `“${marker.kind}”工作簿`;
      out.find(null, `这是${what}，不是可填写的模板，不能作为输入；请使用原始材料（JSON）或填好的模板`);
      return out.result;
    }
    kind = marker.kind as TemplateKind;
    if (marker.version > TEMPLATE_VERSION) {
      out.find(
        null,
        `${KIND_LABELS[kind]}模板的版本（${marker.version}）比本工具支持的版本（${TEMPLATE_VERSION}）新，已按当前版本读取；如有遗漏请升级本工具`,
        { severity: "warning" },
      );
    }
  }
  const category = marker?.options?.category || undefined;
  const allowed = new Set<Role["role"]>(
    kind ? ROLES_OF_KIND[kind] : (Object.values(ROLES_OF_KIND).flat() as Role["role"][]),
  );

  const byRole = new Map<Role["role"], { sheet: RawSheet; role: Role }[]>();
  const ignored: string[] = [];
  for (const sheet of raw.sheets) {
    if (sheet.hidden || sheet.name === MARKER_SHEET || sheet.name === INSTRUCTIONS_SHEET) continue;
    const role = recognise(sheet, allowed, marker, category);
    if (role) {
      const list = byRole.get(role.role) ?? [];
      list.push({ sheet, role });
      byRole.set(role.role, list);
    } else if (!isEmptySheet(sheet)) {
      ignored.push(sheet.name);
    }
  }

  if (byRole.size === 0) {
    const expected = kind
      ? `${KIND_LABELS[kind]}模板的表头或项目名称`
      : "本工具模板的标记，也没有找到服务台账、网点名录、评分表的表头或申报书、工作总结表的项目名称";
    out.find(null, `无法识别该工作簿的内容：没有${expected}；该文件未导入`);
    return out.result;
  }
  for (const name of ignored) {
    out.info(cellRef(name, 0, 1), `工作表“${name}”不是可识别的台账、名录、评分表或申报书/总结表，未导入`);
  }

  const ctx: CodecContext = { category };
  const ledgers = byRole.get("ledger") ?? [];
  if (ledgers.length) {
    importLedger(
      out,
      ledgers.map((l) => ({ sheet: l.sheet, header: (l.role as { header: HeaderMatch<Column> }).header })),
      byRole.get("ledgerInfo")?.[0]?.sheet,
      marker,
      ctx,
    );
  } else if (byRole.has("ledgerInfo")) {
    out.info(null, "工作簿中有“网点信息”但没有服务台账表格（表头应含服务日期、服务事项等），未导入台账");
  }
  for (const role of ["application", "annualSummary"] as const) {
    for (const { sheet } of byRole.get(role) ?? []) importForm(out, role, sheet, ctx);
  }
  const registries = byRole.get("registry") ?? [];
  const evaluations = byRole.get("evaluations") ?? [];
  if (registries.length || evaluations.length) {
    const header = (e: { role: Role }) => (e.role as { header: HeaderMatch<Column> }).header;
    importRegistry(
      out,
      registries.map((e) => ({ sheet: e.sheet, header: header(e) })),
      evaluations.map((e) => ({ sheet: e.sheet, header: header(e) })),
      ctx,
    );
  }
  for (const { sheet, role } of byRole.get("scoring") ?? []) {
    importScoring(out, sheet, (role as { header: ScoringHeader }).header, marker);
  }
  if (out.result.rowsRejected > 0) {
    const r = out.result;
    out.info(null, `读取 ${r.rowsRead} 行（条）记录：载入 ${r.rowsLoaded}，未载入 ${r.rowsRejected}（原因见上列各条）`);
  }
  return out.result;
}

// ---------------------------------------------------------------- tables

interface TableSource {
  sheet: RawSheet;
  header: HeaderMatch<Column>;
}

const NO_CELLS: readonly CellValue[] = [];

/** Reports the columns a sheet has that no layout column matches (people add 备注 and the like). */
function noteColumns(out: Collector, source: TableSource): void {
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

/**
 * The data rows under a header, each handed to `onRow` as it is read (a million rows need not be held as raw values):
 * blank rows and total rows skipped, each cell through its column's codec.
 */
function readTable(
  out: Collector,
  source: TableSource,
  ctx: CodecContext,
  /** `row`: the 1-based sheet row; `problem`: its first cell that could not be read. */
  onRow: (values: Record<string, unknown>, row: number, problem: RowProblem | null) => void,
  /**
   * A faster way with the rows of this sheet's columns, or null: tried first on each row (its cells, the first
   * filled column, the 1-based sheet row), it answers true when it took the row, and `onRow` then never sees it.
   */
  fast?: (reader: RowReader) => ((cells: readonly CellValue[], from: number, row: number) => boolean) | null,
  /** Who the rows belong to, for the warnings on cells left unread, and where those warnings go. */
  extra: Partial<Finding> = {},
  warnings: Collector = out,
): void {
  const { sheet, header } = source;
  // Columns in header order, as they were matched.
  const reader = new RowReader([...header.index.values()].map((i) => [i, header.byIndex[i]!] as const));
  const tryRow = fast?.(reader) ?? null;
  const unread = new UnreadCells(warnings, source, extra);
  for (let r = header.row; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? NO_CELLS;
    const first = reader.firstFilled(row);
    if (first < 0) continue;
    // The first filled cell names a total row; all three words have 计, so other rows skip the comparison (and a
    // number, a usual first cell, shows no 计 however it is written).
    const firstCell = reader.cell(row, first);
    // A number or a date is never a 合计 label (and most rows start with a date).
    if (typeof firstCell === "string") {
      const firstText = cellText(firstCell);
      if (firstText && firstText.includes("计") && TOTAL_ROW.has(removeWhiteSpace(firstText))) {
        out.info(
          cellRef(sheet.name, null, r + 1),
          `工作表“${sheet.name}”第 ${r + 1} 行为“${firstText}”行，未作为记录导入`,
        );
        continue;
      }
    }
    if (tryRow && tryRow(row, first, r + 1)) continue;
    const values = reader.read(row, first, ctx);
    for (const cell of reader.unread) unread.add(r + 1, cell);
    onRow(values, r + 1, reader.problem);
  }
  unread.close();
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
function reportUnreadFields(out: Collector, read: FormRead, extra: Partial<Finding>): void {
  for (const u of read.unread) {
    out.find(u.ref, `“${u.label}”：${u.message}；该项未读取`, { severity: "warning", ...extra });
  }
}

/** The column of a zod issue path ("client.type") in a table, or null for the whole row. */
function issueColumn(header: HeaderMatch<Column>, path: string): number | null {
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
function rowFinding(
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

function firstIssue(issues: readonly z.core.$ZodIssue[]): { path: string; message: string } {
  const { path, message } = describeIssue(issues[0]!);
  const more = issues.length > 1 ? `（另有 ${issues.length - 1} 处问题）` : "";
  return { path, message: message + more };
}

class RowFindings {
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

// ---------------------------------------------------------------- 台账

function identity(outlet: { name?: unknown; creditCode?: unknown } | undefined): Partial<Finding> {
  const code = typeof outlet?.creditCode === "string" ? normaliseCode(outlet.creditCode, true) : "";
  const name = typeof outlet?.name === "string" ? outlet.name.trim() : "";
  return { outlet: code || name || null, outletName: name || null };
}

/** The year most of the service dates fall in (a ledger sheet made without 网点信息). */
function likelyYear(dates: readonly unknown[]): number | undefined {
  const counts = new Map<number, number>();
  for (const d of dates) {
    if (typeof d === "string" && /^\d{4}-\d{2}-\d{2}$/u.test(d)) {
      const y = Number(d.slice(0, 4));
      counts.set(y, (counts.get(y) ?? 0) + 1);
    }
  }
  return [...counts.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
}

function importLedger(
  out: Collector,
  sources: TableSource[],
  infoSheet: RawSheet | undefined,
  marker: WorkbookMarker | null,
  ctx: CodecContext,
): void {
  const file = out.file;
  const info = infoSheet ? readForm(infoSheet, LEDGER_INFO_FORM, ctx) : null;
  const head: Record<string, unknown> = { type: "ledger", outlet: {}, ...(info?.raw ?? {}) };
  const ident = identity(head.outlet as Record<string, unknown>);
  // Without a year in 网点信息 or the marker, it is inferred from the service dates.
  const yearFromDates = head.year === undefined && !marker?.options?.year;

  // Each row is validated as it is read, so that its raw values need not outlive it. The rows' findings wait in
  // `pending` until those of the ledger itself are out (they come first), and go with the entries if it is invalid.
  const pending = new Collector(file);
  const perSource = sources.map((source) => new RowFindings(pending, source));
  const entryParser = fastSchema(ledgerEntrySchema);
  const dates: unknown[] = [];
  const entries: LedgerEntry[] = [];
  const entryRows: number[] = [];
  const entrySources: number[] = [];
  let rowCount = 0;
  sources.forEach((source, s) => {
    noteColumns(out, source);
    const findings = perSource[s]!;
    readTable(
      out,
      source,
      ctx,
      (values, row, problem) => {
        rowCount++;
        if (yearFromDates) dates.push(values.date);
        if (problem) {
          findings.add(row, problem.col, problem.message, "行", { ...ident, document: "ledger", entry: row });
          return;
        }
        const entry = entryParser.safeParse(values, PARSE_PARAMS);
        if (!entry.success) {
          const { path, message } = firstIssue(entry.error.issues);
          findings.add(row, issueColumn(source.header, path), message, "行", {
            ...ident,
            document: "ledger",
            entry: row,
          });
          return;
        }
        entries.push(entry.data);
        entryRows.push(row);
        entrySources.push(s);
      },
      (reader) => {
        // The row's cells straight into the entry, without the raw object in between; a row this cannot take (a
        // cell that cannot be read, an invalid entry) goes the way above, which reports it as zod does.
        const paths = reader.keyPaths;
        const parse = fieldsParser(ledgerEntrySchema, paths);
        if (!parse || paths.some((p) => p[0] === "date" && p.length > 1)) return null;
        const dateField = paths.findIndex((p) => p[0] === "date");
        const fields: unknown[] = [];
        return (cells, from, row) => {
          if (!reader.readFields(cells, from, ctx, fields)) return false;
          const entry = parse(fields);
          if (entry === INVALID) return false;
          rowCount++;
          if (yearFromDates) dates.push(dateField < 0 ? undefined : fields[dateField]);
          entries.push(entry);
          entryRows.push(row);
          entrySources.push(s);
          return true;
        };
      },
      { ...ident, document: "ledger" },
      pending,
    );
  });

  for (const p of info?.problems ?? []) out.find(p.ref, `“${p.label}”：${p.message}`);
  if (info) reportUnreadFields(out, info, { ...ident, document: "ledger" });
  if (head.year === undefined && marker?.options?.year) head.year = Number(marker.options.year);
  if (head.year === undefined) {
    const year = likelyYear(dates);
    // Not kept with the ledger (entryPath's closure shares this scope).
    dates.length = 0;
    if (year !== undefined) {
      head.year = year;
      out.info(
        infoSheet ? (lookupCell(info!.cells, "year")?.ref ?? null) : null,
        `台账未填写年度，按服务日期推定为 ${year} 年度`,
        identity(head.outlet as Record<string, unknown>),
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
  perSource.forEach((f) => f.close({ ...ident, document: "ledger" }));
  // At most MAX_ROW_FINDINGS (and a summary) per sheet.
  for (const f of pending.result.findings) out.result.findings.push(f);

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

// ---------------------------------------------------------------- 申报书, 工作总结表

function importForm(out: Collector, kind: "application" | "annualSummary", sheet: RawSheet, ctx: CodecContext): void {
  const read = readForm(sheet, kind === "application" ? applicationForm(ctx.category) : summaryForm(ctx.category), ctx);
  const ident = identity(read.raw.org as Record<string, unknown> | undefined);
  const what = KIND_LABELS[kind];
  if (read.problems.length) {
    for (const p of read.problems) {
      out.find(p.ref, `“${p.label}”：${p.message}，该${what}未载入`, { ...ident, document: kind });
    }
    out.count(1, 0);
    return;
  }
  reportUnreadFields(out, read, { ...ident, document: kind });
  const parsed = parseDocumentValue({ type: kind, ...read.raw }, out.file, "");
  for (const f of parsed.findings) {
    const cell = lookupCell(read.cells, f.path);
    out.result.findings.push({
      ...f,
      path: cell?.ref ?? cellRef(sheet.name, null, 1),
      message: cell ? `“${cell.label}”：${f.message}` : `工作表“${sheet.name}”：${f.message}`,
    });
  }
  out.result.documents.push(...parsed.documents);
  out.count(1, parsed.documents.length);
}

// ---------------------------------------------------------------- 网点名录

function importRegistry(
  out: Collector,
  registries: TableSource[],
  evaluationSources: TableSource[],
  ctx: CodecContext,
): void {
  const evaluationParser = fastSchema(evaluationSchema);
  const outletParser = fastSchema(registryOutletSchema);
  // Evaluations first, each row on its own, then joined to their outlet by credit code.
  const evaluations = new Map<string, { value: unknown; row: number; source: TableSource }[]>();
  let evalRead = 0;
  let evalRejected = 0;
  for (const source of evaluationSources) {
    noteColumns(out, source);
    const findings = new RowFindings(out, source);
    readTable(out, source, ctx, (rowValues, row, problem) => {
      evalRead++;
      const { creditCode, name: _name, ...values } = rowValues;
      if (problem) {
        findings.add(row, problem.col, problem.message, "评估记录");
        evalRejected++;
        return;
      }
      const parsed = evaluationParser.safeParse(values, PARSE_PARAMS);
      const code = typeof creditCode === "string" ? normaliseCode(creditCode, true) : "";
      if (!code || !parsed.success) {
        const issue = parsed.success
          ? { path: "creditCode", message: "缺少统一社会信用代码，无法对应到网点" }
          : firstIssue(parsed.error.issues);
        findings.add(row, issueColumn(source.header, issue.path), issue.message, "评估记录");
        evalRejected++;
        return;
      }
      const list = evaluations.get(code) ?? [];
      list.push({ value: values, row, source });
      evaluations.set(code, list);
    });
    findings.close();
  }

  const outlets: unknown[] = [];
  let read = 0;
  for (const source of registries) {
    noteColumns(out, source);
    const findings = new RowFindings(out, source);
    readTable(out, source, ctx, (values, row, problem) => {
      read++;
      const code = typeof values.creditCode === "string" ? normaliseCode(values.creditCode, true) : "";
      const own = evaluations.get(code) ?? [];
      evaluations.delete(code);
      const ident = identity(values);
      if (problem) {
        findings.add(row, problem.col, problem.message, "网点", ident);
        evalRejected += own.length;
        return;
      }
      const value = { ...values, evaluations: own.map((e) => e.value) };
      const parsed = outletParser.safeParse(value, PARSE_PARAMS);
      if (!parsed.success) {
        const issue = firstIssue(parsed.error.issues);
        const m = /^evaluations\[(\d+)\]/u.exec(issue.path);
        const e = m ? own[Number(m[1])] : undefined;
        if (e) findings.add(e.row, null, issue.message, "网点", ident);
        else findings.add(row, issueColumn(source.header, issue.path), issue.message, "网点", ident);
        evalRejected += own.length;
        return;
      }
      outlets.push(value);
    });
    findings.close();
  }
  for (const [code, list] of evaluations) {
    for (const e of list) {
      rowFinding(
        out,
        e.source,
        e.row,
        e.source.header.index.get("creditCode") ?? null,
        `名录中没有统一社会信用代码为 ${code} 的网点`,
        "评估记录",
        {},
      );
      evalRejected++;
    }
  }

  out.count(evalRead, evalRead - evalRejected);
  if (!registries.length) {
    out.find(
      null,
      "工作簿中有评估记录但没有网点名录表格（表头应含统一社会信用代码、网点名称、网点类别、状态），未导入",
    );
    return;
  }
  const parsed = parseDocumentValue({ type: "registry", outlets }, out.file, "");
  out.result.findings.push(...parsed.findings);
  out.result.documents.push(...parsed.documents);
  out.count(read, parsed.documents.length ? outlets.length : 0);
}

// ---------------------------------------------------------------- 评分表

const GENERIC_SHEET = /^(sheet\d*|工作表\d*|评分表)$/iu;

/** The reviewer: named in the title row, else by the sheet's name 评分表-<专家>, else by the file's. */
function reviewerOf(sheet: RawSheet, header: ScoringHeader, file: string): string {
  for (let r = 0; r < header.row - 1; r++) {
    for (const cell of sheet.rows[r] ?? []) {
      if (typeof cell !== "string") continue;
      const at = cell.indexOf(REVIEWER_TITLE.slice(0, -1));
      if (at < 0) continue;
      const name = cell
        .slice(at + REVIEWER_TITLE.length - 1)
        .replace(/^[：:]/u, "")
        .split(/[\n|｜]/u)[0]!
        .trim();
      if (name && !name.includes("＿")) return name;
    }
  }
  const fromSheet = sheet.name
    .replace(new RegExp(`^${SCORING_PREFIX}`, "u"), "")
    .replace(/-(年度|认定)$/u, "")
    .trim();
  if (fromSheet && !GENERIC_SHEET.test(fromSheet)) return fromSheet;
  const base = file.split(/[\\/]/u).pop() ?? file;
  return base.replace(/\.[^.]+$/u, "") || SCORING_SHEET;
}

function importScoring(out: Collector, sheet: RawSheet, header: ScoringHeader, marker: WorkbookMarker | null): void {
  const reviewer = reviewerOf(sheet, header, out.file);
  const scores: { outlet: string; criterion: string; score: unknown }[] = [];
  const conflicts: { outlet: string; reason: string }[] = [];
  const cells = new Map<string, CellInfo>();
  const scoreRows: number[] = [];
  const expert = header.criteria.filter((c) => !c.auto);
  const keyCol = header.outlet ?? header.code!;
  const problems: { ref: string; message: string }[] = [];
  let read = 0;
  const rowsWith = new Set<number>();

  for (let r = header.row; r < sheet.rows.length; r++) {
    const row = sheet.rows[r] ?? [];
    const rowNumber = r + 1;
    const typed = expert.some((c) => !isBlankCell(row[c.col] ?? null));
    const conflictCell = header.conflict === undefined ? null : (row[header.conflict] ?? null);
    let key = cellText(row[keyCol] ?? null);
    if (key === undefined) {
      if (typed || yesNo(conflictCell)) {
        read++;
        problems.push({
          ref: cellRef(sheet.name, keyCol, rowNumber),
          message: `第 ${rowNumber} 行有评分但没有网点的统一社会信用代码（或编号），该行评分未载入`,
        });
      }
      continue;
    }
    read++;
    // Blind sheets show 网点-07; the marker maps the code back to the outlet.
    if (header.outlet === undefined) key = marker?.options?.[`code:${key}`] ?? key;
    const recused = yesNo(conflictCell);
    if (recused === null) {
      problems.push({
        ref: cellRef(sheet.name, header.conflict!, rowNumber),
        message: `第 ${rowNumber} 行“回避”应填“是”或“否”，实为${show(cellText(conflictCell))}`,
      });
    }
    if (recused) {
      const j = conflicts.length;
      const reasonCell = header.reason === undefined ? null : (row[header.reason] ?? null);
      conflicts.push({ outlet: key, reason: cellText(reasonCell) ?? "" });
      cells.set(`conflicts[${j}]`, {
        ref: cellRef(sheet.name, header.conflict!, rowNumber),
        label: `第 ${rowNumber} 行“回避”`,
      });
      cells.set(`conflicts[${j}].reason`, {
        ref: cellRef(sheet.name, header.reason ?? header.conflict!, rowNumber),
        label: `第 ${rowNumber} 行“回避理由”`,
      });
    }
    for (const c of expert) {
      const cell = row[c.col] ?? null;
      // A recused reviewer's blanks are not "not scored": they are not theirs to score.
      if (recused && isBlankCell(cell)) continue;
      // An unreadable cell (#N/A…) goes on as its text, which the score sheet's parser reports as no score.
      const value = isUnreadable(cell) ? null : CODECS.number.fromCell(cell);
      const i = scores.length;
      scores.push({
        outlet: key,
        criterion: c.id,
        score: value instanceof CellProblem || isUnreadable(cell) ? cellText(cell) : (value ?? null),
      });
      scoreRows.push(rowNumber);
      cells.set(`scores[${i}]`, {
        ref: cellRef(sheet.name, c.col, rowNumber),
        label: `第 ${rowNumber} 行“${c.header}”`,
      });
    }
  }

  for (const p of problems) out.find(p.ref, `评审专家${show(reviewer)}的评分表：${p.message}`);
  const parsed = parseReviewerScores({ type: REVIEWER_SCORES_TYPE, reviewer, scores, conflicts }, out.file, "");
  const who = `评审专家${show(reviewer)}的评分表`;
  for (const f of parsed.findings) {
    const cell = lookupCell(cells, f.path);
    const m = /^scores\[(\d+)\]/u.exec(f.path ?? "");
    if (m) rowsWith.add(scoreRows[Number(m[1])]!);
    // The parser counts entries of a JSON list; on a sheet the row and column say where.
    let message = cell ? f.message.replace(/第 \d+ 条评分：/u, `${cell.label}：`) : f.message;
    const conflict = /^conflicts\[(\d+)\]\.reason$/u.exec(f.path ?? "");
    if (cell && conflict && conflicts[Number(conflict[1])]?.reason === "") {
      message = `${who}：${cell.label}未填写（声明回避须说明理由），该评分表未载入`;
    }
    out.result.findings.push({ ...f, path: cell?.ref ?? cellRef(sheet.name, null, header.row), message });
  }
  if (!parsed.sheet) {
    out.count(read, 0);
    return;
  }
  // Consolidation names the sheet in its findings (评分表-专家.scores[3]); the cells are in the findings above.
  out.result.sheets.push({ ...parsed.sheet, pathPrefix: sheet.name });
  const rejectedRows = new Set([...rowsWith, ...problems.map((p) => Number(/\d+$/u.exec(p.ref)?.[0] ?? 0))]);
  out.count(read, Math.max(0, read - rejectedRows.size));
}
