/**
 * Small numeric helpers for consolidating reviewers' scores. Pure.
 * Sums are taken over the values sorted ascending, so that a result never depends on the order
 * of the reviewers (floating-point addition is not associative).
 */

function sorted(values: readonly number[]): number[] {
  return [...values].sort((a, b) => a - b);
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of sorted(values)) total += v;
  return total;
}

/** Arithmetic mean; null for no values. */
export function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : sum(values) / values.length;
}

/** Median (mean of the two middle values for an even count); null for no values. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const s = sorted(values);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Population standard deviation (divides by n: the panel is the whole population here); null for no values. */
export function populationSd(values: readonly number[]): number | null {
  const m = mean(values);
  if (m === null) return null;
  const variance = sum(values.map((v) => (v - m) ** 2)) / values.length;
  return Math.sqrt(variance);
}

/**
 * Trimmed mean computed directly: (sum − max − min) / (n − 2), one highest and one lowest removed
 * even when tied (9, 9, 7, 6, 4 → (35 − 9 − 4) / 3). Not Excel's TRIMMEAN, which at 0.2 drops
 * nothing for 5 values. Null below 3 values, where nothing would be left.
 */
export function trimmedMean(values: readonly number[]): number | null {
  if (values.length < 3) return null;
  const s = sorted(values);
  return sum(s.slice(1, -1)) / (s.length - 2);
}

/**
 * Rounds to 0.1, half away from zero, robust to binary float error: 0.05 → 0.1, 2.675 → 2.7, and a
 * computed half such as 0.3 + 0.35 (= 0.6499999999999999 in floats) → 0.7, where a plain
 * Math.round(x * 10) / 10 gives 0.6.
 */
export function round1(value: number): number {
  const sign = value < 0 ? -1 : 1;
  const scaled = Math.abs(value) * 10;
  // A relative nudge far below 0.05 but above the accumulated error of a few float operations.
  const r = Math.round(scaled + 1e-9 * Math.max(1, scaled));
  return r === 0 ? 0 : (sign * r) / 10;
}

/**
 * ICC(1): one-way random effects, single rater (Shrout & Fleiss ICC(1,1); McGraw & Wong ICC(1)).
 * Each group is one target (outlet) and its ratings. Unbalanced groups use k0 in place of k:
 *   MSB = Σ kᵢ(ȳᵢ − ȳ)² / (a − 1),  MSW = ΣΣ (yᵢⱼ − ȳᵢ)² / (N − a),
 *   k0 = (N − Σkᵢ² / N) / (a − 1),  ICC(1) = (MSB − MSW) / (MSB + (k0 − 1) MSW).
 * Groups with fewer than 2 ratings are left out (they carry no within-target information); null
 * when fewer than 2 groups remain or every rating is equal (0/0). Not clamped: a negative value
 * (reviewers disagree more than targets differ) is reported as it is.
 */
export function icc1(groups: readonly (readonly number[])[]): number | null {
  const used = groups.filter((g) => g.length >= 2);
  const a = used.length;
  if (a < 2) return null;
  const all = used.flat();
  const n = all.length;
  const grand = mean(all)!;
  const groupMeans = used.map((g) => mean(g)!);
  const ssb = sum(used.map((g, i) => g.length * (groupMeans[i]! - grand) ** 2));
  const ssw = sum(used.flatMap((g, i) => g.map((y) => (y - groupMeans[i]!) ** 2)));
  const msb = ssb / (a - 1);
  const msw = ssw / (n - a);
  const k0 = (n - sum(used.map((g) => g.length ** 2)) / n) / (a - 1);
  const denominator = msb + (k0 - 1) * msw;
  if (Math.abs(denominator) < 1e-12) return null;
  return (msb - msw) / denominator;
}
