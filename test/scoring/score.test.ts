/**
 * The scoring pipeline end to end (runScoring): documents through the review engine, statistics,
 * auto criteria, consolidation, totals, grades, vetoes, ranks and 撤销资格建议. Every figure is
 * computed by hand first (the arithmetic is in the comments) from small ledgers whose every entry
 * is known, with RUBRIC.md's formula points × clamp((x − floor)/(target − floor), 0, 1) to 0.1,
 * the trimmed mean (sum − max − min)/(n − 2) from 5 reviewers, and the bands 90/80/60.
 */
import { join } from "node:path";
import { loadInputsAsync, type LoadedInputs } from "../../src/cli/load";
import { DEFAULT_SETTINGS } from "../../src/core/config";
import { makeCreditCode } from "../../src/core/creditCode";
import type { AnnualVerdict } from "../../src/core/engine";
import { parseDocumentValue, type SourcedDocument } from "../../src/core/parse";
import { parseReviewerScores, type ReviewerSheet } from "../../src/core/scoring/reviewers";
import { parseRubric } from "../../src/core/scoring/rubrics";
import {
  runScoring,
  type Evaluation,
  type ScoredCriterion,
  type ScoredOutlet,
  type ScoringResult,
} from "../../src/core/scoring/score";
import {
  APPLICANT_CODE,
  OUTLET_CODE,
  application,
  ledger,
  ledgerEntry,
  registry,
  registryOutlet,
  summary,
  type Doc,
} from "../helpers/fixtures";

// ---------------------------------------------------------------- rubrics small enough to score by hand

/** A1: 40 points, x = counted ledger services, 0 → 10 (4 points a service); D1: 60 points by the reviewers. */
const ANNUAL = parseRubric({
  id: "annual-test",
  version: "t1",
  kind: "annual",
  name: "服务效能评价（测试）",
  criteria: [
    {
      id: "A1",
      name: "年度有效服务次数",
      points: 40,
      source: "auto",
      metric: "ledger.services",
      floor: 0,
      target: 10,
      unit: "次",
    },
    { id: "D1", name: "典型案例及成效", points: 60, source: "expert" },
  ],
});

/** P4: 40 points, x = full-time staff, 0 → 10 (4 points a person); E1: 60 points by the reviewers. */
const APPLICATION = parseRubric({
  id: "application-test",
  version: "t1",
  kind: "application",
  name: "认定评审（测试）",
  criteria: [
    {
      id: "P4",
      name: "专职人员数量",
      points: 40,
      source: "auto",
      metric: "application.fullTime",
      floor: 0,
      target: 10,
      unit: "人",
    },
    { id: "E1", name: "工作基础", points: 60, source: "expert" },
  ],
});

const RUBRICS = { annual: ANNUAL, application: APPLICATION };
const TODAY = "2026-11-24";

// ---------------------------------------------------------------- documents

/** Outlets of the annual cases: X is the fixtures' 东湖图书馆; Y and V are built alike. */
const X = OUTLET_CODE;
const Y = makeCreditCode("12", "440105", "45520001");
const V = makeCreditCode("12", "440106", "45520002");
const NAMES: Record<string, string> = {
  [X]: "广州市越秀区东湖图书馆",
  [Y]: "广州市海珠区江南图书馆",
  [V]: "广州市天河区五山图书馆",
};
const ADDRESSES: Record<string, string> = {
  [X]: "广州市越秀区东湖路123号",
  [Y]: "广州市海珠区江南大道中100号",
  [V]: "广州市天河区五山路200号",
};

/**
 * `n` clean entries of 2025, all B04 知识产权信息咨询 (basic, free, declared in the summary), each for a
 * different client on a different day, rated 5: each one is one counted service (x of A1) and
 * raises no finding.
 */
function entries(n: number, mutate?: (entry: Doc, i: number) => void): Doc[] {
  return Array.from({ length: n }, (_, i) =>
    ledgerEntry((e) => {
      e.date = `2025-${String(1 + Math.floor(i / 28)).padStart(2, "0")}-${String(1 + (i % 28)).padStart(2, "0")}`;
      e.item = "B04";
      e.client = { type: "enterprise", name: `广州测试客户${i + 1}号有限公司`, district: "海珠区" };
      e.channel = "电话";
      e.deliverable = "咨询答复记录";
      delete e.participants;
      mutate?.(e, i);
    }),
  );
}

function record(code: string, mutate?: (outlet: Doc) => void): Doc {
  return registryOutlet((o) => {
    o.creditCode = code;
    o.name = NAMES[code];
    o.address = ADDRESSES[code];
    mutate?.(o);
  });
}

/** Summary and ledger of one outlet for 2025 (the registry record is given separately). */
function annualOutlet(code: string, ledgerEntries: Doc[]): Doc[] {
  return [
    summary((s) => {
      s.org.creditCode = code;
      s.org.name = NAMES[code];
      s.org.address = ADDRESSES[code];
    }),
    ledger((l) => {
      l.outlet = { name: NAMES[code], creditCode: code };
      l.entries = ledgerEntries;
    }),
  ];
}

/** Raw documents as parsed from files (one file each, named after the document). */
function parse(...raws: Doc[]): SourcedDocument[] {
  return raws.flatMap((raw, i) => {
    const parsed = parseDocumentValue(raw, `${String(i + 1).padStart(2, "0")}-${raw.type}.json`);
    expect(parsed.findings).toEqual([]);
    return parsed.documents;
  });
}

type Row = [outlet: string, criterion: string, score: number | null];

function sheet(reviewer: string, rows: Row[]): ReviewerSheet {
  return {
    reviewer,
    file: `评分表-${reviewer}.json`,
    pathPrefix: "",
    scores: rows.map(([outlet, criterion, score], index) => ({ outlet, criterion, score, index })),
    conflicts: [],
  };
}

