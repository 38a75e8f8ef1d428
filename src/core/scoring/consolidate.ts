/**
 * Consolidation of the reviewers' expert scores (RUBRIC.md, "Expert criteria and reviewers"). Pure.
 *
 * Per outlet (subject) and expert criterion: the valid scores, their mean, the trimmed mean from
 * `trimFrom` reviewers, the median and the z-score-normalised score side by side, and the official
 * value by the method fixed in the rubric. Per reviewer: leniency (偏松/偏严). For the panel: ICC(1).
 *
 * What counts as a valid score: a number within 0…points, for a known subject and expert criterion,
 * from a reviewer who did not declare a conflict (回避) for that subject; when the same cell is
 * given twice, the last entry. Everything else is left out of every aggregate and reported.
 */
import type { Finding, Severity } from "../findings";
import { joinPath } from "../parse";
import { CONSOLIDATION_METHODS, type Criterion, type ExpertCriterion, type Rubric } from "./rubric";
import type { ReviewerSheet } from "./reviewers";
import { icc1, mean, median, populationSd, round1, trimmedMean } from "./statistics";

export type ConsolidationSettings = Rubric["consolidation"];
export type ConsolidationMethod = (typeof CONSOLIDATION_METHODS)[number];

export const SCORING_ARTICLE = "评分细则";
/** Comparisons of computed values with a threshold allow for float error (3.6 − 2 vs 40% of 4). */
const EPSILON = 1e-9;
/** 偏松/偏严 needs a panel: reviewers with at least one individual total. */
const MIN_REVIEWERS_FOR_LENIENCY = 3;
/** Cells listed by name in one `scoring/incomplete` message before "等". */
const MAX_CELLS_LISTED = 10;

export const SCORING_FINDING_RULES = [
  {
    id: "scoring/out-of-range",
    severity: "error",
    description: "专家评分超出该项分值范围（0～满分）：该分不计入，也不截断为边界值",
    descriptionEn: "An expert score outside 0…points: left out of every aggregate, never clamped",
  },
  {
    id: "scoring/unknown-outlet",
    severity: "warning",
    description: "评分表或回避声明中的网点（统一社会信用代码）不在本次评审范围内：该行不计入",
    descriptionEn: "A score or conflict for an outlet that is not being reviewed: ignored",
  },
  {
    id: "scoring/unknown-criterion",
    severity: "warning",
    description: "评分细则中没有该评分项，或该项为自动计分项：专家评分不计入",
    descriptionEn: "A score for a criterion the rubric does not have, or for an auto criterion: ignored",
  },
  {
    id: "scoring/duplicate",
    severity: "warning",
    description: "同一专家对同一网点的同一评分项评了多次：以最后一次为准",
    descriptionEn: "The same reviewer scored the same outlet and criterion more than once: the last entry counts",
  },
  {
    id: "scoring/conflict-scored",
    severity: "warning",
    description: "专家已声明回避但仍对该网点评分：这些评分不计入",
    descriptionEn: "A reviewer who declared a conflict of interest still scored that outlet: those scores are left out",
  },
  {
    id: "scoring/incomplete",
    severity: "info",
    description: "专家评分表有未评分的空白项：空白不计为 0，该项按其余专家的评分汇总",
    descriptionEn: "A reviewer left cells blank: a blank is not a 0, the cell is consolidated from the others",
  },
  {
    id: "scoring/divergence",
    severity: "warning",
    description: "评分分歧：同一网点同一评分项的最高分与最低分之差超过该项分值的 40%（可设置）",
    descriptionEn: "Divergent scores: max − min on one outlet and criterion exceeds 40% of its points (a setting)",
  },
  {
    id: "scoring/leniency",
    severity: "info",
    description: "评分偏松/偏严：专家的评分合计平均偏离评审组超过 1 个标准差（可设置）",
    descriptionEn:
      "Lenient or harsh reviewer: their totals deviate from the panel by more than one panel SD (a setting)",
  },
] as const satisfies readonly { id: string; severity: Severity; description: string; descriptionEn: string }[];
export type ScoringRuleId = (typeof SCORING_FINDING_RULES)[number]["id"];

export interface Subject {
  /** Credit code (normalised as in reviewers.ts). */
  key: string;
  name: string | null;
}

