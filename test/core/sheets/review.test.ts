/**
 * The review, statistics and scoring workbooks as models (no file written here): sheet names and order, one 问题清单
 * row per finding with a link to the right row and column, marks merged per cell, 合计 rows equal to the totals,
 * 审核日志 with every input's SHA-256, and submitted text kept verbatim as text cells.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { DEFAULT_SETTINGS } from "../../../src/core/config";
import { makeCreditCode } from "../../../src/core/creditCode";
import { runChecks } from "../../../src/core/engine";
import type { Finding } from "../../../src/core/findings";
import { parseJsonText, parseJsonValue, type SourcedDocument } from "../../../src/core/parse";
import { buildCheckReport, type InputRecord } from "../../../src/core/report";
import { isReviewerScores, parseReviewerScores, type ReviewerSheet } from "../../../src/core/scoring/reviewers";
import { runScoring } from "../../../src/core/scoring/score";
import { columnLetter, type CellValue, type SheetModel, type TableSheet } from "../../../src/core/sheets/model";
import {
  AUDIT_SHEET,
  CITY_TOTAL_LABEL,
  DOCUMENT_SHEETS,
  FINDINGS_SHEET,
  reviewWorkbook,
  scoreWorkbook,
  SCORING_SHEETS,
  statsWorkbook,
  STATS_SHEETS,
  TOTAL_LABEL,
  type ReviewWorkbookInput,
} from "../../../src/core/sheets/review";
import { mergeMarks } from "../../../src/core/sheets/reviewSheets/common";
import { relativePath } from "../../../src/core/sheets/reviewSheets/documents";
import { buildStatsReport } from "../../../src/core/stats";
import { application, ledger, ledgerEntry, registry, summary } from "../../helpers/fixtures";

const VERSIONS = { app: "0.1.0-test", rules: 51 };
const AT = "2026-11-24T10:30:00+08:00";
const OTHER_CODE = makeCreditCode("91", "440106", "MA5T0001");

/** Submitted text that a spreadsheet would take for a formula if it were written as one. */
const FORMULA_LIKE = {
  name: '=HYPERLINK("http://example.com/x","点此")',
  contact: "+8613800000000",
  nature: "-事业单位",
  head: "@SUM(A1:A9)",
};

function parseAll(files: Record<string, unknown>): SourcedDocument[] {
  return Object.entries(files).flatMap(([file, value]) => parseJsonValue(value, file).documents);
}

/**
 * apps.json holds two applications: the first clean, the second with too few full-time staff, two missing attachments
 * (two findings on one cell) and formula-like text. ledger.json has an unreadable second entry (so sheet rows and
 * source entries part ways) and a fee on a basic service in its third entry.
 */
function batch(): ReviewWorkbookInput & { documents: SourcedDocument[] } {
  const raw = {
    "apps.json": [
      application(),
      application((a) => {
        a.org.name = FORMULA_LIKE.name;
        a.org.creditCode = OTHER_CODE;
        a.org.nature = FORMULA_LIKE.nature;
        a.org.contact.name = FORMULA_LIKE.contact;
        a.org.head = { name: FORMULA_LIKE.head };
        a.org.staff.fullTime = 3;
        a.attachments.systems = false;
        a.attachments.history = false;
      }),
    ],
    "summary.json": summary(),
    "ledger.json": ledger((l) => {
      l.entries.splice(
        1,
        0,
        ledgerEntry((e) => (e.satisfaction = 9)),
      );
      l.entries[2].fee = 50;
    }),
    "registry.json": registry(),
  };
  const parsed = Object.entries(raw).map(([file, value]) => ({ file, parsed: parseJsonValue(value, file) }));
  const documents = parsed.flatMap((p) => p.parsed.documents);
  const inputFindings = parsed.flatMap((p) => p.parsed.findings);
  const inputs: InputRecord[] = parsed.map((p, i) => ({
    file: p.file,
    sha256: String(i).repeat(64),
    documents: p.parsed.documents.length,
    rejected: p.parsed.rejected,
  }));
  const check = runChecks(documents, { settings: DEFAULT_SETTINGS, today: "2026-11-24" });
  const checkReport = buildCheckReport(documents, inputFindings, check, inputs);
  return { documents, check, checkReport, inputs, generatedAt: AT, versions: VERSIONS };
}

function table(sheets: readonly SheetModel[], name: string): TableSheet {
  const sheet = sheets.find((s) => s.name === name);
  if (!sheet || sheet.kind !== "table") throw new Error(`no table sheet ${name}`);
  return sheet;
}