/** One D1 (or E1) score per reviewer and outlet: `table[reviewer]` lists [outlet, score]. */
function sheets(criterion: string, table: Record<string, [string, number | null][]>): ReviewerSheet[] {
  return Object.entries(table).map(([reviewer, scores]) =>
    sheet(
      reviewer,
      scores.map(([outlet, score]): Row => [outlet, criterion, score]),
    ),
  );
}

function score(
  documents: SourcedDocument[],
  reviewerSheets: ReviewerSheet[],
  extra: { accreditCount?: number | null } = {},
): ScoringResult {
  return runScoring(documents, {
    settings: DEFAULT_SETTINGS,
    today: TODAY,
    rubrics: RUBRICS,
    sheets: reviewerSheets,
    ...extra,
  });
}

function evaluation(result: ScoringResult, kind: Evaluation["kind"]): Evaluation {
  const found = result.evaluations.find((e) => e.kind === kind);
  if (!found) throw new Error(`no ${kind} evaluation`);
  return found;
}

function outlet(result: ScoringResult, kind: Evaluation["kind"], key: string): ScoredOutlet {
  const found = evaluation(result, kind).outlets.find((o) => o.outlet === key);
  if (!found) throw new Error(`no outlet ${key} in the ${kind} evaluation`);
  return found;
}

function criterion(o: ScoredOutlet, id: string): ScoredCriterion {
  const found = o.criteria.find((c) => c.criterion === id);
  if (!found) throw new Error(`no criterion ${id} for ${o.outlet}`);
  return found;
}

/** The figures a panel reads off 评审结果, one outlet per row. */
function table(e: Evaluation) {
  return e.outlets.map((o) => ({
    outlet: o.outlet,
    auto: o.autoSubtotal,
    expert: o.expertSubtotal,
    z: o.zNormalisedSubtotal,
    total: o.total,
    totalNormalised: o.totalNormalised,
    grade: o.grade,
    rank: o.rank,
  }));
}

function annualVerdict(result: ScoringResult, key: string): AnnualVerdict {
  const v = result.check.verdicts.find((x): x is AnnualVerdict => x.document !== "application" && x.outlet === key);
  if (!v) throw new Error(`no annual verdict for ${key}`);
  return v;
}

function rules(result: ScoringResult): string[] {
  return result.findings.map((f) => f.rule);
}

// X: 8 services → A1 = 40 × (8 − 0)/(10 − 0) = 32.0. Y: 5 services → 40 × 5/10 = 20.0.
const twoOutlets = () =>
  parse(...annualOutlet(X, entries(8)), ...annualOutlet(Y, entries(5)), registry(record(X), record(Y)));

// ---------------------------------------------------------------- 1. annual, two outlets