export interface CriterionConsolidation {
  criterion: string;
  name: string;
  points: number;
  /** Valid scores, in the order of the reviewers. */
  scores: { reviewer: string; score: number }[];
  n: number;
  mean: number | null;
  /** (sum − max − min) / (n − 2); null when n < trimFrom. */
  trimmedMean: number | null;
  median: number | null;
  /** Mean of the reviewers' z-score-normalised scores (see `zNormalise`); null when n = 0. */
  zNormalised: number | null;
  /** The official value: the trimmed mean when the method is "trimmed" and n ≥ trimFrom, else the mean. */
  official: number | null;
  method: ConsolidationMethod;
  /** max − min; null when n = 0. */
  spread: number | null;
  /** 评分分歧: spread > divergenceRatio × points. */
  divergent: boolean;
}

export interface SubjectConsolidation {
  key: string;
  name: string | null;
  criteria: CriterionConsolidation[];
  /** Every expert criterion has at least one valid score. */
  complete: boolean;
  /** Expert criteria with no valid score. */
  missing: string[];
  /** Sum of the official values, rounded once to 0.1; null when incomplete. */
  expertSubtotal: number | null;
  /** Sum of the z-normalised values, rounded to 0.1; null when incomplete. */
  zNormalisedSubtotal: number | null;
  /** Reviewers left out of this subject's aggregates for a declared conflict (回避). */
  excluded: { reviewer: string; reason: string }[];
  /** Reviewers who left cells of this subject blank, and which criteria. */
  blanks: { reviewer: string; criteria: string[] }[];
}

export type Leniency = "lenient" | "harsh";
export const LENIENCY_LABELS: Record<Leniency, string> = { lenient: "偏松", harsh: "偏严" };

export interface ReviewerConsolidation {
  reviewer: string;
  files: (string | null)[];
  /** Subjects with at least one valid score from this reviewer. */
  outlets: string[];
  /** The reviewer's expert total per subject, where they gave a valid score to every expert criterion. */
  totals: { outlet: string; total: number }[];
  /** Mean of `totals`; null when there is none. */
  meanTotal: number | null;
  /** Mean over `totals` of (their total − that subject's mean of all reviewers' totals); null when no total. */
  bias: number | null;
  flag: Leniency | null;
  /** Blank cells (not scored) on subjects this reviewer did not recuse from. */
  blanks: number;
  conflicts: { outlet: string; reason: string }[];
}

export interface PanelConsolidation {
  reviewers: number;
  /** Population SD of individual expert totals around their subject's mean total: the σ of 偏松/偏严. */
  sigma: number | null;
  /** ICC(1) of the individual expert totals, subjects as targets; null when it cannot be computed. */
  icc1: number | null;
  /** Subjects that entered ICC(1) (at least 2 reviewer totals each). */
  iccTargets: number;
}

export interface Consolidation {
  settings: ConsolidationSettings;
  criteria: { id: string; name: string; points: number }[];
  subjects: SubjectConsolidation[];
  reviewers: ReviewerConsolidation[];
  panel: PanelConsolidation;
  findings: Finding[];
}

// ---------------------------------------------------------------- helpers

function fmt(value: number): string {
  return String(Math.round(value * 100) / 100);
}

function subjectLabel(subject: Subject): string {
  return subject.name ? `${subject.name}（${subject.key}）` : subject.key;
}

function reviewerLabel(reviewer: string): string {
  return `“${reviewer}”`;
}

function criterionLabel(criterion: ExpertCriterion): string {
  return `${criterion.id}（${criterion.name}）`;
}

interface Entry {
  sheet: ReviewerSheet;
  outlet: string;
  criterion: string;
  score: number | null;
  index: number;
}

function entryPath(entry: Entry, field: string | null = "score"): string | null {
  return joinPath(entry.sheet.pathPrefix, `scores[${entry.index}]${field ? "." + field : ""}`);
}

function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function cellKey(outlet: string, criterion: string): string {
  return `${outlet}\u0000${criterion}`;
}

/** A reviewer's sheets, merged when one name comes with several sheets (its cells may then repeat). */
interface ReviewerInput {
  reviewer: string;
  sheets: ReviewerSheet[];
}

