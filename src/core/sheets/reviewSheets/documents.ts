/**
 * The document sheets of the review workbook — 申报汇总, 年度总结, 服务台账, 网点名录 — and where a finding sits on
 * them: the row of its document (or ledger entry, or registry record) and the column of its field. Columns are keyed
 * by the field's path in the document, so a finding's path finds its column without a table of rules. Pure.
 */
import { locateAddress } from "../../address";
import { itemLabel, resolveItem, TIER_LABELS, type CatalogItem } from "../../catalog";
import {
  CATEGORY_SHORT_LABELS,
  GRADE_LABELS,
  QUALIFICATION_LABELS,
  REGISTRY_STATUS_LABELS,
  REVOKE_REASON_LABELS,
  SATISFACTION_LEVELS,
  SERVICE_OBJECT_LABELS,
  type Category,
  type Grade,
  type Qualification,
  type ServiceObject,
} from "../../codes";
import { outletKey, type AnnualVerdict, type ApplicationVerdict, type CheckResult } from "../../engine";
import type { Finding } from "../../findings";
import type { SourcedApplication, SourcedDocument, SourcedLedger, SourcedSummary } from "../../parse";
import type { AnnualSummary, Application, Infrastructure, LedgerEntry, Org } from "../../schemas";
import { countChars } from "../../text";
import type { CellValue, ColumnSpec, TableSheet } from "../model";
import { column, columnIndex, dateCell, flag, joined, num, tableSheet, text } from "./common";

export const DOCUMENT_SHEETS = {
  applications: "申报汇总",
  summaries: "年度总结",
  ledger: "服务台账",
  registry: "网点名录",
} as const;

/** A cell a finding is about: sheet, 0-based data row and column. */
export interface Location {
  sheet: string;
  row: number;
  col: number;
}

const YEAR_FORMAT = "0";
const AREA_FORMAT = "#,##0.0";

// ---------------------------------------------------------------- shared cell values

function categoryLabel(category: string | undefined): CellValue {
  if (!category) return null;
  return CATEGORY_SHORT_LABELS[category as Category] ?? category;
}

function qualificationsText(doc: Application | AnnualSummary): CellValue {
  const labels = doc.qualifications.map((q) => QUALIFICATION_LABELS[q as Qualification] ?? q);
  return joined([...labels, doc.qualificationOther ? `其他：${doc.qualificationOther}` : null]);
}

function serviceObjectsText(doc: Application | AnnualSummary): CellValue {
  return joined(doc.serviceObjects.map((o) => SERVICE_OBJECT_LABELS[o as ServiceObject] ?? o));
}

function servicesCount(doc: Application | AnnualSummary): number {
  return doc.services.basic.length + doc.services.lowCost.length + doc.services.valueAdded.length;
}

function infrastructureText(infra: Infrastructure): CellValue {
  const mark = (v: boolean | undefined) => (v === undefined ? "未填" : v ? "有" : "无");
  return `场所${mark(infra.venue)}；设备${mark(infra.equipment)}；信息资源${mark(infra.resources)}`;
}

function headText(org: Org): CellValue {
  const name = org.head?.name;
  const title = org.head?.title;
  if (!name) return text(title);
  return title ? `${name}（${title}）` : name;
}

function districtOf(address: string | undefined): CellValue {
  return address ? locateAddress(address).district : null;
}

/** Present/missing items of a yes/no group, e.g. 附件材料: "齐全" or "缺：制度文件、证书". */
function completeness(values: Record<string, boolean | undefined>, labels: Record<string, string>): CellValue {
  const missing = Object.keys(labels).filter((k) => values[k] !== true);
  return missing.length ? `缺：${missing.map((k) => labels[k]).join("、")}` : "齐全";
}

function wordCounts(narratives: Record<string, string | undefined>, labels: Record<string, string>): CellValue {
  return Object.entries(labels)
    .map(([key, label]) => `${label} ${countChars(narratives[key])} 字`)
    .join("；");
}

function fileText(source: SourcedDocument): CellValue {
  if (!source.file) return source.pathPrefix || null;
  return source.pathPrefix ? `${source.file} ${source.pathPrefix}` : source.file;
}

// ---------------------------------------------------------------- finding → column

/**
 * Finds the column of a field path inside one row's document: indices dropped ("team[2].bio" → "team.bio"), then
 * the exact key, an alias, or the nearest parent that has a column ("org.contact" for "org.contact.fax").
 */