describe("annual evaluation of two outlets with a small rubric", () => {
  it("the documents are clean: no finding, no veto", () => {
    const result = score(twoOutlets(), []);
    expect(result.check.year).toBe(2025);
    expect(result.check.findings).toEqual([]);
    expect(result.evaluations.map((e) => e.kind)).toEqual(["annual"]);
  });

  it("3 reviewers: the official value is the plain mean; total, grade and rank; the z-normalised subtotal beside", () => {
    //            X    Y
    // 专家甲     54   42
    // 专家乙     48   36
    // 专家丙     50   45
    // X: mean (54 + 48 + 50)/3 = 152/3 = 50.666… → expert subtotal 50.7 (n = 3 < trimFrom 5: no trim);
    //    median 50; total 32 + 50.7 = 82.7 → 良好 (≥ 80).
    // Y: mean (42 + 36 + 45)/3 = 123/3 = 41; median 42; total 20 + 41 = 61 → 合格 (≥ 60).
    // z: every reviewer scored X above Y, so each one's z is +1 for X and −1 for Y. Panel of the six
    //    scores: mean 275/6 = 45.833…, Σx² = 2916 + 1764 + 2304 + 1296 + 2500 + 2025 = 12805,
    //    SS = 12805 − 275²/6 = 200.833…, σ = √(200.833…/6) = √33.472… = 5.7855.
    //    X: 45.833 + 5.786 = 51.619 → 51.6 for each reviewer, mean 51.6; total 32 + 51.6 = 83.6.
    //    Y: 45.833 − 5.786 = 40.048 → 40.0; total 20 + 40.0 = 60.0.
    const result = score(
      twoOutlets(),
      sheets("D1", {
        专家甲: [
          [X, 54],
          [Y, 42],
        ],
        专家乙: [
          [X, 48],
          [Y, 36],
        ],
        专家丙: [
          [X, 50],
          [Y, 45],
        ],
      }),
    );
    const annual = evaluation(result, "annual");
    expect(annual).toMatchObject({
      kind: "annual",
      year: 2025,
      rubric: { id: "annual-test", version: "t1" },
      method: "trimmed",
      trimFrom: 5,
      accreditCount: null,
      sheets: 3,
    });
    expect(table(annual)).toEqual([
      { outlet: X, auto: 32, expert: 50.7, z: 51.6, total: 82.7, totalNormalised: 83.6, grade: "good", rank: 1 },
      { outlet: Y, auto: 20, expert: 41, z: 40, total: 61, totalNormalised: 60, grade: "pass", rank: 2 },
    ]);

    const x = outlet(result, "annual", X);
    expect(criterion(x, "A1")).toMatchObject({ source: "auto", points: 40, x: 8, floor: 0, target: 10, score: 32 });
    const d1 = criterion(x, "D1");
    expect(d1).toMatchObject({ source: "expert", n: 3, trimmedMean: null, median: 50, method: "mean", spread: 6 });
    if (d1.source !== "expert") throw new Error("D1 is an expert criterion");
    expect(d1.official).toBeCloseTo(152 / 3, 12);
    expect(d1.mean).toBeCloseTo(152 / 3, 12);
    expect(d1.zNormalised).toBeCloseTo(51.6, 12);
    expect(x).toMatchObject({
      outletName: NAMES[X],
      document: "annualSummary",
      eligible: true,
      vetoed: false,
      complete: true,
      tie: false,
      accredited: null,
      revocationProposed: false,
      flags: [],
      reasons: [],
    });

    // ICC(1) of the reviewers' totals (= their D1): groups X (54, 48, 50), Y (42, 36, 45), k0 = 3.
    // SSB = 3 × (29/6)² × 2 = 841/6, MSB = 841/6; SSW = (100 + 64 + 4)/9 + (1 + 25 + 16) = 182/3, MSW = 91/6.
    // ICC(1) = (841/6 − 91/6) / (841/6 + 2 × 91/6) = 750/1023.
    expect(annual.panel.reviewers).toBe(3);
    expect(annual.panel.icc1).toBeCloseTo(750 / 1023, 12);
    // 偏松/偏严: residuals from the outlets' means (50.667, 41): 甲 3.333, 1; 乙 −2.667, −5; 丙 −0.667, 4.
    // σ = √((11.111 + 1 + 7.111 + 25 + 0.444 + 16)/6) = √10.111 = 3.18. Biases: 甲 2.17, 乙 −3.83, 丙 1.67:
    // only 乙 deviates by more than σ, harshly.
    expect(annual.reviewers.map((r) => [r.reviewer, r.flag])).toEqual([
      ["专家甲", null],
      ["专家乙", "harsh"],
      ["专家丙", null],
    ]);
    expect(rules(result)).toEqual(["scoring/leniency"]);
  });

  it("5 reviewers with a tie at the top: the trimmed mean drops one 57, not both", () => {
    //            X    Y
    // 专家甲     57   45
    // 专家乙     57   40
    // 专家丙     51   40
    // 专家丁     48   38
    // 专家戊     42   30
    // X: sum 255, trimmed (255 − 57 − 42)/3 = 156/3 = 52 (Excel's TRIMMEAN at 0.2 would drop nothing:
    //    the mean 51); median 51; total 32 + 52 = 84 → 良好.
    // Y: sum 193, trimmed (193 − 45 − 30)/3 = 118/3 = 39.333… → 39.3; mean 38.6; median 40;
    //    total 20 + 39.3 = 59.3 → 不合格 (< 60), ranked 2nd (no veto: it is ranked all the same).
    // z: X above Y for everyone, so X = panel mean + panel σ, Y = mean − σ. Ten scores: mean 448/10 = 44.8,
    //    Σx² = 20736, SS = 20736 − 10 × 44.8² = 665.6, σ = √66.56 = 8.1584.
    //    X: 52.958 → 53.0, total 85.0; Y: 36.642 → 36.6, total 56.6.
    const result = score(
      twoOutlets(),
      sheets("D1", {
        专家甲: [
          [X, 57],
          [Y, 45],
        ],
        专家乙: [
          [X, 57],
          [Y, 40],
        ],
        专家丙: [
          [X, 51],
          [Y, 40],
        ],
        专家丁: [
          [X, 48],
          [Y, 38],
        ],
        专家戊: [
          [X, 42],
          [Y, 30],
        ],
      }),
    );
    const annual = evaluation(result, "annual");
    expect(table(annual)).toEqual([
      { outlet: X, auto: 32, expert: 52, z: 53, total: 84, totalNormalised: 85, grade: "good", rank: 1 },
      { outlet: Y, auto: 20, expert: 39.3, z: 36.6, total: 59.3, totalNormalised: 56.6, grade: "fail", rank: 2 },
    ]);
    const x = criterion(outlet(result, "annual", X), "D1");
    expect(x).toMatchObject({ n: 5, mean: 51, trimmedMean: 52, median: 51, official: 52, method: "trimmed" });
    const y = criterion(outlet(result, "annual", Y), "D1");
    if (y.source !== "expert") throw new Error("D1 is an expert criterion");
    expect(y).toMatchObject({ n: 5, median: 40, method: "trimmed", spread: 15, divergent: false });
    expect(y.trimmedMean).toBeCloseTo(118 / 3, 12);
    expect(y.mean).toBeCloseTo(38.6, 12);
    // A fail with a good previous year (the fixture's 2024: excellent) proposes nothing.
    expect(outlet(result, "annual", Y).revocationProposed).toBe(false);
    expect(result.check.findings).toEqual([]);
    // Residuals from the means (51, 38.6): 甲 6, 6.4; 乙 6, 1.4; 丙 0, 1.4; 丁 −3, −0.6; 戊 −9, −8.6.
    // σ = √(281.2/10) = 5.30; biases 甲 6.2 (> σ: 偏松), 乙 3.7, 丙 0.7, 丁 −1.8, 戊 −8.8 (偏严).
    expect(annual.reviewers.map((r) => r.flag)).toEqual(["lenient", null, null, null, "harsh"]);
  });

  it("with the method set to the plain mean, 5 reviewers are not trimmed", () => {
    // X: 57, 57, 51, 48, 42 → mean 255/5 = 51; total 32 + 51 = 83.
    const rubric = parseRubric({ ...ANNUAL, consolidation: { ...ANNUAL.consolidation, method: "mean" } });
    const result = runScoring(twoOutlets(), {
      settings: DEFAULT_SETTINGS,
      today: TODAY,
      rubrics: { annual: rubric },
      sheets: sheets(
        "D1",
        Object.fromEntries(
          [57, 57, 51, 48, 42].map((s, i): [string, [string, number][]] => [
            `专家${i + 1}`,
            [
              [X, s],
              [Y, 40],
            ],
          ]),
        ),
      ),
    });
    expect(outlet(result, "annual", X)).toMatchObject({ expertSubtotal: 51, total: 83 });
    expect(criterion(outlet(result, "annual", X), "D1")).toMatchObject({ method: "mean", official: 51 });
  });
});

// ---------------------------------------------------------------- 2. a veto