function groupByReviewer(sheets: readonly ReviewerSheet[]): ReviewerInput[] {
  const byName = new Map<string, ReviewerInput>();
  for (const sheet of sheets) {
    const group = byName.get(sheet.reviewer);
    if (group) group.sheets.push(sheet);
    else byName.set(sheet.reviewer, { reviewer: sheet.reviewer, sheets: [sheet] });
  }
  return [...byName.values()];
}

// ---------------------------------------------------------------- consolidation

/**
 * Consolidates the reviewers' sheets for the given subjects. `criteria` may be the rubric's whole
 * list: auto criteria are told apart from unknown ids in findings, and only expert ones are consolidated.
 */
export function consolidate(
  sheets: readonly ReviewerSheet[],
  subjects: readonly Subject[],
  criteria: readonly Criterion[],
  settings: ConsolidationSettings,
): Consolidation {
  const findings: Finding[] = [];
  const expert = criteria.filter((c): c is ExpertCriterion => c.source === "expert");
  const expertById = new Map(expert.map((c) => [c.id, c]));
  const autoIds = new Set(criteria.filter((c) => c.source !== "expert").map((c) => c.id));
  const subjectByKey = new Map(subjects.map((s) => [s.key, s]));

  const push = (
    rule: ScoringRuleId,
    severity: Severity,
    message: string,
    where: { subject?: Subject | null; outlet?: string | null; file?: string | null; path?: string | null },
  ): void => {
    findings.push({
      rule,
      severity,
      article: SCORING_ARTICLE,
      outlet: where.subject?.key ?? where.outlet ?? null,
      outletName: where.subject?.name ?? null,
      document: null,
      file: where.file ?? null,
      path: where.path ?? null,
      entry: null,
      message,
    });
  };

  /** valid[subject][criterion] → scores in reviewer order. */
  const valid = new Map<string, Map<string, { reviewer: string; score: number }[]>>();
  for (const s of subjects) valid.set(s.key, new Map(expert.map((c) => [c.id, []])));

  const reviewerResults: ReviewerConsolidation[] = [];
  const excludedBySubject = new Map<string, { reviewer: string; reason: string }[]>();
  const blanksBySubject = new Map<string, { reviewer: string; criteria: string[] }[]>();

  for (const { reviewer, sheets: own } of groupByReviewer(sheets)) {
    const who = reviewerLabel(reviewer);

    if (own.length > 1) {
      push(
        "scoring/duplicate",
        "warning",
        `${who}有 ${own.length} 份评分表（${own.map((s) => s.file ?? "未命名").join("、")}），已合并；同一项重复评分的以后一份为准`,
        { file: own[own.length - 1]!.file, path: own[own.length - 1]!.pathPrefix || null },
      );
    }

    // 回避声明: a conflict for a subject excludes this reviewer from all of its aggregates.
    const conflicts = new Map<string, string>();
    for (const sheet of own) {
      for (const c of sheet.conflicts) {
        const subject = subjectByKey.get(c.outlet);
        if (!subject) {
          push(
            "scoring/unknown-outlet",
            "warning",
            `${who}的回避声明中的网点 ${c.outlet} 不在本次评审范围内，该条回避声明未使用`,
            { outlet: c.outlet, file: sheet.file, path: joinPath(sheet.pathPrefix, `conflicts[${c.index}].outlet`) },
          );
          continue;
        }
        const previous = conflicts.get(c.outlet);
        conflicts.set(c.outlet, previous && previous !== c.reason ? `${previous}；${c.reason}` : c.reason);
      }
    }

    // Cells of known subjects and expert criteria; unknown ones are reported once per reviewer and id.
    const cells = new Map<string, Entry[]>();
    const unknownOutlets = new Map<string, Entry[]>();
    const unknownCriteria = new Map<string, Entry[]>();
    for (const sheet of own) {
      for (const s of sheet.scores) {
        const entry: Entry = { sheet, ...s };
        if (!subjectByKey.has(s.outlet)) {
          append(unknownOutlets, s.outlet, entry);
        } else if (!expertById.has(s.criterion)) {
          append(unknownCriteria, s.criterion, entry);
        } else {
          append(cells, cellKey(s.outlet, s.criterion), entry);
        }
      }
    }
    for (const [outlet, entries] of unknownOutlets) {
      const first = entries[0]!;
      push(
        "scoring/unknown-outlet",
        "warning",
        `${who}对网点 ${outlet} 有 ${entries.length} 条评分，但该网点不在本次评审范围内，这些评分不计入`,
        { outlet, file: first.sheet.file, path: entryPath(first, "outlet") },
      );
    }
    for (const [id, entries] of unknownCriteria) {
      const first = entries[0]!;
      const why = autoIds.has(id) ? `${id} 为自动计分项，不由专家评分` : `评分细则中没有评分项 ${id}`;
      push(
        "scoring/unknown-criterion",
        "warning",
        `${who}有 ${entries.length} 条 ${id} 的评分：${why}，这些评分不计入`,
        {
          file: first.sheet.file,
          path: entryPath(first, "criterion"),
        },
      );
    }

    const outletsScored = new Set<string>();
    const conflictScored = new Map<string, Entry[]>();
    let blankCount = 0;
    const blankCells: string[] = [];

    for (const subject of subjects) {
      const recused = conflicts.has(subject.key);
      const blankHere: string[] = [];
      for (const criterion of expert) {
        const entries = cells.get(cellKey(subject.key, criterion.id)) ?? [];
        // Last entry wins: as with a repeated key in JSON, a later line is taken as the correction.
        const last = entries[entries.length - 1];
        // Repeats across two sheets of one reviewer are covered by the sheet-level finding above.
        if (entries.some((e, i) => entries.findIndex((f) => f.sheet === e.sheet) !== i)) {
          push(
            "scoring/duplicate",
            "warning",
            `${who}对${subjectLabel(subject)} ${criterionLabel(criterion)} 评了 ${entries.length} 次（${entries
              .map((e) => (e.score === null ? "空白" : fmt(e.score)))
              .join("、")}），以最后一次 ${last!.score === null ? "空白" : fmt(last!.score)} 为准`,
            { subject, file: last!.sheet.file, path: entryPath(last!) },
          );
        }
        if (recused) {
          if (last && last.score !== null) append(conflictScored, subject.key, last);
          continue;
        }
        if (!last || last.score === null) {
          blankHere.push(criterion.id);
          continue;
        }
        if (last.score < 0 || last.score > criterion.points) {
          push(
            "scoring/out-of-range",
            "error",
            `${who}对${subjectLabel(subject)} ${criterionLabel(criterion)} 的评分 ${fmt(last.score)} 超出 0～${fmt(
              criterion.points,
            )} 分，该分不计入（不按边界值截断），请专家更正`,
            { subject, file: last.sheet.file, path: entryPath(last) },
          );
          continue;
        }
        valid.get(subject.key)!.get(criterion.id)!.push({ reviewer, score: last.score });
        outletsScored.add(subject.key);
      }
      if (recused) append(excludedBySubject, subject.key, { reviewer, reason: conflicts.get(subject.key)! });
      if (blankHere.length > 0) {
        blankCount += blankHere.length;
        blankCells.push(...blankHere.map((id) => `${subject.name ?? subject.key} ${id}`));
        append(blanksBySubject, subject.key, { reviewer, criteria: blankHere });
      }
    }

    for (const [key, entries] of conflictScored) {
      const subject = subjectByKey.get(key)!;
      const first = entries[0]!;
      push(
        "scoring/conflict-scored",
        "warning",
        `${who}已声明回避${subjectLabel(subject)}（理由：${conflicts.get(key)}），但仍对其评分（${entries
          .map((e) => `${e.criterion} ${fmt(e.score!)}`)
          .join("、")}），这些评分不计入`,
        { subject, file: first.sheet.file, path: entryPath(first) },
      );
    }
    if (blankCount > 0 && expert.length > 0) {
      const listed =
        blankCells.slice(0, MAX_CELLS_LISTED).join("、") + (blankCells.length > MAX_CELLS_LISTED ? " 等" : "");
      push(
        "scoring/incomplete",
        "info",
        `${who}的评分表有 ${blankCount} 项未评分（${listed}）：空白不计为 0，这些项按其余专家的评分汇总`,
        { file: own[0]!.file, path: own[0]!.pathPrefix || null },
      );
    }

    reviewerResults.push({
      reviewer,
      files: own.map((s) => s.file),
      outlets: subjects.filter((s) => outletsScored.has(s.key)).map((s) => s.key),
      totals: [],
      meanTotal: null,
      bias: null,
      flag: null,
      blanks: blankCount,
      conflicts: [...conflicts].map(([outlet, reason]) => ({ outlet, reason })),
    });
  }

  const zScores = zNormalise(subjects, expert, valid);

  // Per subject and criterion.
  const subjectResults: SubjectConsolidation[] = subjects.map((subject) => {
    const byCriterion = valid.get(subject.key)!;
    const results = expert.map((criterion) => {
      const result = consolidateCell(criterion, byCriterion.get(criterion.id)!, settings);
      result.zNormalised = zScores.get(subject.key)!.get(criterion.id) ?? null;
      if (result.divergent) {
        const threshold = settings.divergenceRatio * criterion.points;
        // Every reviewer at the extremes is named, sorted, so that the message does not depend on their order.
        const at = (value: number): string =>
          result.scores
            .filter((s) => s.score === value)
            .map((s) => s.reviewer)
            .sort()
            .map(reviewerLabel)
            .join("、");
        const values = result.scores.map((s) => s.score);
        const high = Math.max(...values);
        const low = Math.min(...values);
        push(
          "scoring/divergence",
          "warning",
          `${subjectLabel(subject)} ${criterionLabel(criterion)} 评分分歧：最高 ${fmt(high)}（${at(high)}）、最低 ${fmt(low)}（${at(low)}），相差 ${fmt(result.spread!)} 分，超过该项分值 ${fmt(
            criterion.points,
          )} 分的 ${fmt(settings.divergenceRatio * 100)}%（${fmt(threshold)} 分），请评审组复核`,
          { subject },
        );
      }
      return result;
    });
    const missing = results.filter((r) => r.n === 0).map((r) => r.criterion);
    const complete = missing.length === 0;
    return {
      key: subject.key,
      name: subject.name,
      criteria: results,
      complete,
      missing,
      expertSubtotal: complete ? round1(results.reduce((s, r) => s + r.official!, 0)) : null,
      zNormalisedSubtotal: complete ? round1(results.reduce((s, r) => s + r.zNormalised!, 0)) : null,
      excluded: excludedBySubject.get(subject.key) ?? [],
      blanks: blanksBySubject.get(subject.key) ?? [],
    };
  });

  // Individual expert totals: a reviewer's total for a subject exists only when they gave a valid
  // score to every expert criterion of it, so that totals are comparable.
  const totalsBySubject = new Map<string, number[]>(subjects.map((s) => [s.key, []]));
  if (expert.length > 0) {
    for (const r of reviewerResults) {
      for (const subject of subjects) {
        const byCriterion = valid.get(subject.key)!;
        let total = 0;
        let full = true;
        for (const criterion of expert) {
          const own = byCriterion.get(criterion.id)!.find((s) => s.reviewer === r.reviewer);
          if (!own) {
            full = false;
            break;
          }
          total += own.score;
        }
        if (!full) continue;
        r.totals.push({ outlet: subject.key, total });
        totalsBySubject.get(subject.key)!.push(total);
      }
    }
  }

  // 偏松/偏严. σ is the panel's spread around its own consensus: the population SD of every
  // individual total's deviation from that subject's mean total (subjects with at least two totals).
  // Pooling raw totals instead would mix in how much the outlets differ from one another, and a
  // reviewer who is consistently 10–15% harsh would never be flagged. A reviewer is flagged when
  // the mean of their deviations over the subjects they scored exceeds leniencySd × σ.
  const subjectMeanTotal = new Map([...totalsBySubject].map(([key, totals]) => [key, mean(totals)]));
  const residuals = [...totalsBySubject].flatMap(([key, totals]) =>
    totals.length >= 2 ? totals.map((t) => t - subjectMeanTotal.get(key)!) : [],
  );
  const sigma = populationSd(residuals);
  // With fewer than 3 reviewers there is no panel to deviate from: two reviewers mirror each other.
  const assessed = reviewerResults.filter((r) => r.totals.length > 0).length >= MIN_REVIEWERS_FOR_LENIENCY;
  for (const r of reviewerResults) {
    if (r.totals.length === 0) continue;
    r.meanTotal = mean(r.totals.map((t) => t.total));
    r.bias = mean(r.totals.map((t) => t.total - subjectMeanTotal.get(t.outlet)!));
    if (!assessed || sigma === null || sigma <= EPSILON) continue;
    const limit = settings.leniencySd * sigma;
    if (Math.abs(r.bias!) <= limit + EPSILON) continue;
    r.flag = r.bias! > 0 ? "lenient" : "harsh";
    push(
      "scoring/leniency",
      "info",
      `${reviewerLabel(r.reviewer)}评分整体${LENIENCY_LABELS[r.flag]}：在其评分完整的 ${r.totals.length} 个网点上，专家评分合计平均比评审组均值${
        r.bias! > 0 ? "高" : "低"
      } ${fmt(Math.abs(r.bias!))} 分，超过 ${fmt(settings.leniencySd)} 个评审组标准差（σ = ${fmt(
        sigma,
      )} 分）；可对照中位数与标准化得分查看其对排序的影响`,
      { file: r.files[0] ?? null },
    );
  }

  const groups = [...totalsBySubject.values()];
  return {
    settings,
    criteria: expert.map((c) => ({ id: c.id, name: c.name, points: c.points })),
    subjects: subjectResults,
    reviewers: reviewerResults,
    panel: {
      reviewers: reviewerResults.length,
      sigma,
      icc1: icc1(groups),
      iccTargets: groups.filter((g) => g.length >= 2).length,
    },
    findings,
  };
}

