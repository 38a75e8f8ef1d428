/**
 * Consolidation of reviewers' scores: RUBRIC.md's worked examples, computed by hand (the
 * arithmetic is in the comments), then the findings one by one.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  SCORING_FINDING_RULES,
  consolidate,
  type Consolidation,
  type ConsolidationSettings,
  type Subject,
} from "../../src/core/scoring/consolidate";
import { parseReviewerScores, type ReviewerSheet } from "../../src/core/scoring/reviewers";
import type { Criterion, ExpertCriterion } from "../../src/core/scoring/rubric";
import { DEFAULT_RUBRICS } from "../../src/core/scoring/rubrics";
import { icc1, mean, median, populationSd, round1, trimmedMean } from "../../src/core/scoring/statistics";

const SETTINGS: ConsolidationSettings = { method: "trimmed", trimFrom: 5, divergenceRatio: 0.4, leniencySd: 1 };

function expert(id: string, points: number, name = `评分项${id}`): ExpertCriterion {
  return { id, name, points, source: "expert", description: "" };
}
const D1 = expert("D1", 10, "典型案例及成效");
const D2 = expert("D2", 5, "创新亮点");

const X: Subject = { key: "X", name: "甲网点" };
const Y: Subject = { key: "Y", name: "乙网点" };
const Z: Subject = { key: "Z", name: "丙网点" };

type Row = [outlet: string, criterion: string, score: number | null];

function sheet(reviewer: string, rows: Row[], conflicts: [string, string][] = []): ReviewerSheet {
  return {
    reviewer,
    file: `${reviewer}.json`,
    pathPrefix: "",
    scores: rows.map(([outlet, criterion, score], index) => ({ outlet, criterion, score, index })),
    conflicts: conflicts.map(([outlet, reason], index) => ({ outlet, reason, index })),
  };
}

/** One criterion: `table[reviewer][i]` is that reviewer's score for `subjects[i]`. */
function oneCriterion(
  table: Record<string, (number | null)[]>,
  subjects: Subject[],
  criterion: ExpertCriterion = D1,
  settings: ConsolidationSettings = SETTINGS,
): Consolidation {
  const sheets = Object.entries(table).map(([reviewer, scores]) =>
    sheet(
      reviewer,
      scores.map((score, i): Row => [subjects[i]!.key, criterion.id, score]),
    ),
  );
  return consolidate(sheets, subjects, [criterion], settings);
}

function cell(result: Consolidation, subject: string, criterion = "D1") {
  return result.subjects.find((s) => s.key === subject)!.criteria.find((c) => c.criterion === criterion)!;
}

function rules(result: Consolidation): string[] {
  return result.findings.map((f) => f.rule);
}

/** Subject keys, best first. */
function ranking(result: Consolidation, value: (key: string) => number): string[] {
  return result.subjects.map((s) => s.key).sort((a, b) => value(b) - value(a));
}

describe("statistics", () => {
  it("computes mean, median and population SD", () => {
    expect(mean([])).toBeNull();
    expect(mean([9, 9, 7, 6, 4])).toBe(7);
    expect(median([9, 9, 7, 6, 4])).toBe(7);
    expect(median([9, 4, 7, 6])).toBe(6.5); // (6 + 7) / 2
    // mean 5, squared deviations 9 + 1 + 1 + 9 = 20, / 4 = 5
    expect(populationSd([2, 4, 6, 8])).toBeCloseTo(Math.sqrt(5), 12);
    expect(populationSd([3])).toBe(0);
  });

  it("trims one highest and one lowest even when tied", () => {
    expect(trimmedMean([9, 9, 7, 6, 4])).toBeCloseTo(22 / 3, 12); // (35 − 9 − 4) / 3
    expect(trimmedMean([5, 5, 5, 5, 5])).toBe(5);
    expect(trimmedMean([1, 2])).toBeNull();
  });

  it("rounds to 0.1 half away from zero, robust to float error", () => {
    expect(round1(0.05)).toBe(0.1);
    expect(round1(2.675)).toBe(2.7);
    expect(round1(0.3 + 0.35)).toBe(0.7); // 0.6499999999999999 in floats
    expect(round1(1.2 + 0.15)).toBe(1.4); // 1.3499999999999999
    expect(round1(7.3333)).toBe(7.3);
    expect(round1(-0.05)).toBe(-0.1);
    expect(round1(-0.04)).toBe(0);
    expect(Object.is(round1(-0.04), -0)).toBe(false);
  });

  it("computes ICC(1) on an unbalanced design with k0", () => {
    // Targets (8, 6, 7), (5, 5), (2, 4): N = 7, a = 3, target means 7, 5, 3, grand mean 37/7.
    // SSB = 3(12/7)² + 2(−2/7)² + 2(−16/7)² = (432 + 8 + 512)/49 = 952/49, MSB = 952/98 = 68/7.
    // SSW = (1 + 1 + 0) + 0 + (1 + 1) = 4, MSW = 4/(7 − 3) = 1.
    // k0 = (7 − (9 + 4 + 4)/7)/(3 − 1) = 16/7.
    // ICC(1) = (68/7 − 1)/(68/7 + (16/7 − 1)·1) = (61/7)/(77/7) = 61/77 ≈ 0.792.
    expect(
      icc1([
        [8, 6, 7],
        [5, 5],
        [2, 4],
      ]),
    ).toBeCloseTo(61 / 77, 12);
    expect(icc1([[8, 6]])).toBeNull(); // one target
    expect(icc1([[8], [5], [2]])).toBeNull(); // one rating per target
    expect(
      icc1([
        [5, 5],
        [5, 5],
      ]),
    ).toBeNull(); // 0/0
    // Raters disagree more than targets differ: negative, reported as is.
    expect(
      icc1([
        [2, 8],
        [8, 2],
      ]),
    ).toBeLessThan(0);
  });
});