describe("a veto", () => {
  // V: 12 services, the first one charged 50 元 although B04 is basic → ledger/basic-fee (error, 第十条).
  // A1 = 40 × clamp(12/10) = 40. One reviewer: X 50, Y 41, V 58.
  // X: 32 + 50 = 82 (良好); Y: 20 + 41 = 61 (合格); V: 40 + 58 = 98, the highest total, but vetoed:
  // 不合格, and ranked after every outlet without a veto.
  const documents = () =>
    parse(
      ...annualOutlet(X, entries(8)),
      ...annualOutlet(Y, entries(5)),
      ...annualOutlet(
        V,
        entries(12, (e, i) => {
          if (i === 0) e.fee = 50;
        }),
      ),
      registry(record(X), record(Y), record(V)),
    );
  const reviewer = () =>
    sheets("D1", {
      专家甲: [
        [X, 50],
        [Y, 41],
        [V, 58],
      ],
    });

  it("forces 不合格 whatever the score and ranks the outlet after those without a veto", () => {
    const result = score(documents(), reviewer());
    expect(table(evaluation(result, "annual"))).toEqual([
      {
        outlet: X,
        auto: 32,
        expert: 50,
        z: expect.any(Number),
        total: 82,
        totalNormalised: expect.any(Number),
        grade: "good",
        rank: 1,
      },
      {
        outlet: Y,
        auto: 20,
        expert: 41,
        z: expect.any(Number),
        total: 61,
        totalNormalised: expect.any(Number),
        grade: "pass",
        rank: 2,
      },
      {
        outlet: V,
        auto: 40,
        expert: 58,
        z: expect.any(Number),
        total: 98,
        totalNormalised: expect.any(Number),
        grade: "fail",
        rank: 3,
      },
    ]);
    const v = outlet(result, "annual", V);
    expect(v).toMatchObject({ eligible: false, vetoed: true, complete: true, revocationProposed: false });
    expect(v.reasons).toEqual([
      {
        rule: "ledger/basic-fee",
        message: "第 1 条：基础性服务“知识产权信息咨询”收费 50 元，基础性服务应免费提供（第十条）",
      },
    ]);
    expect(v.flags).toContain("存在 1 个否决项，评估结果为不合格");
    expect(annualVerdict(result, V)).toMatchObject({ vetoed: true, errors: 1 });
    // The charged service is still a service delivered: x of A1 counts it.
    expect(criterion(v, "A1")).toMatchObject({ x: 12, score: 40 });
    expect(result.check.findings.map((f) => [f.rule, f.outlet, f.entry])).toEqual([["ledger/basic-fee", V, 1]]);
  });

  it("a vetoed outlet with a failed previous year is proposed for revocation", () => {
    const result = score(
      parse(
        ...annualOutlet(X, entries(8)),
        ...annualOutlet(
          V,
          entries(12, (e, i) => {
            if (i === 0) e.fee = 50;
          }),
        ),
        registry(
          record(X),
          record(V, (o) => (o.evaluations = [{ year: 2024, score: 55, grade: "fail" }])),
        ),
      ),
      reviewer().map((s) => ({ ...s, scores: s.scores.filter((c) => c.outlet !== Y) })),
    );
    const v = outlet(result, "annual", V);
    expect(v).toMatchObject({ grade: "fail", vetoed: true, revocationProposed: true, rank: 2 });
    const proposals = result.check.findings.filter((f) => f.rule === "evaluation/consecutive-fail");
    expect(proposals.map((f) => f.outlet)).toEqual([V]);
  });

  it("the revocation proposal is not counted as one of the vetoes behind it", () => {
    // V has one veto (ledger/basic-fee) and failed 2024. The proposal follows from the veto; it is not a
    // second veto: the flag counts 1, the reasons list the fee, and the proposal is flagged on its own.
    const result = score(
      parse(
        ...annualOutlet(
          V,
          entries(12, (e, i) => {
            if (i === 0) e.fee = 50;
          }),
        ),
        registry(record(V, (o) => (o.evaluations = [{ year: 2024, score: 55, grade: "fail" }]))),
      ),
      sheets("D1", { 专家甲: [[V, 58]] }),
    );
    const v = outlet(result, "annual", V);
    expect(v.revocationProposed).toBe(true);
    expect(v.flags).toEqual(["存在 1 个否决项，评估结果为不合格", "连续两个年度评估不合格：撤销资格建议（第十八条）"]);
    expect(v.reasons.map((r) => r.rule)).toEqual(["ledger/basic-fee"]);
  });
});

// ---------------------------------------------------------------- 3. a second failed year

describe("撤销资格建议: a scored fail after a failed year", () => {
  // One reviewer: X D1 20 → 32 + 20 = 52; Y D1 30 → 20 + 30 = 50: both 不合格 by score, neither vetoed.
  // The registry: X passed 2024, Y failed it (55 分).
  const run = () =>
    score(
      parse(
        ...annualOutlet(X, entries(8)),
        ...annualOutlet(Y, entries(5)),
        registry(
          record(X, (o) => (o.evaluations = [{ year: 2024, score: 66, grade: "pass" }])),
          record(Y, (o) => (o.evaluations = [{ year: 2024, score: 55, grade: "fail" }])),
        ),
      ),
      sheets("D1", {
        专家甲: [
          [X, 20],
          [Y, 30],
        ],
      }),
    );

  it("proposes revocation for the outlet whose previous year failed, and only for it", () => {
    const result = run();
    const x = outlet(result, "annual", X);
    const y = outlet(result, "annual", Y);
    expect([x.total, x.grade, x.vetoed, x.rank, x.revocationProposed]).toEqual([52, "fail", false, 1, false]);
    expect([y.total, y.grade, y.vetoed, y.rank, y.revocationProposed]).toEqual([50, "fail", false, 2, true]);
    expect(y.flags).toContain("连续两个年度评估不合格：撤销资格建议（第十八条）");
    expect(x.flags).toEqual([]);

    const proposals = result.check.findings.filter((f) => f.rule === "evaluation/consecutive-fail");
    expect(proposals).toEqual([
      expect.objectContaining({
        severity: "error",
        outlet: Y,
        document: "annualSummary",
        message:
          "2025 年度评估结果为不合格，2024 年度评估结果也为不合格（55 分）：连续两个年度评估不合格，建议撤销该网点资格（撤销资格建议）（第十八条）",
      }),
    ]);
    // The verdict is counted again with the proposal: one error now; X's stays clean.
    expect(annualVerdict(result, Y)).toMatchObject({ errors: 1 });
    expect(annualVerdict(result, X)).toMatchObject({ errors: 0, vetoed: false });
  });
});