function cell(sheet: TableSheet, row: number, key: string): CellValue | undefined {
  return sheet.rows[row]?.[sheet.columns.findIndex((c) => c.key === key)];
}

/** Column index and sheet row of an A1 reference. */
function parseRef(ref: string): { col: number; row: number } {
  const m = /^([A-Z]+)(\d+)$/u.exec(ref)!;
  let col = 0;
  for (const ch of m[1]!) col = col * 26 + ch.charCodeAt(0) - 64;
  return { col: col - 1, row: Number(m[2]) };
}

describe("reviewWorkbook", () => {
  const input = batch();
  const model = reviewWorkbook(input);
  const findings = input.checkReport.issues;
  const list = table(model.sheets, FINDINGS_SHEET);
  const ledgerSheet = table(model.sheets, DOCUMENT_SHEETS.ledger);
  const apps = table(model.sheets, DOCUMENT_SHEETS.applications);

  it("has the document sheets, 问题清单 and 审核日志, in order", () => {
    expect(model.sheets.map((s) => s.name)).toEqual([
      "申报汇总",
      "年度总结",
      "服务台账",
      "网点名录",
      "问题清单",
      "审核日志",
    ]);
    expect(model.marker).toEqual({ kind: "reviewWorkbook", version: 1 });
  });

  it("has one row per application, summary, loaded ledger entry and registry record", () => {
    expect(apps.rows).toHaveLength(2);
    expect(table(model.sheets, DOCUMENT_SHEETS.summaries).rows).toHaveLength(1);
    expect(ledgerSheet.rows).toHaveLength(10); // 11 entries, one unreadable
    expect(table(model.sheets, DOCUMENT_SHEETS.registry).rows).toHaveLength(1);
    expect(cell(apps, 0, "verdict")).toBe("符合");
    expect(cell(apps, 1, "verdict")).toBe("不符合");
    expect(cell(apps, 1, "errors")).toBe(input.check.verdicts[1]!.errors);
    expect(cell(apps, 0, "submittedOn")).toEqual({ date: "2026-05-18" });
    // The ledger's item as "code name", its entry number as in the source (the second entry was not loaded).
    expect(cell(ledgerSheet, 0, "item")).toBe("B01 知识产权培训");
    expect(ledgerSheet.rows.map((r) => r[3])).toEqual([1, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(ledgerSheet.columns.slice(0, 2).map((c) => c.header)).toEqual(["网点名称", "统一社会信用代码"]);
  });

  it("lists every finding once in 问题清单, in the report's order", () => {
    expect(list.rows).toHaveLength(findings.length);
    expect(list.rows.map((r) => cell(list, list.rows.indexOf(r), "rule"))).toEqual(findings.map((f) => f.rule));
    expect(list.rows.map((r, i) => cell(list, i, "message"))).toEqual(findings.map((f) => f.message));
    expect(findings.some((f) => f.rule === "input/unreadable")).toBe(true);
  });

  /** The link of the 问题清单 row of a finding, resolved to sheet, data row and column. */
  function linkOf(f: Finding): { sheet: string; row: number; col: number } | null {
    const i = findings.indexOf(f);
    const link = list.links?.find((l) => l.row === i);
    if (!link) return null;
    expect(link.col).toBe(list.columns.findIndex((c) => c.key === "location"));
    const { col, row } = parseRef(link.cell);
    expect(cell(list, i, "location")).toBe(`${link.sheet} ${link.cell}`);
    return { sheet: link.sheet, row: row - 2, col };
  }

  it("links a ledger entry finding to that entry's row and the field's column in 服务台账", () => {
    const fee = findings.find((f) => f.rule === "ledger/basic-fee")!;
    expect(fee.path).toBe("entries[2].fee");
    const at = linkOf(fee)!;
    expect(at.sheet).toBe("服务台账");
    expect(at.row).toBe(1); // the third source entry is the second loaded one
    expect(ledgerSheet.columns[at.col]!.key).toBe("fee");
    expect(ledgerSheet.rows[at.row]![at.col]).toBe(50);
    expect(list.links!.find((l) => l.row === findings.indexOf(fee))!.cell).toBe(`${columnLetter(at.col)}3`);
  });

  it("links an application finding to its row in 申报汇总 and the field's column, else the row's first cell", () => {
    const staff = findings.find((f) => f.rule === "staff/full-time-min")!;
    expect(staff.path).toBe("[1].org.staff.fullTime");
    expect(linkOf(staff)).toEqual({
      sheet: "申报汇总",
      row: 1,
      col: apps.columns.findIndex((c) => c.header === "专职人员"),
    });
    expect(apps.rows[1]![linkOf(staff)!.col]).toBe(3);

    const materials = findings.filter((f) => f.rule === "materials/required");
    expect(materials).toHaveLength(2);
    for (const f of materials) {
      expect(linkOf(f)).toEqual({
        sheet: "申报汇总",
        row: 1,
        col: apps.columns.findIndex((c) => c.key === "attachments"),
      });
    }
  });

  it("leaves an unreadable input without a link", () => {
    const bad = findings.find((f) => f.rule === "input/unreadable")!;
    expect(linkOf(bad)).toBeNull();
    expect(cell(list, findings.indexOf(bad), "location")).toBeNull();
  });

  it("every link points inside its target sheet", () => {
    for (const link of list.links ?? []) {
      const target = table(model.sheets, link.sheet);
      const { col, row } = parseRef(link.cell);
      expect(col).toBeLessThan(target.columns.length);
      expect(row - 2).toBeGreaterThanOrEqual(0);
      expect(row - 2).toBeLessThan(target.rows.length);
    }
  });

  it("marks each cell once: the worst severity's fill and one note listing its findings", () => {
    const col = apps.columns.findIndex((c) => c.key === "attachments");
    const marks = apps.marks!.filter((m) => m.row === 1 && m.col === col);
    expect(marks).toHaveLength(1);
    const messages = findings.filter((f) => f.rule === "materials/required").map((f) => f.message);
    for (const m of messages) expect(marks[0]!.note).toContain(m);
    expect(marks[0]!.note.split("\n")).toHaveLength(2);
    expect(marks[0]!.severity).toBe("error");
    const cells = new Set(apps.marks!.map((m) => `${m.row}:${m.col}`));
    expect(cells.size).toBe(apps.marks!.length);

    const fee = ledgerSheet.marks!.find((m) => ledgerSheet.columns[m.col]!.key === "fee")!;
    expect(fee).toMatchObject({ row: 1, severity: "error" });
    expect(fee.note).toMatch(/^【错误】/u);
  });

  it("marks nothing that 问题清单 does not link", () => {
    const marked = model.sheets.flatMap((s) => (s.kind === "table" ? (s.marks ?? []).map((m) => ({ s, m })) : []));
    for (const { s, m } of marked) {
      const ref = `${columnLetter(m.col)}${m.row + 2}`;
      expect(list.links!.some((l) => l.sheet === s.name && l.cell === ref)).toBe(true);
    }
  });

  it("keeps submitted text that starts with = + - @ verbatim, in text columns", () => {
    const expectText = (key: string, value: string) => {
      expect(cell(apps, 1, key)).toBe(value);
      expect(apps.columns.find((c) => c.key === key)!.type).toBe("text");
    };
    expectText("org.name", FORMULA_LIKE.name);
    expectText("org.nature", FORMULA_LIKE.nature);
    expectText("org.contact.name", FORMULA_LIKE.contact);
    expectText("org.head", FORMULA_LIKE.head);
    // The outlet's name in 问题清单 too.
    const i = findings.findIndex((f) => f.rule === "staff/full-time-min");
    expect(cell(list, i, "outletName")).toBe(FORMULA_LIKE.name);
  });

  it("lists each input with its SHA-256, documents and rejected in 审核日志, with time and versions", () => {
    const audit = table(model.sheets, AUDIT_SHEET);
    const rows = audit.rows.map((r) => r.map((v) => v));
    expect(rows[0]).toEqual(["生成时间", AT, null, null, null]);
    expect(rows.some((r) => r[0] === "工具版本" && String(r[1]).includes("0.1.0-test"))).toBe(true);
    expect(rows.some((r) => r[0] === "审核规则" && r[1] === "51 条")).toBe(true);
    for (const i of input.inputs) {
      expect(rows).toContainEqual(["输入文件", i.file, i.sha256, i.documents, i.rejected]);
    }
    expect(rows.at(-1)).toEqual([
      "输入文件合计",
      "4 个文件",
      null,
      input.inputs.reduce((n, i) => n + i.documents, 0),
      input.inputs.reduce((n, i) => n + i.rejected, 0),
    ]);
  });

  it("is a well-formed model: row widths, unique table names, valid sheet names, frozen headers", () => {
    const names = new Set<string>();
    const tables = new Set<string>();
    for (const s of model.sheets) {
      expect(s.kind).toBe("table");
      if (s.kind !== "table") continue;
      expect(names.has(s.name)).toBe(false);
      names.add(s.name);
      expect([...s.name].length).toBeLessThanOrEqual(31);
      expect(s.name).not.toMatch(/[[\]:*?/\\]/u);
      expect(s.freeze).toBeDefined();
      for (const r of s.rows) expect(r).toHaveLength(s.columns.length);
      if (s.rows.length) {
        expect(s.table!.name).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/u);
        expect(tables.has(s.table!.name)).toBe(false);
        tables.add(s.table!.name);
      }
      for (const c of s.columns) expect(c.width).toBeGreaterThan(0);
    }
  });
});

// ---------------------------------------------------------------- with the samples: statistics and scoring

const samples = join(__dirname, "..", "..", "..", "samples");

/** The samples' JSON files parsed as the CLI would (kept apart from the CLI's loader, which reads files its own way). */
function loadSamples(): {
  documents: SourcedDocument[];
  sheets: ReviewerSheet[];
  findings: Finding[];
  inputs: InputRecord[];
} {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".json")) files.push(full);
    }
  };
  walk(samples);
  const out = { documents: [] as SourcedDocument[], sheets: [] as ReviewerSheet[], findings: [] as Finding[] };
  const inputs: InputRecord[] = [];
  for (const full of files) {
    const bytes = readFileSync(full);
    const file = relative(samples, full);
    const parsed = parseJsonText(bytes.toString("utf8"), file, {
      recognise: isReviewerScores,
      parse: parseReviewerScores,
    });
    out.documents.push(...parsed.documents);
    out.sheets.push(...parsed.sheets);
    out.findings.push(...parsed.findings);
    inputs.push({
      file,
      sha256: createHash("sha256").update(bytes).digest("hex"),
      documents: parsed.documents.length + parsed.sheets.length,
      rejected: parsed.rejected,
    });
  }
  return { ...out, inputs };
}