describe("worked examples", () => {
  it("(a) trimmed mean of 5 reviewers with a tie at the top drops only one 9", () => {
    const result = oneCriterion({ R1: [9], R2: [9], R3: [7], R4: [6], R5: [4] }, [X]);
    const d1 = cell(result, "X");
    // sum 35; trimmed (35 − 9 − 4)/3 = 22/3 = 7.333…; Excel's TRIMMEAN(…, 0.2) would drop nothing (7).
    expect(d1.n).toBe(5);
    expect(d1.trimmedMean).toBeCloseTo(7.3333333, 6);
    expect(d1.mean).toBe(7); // 35 / 5
    expect(d1.median).toBe(7);
    expect(d1.method).toBe("trimmed");
    expect(d1.official).toBeCloseTo(22 / 3, 12);
    expect(result.subjects[0]!.expertSubtotal).toBe(7.3);
    // With a single outlet there is nothing to standardise: z = 0 for everyone → the panel mean 7.
    expect(d1.zNormalised).toBe(7);
    // Spread 9 − 4 = 5 > 40% × 10 = 4: also 评分分歧.
    expect(d1.spread).toBe(5);
    expect(d1.divergent).toBe(true);
    expect(d1.scores).toEqual([
      { reviewer: "R1", score: 9 },
      { reviewer: "R2", score: 9 },
      { reviewer: "R3", score: 7 },
      { reviewer: "R4", score: 6 },
      { reviewer: "R5", score: 4 },
    ]);
  });

  it("(b) z-score normalisation: a harsh reviewer who ranks differently changes the ranking", () => {
    // D1 (10 points). R4 scores about 4 lower (mean 3 vs 6.7–7) on a narrow scale, and puts Y first.
    //         X   Y   Z   | mean_r  sd_r (population)
    //   R1    9   8   3   | 20/3    √(186/27) = 2.6247
    //   R2    8   8   4   | 20/3    √(96/27)  = 1.8856
    //   R3    9   8   4   | 7       √(14/3)   = 2.1602
    //   R4    3   4   2   | 3       √(2/3)    = 0.8165
    // Plain means: X 29/4 = 7.25, Y 28/4 = 7.00, Z 13/4 = 3.25 → X > Y > Z.
    // Panel: 12 scores, mean 70/12 = 5.8333, population SD √(488/12 − 5.8333²) = √6.6389 = 2.5766.
    // z and rescaled (5.8333 + z × 2.5766, rounded to 0.1):
    //   R1: X  0.8890 → 8.1   Y  0.5080 → 7.1   Z −1.3970 → 2.2
    //   R2: X  0.7071 → 7.7   Y  0.7071 → 7.7   Z −1.4142 → 2.2
    //   R3: X  0.9258 → 8.2   Y  0.4629 → 7.0   Z −1.3887 → 2.3
    //   R4: X  0      → 5.8   Y  1.2247 → 9.0   Z −1.2247 → 2.7
    // zNormalised: X 29.8/4 = 7.45, Y 30.8/4 = 7.70, Z 9.4/4 = 2.35 → Y > X > Z.
    const result = oneCriterion({ R1: [9, 8, 3], R2: [8, 8, 4], R3: [9, 8, 4], R4: [3, 4, 2] }, [X, Y, Z]);
    expect(cell(result, "X").mean).toBe(7.25);
    expect(cell(result, "Y").mean).toBe(7);
    expect(cell(result, "Z").mean).toBe(3.25);
    expect(cell(result, "X").zNormalised).toBeCloseTo(7.45, 10);
    expect(cell(result, "Y").zNormalised).toBeCloseTo(7.7, 10);
    expect(cell(result, "Z").zNormalised).toBeCloseTo(2.35, 10);
    expect(ranking(result, (k) => cell(result, k).official!)).toEqual(["X", "Y", "Z"]);
    expect(ranking(result, (k) => cell(result, k).zNormalised!)).toEqual(["Y", "X", "Z"]);
    expect(result.subjects.map((s) => s.zNormalisedSubtotal)).toEqual([7.5, 7.7, 2.4]);
    // Medians side by side: X (3, 8, 9, 9) → 8.5, Y (4, 8, 8, 8) → 8, Z (2, 3, 4, 4) → 3.5.
    expect(result.subjects.map((s) => s.criteria[0]!.median)).toEqual([8.5, 8, 3.5]);
    // R4 is also 偏严: bias ((3 − 7.25) + (4 − 7) + (2 − 3.25))/3 = −8.5/3 = −2.83. σ is the spread
    // around each outlet's mean (one criterion: totals are the scores): residuals
    //   X 1.75 0.75 1.75 −4.25 → squares 24.75; Y 1 1 1 −3 → 12; Z −0.25 0.75 0.75 −1.25 → 2.75
    // σ = √(39.5/12) = 1.81. R1 +0.83, R2 +0.83, R3 +1.17 stay within it.
    const r4 = result.reviewers.find((r) => r.reviewer === "R4")!;
    expect(r4.bias).toBeCloseTo(-8.5 / 3, 12);
    expect(result.panel.sigma).toBeCloseTo(Math.sqrt(39.5 / 12), 12);
    expect(r4.flag).toBe("harsh");
    expect(result.reviewers.filter((r) => r.flag !== null).map((r) => r.reviewer)).toEqual(["R4"]);
  });

  it("(c) fewer than trimFrom reviewers: plain mean, no trimmed mean", () => {
    const result = oneCriterion({ R1: [9], R2: [9], R3: [7], R4: [4] }, [X]);
    const d1 = cell(result, "X");
    expect(d1.n).toBe(4);
    expect(d1.trimmedMean).toBeNull();
    expect(d1.method).toBe("mean");
    expect(d1.official).toBe(7.25); // 29 / 4
    expect(result.subjects[0]!.expertSubtotal).toBe(7.3); // 7.25 rounded half up
  });

  it("(c') method mean: the trimmed mean is shown but the official value is the mean", () => {
    const result = oneCriterion({ R1: [9], R2: [9], R3: [7], R4: [6], R5: [4] }, [X], D1, {
      ...SETTINGS,
      method: "mean",
    });
    expect(cell(result, "X").trimmedMean).toBeCloseTo(22 / 3, 12);
    expect(cell(result, "X").method).toBe("mean");
    expect(cell(result, "X").official).toBe(7);
  });

  it("(d) a reviewer who declared a conflict is left out of that outlet's aggregate", () => {
    // X: R5 declared a conflict but scored 10 anyway → left out: (8 + 7 + 6 + 7)/4 = 7 (with R5: 7.6).
    // Y: R4 declared a conflict and left the cell blank → (6 + 6 + 5 + 9)/4 = 6.5; no blank reported.
    const sheets = [
      sheet("R1", [
        ["X", "D1", 8],
        ["Y", "D1", 6],
      ]),
      sheet("R2", [
        ["X", "D1", 7],
        ["Y", "D1", 6],
      ]),
      sheet("R3", [
        ["X", "D1", 6],
        ["Y", "D1", 5],
      ]),
      sheet(
        "R4",
        [
          ["X", "D1", 7],
          ["Y", "D1", null],
        ],
        [["Y", "近三年曾在该机构兼职"]],
      ),
      sheet(
        "R5",
        [
          ["X", "D1", 10],
          ["Y", "D1", 9],
        ],
        [["X", "本人为该单位理事"]],
      ),
    ];
    const result = consolidate(sheets, [X, Y], [D1], SETTINGS);
    expect(cell(result, "X")).toMatchObject({ n: 4, mean: 7, method: "mean", official: 7 });
    expect(cell(result, "X").scores.map((s) => s.reviewer)).toEqual(["R1", "R2", "R3", "R4"]);
    expect(cell(result, "Y")).toMatchObject({ n: 4, mean: 6.5, official: 6.5 });
    expect(result.subjects[0]!.excluded).toEqual([{ reviewer: "R5", reason: "本人为该单位理事" }]);
    expect(result.subjects[1]!.excluded).toEqual([{ reviewer: "R4", reason: "近三年曾在该机构兼职" }]);
    // (R5's total on Y, 9 against a mean of 6.5, also makes it 偏松 on so small a panel: not the point here.)
    const conflictScored = result.findings.filter((f) => f.rule === "scoring/conflict-scored");
    expect(conflictScored).toHaveLength(1);
    expect(conflictScored[0]).toMatchObject({
      severity: "warning",
      outlet: "X",
      outletName: "甲网点",
      file: "R5.json",
      path: "scores[0].score",
    });
    expect(conflictScored[0]!.message).toBe(
      "“R5”已声明回避甲网点（X）（理由：本人为该单位理事），但仍对其评分（D1 10），这些评分不计入",
    );
    expect(result.reviewers.find((r) => r.reviewer === "R4")!.blanks).toBe(0);
    expect(result.reviewers.find((r) => r.reviewer === "R5")!.conflicts).toEqual([
      { outlet: "X", reason: "本人为该单位理事" },
    ]);
  });

  it("(e) a blank is not a zero: the cell is consolidated from the others, an unscored criterion makes the outlet incomplete", () => {
    // D1 (10), D2 (5).          X        Y          Z
    //   R1                    8, 4     6, 4       5, blank
    //   R2                    6, 3     7, blank   5, (no entry)
    // X: 7 + 3.5 = 10.5. Y: D1 6.5, D2 4 (R1 alone; not (4 + 0)/2 = 2) → 10.5.
    // Z: D2 has no score → incomplete, no subtotal.
    const sheets = [
      sheet("R1", [
        ["X", "D1", 8],
        ["X", "D2", 4],
        ["Y", "D1", 6],
        ["Y", "D2", 4],
        ["Z", "D1", 5],
        ["Z", "D2", null],
      ]),
      sheet("R2", [
        ["X", "D1", 6],
        ["X", "D2", 3],
        ["Y", "D1", 7],
        ["Y", "D2", null],
        ["Z", "D1", 5],
      ]),
    ];
    const result = consolidate(sheets, [X, Y, Z], [D1, D2], SETTINGS);
    expect(cell(result, "Y", "D2")).toMatchObject({ n: 1, mean: 4, official: 4 });
    expect(result.subjects.map((s) => [s.key, s.complete, s.expertSubtotal, s.missing])).toEqual([
      ["X", true, 10.5, []],
      ["Y", true, 10.5, []],
      ["Z", false, null, ["D2"]],
    ]);
    expect(result.subjects[2]!.zNormalisedSubtotal).toBeNull();
    expect(cell(result, "Z", "D2")).toMatchObject({ n: 0, mean: null, median: null, official: null, spread: null });
    expect(result.subjects[1]!.blanks).toEqual([{ reviewer: "R2", criteria: ["D2"] }]);
    expect(result.subjects[2]!.blanks).toEqual([
      { reviewer: "R1", criteria: ["D2"] },
      { reviewer: "R2", criteria: ["D2"] },
    ]);
    expect(rules(result)).toEqual(["scoring/incomplete", "scoring/incomplete"]);
    expect(result.findings.map((f) => f.severity)).toEqual(["info", "info"]);
    expect(result.findings[1]!.message).toBe(
      "“R2”的评分表有 2 项未评分（乙网点 D2、丙网点 D2）：空白不计为 0，这些项按其余专家的评分汇总",
    );
    expect(result.reviewers.map((r) => r.blanks)).toEqual([1, 2]);
    // Two reviewers mirror each other: 偏松/偏严 is not assessed below 3 (R2's bias −1.5 is shown, not flagged).
    expect(result.reviewers.map((r) => [r.bias, r.flag])).toEqual([
      [0.75, null],
      [-1.5, null],
    ]);
    // Individual totals only where the reviewer scored every criterion: R1 X 12, Y 10; R2 X 9.
    expect(result.reviewers.map((r) => r.totals)).toEqual([
      [
        { outlet: "X", total: 12 },
        { outlet: "Y", total: 10 },
      ],
      [{ outlet: "X", total: 9 }],
    ]);
  });

  it("(f) an out-of-range score is an error finding and left out, never clamped", () => {
    // R1 12 and R4 −1 on a 10-point criterion are left out: (8 + 7 + 9)/3 = 8, 3 scores → mean.
    // Clamping would have given (10 + 8 + 7 + 0 + 9)/5 = 6.8, trimmed (34 − 10 − 0)/3 = 8 by luck.
    const result = oneCriterion({ R1: [12], R2: [8], R3: [7], R4: [-1], R5: [9] }, [X]);
    expect(cell(result, "X")).toMatchObject({ n: 3, mean: 8, method: "mean", official: 8, spread: 2 });
    expect(result.findings.filter((f) => f.rule === "scoring/out-of-range")).toHaveLength(2);
    expect(result.findings[0]).toMatchObject({
      rule: "scoring/out-of-range",
      severity: "error",
      article: "评分细则",
      outlet: "X",
      outletName: "甲网点",
      document: null,
      file: "R1.json",
      path: "scores[0].score",
      entry: null,
    });
    expect(result.findings[0]!.message).toBe(
      "“R1”对甲网点（X） D1（典型案例及成效） 的评分 12 超出 0～10 分，该分不计入（不按边界值截断），请专家更正",
    );
    // The boundaries themselves are valid.
    expect(cell(oneCriterion({ R1: [0], R2: [10] }, [X]), "X").n).toBe(2);
  });

  it("(g) 评分分歧 flags a spread above 40% of the points, not at exactly 40%", () => {
    // X D1: 8 − 4 = 4 = 40% × 10 → not flagged. Y D1: 8 − 3.5 = 4.5 > 4 → flagged.
    // Z D2: 4.4 − 2.4 = 2 = 40% × 5 exactly (2.0000000000000004 in floats) → not flagged.
    const sheets = [
      sheet("R1", [
        ["X", "D1", 8],
        ["X", "D2", 3],
        ["Y", "D1", 8],
        ["Y", "D2", 3],
        ["Z", "D1", 5],
        ["Z", "D2", 4.4],
      ]),
      sheet("R2", [
        ["X", "D1", 4],
        ["X", "D2", 3],
        ["Y", "D1", 3.5],
        ["Y", "D2", 3],
        ["Z", "D1", 5],
        ["Z", "D2", 2.4],
      ]),
    ];
    const result = consolidate(sheets, [X, Y, Z], [D1, D2], SETTINGS);
    expect([cell(result, "X").spread, cell(result, "X").divergent]).toEqual([4, false]);
    expect([cell(result, "Y").spread, cell(result, "Y").divergent]).toEqual([4.5, true]);
    expect(cell(result, "Z", "D2").divergent).toBe(false);
    expect(rules(result)).toEqual(["scoring/divergence"]);
    expect(result.findings[0]).toMatchObject({ severity: "warning", outlet: "Y", file: null, path: null });
    expect(result.findings[0]!.message).toBe(
      "乙网点（Y） D1（典型案例及成效） 评分分歧：最高 8（“R1”）、最低 3.5（“R2”），相差 4.5 分，超过该项分值 10 分的 40%（4 分），请评审组复核",
    );
    // The ratio is a setting: at 30% (3 points) X's spread of 4 is flagged too.
    const strict = consolidate(sheets, [X, Y, Z], [D1, D2], { ...SETTINGS, divergenceRatio: 0.3 });
    expect(cell(strict, "X").divergent).toBe(true);
  });

  it("(h) lenient and harsh reviewers are flagged against one panel SD of the totals around each outlet's mean", () => {
    // D1 (10) + D2 (5); individual totals (D1 + D2):
    //          X            Y            Z          | bias = mean(total − outlet mean)
    //   R1   6+3 = 9      5+3 = 8      6+2 = 8      | (0.25 − 0.5 − 0.25)/3 = −0.17
    //   R2   6+2 = 8      6+3 = 9      5+3 = 8      | (−0.75 + 0.5 − 0.25)/3 = −0.17
    //   R3   9+5 = 14     9+4 = 13     8+5 = 13     | (5.25 + 4.5 + 4.75)/3 = 14.5/3 = +4.83 → 偏松
    //   R4   3+1 = 4      2+2 = 4      3+1 = 4      | (−4.75 − 4.5 − 4.25)/3 = −13.5/3 = −4.5 → 偏严
    //   mean 35/4 = 8.75  34/4 = 8.5   33/4 = 8.25
    // σ: the 12 totals have mean 102/12 = 8.5, squared deviations 6 × 0.25 + 30.25 + 5 × 20.25 = 133,
    // σ = √(133/12) = 3.329; |4.83| and |−4.5| exceed it, |−0.17| does not.
    const table: Record<string, [number, number][]> = {
      R1: [
        [6, 3],
        [5, 3],
        [6, 2],
      ],
      R2: [
        [6, 2],
        [6, 3],
        [5, 3],
      ],
      R3: [
        [9, 5],
        [9, 4],
        [8, 5],
      ],
      R4: [
        [3, 1],
        [2, 2],
        [3, 1],
      ],
    };
    const subjects = [X, Y, Z];
    const sheets = Object.entries(table).map(([reviewer, rows]) =>
      sheet(
        reviewer,
        rows.flatMap(([d1, d2], i): Row[] => [
          [subjects[i]!.key, "D1", d1],
          [subjects[i]!.key, "D2", d2],
        ]),
      ),
    );
    const result = consolidate(sheets, subjects, [D1, D2], SETTINGS);
    // Totals X/Y/Z: R1 9 8 8, R2 8 9 8, R3 14 13 13, R4 4 4 4; outlet means 8.75, 8.5, 8.25.
    // Residual squares: X 0.0625 + 0.5625 + 27.5625 + 22.5625 = 50.75, Y 41, Z 40.75 → σ = √(132.5/12) = 3.32.
    expect(result.panel.sigma).toBeCloseTo(Math.sqrt(132.5 / 12), 12);
    expect(result.reviewers.map((r) => [r.reviewer, r.flag])).toEqual([
      ["R1", null],
      ["R2", null],
      ["R3", "lenient"],
      ["R4", "harsh"],
    ]);
    expect(result.reviewers[2]!.bias).toBeCloseTo(14.5 / 3, 12);
    expect(result.reviewers[3]!.bias).toBeCloseTo(-4.5, 12);
    expect(result.reviewers[0]!.bias).toBeCloseTo(-0.5 / 3, 12);
    expect(result.reviewers[2]!.meanTotal).toBeCloseTo(40 / 3, 12); // (14 + 13 + 13)/3
    const leniency = result.findings.filter((f) => f.rule === "scoring/leniency");
    expect(leniency.map((f) => f.severity)).toEqual(["info", "info"]);
    expect(leniency[0]!.message).toContain("“R3”评分整体偏松");
    expect(leniency[0]!.message).toContain("高 4.83 分");
    expect(leniency[1]!.message).toContain("“R4”评分整体偏严");
    expect(leniency[1]!.message).toContain("σ = 3.32 分");
    // leniencySd is a setting: at 1.5 σ (4.98) neither is flagged.
    const lax = consolidate(sheets, subjects, [D1, D2], { ...SETTINGS, leniencySd: 1.5 });
    expect(lax.reviewers.every((r) => r.flag === null)).toBe(true);
  });

  it("(i) ICC(1) of a balanced panel: 3 outlets × 2 reviewers", () => {
    // X (8, 6), Y (5, 5), Z (2, 4): outlet means 7, 5, 3, grand mean 5, k = 2.
    // MSB = 2 × (2² + 0² + 2²)/(3 − 1) = 8; MSW = ((1 + 1) + 0 + (1 + 1))/(6 − 3) = 4/3.
    // ICC(1) = (8 − 4/3)/(8 + (2 − 1) × 4/3) = (20/3)/(28/3) = 5/7 ≈ 0.714.
    const result = oneCriterion({ R1: [8, 5, 2], R2: [6, 5, 4] }, [X, Y, Z]);
    expect(result.panel.icc1).toBeCloseTo(5 / 7, 12);
    expect(result.panel.iccTargets).toBe(3);
    // Not computable with one reviewer per outlet or a single outlet.
    expect(oneCriterion({ R1: [8, 5, 2] }, [X, Y, Z]).panel.icc1).toBeNull();
    expect(oneCriterion({ R1: [8], R2: [6] }, [X]).panel.icc1).toBeNull();
  });
});