function columnResolver(
  columns: readonly ColumnSpec[],
  aliases: Record<string, string> = {},
): (path: string) => number | null {
  const byKey = new Map(columns.map((c, i) => [c.key, i]));
  for (const [alias, key] of Object.entries(aliases)) byKey.set(alias, columnIndex(columns, key));
  return (path) => {
    let key = path.replace(/\[\d+\]/gu, "");
    while (key) {
      const col = byKey.get(key);
      if (col !== undefined) return col;
      const dot = key.lastIndexOf(".");
      key = dot < 0 ? "" : key.slice(0, dot);
    }
    return null;
  };
}

/** The path inside the document: the finding's path without the document's prefix in its file. */
export function relativePath(path: string | null, prefix: string): string | null {
  if (path === null) return null;
  if (!prefix) return path;
  if (path === prefix) return "";
  if (path.startsWith(prefix + ".")) return path.slice(prefix.length + 1);
  if (path.startsWith(prefix + "[")) return path.slice(prefix.length);
  return null;
}

// ---------------------------------------------------------------- 申报汇总

const APPLICATION_COLUMNS: readonly ColumnSpec[] = [
  column("org.name", "网点名称", "text", 30),
  column("org.creditCode", "统一社会信用代码", "text", 22),
  column("category", "网点类别", "text", 18),
  column("district", "所在区", "text", 9),
  column("org.address", "地址", "text", 36),
  column("year", "申报年度", "integer", 9, { numFmt: YEAR_FORMAT }),
  column("submittedOn", "填报日期", "date", 15),
  column("org.nature", "机构性质", "text", 12),
  column("org.head", "主要负责人", "text", 16),
  column("org.staff.total", "总人数", "integer", 8),
  column("org.staff.fullTime", "专职人员", "integer", 9),
  column("org.staff.partTime", "兼职人员", "integer", 9),
  column("org.contact.name", "联系人", "text", 10),
  column("org.contact.mobile", "手机", "text", 14),
  column("org.contact.email", "邮箱", "text", 24),
  column("qualifications", "已获资质（第六条）", "text", 30),
  column("serviceObjects", "服务对象", "text", 24),
  column("infrastructure", "基础设施", "text", 24),
  column("infrastructure.venueArea", "场所面积（㎡）", "number", 12, { numFmt: AREA_FORMAT }),
  column("infrastructure.databases", "自购数据库", "text", 24),
  column("workSystems", "制度文件", "text", 28),
  column("services", "服务事项（项）", "integer", 12),
  column("team", "团队人数", "integer", 9),
  column("cases", "典型案例（个）", "integer", 12),
  column("narratives", "文字材料字数", "text", 34),
  column("attachments", "附件材料", "text", 20),
  column("declaration", "申请认定机构意见", "text", 30),
  column("verdict", "结论", "text", 8),
  column("priority", "优先纳入", "text", 9),
  column("errors", "错误", "integer", 6),
  column("warnings", "警告", "integer", 6),
  column("infos", "提示", "integer", 6),
  column("file", "文件", "text", 30),
];
const APPLICATION_ALIASES = { marketTypes: "category", qualificationOther: "qualifications" };

const ATTACHMENT_LABELS = {
  license: "营业执照",
  systems: "制度文件",
  history: "服务记录",
  credentials: "资质证书",
  other: "其他",
};
const APPLICATION_NARRATIVES = { foundation: "工作基础", team: "服务团队", plan: "发展思路" };

function declarationText(doc: Application): CellValue {
  const d = doc.declaration;
  const parts = [
    d.handler ? `经办人 ${d.handler}` : "经办人未填",
    d.head ? `负责人 ${d.head}` : "负责人未填",
    d.date ?? "日期未填",
    d.sealed ? "已盖章" : "未盖章",
  ];
  return parts.join("；");
}

function applicationRow(
  source: SourcedApplication,
  verdict: ApplicationVerdict | undefined,
  counts: Counts,
): CellValue[] {
  const doc = source.doc;
  const org = doc.org;
  return [
    text(org.name),
    text(org.creditCode),
    categoryLabel(doc.category),
    districtOf(org.address),
    text(org.address),
    doc.year,
    dateCell(doc.submittedOn),
    text(org.nature),
    headText(org),
    num(org.staff?.total),
    num(org.staff?.fullTime),
    num(org.staff?.partTime),
    text(org.contact?.name),
    text(org.contact?.mobile),
    text(org.contact?.email),
    qualificationsText(doc),
    serviceObjectsText(doc),
    infrastructureText(doc.infrastructure),
    num(doc.infrastructure.venueArea),
    joined(doc.infrastructure.databases),
    joined(doc.workSystems),
    servicesCount(doc),
    doc.team.length,
    doc.cases.length,
    wordCounts(doc.narratives, APPLICATION_NARRATIVES),
    completeness(doc.attachments, ATTACHMENT_LABELS),
    declarationText(doc),
    verdict ? (verdict.eligible ? "符合" : "不符合") : null,
    flag(verdict?.priority),
    counts.errors,
    counts.warnings,
    counts.infos,
    fileText(source),
  ];
}