describe("review workbook of the samples (check, stats and score)", () => {
  const loaded = loadSamples();
  const check = runChecks(loaded.documents, { settings: DEFAULT_SETTINGS, today: "2026-11-24" });
  const checkReport = buildCheckReport(loaded.documents, loaded.findings, check, loaded.inputs);
  const stats = buildStatsReport(loaded.documents, {});
  const scoring = runScoring(loaded.documents, {
    settings: DEFAULT_SETTINGS,
    today: "2026-11-24",
    sheets: loaded.sheets,
  });
  const provenance = { inputs: loaded.inputs, generatedAt: AT, versions: VERSIONS };
  const model = reviewWorkbook({ documents: loaded.documents, check, checkReport, stats, scoring, ...provenance });

  it("orders the sheets: documents, 问题清单, statistics, scoring, reviewers' sheets, 审核日志", () => {
    const names = model.sheets.map((s) => s.name);
    const reviewers = scoring.evaluations.flatMap((e) => e.reviewers.map((r) => `评分表-${r.reviewer}`));
    expect(names).toEqual([
      "申报汇总",
      "年度总结",
      "服务台账",
      "网点名录",
      "问题清单",
      STATS_SHEETS.total,
      STATS_SHEETS.outlets,
      STATS_SHEETS.byCategory,
      STATS_SHEETS.byDistrict,
      STATS_SHEETS.byMonth,
      STATS_SHEETS.byClient,
      STATS_SHEETS.byItem,
      "评审结果",
      "评分明细",
      "专家",
      ...reviewers,
      "审核日志",
    ]);
    expect(table(model.sheets, "服务台账").rows).toHaveLength(checkReport.documents.ledgerEntries);
  });

  it("lists check and scoring findings in 问题清单, all check findings on a document linked", () => {
    const list = table(model.sheets, FINDINGS_SHEET);
    expect(list.rows).toHaveLength(checkReport.issues.length + scoring.findings.length);
    const onDocuments = checkReport.issues.filter((f) => f.document !== null);
    expect(list.links).toHaveLength(onDocuments.length);
  });

  /** Data rows and the closing 合计 row of a statistics sheet. */
  function split(name: string): { body: (readonly CellValue[])[]; total: readonly CellValue[] } {
    const sheet = table(model.sheets, name);
    const total = sheet.rows.at(-1)!;
    expect([TOTAL_LABEL, CITY_TOTAL_LABEL]).toContain(total[0]);
    return { body: sheet.rows.slice(0, -1), total };
  }
  const sum = (rows: (readonly CellValue[])[], col: number) => rows.reduce((n, r) => n + (r[col] as number), 0);

  it("closes every statistics table with a 合计 row equal to the totals, and the rows add up to it", () => {
    const t = stats.total;
    expect(t.counts.total).toBeGreaterThan(0);

    const outlets = split(STATS_SHEETS.outlets);
    const sheet = table(model.sheets, STATS_SHEETS.outlets);
    const col = (key: string) => sheet.columns.findIndex((c) => c.key === key);
    expect(outlets.body).toHaveLength(stats.outlets.length);
    for (const [key, expected] of [
      ["basic", t.counts.basic],
      ["lowCost", t.counts.lowCost],
      ["valueAdded", t.counts.valueAdded],
      ["total", t.counts.total],
      ["free", t.free],
      ["paid", t.paid],
      ["participants", t.participants],
      ["training.sessions", t.training.sessions],
    ] as const) {
      expect(outlets.total[col(key)]).toBe(expected);
      expect(sum(outlets.body, col(key))).toBe(expected);
    }
    expect(sum(outlets.body, col("feeTotal"))).toBeCloseTo(t.feeTotal, 2);
    expect(outlets.total[col("feeTotal")]).toBe(t.feeTotal);

    for (const name of [STATS_SHEETS.byCategory, STATS_SHEETS.byDistrict]) {
      const { body, total } = split(name);
      expect(total.slice(1)).toEqual([
        stats.outlets.length,
        t.counts.basic,
        t.counts.lowCost,
        t.counts.valueAdded,
        t.counts.total,
      ]);
      for (let c = 1; c <= 5; c++) expect(sum(body, c)).toBe(total[c]);
    }

    for (const name of [STATS_SHEETS.byMonth, STATS_SHEETS.byClient, STATS_SHEETS.byItem]) {
      const sheet = table(model.sheets, name);
      const count = sheet.columns.findIndex((c) => c.key === "count");
      const share = sheet.columns.findIndex((c) => c.key === "share");
      const { body, total } = split(name);
      expect(total[count]).toBe(t.counts.total);
      expect(sum(body, count)).toBe(t.counts.total);
      expect(total[share]).toBe(1);
      expect(sum(body, share)).toBeCloseTo(1, 9);
    }
    expect(split(STATS_SHEETS.byMonth).body).toHaveLength(12);

    const city = table(model.sheets, STATS_SHEETS.total);
    const value = (metric: string) => city.rows.find((r) => r[0] === metric)![1];
    expect(value("服务合计")).toBe(t.counts.total);
    expect(value("收费总额")).toBe(t.feeTotal);
    expect(
      (value("基础性服务") as number) + (value("低成本专业化服务") as number) + (value("增值服务") as number),
    ).toBe(t.counts.total);
  });

  it("ranks 评审结果 per evaluation with grade, flags and reasons", () => {
    const results = table(model.sheets, SCORING_SHEETS.results);
    const outlets = scoring.evaluations.flatMap((e) => e.outlets);
    expect(results.rows).toHaveLength(outlets.length);
    const col = (key: string) => results.columns.findIndex((c) => c.key === key);
    for (const e of scoring.evaluations) {
      const ranks = results.rows
        .filter((r) => String(r[col("evaluation")]).includes(e.kind === "annual" ? "年度" : "认定"))
        .map((r) => r[col("rank")])
        .filter((r): r is number => typeof r === "number");
      expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    }
    const vetoed = outlets.find((o) => o.vetoed)!;
    const row = results.rows.find((r) => r[col("outlet")] === vetoed.outlet)!;
    expect(row[col("vetoed")]).toBe("是");
    expect(row[col("grade")]).toBe("不合格");
    expect(String(row[col("reasons")])).toContain(vetoed.reasons[0]!.message);
    expect(String(row[col("flags")])).toContain(vetoed.flags[0]!);
  });

  it("details every criterion of every scored outlet in 评分明细", () => {
    const details = table(model.sheets, SCORING_SHEETS.details);
    const expected = scoring.evaluations.flatMap((e) => e.outlets).reduce((n, o) => n + o.criteria.length, 0);
    expect(details.rows).toHaveLength(expected);
    const auto = details.rows.find((r) => r[5] === "自动")!;
    const expert = details.rows.find((r) => r[5] === "专家")!;
    expect(typeof auto[11]).toBe("number");
    expect(typeof expert[12]).toBe("number");
  });

  it("shows each reviewer in 专家 and gives annual grades to 年度总结", () => {
    const reviewers = table(model.sheets, SCORING_SHEETS.reviewers);
    expect(reviewers.rows).toHaveLength(scoring.evaluations.reduce((n, e) => n + e.reviewers.length, 0));
    const summaries = table(model.sheets, DOCUMENT_SHEETS.summaries);
    expect(summaries.rows.some((r) => typeof cell(summaries, summaries.rows.indexOf(r), "grade") === "string")).toBe(
      true,
    );
  });

  it("statsWorkbook has only the statistics sheets and 审核日志", () => {
    const wb = statsWorkbook(stats, provenance);
    expect(wb.sheets.map((s) => s.name)).toEqual([...Object.values(STATS_SHEETS).slice(0, 7), AUDIT_SHEET]);
    expect(wb.marker?.kind).toBe("statsWorkbook");
  });

  it("scoreWorkbook has the scoring sheets, 问题清单 of the scoring and 审核日志 with the rubrics", () => {
    const wb = scoreWorkbook(scoring, { ...provenance, inputFindings: loaded.findings });
    const names = wb.sheets.map((s) => s.name);
    expect(names.slice(0, 3)).toEqual(["评审结果", "评分明细", "专家"]);
    expect(names.slice(-2)).toEqual(["问题清单", "审核日志"]);
    expect(table(wb.sheets, FINDINGS_SHEET).rows).toHaveLength(loaded.findings.length + scoring.findings.length);
    const audit = table(wb.sheets, AUDIT_SHEET);
    for (const e of scoring.evaluations) {
      expect(audit.rows.some((r) => r[0] === "评分细则" && String(r[1]).includes(e.rubric.version))).toBe(true);
    }
  });
});

