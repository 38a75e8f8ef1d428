/**
 * From a batch to a result a panel can sign (RUBRIC.md): the review engine's findings and
 * verdicts, the statistics behind the auto criteria, the reviewers' consolidated expert scores,
 * totals, grades, vetoes, ranks with 并列, the accreditation line, and 撤销资格建议 for a second
 * failed year. Pure: documents, sheets, rubrics and settings are passed in.
 */
import type { Grade } from "../codes";
import type { Settings } from "../config";
import { outletKey, runChecks, type AnnualVerdict, type ApplicationVerdict, type CheckResult } from "../engine";
import type { Finding } from "../findings";
import type { SourcedApplication, SourcedDocument } from "../parse";
import consecutiveFail from "../rules/evaluation/evaluation-consecutive-fail";
import { computeServiceStats, buildStatsReport } from "../stats";
import type { ServiceStats } from "../statsTypes";
import { autoSubtotal, roundScore, scoreAuto, type AutoInput, type AutoResult } from "./auto";
import {
  consolidate,
  type CriterionConsolidation,
  type PanelConsolidation,
  type ReviewerConsolidation,
  type SubjectConsolidation,
} from "./consolidate";
import { countEntriesWithLedgerFinding } from "./metrics";
import { gradeOf, rank } from "./rank";
import type { ReviewerSheet } from "./reviewers";
import type { Rubric, RubricKind } from "./rubric";
import { DEFAULT_RUBRICS } from "./rubrics";

export interface ScoreOptions {
  settings: Settings;
  today?: string | null;
  /** Rubrics by kind (default: the defaults of RUBRIC.md). */
  rubrics?: Partial<Record<RubricKind, Rubric>>;
  sheets: readonly ReviewerSheet[];
  /** Overrides the application rubric's number to accredit. */
  accreditCount?: number | null;
}

export type ScoredCriterion =
  | ({ source: "auto"; mode: "linear" | "all-or-nothing" } & AutoResult)
  | ({ source: "expert" } & CriterionConsolidation);

export interface ScoredOutlet {
  outlet: string;
  outletName: string | null;
  document: ApplicationVerdict["document"] | AnnualVerdict["document"];
  file: string | null;
  /** Applications: 符合认定条件 (only eligible ones are scored). Annual: no veto. */
  eligible: boolean;
  /** Annual: an error finding of section B is open, so 不合格 whatever the score. */
  vetoed: boolean;
  priority: boolean;
  /** Scored: eligible, and every expert criterion has at least one valid score. */
  complete: boolean;
  criteria: ScoredCriterion[];
  autoSubtotal: number | null;
  expertSubtotal: number | null;
  /** Expert subtotal from z-score-normalised scores, shown beside the official one. */
  zNormalisedSubtotal: number | null;
  total: number | null;
  /** Total with the z-normalised expert subtotal: would a harsh or lenient reviewer change the order? */
  totalNormalised: number | null;
  grade: Grade | null;
  rank: number | null;
  tie: boolean;
  /** Applications with a number to accredit: within it (拟认定). */
  accredited: boolean | null;
  tieAtCut: boolean;
  /** 撤销资格建议: the second failed year in a row (第十八条). */
  revocationProposed: boolean;
  /** What the panel should see, in Chinese: vetoes, recusals, divergence, incomplete scoring, ties. */
  flags: string[];
  /** The error findings behind ineligibility or a veto (rule and message), the first few. */
  reasons: { rule: string; message: string }[];
  /** How many more such findings there are beyond `reasons`. */
  reasonsMore: number;
  excluded: SubjectConsolidation["excluded"];
}

export interface Evaluation {
  kind: RubricKind;
  year: number | null;
  rubric: { id: string; version: string; name: string };
  method: Rubric["consolidation"]["method"];
  trimFrom: number;
  accreditCount: number | null;
  outlets: ScoredOutlet[];
  reviewers: ReviewerConsolidation[];
  panel: PanelConsolidation;
  /** Reviewers' sheets used for this evaluation. */
  sheets: number;
}

export interface ScoringResult {
  check: CheckResult;
  evaluations: Evaluation[];
  /** Findings of the scoring itself (reviewers' sheets, divergence, leniency). */
  findings: Finding[];
}