// ---------------------------------------------------------------- 年度总结

const SUMMARY_COLUMNS: readonly ColumnSpec[] = [
  column("org.name", "网点名称", "text", 30),
  column("org.creditCode", "统一社会信用代码", "text", 22),
  column("category", "网点类别", "text", 18),
  column("district", "所在区", "text", 9),
  column("org.address", "地址", "text", 36),
  column("year", "年度", "integer", 7, { numFmt: YEAR_FORMAT }),
  column("submittedOn", "填报日期", "date", 15),
  column("org.head", "主要负责人", "text", 16),
  column("org.staff.total", "总人数", "integer", 8),
  column("org.staff.fullTime", "专职人员", "integer", 9),
  column("org.staff.partTime", "兼职人员", "integer", 9),
  column("org.contact.name", "联系人", "text", 10),
  column("org.contact.mobile", "手机", "text", 14),
  column("qualifications", "已获资质", "text", 28),
  column("serviceObjects", "服务对象", "text", 24),
  column("services", "服务事项（项）", "integer", 12),
  column("infrastructure", "基础设施", "text", 24),
  column("infrastructure.venueArea", "场所面积（㎡）", "number", 12, { numFmt: AREA_FORMAT }),
  column("cases", "典型案例（个）", "integer", 12),
  column("narratives", "文字材料字数", "text", 40),
  column("evidence", "证明材料", "text", 20),
  column("veto", "否决项", "text", 8),
  column("grade", "评估等级", "text", 9),
  column("errors", "错误", "integer", 6),
  column("warnings", "警告", "integer", 6),
  column("infos", "提示", "integer", 6),
  column("file", "文件", "text", 30),
];
const SUMMARY_ALIASES = { marketTypes: "category", qualificationOther: "qualifications" };
const EVIDENCE_LABELS = { services: "服务", facilities: "设施", team: "团队", systems: "制度", feedback: "反馈" };
const SUMMARY_NARRATIVES = { services: "服务开展", highlights: "创新亮点", reflections: "体会建议", plan: "工作计划" };

function summaryRow(
  source: SourcedSummary,
  verdict: AnnualVerdict | undefined,
  grade: Grade | null,
  counts: Counts,
): CellValue[] {
  const doc = source.doc;
  const org = doc.org;
  return [
    text(org.name),
    text(org.creditCode),
    categoryLabel(doc.category),
    districtOf(org.address),
    text(org.address),
    doc.year,
    dateCell(doc.submittedOn),
    headText(org),
    num(org.staff?.total),
    num(org.staff?.fullTime),
    num(org.staff?.partTime),
    text(org.contact?.name),
    text(org.contact?.mobile),
    qualificationsText(doc),
    serviceObjectsText(doc),
    servicesCount(doc),
    infrastructureText(doc.infrastructure),
    num(doc.infrastructure.venueArea),
    doc.cases.length,
    wordCounts(doc.narratives, SUMMARY_NARRATIVES),
    completeness(doc.evidence, EVIDENCE_LABELS),
    verdict ? (verdict.vetoed ? "有" : "无") : null,
    grade ? GRADE_LABELS[grade] : null,
    counts.errors,
    counts.warnings,
    counts.infos,
    fileText(source),
  ];
}

// ---------------------------------------------------------------- 服务台账

