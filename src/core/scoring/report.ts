/** The JSON report of `score`: per evaluation, per outlet criteria, totals, grade, rank and flags. Pure. */
import { GRADE_LABELS, type Grade } from "../codes";
import type { Finding } from "../findings";
import type { InputRecord } from "../report";
import { LENIENCY_LABELS } from "./consolidate";
import type { RubricKind } from "./rubric";
import type { Evaluation, ScoredOutlet, ScoringResult } from "./score";

export const SCORE_REPORT_VERSION = 1;

export const EVALUATION_LABELS: Record<RubricKind, string> = { annual: "年度服务效能评价", application: "认定评审" };

export interface ScoreReport {
  version: number;
  evaluations: ReportEvaluation[];
  /** Findings of the scoring (reviewers' sheets, divergence, leniency) and unreadable inputs. */
  findings: Finding[];
  summary: {
    outlets: number;
    scored: number;
    byGrade: Record<Grade, number>;
    accredited: number;
    revocationProposals: number;
    errors: number;
    warnings: number;
    infos: number;
  };
  inputs: InputRecord[];
}

export interface ReportEvaluation extends Omit<Evaluation, "outlets" | "reviewers"> {
  label: string;
  reviewers: (Evaluation["reviewers"][number] & { flagLabel: string | null })[];
  /** Ranked outlets first (by rank), then the unscored ones in input order. */
  outlets: (ScoredOutlet & { gradeLabel: string | null })[];
}

/** Ranked first by rank, then the rest in their order. */
export function byRank(outlets: readonly ScoredOutlet[]): ScoredOutlet[] {
  const ranked = outlets.filter((o) => o.rank !== null).sort((a, b) => a.rank! - b.rank!);
  return [...ranked, ...outlets.filter((o) => o.rank === null)];
}

export function buildScoreReport(
  result: ScoringResult,
  inputFindings: readonly Finding[],
  inputs: readonly InputRecord[],
): ScoreReport {
  const findings = [...inputFindings, ...result.findings];
  const evaluations: ReportEvaluation[] = result.evaluations.map((e) => ({
    ...e,
    label: EVALUATION_LABELS[e.kind],
    reviewers: e.reviewers.map((r) => ({ ...r, flagLabel: r.flag ? LENIENCY_LABELS[r.flag] : null })),
    outlets: byRank(e.outlets).map((o) => ({ ...o, gradeLabel: o.grade ? GRADE_LABELS[o.grade] : null })),
  }));
  const all = result.evaluations.flatMap((e) => e.outlets);
  const byGrade: Record<Grade, number> = { excellent: 0, good: 0, pass: 0, fail: 0 };
  for (const o of all) if (o.grade) byGrade[o.grade]++;
  return {
    version: SCORE_REPORT_VERSION,
    evaluations,
    findings,
    summary: {
      outlets: all.length,
      scored: all.filter((o) => o.total !== null).length,
      byGrade,
      accredited: all.filter((o) => o.accredited).length,
      revocationProposals: all.filter((o) => o.revocationProposed).length,
      errors: findings.filter((f) => f.severity === "error").length,
      warnings: findings.filter((f) => f.severity === "warning").length,
      infos: findings.filter((f) => f.severity === "info").length,
    },
    inputs: [...inputs],
  };
}