// ---------------------------------------------------------------- 4. applications

describe("application review", () => {
  const code = (n: number) => makeCreditCode("91", "440106", `MA5T${String(n).padStart(4, "0")}`);
  const P = code(1);
  const Q = code(2);
  const R = code(3);
  const S = code(4);
  const T = code(5);
  const U = code(6);
  const W = code(7);
  const applicant = (creditCode: string, name: string, mutate: (doc: Doc) => void) =>
    application((d) => {
      d.org.creditCode = creditCode;
      d.org.name = name;
      mutate(d);
    });

  // P4 = 40 × fullTime/10; E1 = mean of the two reviewers.
  //     fullTime  P4   甲  乙   E1   total  grade
  // P      10     40   42  40   41    81    良好   优先纳入 (tisc)
  // Q       8     32   50  48   49    81    良好
  // R       9     36   40  40   40    76    合格
  // S       9     36   42  38   40    76    合格
  // T       6     24   30  36   33    57    不合格
  // U       4     —    ineligible: staff/full-time-min (甲 scores it anyway: 55)
  // W       9     —    ineligible: system/documents
  // P and Q tie at 81: 优先纳入 is the first tie-break, so P is 1st although Q's expert subtotal is higher.
  // R and S tie at 76 with equal expert (40) and auto (36) subtotals: 并列第 3 名. With 3 to accredit,
  // P, Q, R, S are in and the R–S tie straddles the line; T is out.
  const documents = () =>
    parse(
      applicant(P, "广州甲知识产权服务有限公司", (d) => {
        d.org.staff.fullTime = 10;
        d.qualifications = ["tisc"];
      }),
      applicant(Q, "广州乙知识产权服务有限公司", (d) => (d.org.staff.fullTime = 8)),
      applicant(R, "广州丙知识产权服务有限公司", (d) => (d.org.staff.fullTime = 9)),
      applicant(S, "广州丁知识产权服务有限公司", (d) => (d.org.staff.fullTime = 9)),
      applicant(T, "广州戊知识产权服务有限公司", (d) => (d.org.staff.fullTime = 6)),
      applicant(U, "广州己知识产权服务有限公司", (d) => (d.org.staff.fullTime = 4)),
      applicant(W, "广州庚知识产权服务有限公司", (d) => (d.workSystems = [])),
    );
  const reviewers = () =>
    sheets("E1", {
      专家甲: [
        [P, 42],
        [Q, 50],
        [R, 40],
        [S, 42],
        [T, 30],
        [U, 55],
      ],
      专家乙: [
        [P, 40],
        [Q, 48],
        [R, 40],
        [S, 38],
        [T, 36],
      ],
    });

  it("scores the eligible, lists the ineligible with reasons, breaks ties by 优先纳入 and marks the number to accredit", () => {
    const result = score(documents(), reviewers(), { accreditCount: 3 });
    expect(result.evaluations.map((e) => e.kind)).toEqual(["application"]);
    const e = evaluation(result, "application");
    expect(e.accreditCount).toBe(3);
    expect(
      e.outlets.map((o) => [o.outlet, o.eligible, o.autoSubtotal, o.expertSubtotal, o.total, o.grade, o.rank]),
    ).toEqual([
      [P, true, 40, 41, 81, "good", 1],
      [Q, true, 32, 49, 81, "good", 2],
      [R, true, 36, 40, 76, "pass", 3],
      [S, true, 36, 40, 76, "pass", 3],
      [T, true, 24, 33, 57, "fail", 5],
      [U, false, null, null, null, null, null],
      [W, false, null, null, null, null, null],
    ]);
    expect(e.outlets.map((o) => [o.outlet, o.priority, o.tie, o.accredited, o.tieAtCut])).toEqual([
      [P, true, false, true, false],
      [Q, false, false, true, false],
      [R, false, true, true, true],
      [S, false, true, true, true],
      [T, false, false, false, false],
      [U, false, false, false, false],
      [W, false, false, false, false],
    ]);
    expect(outlet(result, "application", P).flags).toEqual(["优先纳入（第六条）"]);
    expect(outlet(result, "application", R).flags).toEqual(["并列第 3 名", "并列跨越拟认定名额线，请评审组决定"]);

    const u = outlet(result, "application", U);
    expect(u).toMatchObject({ complete: false, criteria: [], flags: ["不符合认定条件，不予评分"] });
    expect(u.reasons.map((r) => r.rule)).toEqual(["staff/full-time-min"]);
    expect(outlet(result, "application", W).reasons.map((r) => r.rule)).toEqual(["system/documents"]);

    // 专家甲's score for U is reported and left out of every aggregate.
    expect(result.findings).toEqual([
      expect.objectContaining({
        rule: "scoring/unknown-outlet",
        severity: "warning",
        outlet: U,
        file: "评分表-专家甲.json",
        path: "scores[5].outlet",
        message: `“专家甲”对网点 ${U} 有 1 条评分，但该网点不在本次评审范围内，这些评分不计入`,
      }),
    ]);
    expect(e.reviewers.find((r) => r.reviewer === "专家甲")!.outlets).toEqual([P, Q, R, S, T]);
  });

  it("without 优先纳入 the expert subtotal breaks the tie at 81", () => {
    const result = score(
      documents().map((d) =>
        d.kind === "application" && d.doc.org.creditCode === P ? { ...d, doc: { ...d.doc, qualifications: [] } } : d,
      ),
      reviewers(),
    );
    // Q: 49 > P: 41. No number to accredit (the rubric's is null): accredited stays null.
    const e = evaluation(result, "application");
    expect(e.outlets.slice(0, 2).map((o) => [o.outlet, o.priority, o.rank, o.accredited])).toEqual([
      [P, false, 2, null],
      [Q, false, 1, null],
    ]);
  });

  it("the number to accredit defaults to the rubric's", () => {
    const rubric = parseRubric({ ...APPLICATION, accreditCount: 1 });
    const result = runScoring(documents(), {
      settings: DEFAULT_SETTINGS,
      today: TODAY,
      rubrics: { application: rubric },
      sheets: reviewers(),
    });
    expect(evaluation(result, "application").outlets.map((o) => o.accredited)).toEqual([
      true,
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it("an ineligible application's reasons are its own findings, also for documents given in memory (no file)", () => {
    // The add-in hands over documents without a file name: U and W must not share their reasons.
    const inMemory = [
      applicant(U, "广州己知识产权服务有限公司", (d) => (d.org.staff.fullTime = 4)),
      applicant(W, "广州庚知识产权服务有限公司", (d) => (d.workSystems = [])),
    ].flatMap((raw) => parseDocumentValue(raw, null).documents);
    const result = score(inMemory, []);
    expect(outlet(result, "application", U).reasons.map((r) => r.rule)).toEqual(["staff/full-time-min"]);
    expect(outlet(result, "application", W).reasons.map((r) => r.rule)).toEqual(["system/documents"]);
  });
});

// ---------------------------------------------------------------- 5. a blank is not a zero

describe("a blank is not a zero", () => {
  it("an outlet whose only reviewer left D1 blank is incomplete: no total, not ranked, flagged", () => {
    // Parsed sheets: 专家甲 scores X "５０" (full-width text is read as 50) and leaves Y blank ("");
    // 专家乙 leaves both blank (null). X: one valid score, mean 50 (not (50 + 0)/2 = 25),
    // total 32 + 50 = 82. Y: no valid D1 score → incomplete; its auto subtotal 20 is still shown.
    const parsed = [
      parseReviewerScores(
        {
          type: "reviewerScores",
          reviewer: "专家甲",
          scores: [
            { outlet: X, criterion: "D1", score: "５０" },
            { outlet: Y, criterion: "D1", score: "" },
          ],
        },
        "评分表-专家甲.json",
      ),
      parseReviewerScores(
        {
          reviewer: "专家乙",
          scores: [
            { outlet: X, criterion: "D1", score: null },
            { outlet: Y, criterion: "D1" },
          ],
        },
        "评分表-专家乙.json",
      ),
    ];
    expect(parsed.flatMap((p) => p.findings)).toEqual([]);
    const result = score(
      twoOutlets(),
      parsed.map((p) => p.sheet!),
    );
    expect(table(evaluation(result, "annual"))).toEqual([
      { outlet: X, auto: 32, expert: 50, z: 50, total: 82, totalNormalised: 82, grade: "good", rank: 1 },
      { outlet: Y, auto: 20, expert: null, z: null, total: null, totalNormalised: null, grade: null, rank: null },
    ]);
    const y = outlet(result, "annual", Y);
    expect(y.complete).toBe(false);
    expect(y.flags).toEqual(["专家评分不完整：D1 无有效评分，暂不计总分"]);
    expect(criterion(y, "D1")).toMatchObject({ n: 0, mean: null, official: null });
    expect(criterion(outlet(result, "annual", X), "D1")).toMatchObject({ n: 1, mean: 50, official: 50 });
    expect(result.findings.map((f) => [f.rule, f.message])).toEqual([
      [
        "scoring/incomplete",
        `“专家甲”的评分表有 1 项未评分（${NAMES[Y]} D1）：空白不计为 0，这些项按其余专家的评分汇总`,
      ],
      [
        "scoring/incomplete",
        `“专家乙”的评分表有 2 项未评分（${NAMES[X]} D1、${NAMES[Y]} D1）：空白不计为 0，这些项按其余专家的评分汇总`,
      ],
    ]);
  });
});

// ---------------------------------------------------------------- 6. out of range

describe("an out-of-range score", () => {
  it("is a finding and left out, never clamped", () => {
    // X: 甲 65 (> 60 points) is left out: mean (50 + 46)/2 = 48, total 32 + 48 = 80 → 良好, on the line.
    //    Clamped to 60 it would be (60 + 50 + 46)/3 = 52, total 84.
    // Y: 丙 −1 (< 0) is left out: mean (40 + 42)/2 = 41, total 20 + 41 = 61. Clamped to 0: 82/3 = 27.3.
    const result = score(
      twoOutlets(),
      sheets("D1", {
        专家甲: [
          [X, 65],
          [Y, 40],
        ],
        专家乙: [
          [X, 50],
          [Y, 42],
        ],
        专家丙: [
          [X, 46],
          [Y, -1],
        ],
      }),
    );
    const x = outlet(result, "annual", X);
    const y = outlet(result, "annual", Y);
    expect([x.expertSubtotal, x.total, x.grade]).toEqual([48, 80, "good"]);
    expect([y.expertSubtotal, y.total, y.grade]).toEqual([41, 61, "pass"]);
    expect(criterion(x, "D1")).toMatchObject({
      n: 2,
      scores: [
        { reviewer: "专家乙", score: 50 },
        { reviewer: "专家丙", score: 46 },
      ],
    });
    const outOfRange = result.findings.filter((f) => f.rule === "scoring/out-of-range");
    expect(outOfRange.map((f) => [f.severity, f.outlet, f.file, f.path, f.message])).toEqual([
      [
        "error",
        X,
        "评分表-专家甲.json",
        "scores[0].score",
        `“专家甲”对${NAMES[X]}（${X}） D1（典型案例及成效） 的评分 65 超出 0～60 分，该分不计入（不按边界值截断），请专家更正`,
      ],
      [
        "error",
        Y,
        "评分表-专家丙.json",
        "scores[1].score",
        `“专家丙”对${NAMES[Y]}（${Y}） D1（典型案例及成效） 的评分 -1 超出 0～60 分，该分不计入（不按边界值截断），请专家更正`,
      ],
    ]);
  });
});

// ---------------------------------------------------------------- 7. sheet routing

describe("routing of reviewers' sheets", () => {
  it("a sheet naming application criteria goes to the application evaluation, even with annual documents present", () => {
    // The batch holds X's annual documents and one application (the fixture's, fullTime 9 → P4 36).
    // 专家甲's sheet names E1 only: it is the application's (36 + 45 = 81), and the annual evaluation
    // has no sheet, so X is incomplete rather than scored against an application sheet.
    const documents = parse(...annualOutlet(X, entries(8)), registry(record(X)), application());
    const result = score(documents, [sheet("专家甲", [[APPLICANT_CODE, "E1", 45]])]);
    expect(result.evaluations.map((e) => [e.kind, e.sheets])).toEqual([
      ["application", 1],
      ["annual", 0],
    ]);
    expect(outlet(result, "application", APPLICANT_CODE)).toMatchObject({ autoSubtotal: 36, total: 81, rank: 1 });
    expect(outlet(result, "annual", X)).toMatchObject({ autoSubtotal: 32, complete: false, total: null });
    expect(rules(result)).toEqual([]);
  });

  it("each sheet goes where its criteria are, whatever the order", () => {
    const documents = parse(application(), ...annualOutlet(X, entries(8)), registry(record(X)));
    const result = score(documents, [sheet("专家乙", [[X, "D1", 50]]), sheet("专家甲", [[APPLICANT_CODE, "E1", 45]])]);
    expect(result.evaluations.map((e) => [e.kind, e.sheets, e.reviewers.map((r) => r.reviewer)])).toEqual([
      ["application", 1, ["专家甲"]],
      ["annual", 1, ["专家乙"]],
    ]);
    expect(outlet(result, "annual", X)).toMatchObject({ total: 82, rank: 1 });
    expect(outlet(result, "application", APPLICANT_CODE)).toMatchObject({ total: 81, rank: 1 });
    expect(rules(result)).toEqual([]);
  });
});

// ---------------------------------------------------------------- the previous year's ledger in the batch

describe("a ledger of the previous year in the batch", () => {
  it("does not count against this year's ledger completeness (C3)", () => {
    // Default rubric. 2025: the fixture's 10 clean entries. 2024: 10 entries without a deliverable, each a
    // ledger/required-field warning on the 2024 ledger (only a comparison year for the statistics).
    // A1 counts the 2025 services only: x = 10 → 10 × (10 − 10)/90 = 0.
    // C3 is about the 2025 ledger: 10 of 10 entries with no ledger/* finding, x = 1 → 4 × (1 − 0.7)/0.3 = 4.
    const documents = parse(
      summary(),
      ledger(),
      ledger((l) => {
        l.year = 2024;
        l.entries = entries(10, (e) => {
          e.date = e.date.replace("2025", "2024");
          delete e.deliverable;
        });
      }),
      registry(),
    );
    const result = runScoring(documents, { settings: DEFAULT_SETTINGS, today: TODAY, sheets: [] });
    expect(result.check.year).toBe(2025);
    expect(result.check.findings.map((f) => [f.rule, f.severity, f.file])).toEqual(
      Array.from({ length: 10 }, () => ["ledger/required-field", "warning", "03-ledger.json"]),
    );
    const x = outlet(result, "annual", X);
    expect(criterion(x, "A1")).toMatchObject({ x: 10, score: 0 });
    expect(criterion(x, "C3")).toMatchObject({ x: 1, score: 4 });
  });
});

// ---------------------------------------------------------------- 8. the shipped samples

describe("the shipped samples", () => {
  const DONGHU = "12440104455209812L";
  const YUEXIN = "91440106MA5BL6RX97";
  const LINGNAN = "124401114554122714";
  let loaded: LoadedInputs;
  beforeAll(async () => {
    loaded = await loadInputsAsync([join(__dirname, "..", "..", "samples")]);
  });
  const run = () => {
    expect(loaded.findings).toEqual([]);
    return runScoring(loaded.documents, { settings: DEFAULT_SETTINGS, today: "2026-11-24", sheets: loaded.sheets });
  };

  it("annual: 东湖 first and 优秀, 粤信 vetoed with a revocation proposal, 岭南 vetoed for a lost condition", () => {
    // 东湖图书馆 by hand, from samples/ledgers/donghu-library.json (401 entries, all dated 2025, all items
    // of the general or library lists) and the five samples/scores/annual-*.json:
    //   A1 401 services ≥ 100 → 10; A2 121 distinct clients ≥ 50 → 8; A3 46 sessions (B01 36 + B05 10)
    //   ≥ 12 → 4; A4 4665 attendees ≥ 300 → 3; A5 all 11 districts ≥ 6 → 5; B1 no basic service charged,
    //   100% → 6; B2 32 low-cost services with a deliverable (library.L01 30 + library.L02 3, one without)
    //   ≥ 10 → 8; B3 9 distinct items ≥ 6 → 6;
    //   C1 260 of 401 rated = 0.6484: 5 × (0.6484 − 0.3)/0.6 = 2.903 → 2.9;
    //   C2 (163 × 100 + 80 × 80 + 14 × 60 + 3 × 30)/260 = 23630/260 = 90.885: 12 × (90.885 − 60)/35
    //      = 10.589 → 10.6;
    //   C3 399 of 401 entries with no ledger/* finding (rows 175 and 301 lack a deliverable) = 0.99501:
    //      4 × (0.99501 − 0.7)/0.3 = 3.933 → 3.9;
    //   auto = 10 + 8 + 4 + 3 + 5 + 6 + 8 + 6 + 2.9 + 10.6 + 3.9 = 67.4.
    //   Expert, trimmed from 5 (陈, 李, 刘, 王, 张):
    //   C4 3.5, 3, 4, 4, 3.5 → (18 − 4 − 3)/3 = 3.667;  D1 8.5, 7.5, 8.5, 9, 8 → (41.5 − 9 − 7.5)/3 = 8.333;
    //   D2 4.5, 4, 5, 4.5, 4 → (22 − 5 − 4)/3 = 4.333;  D3 4.5, 4, 4.5, 4.5, 4.5 → (22 − 4.5 − 4)/3 = 4.5;
    //   D4 4, 3.5, 4, 4, 4.5 → (20 − 4.5 − 3.5)/3 = 4;  sum 24.833 → 24.8.
    //   Total 67.4 + 24.8 = 92.2 → 优秀.
    const result = run();
    const annual = evaluation(result, "annual");
    expect(annual.year).toBe(2025);
    const donghu = outlet(result, "annual", DONGHU);
    expect(
      donghu.criteria.map((c) => [c.criterion, c.source === "auto" ? c.score : Math.round(c.official! * 1000) / 1000]),
    ).toEqual([
      ["A1", 10],
      ["A2", 8],
      ["A3", 4],
      ["A4", 3],
      ["A5", 5],
      ["B1", 6],
      ["B2", 8],
      ["B3", 6],
      ["C1", 2.9],
      ["C2", 10.6],
      ["C3", 3.9],
      ["C4", 3.667],
      ["D1", 8.333],
      ["D2", 4.333],
      ["D3", 4.5],
      ["D4", 4],
    ]);
    expect(donghu).toMatchObject({
      autoSubtotal: 67.4,
      expertSubtotal: 24.8,
      total: 92.2,
      grade: "excellent",
      rank: 1,
      vetoed: false,
      revocationProposed: false,
    });

    // The figures the pipeline gives for the others (东湖's checked above by hand).
    expect(table(annual)).toEqual([
      {
        outlet: DONGHU,
        auto: 67.4,
        expert: 24.8,
        z: 25.1,
        total: 92.2,
        totalNormalised: 92.5,
        grade: "excellent",
        rank: 1,
      },
      { outlet: YUEXIN, auto: 57.5, expert: 13.3, z: 13.6, total: 70.8, totalNormalised: 71.1, grade: "fail", rank: 3 },
      {
        outlet: LINGNAN,
        auto: 61.2,
        expert: 20.2,
        z: 19.5,
        total: 81.4,
        totalNormalised: 80.7,
        grade: "fail",
        rank: 2,
      },
      {
        outlet: "12440117456077153P",
        auto: null,
        expert: null,
        z: null,
        total: null,
        totalNormalised: null,
        grade: "fail",
        rank: null,
      },
      {
        outlet: "12440100455630949R",
        auto: null,
        expert: null,
        z: null,
        total: null,
        totalNormalised: null,
        grade: "fail",
        rank: null,
      },
    ]);

    const yuexin = outlet(result, "annual", YUEXIN);
    expect(yuexin).toMatchObject({ vetoed: true, grade: "fail", revocationProposed: true });
    expect(yuexin.reasons.map((r) => r.rule)).toContain("ledger/basic-fee");
    expect(yuexin.flags).toContain("连续两个年度评估不合格：撤销资格建议（第十八条）");
    // 张律师 declared a conflict for 粤信: four reviewers remain, so its scores are plain means.
    expect(yuexin.excluded.map((e) => e.reviewer)).toEqual(["专家E 张律师"]);
    expect(yuexin.criteria.filter((c) => c.source === "expert").map((c) => [c.criterion, c.n])).toEqual([
      ["C4", 4],
      ["D1", 4],
      ["D2", 4],
      ["D3", 4],
      ["D4", 4],
    ]);
    expect(result.check.findings.filter((f) => f.rule === "evaluation/consecutive-fail").map((f) => f.outlet)).toEqual([
      YUEXIN,
    ]);

    const lingnan = outlet(result, "annual", LINGNAN);
    expect(lingnan).toMatchObject({ vetoed: true, grade: "fail", revocationProposed: false });
    expect(lingnan.reasons.map((r) => r.rule)).toEqual(["summary/condition-lost"]);
  });

  it("applications: the 8 eligible are scored and ranked, the 6 ineligible listed with their reasons", () => {
    const result = run();
    const e = evaluation(result, "application");
    const eligible = e.outlets.filter((o) => o.eligible);
    const ineligible = e.outlets.filter((o) => !o.eligible);
    expect(eligible).toHaveLength(8);
    expect(ineligible).toHaveLength(6);
    for (const o of eligible) expect(o).toMatchObject({ complete: true, reasons: [] });
    for (const o of ineligible) {
      expect(o).toMatchObject({ total: null, grade: null, rank: null, criteria: [] });
      expect(o.reasons.length).toBeGreaterThan(0);
      expect(o.flags).toContain("不符合认定条件，不予评分");
    }
    expect(
      eligible
        .map((o) => [o.outletName, o.total, o.grade, o.rank, o.priority])
        .sort((a, b) => (a[3] as number) - (b[3] as number)),
    ).toEqual([
      ["广州市南粤科技情报研究所", 91.7, "excellent", 1, true],
      ["广州知衡知识产权代理有限公司", 89.8, "good", 2, true],
      ["广州云山理工大学", 88.3, "good", 3, true],
      ["广州黄埔科创园区生产力促进中心有限公司", 81.1, "good", 4, false],
      ["广州南沙知识产权运营服务中心", 74.9, "pass", 5, false],
      ["北京智博知识产权代理有限公司广州分公司", 73.1, "pass", 6, false],
      ["广州市海珠区文澜图书馆", 71.5, "pass", 7, false],
      ["广州市番禺区智能装备产业知识产权协会", 61.4, "pass", 8, false],
    ]);
    expect(ineligible.map((o) => [o.outletName, o.reasons[0]!.rule])).toEqual([
      ["广州白云知创信息咨询有限公司", "staff/full-time-min"],
      ["广州花都明律知识产权服务有限公司", "org/credit-code"],
      ["佛山市南海区智汇知识产权咨询有限公司", "org/region"],
      ["广州增城创新知识产权运营有限公司", "registry/banned"],
      ["广州市荔湾区知信商务咨询服务部", "org/legal-person"],
      ["广州白云知创信息咨询有限公司", "batch/duplicate"],
    ]);
  });
});