const LEDGER_COLUMNS: readonly ColumnSpec[] = [
  column("outlet.name", "网点名称", "text", 28),
  column("outlet.creditCode", "统一社会信用代码", "text", 22),
  column("year", "台账年度", "integer", 9, { numFmt: YEAR_FORMAT }),
  column("entry", "序号", "integer", 7, { numFmt: YEAR_FORMAT }),
  column("date", "服务日期", "date", 15),
  column("item", "服务事项", "text", 30),
  column("tier", "服务层级", "text", 16),
  column("client.type", "服务对象类型", "text", 12),
  column("client.name", "服务对象名称", "text", 28),
  column("client.creditCode", "服务对象信用代码", "text", 22),
  column("client.district", "服务对象所在区", "text", 12),
  column("channel", "服务方式", "text", 9),
  column("fee", "收费金额（元）", "money", 13),
  column("quote", "报价（元）", "money", 12),
  column("adjustments", "需求调整", "text", 20),
  column("deliverable", "成果交付", "text", 24),
  column("participants", "参与人次", "integer", 9),
  column("satisfaction", "满意度", "text", 10),
  column("staff", "服务人员", "text", 12),
  column("evidence", "佐证材料", "text", 20),
  column("feedback", "调查反馈", "text", 20),
  column("file", "文件", "text", 30),
];
/** Fields of the ledger header (outlet, year) and of an entry have their own path spaces. */
const LEDGER_HEADER_KEYS = new Set(["outlet.name", "outlet.creditCode", "year"]);

// ---------------------------------------------------------------- 网点名录

const REGISTRY_COLUMNS: readonly ColumnSpec[] = [
  column("name", "网点名称", "text", 30),
  column("creditCode", "统一社会信用代码", "text", 22),
  column("category", "网点类别", "text", 18),
  column("district", "所在区", "text", 9),
  column("address", "地址", "text", 36),
  column("head", "主要负责人", "text", 16),
  column("contact.name", "联系人", "text", 10),
  column("contact.mobile", "手机", "text", 14),
  column("contact.email", "邮箱", "text", 24),
  column("status", "状态", "text", 8),
  column("accreditedOn", "认定日期", "date", 15),
  column("revokedOn", "撤销日期", "date", 15),
  column("revokeReason", "撤销原因", "text", 18),
  column("evaluations", "历年评估", "text", 30),
  column("file", "文件", "text", 30),
];

// ---------------------------------------------------------------- the sheets and the locator

interface Counts {
  errors: number;
  warnings: number;
  infos: number;
}

type Anchor =
  | { kind: "row"; sheet: string; row: number; columnOf: (path: string) => number | null; rowCol: number }
  | {
      kind: "ledger";
      firstRow: number | null;
      /** Source entry index (the n of entries[n]) → data row. */
      entryRows: Map<number, number>;
    }
  | { kind: "registry"; rows: Map<number, number> };

export interface DocumentSheets {
  sheets: TableSheet[];
  /** The cell a finding is about, or null when it is about no row of these sheets (an unreadable file). */
  locate(finding: Finding): Location | null;
  /** Rows of 服务台账 (the CLI streams large workbooks). */
  ledgerRows: number;
}

export interface DocumentSheetsInput {
  documents: readonly SourcedDocument[];
  check: CheckResult;
  /** This year's grade per outlet key, once scored. */
  grades?: ReadonlyMap<string, Grade>;
}

function tally(findings: readonly Finding[] | undefined): Counts {
  const out = { errors: 0, warnings: 0, infos: 0 };
  for (const f of findings ?? []) {
    if (f.severity === "error") out.errors++;
    else if (f.severity === "warning") out.warnings++;
    else out.infos++;
  }
  return out;
}

function asCategory(value: string | undefined): Category | undefined {
  return value && Object.prototype.hasOwnProperty.call(CATEGORY_SHORT_LABELS, value) ? (value as Category) : undefined;
}