/** The aggregates of one subject and criterion from its valid scores (zNormalised is filled in by the caller). */
function consolidateCell(
  criterion: ExpertCriterion,
  scores: { reviewer: string; score: number }[],
  settings: ConsolidationSettings,
): CriterionConsolidation {
  const values = scores.map((s) => s.score);
  const n = values.length;
  const m = mean(values);
  const trimmed = n >= settings.trimFrom ? trimmedMean(values) : null;
  const method: ConsolidationMethod = settings.method === "trimmed" && trimmed !== null ? "trimmed" : "mean";
  const spread = n === 0 ? null : Math.max(...values) - Math.min(...values);
  return {
    criterion: criterion.id,
    name: criterion.name,
    points: criterion.points,
    scores,
    n,
    mean: m,
    trimmedMean: trimmed,
    median: median(values),
    zNormalised: null,
    official: method === "trimmed" ? trimmed : m,
    method,
    spread,
    divergent: spread !== null && spread > settings.divergenceRatio * criterion.points + EPSILON,
  };
}

/**
 * z-score normalisation per criterion. Each reviewer's valid scores on the criterion are
 * standardised over the subjects that reviewer scored: z = (s − mean_r) / sd_r (population SD;
 * z = 0 when sd_r = 0, including a reviewer with one subject), then rescaled to the panel:
 * panelMean + z × panelSd over all valid scores of the criterion, clamped to 0…points and rounded
 * to 0.1. A subject's value is the mean of its reviewers' rescaled scores.
 */