describe("findings on the input", () => {
  it("takes the last of repeated cells (a later line is the correction) and says so", () => {
    const result = consolidate(
      [
        sheet("R1", [
          ["X", "D1", 6],
          ["X", "D1", 8],
        ]),
      ],
      [X],
      [D1],
      SETTINGS,
    );
    expect(cell(result, "X").scores).toEqual([{ reviewer: "R1", score: 8 }]);
    expect(rules(result)).toEqual(["scoring/duplicate"]);
    expect(result.findings[0]).toMatchObject({ severity: "warning", path: "scores[1].score" });
    expect(result.findings[0]!.message).toBe(
      "“R1”对甲网点（X） D1（典型案例及成效） 评了 2 次（6、8），以最后一次 8 为准",
    );
  });

  it("merges two sheets of one reviewer, the later one winning, with one finding for the sheets", () => {
    const a = sheet("R1", [["X", "D1", 6]]);
    const b = { ...sheet("R1", [["X", "D1", 7]]), file: "R1-更正.json" };
    const result = consolidate([a, b], [X], [D1], SETTINGS);
    expect(cell(result, "X").scores).toEqual([{ reviewer: "R1", score: 7 }]);
    expect(result.reviewers).toHaveLength(1);
    expect(result.reviewers[0]!.files).toEqual(["R1.json", "R1-更正.json"]);
    expect(rules(result)).toEqual(["scoring/duplicate"]);
    expect(result.findings[0]!.message).toContain("有 2 份评分表（R1.json、R1-更正.json），已合并");
  });

  it("reports unknown outlets once per reviewer and outlet, and ignores them", () => {
    const result = consolidate(
      [
        sheet(
          "R1",
          [
            ["X", "D1", 6],
            ["Q", "D1", 6],
            ["Q", "D2", 3],
          ],
          [["P", "曾任该机构顾问"]],
        ),
      ],
      [X],
      [D1, D2],
      SETTINGS,
    );
    const unknown = result.findings.filter((f) => f.rule === "scoring/unknown-outlet");
    expect(unknown.map((f) => [f.outlet, f.path])).toEqual([
      ["P", "conflicts[0].outlet"],
      ["Q", "scores[1].outlet"],
    ]);
    expect(unknown[1]!.message).toBe("“R1”对网点 Q 有 2 条评分，但该网点不在本次评审范围内，这些评分不计入");
    expect(cell(result, "X").n).toBe(1);
  });

  it("reports scores for unknown and auto criteria, and ignores them", () => {
    const criteria: Criterion[] = [
      D1,
      {
        id: "A1",
        name: "有效台账服务",
        points: 10,
        source: "auto",
        metric: "services",
        mode: "linear",
        floor: 10,
        target: 100,
        unit: "次",
        description: "",
      },
    ];
    const result = consolidate(
      [
        sheet("R1", [
          ["X", "D1", 6],
          ["X", "A1", 9],
          ["X", "D9", 3],
        ]),
      ],
      [X],
      criteria,
      SETTINGS,
    );
    expect(result.criteria.map((c) => c.id)).toEqual(["D1"]);
    expect(result.findings.map((f) => [f.rule, f.path])).toEqual([
      ["scoring/unknown-criterion", "scores[1].criterion"],
      ["scoring/unknown-criterion", "scores[2].criterion"],
    ]);
    expect(result.findings[0]!.message).toBe("“R1”有 1 条 A1 的评分：A1 为自动计分项，不由专家评分，这些评分不计入");
    expect(result.findings[1]!.message).toBe("“R1”有 1 条 D9 的评分：评分细则中没有评分项 D9，这些评分不计入");
  });

  it("lists every rule it can emit in SCORING_FINDING_RULES", () => {
    const ids = SCORING_FINDING_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of SCORING_FINDING_RULES) {
      expect(rule.id).toMatch(/^scoring\/[a-z-]+$/u);
      expect(rule.description).toMatch(/[\u4e00-\u9fff]/u);
      expect(rule.descriptionEn.length).toBeGreaterThan(10);
    }
  });
});