const MAX_REASONS = 8;

function emptyStats(): ServiceStats {
  return computeServiceStats([], []);
}

/** Which evaluation a sheet belongs to: the rubric whose criteria its scores name most. */
function routeSheets(
  sheets: readonly ReviewerSheet[],
  rubrics: Record<RubricKind, Rubric>,
  present: readonly RubricKind[],
): Map<RubricKind, ReviewerSheet[]> {
  const out = new Map<RubricKind, ReviewerSheet[]>(present.map((k) => [k, []]));
  for (const sheet of sheets) {
    let best: RubricKind | undefined;
    let bestHits = -1;
    for (const kind of present) {
      const ids = new Set(rubrics[kind].criteria.map((c) => c.id));
      const hits = sheet.scores.filter((s) => ids.has(s.criterion)).length;
      if (hits > bestHits) {
        best = kind;
        bestHits = hits;
      }
    }
    if (best) out.get(best)!.push(sheet);
  }
  return out;
}

function reasonsOf(findings: readonly Finding[]): { rule: string; message: string }[] {
  return findings
    .filter((f) => f.severity === "error")
    .slice(0, MAX_REASONS)
    .map((f) => ({ rule: f.rule, message: f.message }));
}

interface SubjectPlan {
  key: string;
  name: string | null;
  document: ScoredOutlet["document"];
  file: string | null;
  eligible: boolean;
  vetoed: boolean;
  priority: boolean;
  findings: Finding[];
  input: AutoInput | null;
}

function evaluate(
  kind: RubricKind,
  rubric: Rubric,
  plans: readonly SubjectPlan[],
  sheets: readonly ReviewerSheet[],
  year: number | null,
  accreditCount: number | null,
): { evaluation: Evaluation; findings: Finding[] } {
  // Applications: only eligible ones. Annual: outlets that sent a summary or ledger; one known only
  // from the registry sent nothing to score (ledger/missing vetoes it) and is not put to reviewers.
  const scored = plans.filter((p) => (kind === "application" ? p.eligible : p.document !== "registry"));
  const auto = scoreAuto(
    rubric,
    scored.filter((p) => p.input).map((p) => ({ key: p.key, input: p.input! })),
  );
  const consolidation = consolidate(
    sheets,
    scored.map((p) => ({ key: p.key, name: p.name })),
    rubric.criteria,
    rubric.consolidation,
  );
  const bySubject = new Map(consolidation.subjects.map((s) => [s.key, s]));

  const outlets: ScoredOutlet[] = plans.map((p) => {
    const autoResults = auto.get(p.key);
    const expert = bySubject.get(p.key);
    const isScored = autoResults !== undefined && expert !== undefined;
    const criteria: ScoredCriterion[] = [];
    if (isScored) {
      const autoById = new Map(autoResults.map((r) => [r.criterion, r]));
      const expertById = new Map(expert.criteria.map((c) => [c.criterion, c]));
      for (const c of rubric.criteria) {
        if (c.source === "auto") criteria.push({ source: "auto", mode: c.mode, ...autoById.get(c.id)! });
        else criteria.push({ source: "expert", ...expertById.get(c.id)! });
      }
    }
    const autoSum = autoResults ? autoSubtotal(autoResults) : null;
    const complete = isScored && expert.complete;
    const total = complete ? roundScore(autoSum! + expert.expertSubtotal!) : null;
    const totalNormalised =
      complete && expert.zNormalisedSubtotal !== null ? roundScore(autoSum! + expert.zNormalisedSubtotal) : null;
    const flags: string[] = [];
    const showReasons = (kind === "application" && !p.eligible) || p.vetoed;
    if (kind === "application" && !p.eligible) flags.push("不符合认定条件，不予评分");
    if (kind === "annual" && p.document === "registry") flags.push("未报送年度工作总结表和服务台账，不予评分");
    if (p.vetoed)
      flags.push(`存在 ${p.findings.filter((f) => f.severity === "error").length} 个否决项，评估结果为不合格`);
    if (p.priority) flags.push("优先纳入（第六条）");
    if (isScored && !expert.complete) flags.push(`专家评分不完整：${expert.missing.join("、")} 无有效评分，暂不计总分`);
    for (const c of expert?.criteria ?? []) {
      if (c.divergent)
        flags.push(
          `评分分歧：${c.criterion}（最高 ${Math.max(...c.scores.map((s) => s.score))}，最低 ${Math.min(...c.scores.map((s) => s.score))}）`,
        );
    }
    for (const e of expert?.excluded ?? []) flags.push(`回避：${e.reviewer}（${e.reason}）`);
    return {
      outlet: p.key,
      outletName: p.name,
      document: p.document,
      file: p.file,
      eligible: p.eligible,
      vetoed: p.vetoed,
      priority: p.priority,
      complete,
      criteria,
      autoSubtotal: autoSum,
      expertSubtotal: complete ? expert.expertSubtotal : null,
      zNormalisedSubtotal: complete ? expert.zNormalisedSubtotal : null,
      total,
      totalNormalised,
      grade:
        kind === "application" ? (p.eligible ? gradeOf(total, rubric, false) : null) : gradeOf(total, rubric, p.vetoed),
      rank: null,
      tie: false,
      accredited: null,
      tieAtCut: false,
      revocationProposed: false,
      flags,
      reasons: showReasons ? reasonsOf(p.findings) : [],
      reasonsMore: showReasons ? Math.max(0, p.findings.filter((f) => f.severity === "error").length - MAX_REASONS) : 0,
      excluded: expert?.excluded ?? [],
    };
  });

  const ranks = rank(
    outlets.map((o) => ({
      key: o.outlet,
      total: o.total,
      expertSubtotal: o.expertSubtotal,
      autoSubtotal: o.autoSubtotal ?? 0,
      priority: o.priority,
      vetoed: o.vetoed,
    })),
    { usePriority: kind === "application", accreditCount: kind === "application" ? accreditCount : null },
  );
  ranks.forEach((r, i) => {
    const o = outlets[i]!;
    o.rank = r.rank;
    o.tie = r.tie;
    o.accredited = r.accredited;
    o.tieAtCut = r.tieAtCut;
    if (r.tie) o.flags.push(`并列第 ${r.rank} 名`);
    if (r.tieAtCut) o.flags.push("并列跨越拟认定名额线，请评审组决定");
  });

  return {
    evaluation: {
      kind,
      year,
      rubric: { id: rubric.id, version: rubric.version, name: rubric.name },
      method: rubric.consolidation.method,
      trimFrom: rubric.consolidation.trimFrom,
      accreditCount: kind === "application" ? accreditCount : null,
      outlets,
      reviewers: consolidation.reviewers,
      panel: consolidation.panel,
      sheets: sheets.length,
    },
    findings: consolidation.findings,
  };
}