function zNormalise(
  subjects: readonly Subject[],
  expert: readonly ExpertCriterion[],
  valid: Map<string, Map<string, { reviewer: string; score: number }[]>>,
): Map<string, Map<string, number | null>> {
  const out = new Map<string, Map<string, number | null>>(subjects.map((s) => [s.key, new Map()]));
  for (const criterion of expert) {
    const byReviewer = new Map<string, number[]>();
    const all: number[] = [];
    for (const subject of subjects) {
      for (const { reviewer, score } of valid.get(subject.key)!.get(criterion.id)!) {
        append(byReviewer, reviewer, score);
        all.push(score);
      }
    }
    const panelMean = mean(all);
    const panelSd = populationSd(all);
    const own = new Map(
      [...byReviewer].map(([reviewer, scores]) => [reviewer, { m: mean(scores)!, sd: populationSd(scores)! }]),
    );
    for (const subject of subjects) {
      const rescaled = valid
        .get(subject.key)!
        .get(criterion.id)!
        .map(({ reviewer, score }) => {
          const { m, sd } = own.get(reviewer)!;
          const z = sd > EPSILON ? (score - m) / sd : 0;
          return round1(Math.min(criterion.points, Math.max(0, panelMean! + z * panelSd!)));
        });
      out.get(subject.key)!.set(criterion.id, mean(rescaled));
    }
  }
  return out;
}
