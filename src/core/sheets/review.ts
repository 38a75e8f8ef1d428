/**
 * The review workbook (`check --out`, `demo`), the statistics workbook (`stats --out`) and the scoring workbook
 * (`score --out`) as WorkbookModels. Pure: documents, results, input hashes, versions and the time are passed in; an
 * adapter renders the model (values as values: submitted text that starts with = + - @ stays text).
 *
 * Sheets of the review workbook, in order: 申报汇总, 年度总结, 服务台账, 网点名录 (the documents, one row each, cells
 * with findings marked), 问题清单 (one row per finding, linked to its cell), 服务统计-* (with a statistics report),
 * 评审结果, 评分明细, 专家, 评分表-<专家> (with a scoring), 审核日志.
 */
import type { CheckResult } from "../engine";
import type { Grade } from "../codes";
import type { SourcedDocument } from "../parse";
import type { CheckReport, InputRecord } from "../report";
import type { Finding } from "../findings";
import type { ScoringResult } from "../scoring/score";
import type { StatsReport } from "../statsTypes";
import type { SheetModel, WorkbookModel } from "./model";
import { auditSheet, type Versions } from "./reviewSheets/audit";
import { documentSheets } from "./reviewSheets/documents";
import { findingsSheet } from "./reviewSheets/findings";
import { scoringSheets } from "./reviewSheets/scoring";
import { statsSheets } from "./reviewSheets/stats";

export { AUDIT_SHEET, type RubricVersion, type Versions } from "./reviewSheets/audit";
export { DOCUMENT_SHEETS } from "./reviewSheets/documents";
export { FINDINGS_SHEET } from "./reviewSheets/findings";
export { SCORING_SHEETS } from "./reviewSheets/scoring";
export { CITY_TOTAL_LABEL, STATS_SHEETS, TOTAL_LABEL } from "./reviewSheets/stats";

/** Markers of the generated workbooks (distinct from the templates' kinds, so an import never mistakes them). */
export const REVIEW_MARKERS = {
  review: { kind: "reviewWorkbook", version: 1 },
  stats: { kind: "statsWorkbook", version: 1 },
  score: { kind: "scoreWorkbook", version: 1 },
} as const;

interface Provenance {
  inputs: readonly InputRecord[];
  /** When the workbook was generated, formatted by the caller. */
  generatedAt: string;
  versions: Versions;
}

export interface ReviewWorkbookInput extends Provenance {
  documents: readonly SourcedDocument[];
  check: CheckResult;
  /** Its issues (unreadable inputs first, then the engine's findings) make 问题清单. */
  checkReport: CheckReport;
  stats?: StatsReport;
  scoring?: ScoringResult;
}

function annualGrades(scoring: ScoringResult | undefined): Map<string, Grade> {
  const grades = new Map<string, Grade>();
  for (const e of scoring?.evaluations ?? []) {
    if (e.kind !== "annual") continue;
    for (const o of e.outlets) if (o.grade) grades.set(o.outlet, o.grade);
  }
  return grades;
}

export function reviewWorkbook(input: ReviewWorkbookInput): WorkbookModel {
  const docs = documentSheets({
    documents: input.documents,
    check: input.check,
    grades: annualGrades(input.scoring),
  });
  const findings: Finding[] = [...input.checkReport.issues, ...(input.scoring?.findings ?? [])];
  const list = findingsSheet(findings, docs.locate);
  const sheets: SheetModel[] = docs.sheets.map((s) => {
    const marks = list.marks.get(s.name);
    return marks?.length ? { ...s, marks } : s;
  });
  sheets.push(list.sheet);
  if (input.stats) sheets.push(...statsSheets(input.stats));
  if (input.scoring) sheets.push(...scoringSheets(input.scoring, takenNames(sheets)));
  sheets.push(
    auditSheet({
      generatedAt: input.generatedAt,
      versions: input.versions,
      inputs: input.inputs,
      documents: input.checkReport.documents,
      year: input.check.year ?? input.stats?.year ?? null,
      ...(input.scoring ? { scoring: input.scoring } : {}),
    }),
  );
  return { title: "网点评审助手 · 审核结果", sheets, marker: { ...REVIEW_MARKERS.review } };
}

export interface StatsWorkbookInput extends Provenance {
  /** What was loaded, for 审核日志. */
  documents?: CheckReport["documents"];
}

export function statsWorkbook(stats: StatsReport, input: StatsWorkbookInput): WorkbookModel {
  return {
    title: "网点评审助手 · 服务统计",
    sheets: [
      ...statsSheets(stats),
      auditSheet({
        generatedAt: input.generatedAt,
        versions: input.versions,
        inputs: input.inputs,
        year: stats.year,
        ...(input.documents ? { documents: input.documents } : {}),
      }),
    ],
    marker: { ...REVIEW_MARKERS.stats },
  };
}

export interface ScoreWorkbookInput extends Provenance {
  /** Findings of loading (unreadable inputs), listed before the scoring's own in 问题清单. */
  inputFindings?: readonly Finding[];
  documents?: CheckReport["documents"];
}

export function scoreWorkbook(scoring: ScoringResult, input: ScoreWorkbookInput): WorkbookModel {
  const sheets: SheetModel[] = scoringSheets(scoring, new Set());
  sheets.push(findingsSheet([...(input.inputFindings ?? []), ...scoring.findings]).sheet);
  sheets.push(
    auditSheet({
      generatedAt: input.generatedAt,
      versions: input.versions,
      inputs: input.inputs,
      year: scoring.check.year,
      scoring,
      ...(input.documents ? { documents: input.documents } : {}),
    }),
  );
  return { title: "网点评审助手 · 评审结果", sheets, marker: { ...REVIEW_MARKERS.score } };
}

function takenNames(sheets: readonly SheetModel[]): Set<string> {
  return new Set(sheets.map((s) => s.name.toLowerCase()));
}