describe("the sample reviewers' sheets", () => {
  const dir = join(__dirname, "..", "..", "samples", "scores");
  function load(prefix: string): ReviewerSheet[] {
    return readdirSync(dir)
      .filter((f) => f.startsWith(prefix) && f.endsWith(".json"))
      .sort()
      .map((f) => parseReviewerScores(JSON.parse(readFileSync(join(dir, f), "utf8")), f).sheet!);
  }

  it("annual 2025: a recusal, a blank, a divergence, a harsh and a lenient reviewer", () => {
    const subjects: Subject[] = [
      { key: "12440104455209812L", name: "广州市越秀区东湖图书馆" },
      { key: "91440106MA5BL6RX97", name: "广州粤信知识产权服务有限公司" },
      { key: "124401114554122714", name: "广州岭南医科大学" },
    ];
    // The default rubric's whole list: its auto criteria are set aside, C4 and D1–D4 consolidated.
    const { criteria, consolidation } = DEFAULT_RUBRICS.annual;
    const result = consolidate(load("annual-"), subjects, criteria, consolidation);
    expect(result.criteria.map((c) => `${c.id} ${c.points}`)).toEqual(["C4 4", "D1 10", "D2 5", "D3 5", "D4 5"]);
    // 东湖 (5 reviewers, trimmed): C4 (18 − 4 − 3)/3 = 3.667, D1 (41.5 − 9 − 7.5)/3 = 8.333,
    //   D2 (22 − 5 − 4)/3 = 4.333, D3 (22 − 4.5 − 4)/3 = 4.5, D4 (20 − 4.5 − 3.5)/3 = 4 → 24.833 → 24.8.
    // 粤信 (专家E recused: 4 reviewers, mean): 2 + 21/4 + 6.5/4 + 9.5/4 + 2 = 13.25 → 13.3.
    // 岭南 (D2 blank for 专家C: 4 scores, mean): 3 + 20.5/3 + 11.5/4 + 4 + 3.5 = 20.208 → 20.2.
    expect(result.subjects.map((s) => s.expertSubtotal)).toEqual([24.8, 13.3, 20.2]);
    expect(result.subjects[1]!.excluded).toEqual([
      { reviewer: "专家E 张律师", reason: "近三年曾在该机构兼职（专利代理业务顾问）" },
    ]);
    expect(result.subjects[1]!.criteria.every((c) => c.n === 4 && c.method === "mean")).toBe(true);
    expect(cell(result, "124401114554122714", "D2")).toMatchObject({ n: 4, method: "mean" });
    expect(result.subjects.every((s) => s.complete)).toBe(true);
    expect(rules(result)).toEqual(["scoring/incomplete", "scoring/divergence", "scoring/leniency", "scoring/leniency"]);
    // 粤信 D1: 8 (专家D) − 3.5 (专家B) = 4.5 > 4.
    expect(result.findings[1]!.outlet).toBe("91440106MA5BL6RX97");
    // 专家B is the harshest (≈ 14% below the others): bias −2.15 against σ 1.48, the panel's spread around
    // each outlet's mean total, so 偏严; 专家D, +1.68, is 偏松. The others stay within one σ.
    expect(result.reviewers.map((r) => [r.reviewer.slice(0, 3), r.flag])).toEqual([
      ["专家A", null],
      ["专家B", "harsh"],
      ["专家C", null],
      ["专家D", "lenient"],
      ["专家E", null],
    ]);
    expect(result.reviewers[1]!.bias).toBeCloseTo(-2.15, 10);
    expect(result.panel.icc1).toBeGreaterThan(0.8);
  });

  it("applications: 8 eligible applicants, 5 reviewers, one recusal", () => {
    const codes = [
      "12440000455187625H",
      "12440100455630949R",
      "12440105MB2C17341L",
      "91440112MA59KT2F8C",
      "51440113MJL884210E",
      "91440106MA5AN7QW7E",
      "52440115MJL21396X2",
      "91110108MA01GN5C89",
    ];
    const { criteria, consolidation } = DEFAULT_RUBRICS.application;
    const result = consolidate(
      load("application-"),
      codes.map((key) => ({ key, name: null })),
      criteria,
      consolidation,
    );
    expect(result.criteria.map((c) => `${c.id} ${c.points}`)).toEqual(["E1 15", "E2 10", "E3 15", "E4 10", "E5 10"]);
    expect(result.findings).toEqual([]);
    expect(result.subjects.every((s) => s.complete)).toBe(true);
    expect(result.subjects[0]!.excluded.map((e) => e.reviewer)).toEqual(["专家F 黄教授"]);
    expect(result.subjects[0]!.criteria[0]!.method).toBe("mean");
    expect(result.subjects[1]!.criteria[0]!.method).toBe("trimmed");
    for (const s of result.subjects) expect(s.expertSubtotal!).toBeGreaterThan(30);
  });
});