/** An annual verdict counted again after findings changed (a revocation proposal is an error of section B). */
function recount<V extends ApplicationVerdict | AnnualVerdict>(v: V, findings: readonly Finding[]): V {
  if (v.document === "application") return v;
  const own = findings.filter((f) => f.outlet === v.outlet && f.document !== "application");
  const errors = own.filter((f) => f.severity === "error").length;
  return {
    ...v,
    errors,
    warnings: own.filter((f) => f.severity === "warning").length,
    infos: own.filter((f) => f.severity === "info").length,
    vetoed: errors > 0,
  };
}

export function runScoring(documents: readonly SourcedDocument[], options: ScoreOptions): ScoringResult {
  const rubrics: Record<RubricKind, Rubric> = { ...DEFAULT_RUBRICS, ...options.rubrics };
  const check = runChecks(documents, { settings: options.settings, today: options.today ?? null });
  const plans = new Map<RubricKind, SubjectPlan[]>();

  // Applications: every one is listed; only eligible ones are scored (RUBRIC.md).
  const applications = documents.filter((d): d is SourcedApplication => d.kind === "application");
  const appVerdicts = check.verdicts.filter((v): v is ApplicationVerdict => v.document === "application");
  if (appVerdicts.length) {
    const seen = new Set<string>();
    plans.set(
      "application",
      appVerdicts.map((v, i) => {
        const source = applications[i]!;
        let key = v.outlet ?? `申报书-${i + 1}`;
        // Two applications of one code are both ineligible (batch/duplicate); keep their keys apart.
        if (seen.has(key)) key = `${key}#${i + 1}`;
        seen.add(key);
        const own = check.bySource.get(source) ?? [];
        return {
          key,
          name: v.outletName,
          document: "application" as const,
          file: v.file,
          eligible: v.eligible,
          vetoed: false,
          priority: v.priority,
          findings: own,
          input: source.doc,
        };
      }),
    );
  }

  // Annual evaluation: every outlet under evaluation, its ledger statistics for the year.
  const annualVerdicts = check.verdicts.filter((v): v is AnnualVerdict => v.document !== "application");
  if (annualVerdicts.length && check.year !== null) {
    const year = check.year;
    const stats = buildStatsReport(documents, { year });
    const statsByOutlet = new Map(stats.outlets.map((o) => [o.outlet, o]));
    plans.set(
      "annual",
      annualVerdicts.map((v) => {
        const key = v.outlet ?? "";
        const ofOutlet = (d: SourcedDocument) =>
          (d.kind === "ledger" &&
            d.doc.year === year &&
            outletKey(d.doc.outlet.creditCode, d.doc.outlet.name) === key) ||
          (d.kind === "annualSummary" &&
            d.doc.year === year &&
            outletKey(d.doc.org.creditCode, d.doc.org.name) === key) ||
          d.kind === "registry";
        const sources = documents.filter(ofOutlet);
        // This year's findings on the outlet; a revocation proposal follows from the vetoes, it is not one of them.
        const own = sources
          .flatMap((d) => check.bySource.get(d) ?? [])
          .filter((f) => f.outlet === v.outlet && f.rule !== consecutiveFail.meta.id);
        const vetoed = own.some((f) => f.severity === "error");
        const ledgersOfYear = sources.filter((d) => d.kind === "ledger");
        const entriesLoaded = ledgersOfYear.reduce((n, d) => n + (d.kind === "ledger" ? d.doc.entries.length : 0), 0);
        const entriesWithLedgerFinding = ledgersOfYear.reduce(
          (n, d) => n + countEntriesWithLedgerFinding(check.bySource.get(d) ?? [], v.outlet),
          0,
        );
        return {
          key,
          name: v.outletName,
          document: v.document,
          file: v.file,
          eligible: !vetoed,
          vetoed,
          priority: false,
          findings: own,
          input: { stats: statsByOutlet.get(key) ?? emptyStats(), entriesLoaded, entriesWithLedgerFinding },
        };
      }),
    );
  }

  const present = [...plans.keys()];
  const routed = routeSheets(options.sheets, rubrics, present);
  const evaluations: Evaluation[] = [];
  const findings: Finding[] = [];
  for (const kind of present) {
    const accreditCount =
      kind === "application"
        ? options.accreditCount !== undefined
          ? options.accreditCount
          : rubrics.application.accreditCount
        : null;
    const { evaluation, findings: own } = evaluate(
      kind,
      rubrics[kind],
      plans.get(kind)!,
      routed.get(kind) ?? [],
      kind === "annual" ? check.year : null,
      accreditCount,
    );
    evaluations.push(evaluation);
    findings.push(...own);
  }

  // 第十八条: with this year's grades known, a second failed year in a row proposes revocation.
  const annual = evaluations.find((e) => e.kind === "annual");
  let checked = check;
  if (annual) {
    const grades = new Map<string, Grade>();
    for (const o of annual.outlets) if (o.grade) grades.set(o.outlet, o.grade);
    const again = runChecks(documents, {
      settings: options.settings,
      today: options.today ?? null,
      grades,
      rules: [consecutiveFail],
    });
    const proposals = again.findings.filter((f) => f.rule === consecutiveFail.meta.id);
    const merged = [...check.findings.filter((f) => f.rule !== consecutiveFail.meta.id), ...proposals];
    checked = { ...check, findings: merged, verdicts: check.verdicts.map((v) => recount(v, merged)) };
    for (const o of annual.outlets) {
      if (proposals.some((f) => f.outlet === o.outlet)) {
        o.revocationProposed = true;
        o.flags.push("连续两个年度评估不合格：撤销资格建议（第十八条）");
      }
    }
  }
  return { check: checked, evaluations, findings };
}
