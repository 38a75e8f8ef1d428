/**
 * Auto criteria (RUBRIC.md, "Scoring an auto criterion"): points × clamp((x − floor) / (target − floor), 0, 1),
 * rounded to 0.1, or all-or-nothing; in relative mode the target is the best x of the batch. Every result keeps its
 * x and the target used, so the scoring sheet can show why a score is what it is.
 */
import type { Application } from "../schemas";
import { getMetric, type AnnualMetricInput } from "./metrics";
import { RubricError } from "./rubrics";
import type { AutoCriterion, Rubric } from "./rubric";

export interface AutoResult {
  criterion: string;
  name: string;
  points: number;
  /** The criterion's input value; null when there is nothing to measure (e.g. no rated service for C2). */
  x: number | null;
  unit: string;
  floor: number;
  /** The target the score was computed with (the batch's best x in relative mode). */
  target: number;
  score: number;
}

export type AutoInput = AnnualMetricInput | Application;

/**
 * Rounds to one decimal, half up. Products such as 5 × 0.75 land just below the half in binary (3.7499999…), so
 * the value is first cut to 12 significant digits, which drops that noise and nothing a score can mean.
 */
export function roundScore(value: number): number {
  return Math.round(Number((value * 10).toPrecision(12))) / 10;
}

/** Score of one auto criterion for x; `target` overrides the configured one (relative mode). */
export function scoreCriterion(criterion: AutoCriterion, x: number | null, target?: number): number {
  if (x === null || !Number.isFinite(x)) return 0;
  const { points, floor } = criterion;
  if (criterion.mode === "all-or-nothing") return x >= (target ?? criterion.target) ? points : 0;
  // A target at or below the floor would divide by zero or invert the scale: keep the configured one.
  const t = target !== undefined && target > floor ? target : criterion.target;
  const ratio = Math.min(1, Math.max(0, (x - floor) / (t - floor)));
  return roundScore(points * ratio);
}

function isApplication(input: AutoInput): input is Application {
  return (input as { type?: unknown }).type === "application";
}

/** x of one criterion for one input; the metric must exist and match the input (parseRubric has checked the rubric). */
function measure(criterion: AutoCriterion, input: AutoInput): number | null {
  const x = compute(criterion, input);
  return x !== null && Number.isFinite(x) ? x : null;
}

function compute(criterion: AutoCriterion, input: AutoInput): number | null {
  const metric = getMetric(criterion.metric);
  if (!metric) throw new RubricError(`评分标准 ${criterion.id}：没有指标“${criterion.metric}”`, criterion.id);
  if (metric.kind === "application") {
    if (!isApplication(input)) throw new TypeError(`${criterion.id} 的指标 ${criterion.metric} 需要申报书作为输入`);
    return metric.compute(input);
  }
  if (isApplication(input)) throw new TypeError(`${criterion.id} 的指标 ${criterion.metric} 需要台账统计作为输入`);
  return metric.compute(input);
}

/**
 * Auto scores of every input (one per outlet, keyed by outlet) for every auto criterion of the rubric, in rubric
 * order. In relative mode each linear criterion's target becomes the best x of the batch, unless that best does not
 * rise above the floor: a scale of zero width would mean nothing, so the configured target stays.
 */
export function scoreAuto(
  rubric: Rubric,
  inputs: readonly { key: string; input: AutoInput }[],
): Map<string, AutoResult[]> {
  const criteria = rubric.criteria.filter((c): c is AutoCriterion => c.source === "auto");
  const xs = inputs.map(({ input }) => criteria.map((c) => measure(c, input)));

  const targets = criteria.map((c, j) => {
    if (!rubric.relative || c.mode !== "linear") return c.target;
    const values = xs.map((row) => row[j] ?? null).filter((x): x is number => x !== null);
    const best = values.length > 0 ? Math.max(...values) : null;
    return best !== null && best > c.floor ? best : c.target;
  });

  const results = new Map<string, AutoResult[]>();
  inputs.forEach(({ key }, i) => {
    results.set(
      key,
      criteria.map((c, j) => {
        const x = xs[i]![j] ?? null;
        return {
          criterion: c.id,
          name: c.name,
          points: c.points,
          x,
          unit: c.unit,
          floor: c.floor,
          target: targets[j]!,
          score: scoreCriterion(c, x, targets[j]),
        };
      }),
    );
  });
  return results;
}

/** Sum of auto scores, rounded to 0.1 (each score already is; the sum must not show float noise). */
export function autoSubtotal(results: readonly AutoResult[]): number {
  return roundScore(results.reduce((sum, r) => sum + r.score, 0));
}

/** x as the sheet shows it: shares (unit "%") as percentages, others to at most two decimals; null as "—". */
export function formatX(x: number | null, unit: string): string {
  if (x === null || !Number.isFinite(x)) return "—";
  if (unit === "%") return `${roundScore(x * 100)}%`;
  const v = Math.round(Number((x * 100).toPrecision(12))) / 100;
  return unit ? `${v} ${unit}` : String(v);
}