describe("statistics workbook of an empty batch", () => {
  it("still closes its tables with 合计 rows (of zero) and writes no empty Excel table", () => {
    const stats = buildStatsReport(parseAll({ "a.json": application() }), {});
    const wb = statsWorkbook(stats, { inputs: [], generatedAt: AT, versions: VERSIONS });
    const outlets = table(wb.sheets, STATS_SHEETS.outlets);
    expect(outlets.rows).toHaveLength(1);
    expect(outlets.rows[0]![0]).toBe(CITY_TOTAL_LABEL);
    const months = table(wb.sheets, STATS_SHEETS.byMonth);
    expect(months.rows.at(-1)!.slice(0, 2)).toEqual([TOTAL_LABEL, 0]);
  });
});

describe("marks and paths", () => {
  const finding = (severity: Finding["severity"], message: string): Finding => ({
    rule: "x/y",
    severity,
    article: "第五条",
    outlet: null,
    outletName: null,
    document: "application",
    file: null,
    path: null,
    entry: null,
    message,
  });

  it("merges findings on one cell: the worst severity's fill, worst first in the note", () => {
    const marks = mergeMarks([
      { row: 2, col: 1, finding: finding("warning", "警告一") },
      { row: 0, col: 3, finding: finding("info", "别处") },
      { row: 2, col: 1, finding: finding("info", "提示一") },
      { row: 2, col: 1, finding: finding("error", "错误一") },
    ]);
    expect(marks).toEqual([
      { row: 0, col: 3, severity: "info", note: "【提示】别处" },
      { row: 2, col: 1, severity: "error", note: "【错误】错误一\n【警告】警告一\n【提示】提示一" },
    ]);
  });

  it("lists at most ten messages in a note and counts the rest", () => {
    const many = Array.from({ length: 13 }, (_, i) => ({ row: 0, col: 0, finding: finding("warning", `第 ${i} 条`) }));
    const [mark] = mergeMarks(many);
    expect(mark!.note.split("\n")).toHaveLength(11);
    expect(mark!.note).toContain("另有 3 条");
  });

  it("strips a document's prefix in its file without taking [1] for [10]", () => {
    expect(relativePath("[1].org.name", "[1]")).toBe("org.name");
    expect(relativePath("[1]", "[1]")).toBe("");
    expect(relativePath("[10].org.name", "[1]")).toBeNull();
    expect(relativePath("[0].outlets[3].name", "[0]")).toBe("outlets[3].name");
    expect(relativePath("entries[2].fee", "")).toBe("entries[2].fee");
  });
});