export function documentSheets(input: DocumentSheetsInput): DocumentSheets {
  const { documents, check } = input;
  const anchors = new Map<SourcedDocument, Anchor>();
  const findingsOf = new Map<SourcedDocument, Finding[]>();
  const sourceOfFinding = new Map<Finding, SourcedDocument>();
  for (const [source, list] of check.bySource) {
    findingsOf.set(source, list);
    for (const f of list) sourceOfFinding.set(f, source);
  }

  // 申报汇总
  const appColumnOf = columnResolver(APPLICATION_COLUMNS, APPLICATION_ALIASES);
  const appVerdicts = check.verdicts.filter((v): v is ApplicationVerdict => v.document === "application");
  const appRows: CellValue[][] = [];
  for (const source of documents) {
    if (source.kind !== "application") continue;
    const verdict = appVerdicts.find((v) => v.file === source.file && v.pathPrefix === source.pathPrefix);
    anchors.set(source, {
      kind: "row",
      sheet: DOCUMENT_SHEETS.applications,
      row: appRows.length,
      columnOf: appColumnOf,
      rowCol: 0,
    });
    appRows.push(applicationRow(source, verdict, tally(findingsOf.get(source))));
  }

  // 年度总结
  const summaryColumnOf = columnResolver(SUMMARY_COLUMNS, SUMMARY_ALIASES);
  const annualVerdicts = new Map<string, AnnualVerdict>();
  for (const v of check.verdicts) if (v.document !== "application" && v.outlet) annualVerdicts.set(v.outlet, v);
  const summaryRows: CellValue[][] = [];
  const summaryOf = new Map<string, AnnualSummary>();
  const applicationOf = new Map<string, Application>();
  const registryCategory = new Map<string, Category>();
  for (const source of documents) {
    if (source.kind === "registry") for (const r of source.doc.outlets) registryCategory.set(r.creditCode, r.category);
    // The first application or summary of a code gives the category, as in the engine.
    const appCode = source.kind === "application" ? source.doc.org.creditCode : undefined;
    if (source.kind === "application" && appCode && !applicationOf.has(appCode)) applicationOf.set(appCode, source.doc);
    if (source.kind !== "annualSummary") continue;
    const key = outletKey(source.doc.org.creditCode, source.doc.org.name);
    const code = source.doc.org.creditCode;
    if (code && !summaryOf.has(code)) summaryOf.set(code, source.doc);
    const ofYear = source.doc.year === check.year;
    const verdict = ofYear && key ? annualVerdicts.get(key) : undefined;
    const grade = ofYear && key ? (input.grades?.get(key) ?? null) : null;
    anchors.set(source, {
      kind: "row",
      sheet: DOCUMENT_SHEETS.summaries,
      row: summaryRows.length,
      columnOf: summaryColumnOf,
      rowCol: 0,
    });
    summaryRows.push(summaryRow(source, verdict, grade, tally(findingsOf.get(source))));
  }

  // 服务台账: every loaded entry, its item shown as "B01 知识产权培训" by the outlet's category (as the engine reads it).
  const ledgerRows: CellValue[][] = [];
  const labels = new Map<CatalogItem, string>();
  const label = (item: CatalogItem) => {
    let l = labels.get(item);
    if (l === undefined) labels.set(item, (l = itemLabel(item)));
    return l;
  };
  for (const source of documents) {
    if (source.kind !== "ledger") continue;
    const doc = source.doc;
    const code = doc.outlet.creditCode;
    const category = code
      ? (asCategory(summaryOf.get(code)?.category) ??
        asCategory(applicationOf.get(code)?.category) ??
        registryCategory.get(code))
      : undefined;
    const entryRows = new Map<number, number>();
    anchors.set(source, { kind: "ledger", firstRow: doc.entries.length ? ledgerRows.length : null, entryRows });
    const file = fileText(source);
    doc.entries.forEach((entry, i) => {
      const number = source.entryNumbers[i] ?? i + 1;
      entryRows.set(number - 1, ledgerRows.length);
      ledgerRows.push(ledgerRow(doc.outlet, doc.year, number, entry, category, label, file));
    });
  }

  // 网点名录
  const registryRows: CellValue[][] = [];
  for (const source of documents) {
    if (source.kind !== "registry") continue;
    const rows = new Map<number, number>();
    anchors.set(source, { kind: "registry", rows });
    source.doc.outlets.forEach((r, position) => {
      rows.set(position, registryRows.length);
      registryRows.push([
        text(r.name),
        text(r.creditCode),
        categoryLabel(r.category),
        districtOf(r.address),
        text(r.address),
        text(r.head?.name ? (r.head.title ? `${r.head.name}（${r.head.title}）` : r.head.name) : r.head?.title),
        text(r.contact?.name),
        text(r.contact?.mobile),
        text(r.contact?.email),
        REGISTRY_STATUS_LABELS[r.status],
        dateCell(r.accreditedOn),
        dateCell(r.revokedOn),
        r.revokeReason ? REVOKE_REASON_LABELS[r.revokeReason] : null,
        joined(
          [...r.evaluations]
            .sort((a, b) => b.year - a.year)
            .map((e) => `${e.year} ${GRADE_LABELS[e.grade]}${e.score === undefined ? "" : `（${e.score}）`}`),
          "；",
        ),
        fileText(source),
      ]);
    });
  }

  const ledgerColumnOf = columnResolver(LEDGER_COLUMNS);
  const ledgerEntryCol = columnIndex(LEDGER_COLUMNS, "entry");
  const registryColumnOf = columnResolver(REGISTRY_COLUMNS);

  /** The document a finding was raised on: the engine's own record of it, else its file and path. */
  // Documents by kind and file, for findings the engine did not raise (a ledger's unreadable entries: maybe many).
  const byFile = new Map<string, SourcedDocument[]>();
  for (const d of documents) {
    const key = `${d.kind}\u0000${d.file ?? ""}`;
    const list = byFile.get(key);
    if (list) list.push(d);
    else byFile.set(key, [d]);
  }
  const sourceOf = (f: Finding): SourcedDocument | undefined => {
    const known = sourceOfFinding.get(f);
    if (known) return known;
    if (!f.document) return undefined;
    let best: SourcedDocument | undefined;
    for (const d of byFile.get(`${f.document}\u0000${f.file ?? ""}`) ?? []) {
      if (d.file !== f.file) continue;
      if (relativePath(f.path ?? d.pathPrefix, d.pathPrefix) === null) continue;
      if (!best || d.pathPrefix.length > best.pathPrefix.length) best = d;
    }
    return best;
  };

  const locate = (f: Finding): Location | null => {
    const source = sourceOf(f);
    const anchor = source && anchors.get(source);
    if (!source || !anchor) return null;
    const rel = relativePath(f.path ?? source.pathPrefix, source.pathPrefix) ?? "";
    if (anchor.kind === "row") {
      const col = rel ? anchor.columnOf(rel) : null;
      return { sheet: anchor.sheet, row: anchor.row, col: col ?? anchor.rowCol };
    }
    if (anchor.kind === "ledger") {
      const m = /^entries\[(\d+)\](?:\.(.+))?$/u.exec(rel);
      if (m) {
        const row = anchor.entryRows.get(Number(m[1]));
        if (row === undefined) return null;
        const field = m[2];
        const col = field && !LEDGER_HEADER_KEYS.has(field) ? ledgerColumnOf(field) : null;
        return { sheet: DOCUMENT_SHEETS.ledger, row, col: col ?? ledgerEntryCol };
      }
      // A finding on the whole ledger (or its header) sits on its first row.
      if (anchor.firstRow === null) return null;
      const headerKey = rel.replace(/\[\d+\]/gu, "");
      const col = LEDGER_HEADER_KEYS.has(headerKey) ? columnIndex(LEDGER_COLUMNS, headerKey) : 0;
      return { sheet: DOCUMENT_SHEETS.ledger, row: anchor.firstRow, col };
    }
    const m = /^outlets\[(\d+)\](?:\.(.+))?$/u.exec(rel);
    const row = m ? anchor.rows.get(Number(m[1])) : undefined;
    if (!m || row === undefined) return null;
    const col = m[2] ? registryColumnOf(m[2]) : null;
    return { sheet: DOCUMENT_SHEETS.registry, row, col: col ?? 0 };
  };

  return {
    sheets: [
      tableSheet(DOCUMENT_SHEETS.applications, "Applications", APPLICATION_COLUMNS, appRows, 2),
      tableSheet(DOCUMENT_SHEETS.summaries, "Summaries", SUMMARY_COLUMNS, summaryRows, 2),
      tableSheet(DOCUMENT_SHEETS.ledger, "Ledger", LEDGER_COLUMNS, ledgerRows, 1),
      tableSheet(DOCUMENT_SHEETS.registry, "Registry", REGISTRY_COLUMNS, registryRows, 2),
    ],
    locate,
    ledgerRows: ledgerRows.length,
  };
}

function ledgerRow(
  outlet: SourcedLedger["doc"]["outlet"],
  year: number,
  number: number,
  entry: LedgerEntry,
  category: Category | undefined,
  label: (item: CatalogItem) => string,
  file: CellValue,
): CellValue[] {
  const item = entry.item === undefined ? undefined : resolveItem(entry.item, category);
  const client = entry.client;
  return [
    text(outlet.name),
    text(outlet.creditCode),
    year,
    number,
    dateCell(entry.date),
    item ? label(item) : text(entry.item),
    item ? TIER_LABELS[item.tier] : null,
    client.type ? SERVICE_OBJECT_LABELS[client.type] : null,
    text(client.name),
    text(client.creditCode),
    text(client.district),
    text(entry.channel),
    num(entry.fee),
    num(entry.quote),
    text(entry.adjustments),
    text(entry.deliverable),
    num(entry.participants),
    entry.satisfaction === undefined ? null : SATISFACTION_LEVELS[entry.satisfaction as 1 | 2 | 3 | 4 | 5],
    text(entry.staff),
    text(entry.evidence),
    text(entry.feedback),
    file,
  ];
}
