/**
 * Filled workbooks back into documents: the templates of templates.ts, and the sheets people make themselves.
 * A workbook is recognised by its marker, else sheet by sheet from its headers and labels; columns are found by
 * header text wherever they were moved; cells go through the layouts' codecs (Excel serials and text dates,
 * numbers as text, full-width digits, items by name) into raw JSON documents, which then meet the very zod
 * schemas a JSON file meets. Whatever cannot be read is a finding naming sheet, row and column; every data row
 * is counted as loaded or rejected. Pure: the adapter reads the file into a RawWorkbook, or hands a ledger's rows
 * over as it reads them (WorkbookImport). Tables and their findings: importTables.ts; the ledger: importLedger.ts.
 */
import { PARSE_PARAMS, parseDocumentValue } from "../parse";
import { fastSchema } from "../fastParse";
import { evaluationSchema, registryOutletSchema } from "../schemas";
import { parseReviewerScores, REVIEWER_SCORES_TYPE } from "../scoring/reviewers";
import { normaliseCode, show, toHalfWidth } from "../text";
import { countFormLabels, lookupCell, readForm, type CellInfo } from "./importForms";
import { finishLedger, LedgerSheet } from "./importLedger";
import {
  Collector,
  firstIssue,
  HEADER_SCAN_ROWS,
  identity,
  issueColumn,
  locateHeader,
  NO_CELLS,
  noteColumns,
  readTable,
  reportUnreadFields,
  RowFindings,
  rowFinding,
  type HeaderMatch,
  type ImportResult,
  type TableSource,
} from "./importTables";
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
  REGISTRY_COLUMNS,
  summaryForm,
  yesNo,
  type CodecContext,
  type Column,
  type FormLayout,
} from "./layouts";
import {
  isUnreadable,
  MARKER_SHEET,
  type CellValue,
  type RawSheet,
  type RawWorkbook,
  type SheetPlanner,
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

export type { ImportResult } from "./importTables";

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

type Recognised = { sheet: RawSheet; role: Role };

/**
 * The import of one workbook as its reader goes: `plan` sees each sheet's first rows (and takes a ledger's rows one
 * by one from then on), `finish` the sheets as read and gives the documents. importWorkbook runs it on sheets held.
 */
export class WorkbookImport implements SheetPlanner {
  readonly headRows = HEADER_SCAN_ROWS;
  private readonly out: Collector;
  /** The marker names something that is not an input: nothing more is read. */
  private readonly refused: boolean = false;
  private readonly kind: TemplateKind | undefined;
  private readonly allowed: ReadonlySet<Role["role"]>;
  private readonly ctx: CodecContext;
  /** Ledger sheets taken row by row, by the sheet's place in the workbook. */
  private readonly ledgers = new Map<number, LedgerSheet>();
  private planned = 0;

  constructor(
    file: string,
    private readonly marker: WorkbookMarker | null,
  ) {
    this.out = new Collector(file);
    if (marker) {
      if (!(TEMPLATE_KINDS as readonly string[]).includes(marker.kind)) {
        const what = OUTPUT_LABELS[marker.kind] ?? `“${marker.kind}”工作簿`;
        this.out.find(null, `这是${what}，不是可填写的模板，不能作为输入；请使用原始材料（JSON）或填好的模板`);
        this.refused = true;
      } else {
        this.kind = marker.kind as TemplateKind;
        if (marker.version > TEMPLATE_VERSION) {
          this.out.find(
            null,
            `${KIND_LABELS[this.kind]}模板的版本（${marker.version}）比本工具支持的版本（${TEMPLATE_VERSION}）新，已按当前版本读取；如有遗漏请升级本工具`,
            { severity: "warning" },
          );
        }
      }
    }
    this.ctx = { category: marker?.options?.category || undefined };
    const kind = this.kind;
    this.allowed = new Set(kind ? ROLES_OF_KIND[kind] : (Object.values(ROLES_OF_KIND).flat() as Role["role"][]));
  }

  plan(sheet: { name: string; hidden: boolean }, head: readonly (readonly CellValue[])[]): LedgerSheet | null {
    const place = this.planned++;
    if (this.refused || !this.allowed.has("ledger") || isPassedOver(sheet)) return null;
    const rows = head as (readonly CellValue[])[];
    const role = recognise({ ...sheet, rows }, this.allowed, this.marker, this.ctx.category);
    if (role?.role !== "ledger") return null;
    const ledger = new LedgerSheet(this.out.file, { sheet: { ...sheet, rows }, header: role.header }, this.ctx);
    this.ledgers.set(place, ledger);
    return ledger;
  }

  finish(sheets: readonly RawSheet[]): ImportResult {
    const out = this.out;
    if (this.refused) return out.result;
    const byRole = new Map<Role["role"], Recognised[]>();
    const ledgers: LedgerSheet[] = [];
    const ignored: string[] = [];
    sheets.forEach((sheet, place) => {
      if (isPassedOver(sheet)) return;
      const streamed = this.ledgers.get(place);
      const role =
        streamed && !streamed.abandoned ? null : recognise(sheet, this.allowed, this.marker, this.ctx.category);
      if (streamed && !streamed.abandoned) ledgers.push(streamed);
      else if (role?.role === "ledger") ledgers.push(this.wholeLedger(sheet, role.header));
      else if (role) byRole.set(role.role, [...(byRole.get(role.role) ?? []), { sheet, role }]);
      else if (!isEmptySheet(sheet)) ignored.push(sheet.name);
    });

    if (byRole.size === 0 && ledgers.length === 0) {
      const expected = this.kind
        ? `${KIND_LABELS[this.kind]}模板的表头或项目名称`
        : "本工具模板的标记，也没有找到服务台账、网点名录、评分表的表头或申报书、工作总结表的项目名称";
      out.find(null, `无法识别该工作簿的内容：没有${expected}；该文件未导入`);
      return out.result;
    }
    for (const name of ignored) {
      out.info(cellRef(name, 0, 1), `工作表“${name}”不是可识别的台账、名录、评分表或申报书/总结表，未导入`);
    }
    this.importRoles(byRole, ledgers);
    if (out.result.rowsRejected > 0) {
      const r = out.result;
      out.info(
        null,
        `读取 ${r.rowsRead} 行（条）记录：载入 ${r.rowsLoaded}，未载入 ${r.rowsRejected}（原因见上列各条）`,
      );
    }
    return out.result;
  }

  /** A ledger sheet held whole (not streamed, or streamed out of order): its rows through the same LedgerSheet. */
  private wholeLedger(sheet: RawSheet, header: HeaderMatch<Column>): LedgerSheet {
    const ledger = new LedgerSheet(this.out.file, { sheet, header }, this.ctx);
    sheet.rows.forEach((cells, r) => ledger.row(r + 1, cells ?? NO_CELLS));
    ledger.end();
    return ledger;
  }

  private importRoles(byRole: ReadonlyMap<Role["role"], Recognised[]>, ledgers: LedgerSheet[]): void {
    const { out, ctx } = this;
    if (ledgers.length) {
      finishLedger(out, ledgers, byRole.get("ledgerInfo")?.[0]?.sheet, this.marker, ctx);
    } else if (byRole.has("ledgerInfo")) {
      out.info(null, "工作簿中有“网点信息”但没有服务台账表格（表头应含服务日期、服务事项等），未导入台账");
    }
    for (const role of ["application", "annualSummary"] as const) {
      for (const { sheet } of byRole.get(role) ?? []) importForm(out, role, sheet, ctx);
    }
    const header = (e: Recognised) => (e.role as { header: HeaderMatch<Column> }).header;
    const registries = byRole.get("registry") ?? [];
    const evaluations = byRole.get("evaluations") ?? [];
    if (registries.length || evaluations.length) {
      importRegistry(
        out,
        registries.map((e) => ({ sheet: e.sheet, header: header(e) })),
        evaluations.map((e) => ({ sheet: e.sheet, header: header(e) })),
        ctx,
      );
    }
    for (const { sheet, role } of byRole.get("scoring") ?? []) {
      importScoring(out, sheet, (role as { header: ScoringHeader }).header, this.marker);
    }
  }
}

/** Sheets never imported: hidden ones, the marker, the instructions. */
function isPassedOver(sheet: { name: string; hidden: boolean }): boolean {
  return sheet.hidden || sheet.name === MARKER_SHEET || sheet.name === INSTRUCTIONS_SHEET;
}

/** Reads a filled workbook: documents (by marker, else recognised sheet by sheet) and reviewers' sheets. */
export function importWorkbook(raw: RawWorkbook, file: string): ImportResult {
  const run = new WorkbookImport(file, raw.marker);
  for (const sheet of raw.sheets) {
    const ledger = run.plan(sheet, sheet.rows.slice(0, run.headRows));
    if (!ledger) continue;
    sheet.rows.forEach((cells, r) => ledger.row(r + 1, cells ?? NO_CELLS));
    ledger.end();
  }
  return run.finish(raw.sheets);
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
