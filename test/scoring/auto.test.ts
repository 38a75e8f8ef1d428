import { applicationSchema, type Application } from "../../src/core/schemas";
import type { Finding } from "../../src/core/findings";
import type { ServiceStats } from "../../src/core/statsTypes";
import { autoSubtotal, formatX, roundScore, scoreAuto, scoreCriterion } from "../../src/core/scoring/auto";
import {
  METRICS,
  countEntriesWithLedgerFinding,
  type AnnualMetric,
  type AnnualMetricInput,
  type ApplicationMetric,
} from "../../src/core/scoring/metrics";
import type { AutoCriterion, Criterion, Rubric } from "../../src/core/scoring/rubric";
import { DEFAULT_RUBRICS, parseRubric } from "../../src/core/scoring/rubrics";
import { application } from "../helpers/fixtures";

function criterion(over: Partial<AutoCriterion> = {}): AutoCriterion {
  return {
    id: "X1",
    name: "测试项",
    points: 10,
    source: "auto",
    metric: "ledger.services",
    mode: "linear",
    floor: 10,
    target: 100,
    unit: "次",
    description: "",
    ...over,
  };
}

function annualCriterion(id: string): AutoCriterion {
  const c = DEFAULT_RUBRICS.annual.criteria.find((k) => k.id === id);
  if (c?.source !== "auto") throw new Error(`no auto criterion ${id}`);
  return c;
}

/** Statistics of a small library outlet, built by hand (what computeServiceStats would give for its ledger). */
function stats(over: Partial<ServiceStats> = {}): ServiceStats {
  return {
    counts: { basic: 30, lowCost: 12, valueAdded: 3, total: 45 },
    byItem: { B01: 10, B02: 6, B04: 14, "library.L01": 12, V01: 3 },
    byClient: { public: 20, enterprise: 18, university: 7 },
    byMonth: { "2025-01": 5, "2025-04": 20, "2025-09": 20 },
    free: 33,
    paid: 12,
    feeTotal: 9600,
    participants: 260,
    satisfaction: { mean: 4.3, rated: 30 },
    satisfactionLevels: { "1": 0, "2": 1, "3": 2, "4": 12, "5": 15 },
    clients: 23,
    districtsCovered: ["越秀区", "海珠区", "天河区", "白云区"],
    training: { sessions: 10, participants: 240 },
    basicFree: 30,
    withDeliverable: 14,
    ...over,
  };
}

function annualInput(over: Partial<ServiceStats> = {}, entriesLoaded = 45, withFinding = 3): AnnualMetricInput {
  return { stats: stats(over), entriesLoaded, entriesWithLedgerFinding: withFinding };
}

const annualX = (key: string, input: AnnualMetricInput) => (METRICS[key] as AnnualMetric).compute(input);
const applicationX = (key: string, app: Application) => (METRICS[key] as ApplicationMetric).compute(app);

describe("scoreCriterion: points × clamp((x − floor) / (target − floor), 0, 1), to 0.1", () => {
  const c = criterion(); // 10 points, 10 → 100
  it.each([
    ["below the floor", 3, 0],
    ["at the floor", 10, 0],
    ["a quarter of the way", 32.5, 2.5],
    ["midway", 55, 5],
    ["at the target", 100, 10],
    ["above the target", 250, 10],
    ["rounded to 0.1 (7 of 90 → 0.777…)", 17, 0.8],
    ["rounded to 0.1 (40 of 90 → 4.444…)", 50, 4.4],
  ])("%s: x = %d scores %d", (_what, x, score) => {
    expect(scoreCriterion(c, x)).toBe(score);
  });

  it("gives 0 when there is no x", () => {
    expect(scoreCriterion(c, null)).toBe(0);
    expect(scoreCriterion(c, Number.NaN)).toBe(0);
  });

  it("rounds a true half up even where binary arithmetic lands just below it", () => {
    // C1 at 75% rated: 5 × (0.75 − 0.3) / 0.6 = 3.75 exactly, computed as 3.7499999999999996.
    expect(5 * ((0.75 - 0.3) / (0.9 - 0.3))).toBeLessThan(3.75);
    expect(scoreCriterion(annualCriterion("C1"), 0.75)).toBe(3.8);
    // 4 × (4.3 − 4) / 8 = 0.15, computed as 0.1499999999999999.
    expect(scoreCriterion(criterion({ points: 4, floor: 4, target: 12 }), 4.3)).toBe(0.2);
    expect(scoreCriterion(criterion({ points: 4, floor: 4, target: 12 }), 4.1)).toBe(0.1);
    expect(roundScore(0.25)).toBe(0.3);
    expect(roundScore(2.449999)).toBe(2.4);
  });

  it("uses a target given for the batch (relative mode), unless it is not above the floor", () => {
    expect(scoreCriterion(c, 55, 55)).toBe(10);
    expect(scoreCriterion(c, 55, 10)).toBe(5);
  });

  describe("all-or-nothing (B1: basic services free)", () => {
    const b1 = annualCriterion("B1");
    it("99% free scores 0", () => expect(scoreCriterion(b1, 0.99)).toBe(0));
    it("100% free scores 6", () => expect(scoreCriterion(b1, 1)).toBe(6));
    it("no x scores 0", () => expect(scoreCriterion(b1, null)).toBe(0));
    it("from statistics: one paid basic service in 30 loses all 6 points", () => {
      expect(scoreCriterion(b1, annualX("ledger.basicFreeShare", annualInput({ basicFree: 29 })))).toBe(0);
      expect(scoreCriterion(b1, annualX("ledger.basicFreeShare", annualInput()))).toBe(6);
    });
  });
});

describe("annual metrics, from hand-made statistics", () => {
  const input = annualInput();
  it.each<[string, number | null]>([
    ["ledger.services", 45],
    ["ledger.clients", 23],
    ["ledger.trainingSessions", 10],
    ["ledger.trainingParticipants", 240],
    ["ledger.districts", 4],
    ["ledger.basicFreeShare", 1],
    ["ledger.deliverables", 14],
    ["ledger.distinctItems", 5],
    ["ledger.ratedShare", 30 / 45],
    // (15 × 100 + 12 × 80 + 2 × 60 + 1 × 30 + 0 × 0) / 30 = 2610 / 30
    ["ledger.satisfactionScore", 87],
    ["ledger.completeness", 42 / 45],
  ])("%s = %d", (key, x) => {
    expect(annualX(key, input)).toBeCloseTo(x!, 10);
  });

  it("C2 maps the levels 5 → 100, 4 → 80, 3 → 60, 2 → 30, 1 → 0", () => {
    const one = (level: "1" | "2" | "3" | "4" | "5") =>
      annualX(
        "ledger.satisfactionScore",
        annualInput({ satisfactionLevels: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0, [level]: 1 } }),
      );
    expect([one("5"), one("4"), one("3"), one("2"), one("1")]).toEqual([100, 80, 60, 30, 0]);
  });

  it("C2 is null with no rated service, and scores 0", () => {
    const none = annualInput({
      satisfaction: { mean: null, rated: 0 },
      satisfactionLevels: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 },
    });
    expect(annualX("ledger.satisfactionScore", none)).toBeNull();
    expect(annualX("ledger.ratedShare", none)).toBe(0);
  });

  it("B1 is 0 when there is no basic service at all (an outlet must provide them, 第五条、第十条)", () => {
    expect(
      annualX(
        "ledger.basicFreeShare",
        annualInput({ counts: { basic: 0, lowCost: 5, valueAdded: 0, total: 5 }, basicFree: 0 }),
      ),
    ).toBe(0);
    expect(annualX("ledger.basicFreeShare", annualInput({ basicFree: 15 }))).toBe(0.5);
  });

  it("C1 and C3 are 0 on an empty ledger (nothing recorded is not a perfect share)", () => {
    const empty = annualInput({ counts: { basic: 0, lowCost: 0, valueAdded: 0, total: 0 } }, 0, 0);
    expect(annualX("ledger.ratedShare", empty)).toBe(0);
    expect(annualX("ledger.completeness", empty)).toBe(0);
    expect(annualX("ledger.completeness", annualInput({}, 20, 0))).toBe(1);
  });

  it("B3 counts items delivered at least once", () => {
    expect(annualX("ledger.distinctItems", annualInput({ byItem: { B01: 3, B02: 0 } }))).toBe(1);
  });

  it("scores the whole default annual rubric for one outlet", () => {
    const results = scoreAuto(DEFAULT_RUBRICS.annual, [{ key: "12440104455209812L", input }]).get(
      "12440104455209812L",
    )!;
    expect(results.map((r) => [r.criterion, r.score])).toEqual([
      ["A1", 3.9], // 10 × 35/90 = 3.888…
      ["A2", 3.2], // 8 × 18/45
      ["A3", 3], // 4 × 6/8
      ["A4", 2.2], // 3 × 160/220 = 2.1818…
      ["A5", 3], // 5 × 3/5
      ["B1", 6],
      ["B2", 8], // 14 deliverables, above the target of 10
      ["B3", 4.5], // 6 × 3/4
      ["C1", 3.1], // 5 × (0.6667 − 0.3)/0.6 = 3.0555…
      ["C2", 9.3], // 12 × 27/35 = 9.257…
      ["C3", 3.1], // 4 × (0.9333 − 0.7)/0.3 = 3.111…
    ]);
    expect(autoSubtotal(results)).toBe(49.3);
  });
});

describe("application metrics, from the fixture application", () => {
  const app = applicationSchema.parse(application());
  it.each<[string, number]>([
    ["application.databases", 2], // incoPat, 智慧芽
    ["application.venueArea", 320],
    ["application.workSystems", 2],
    ["application.fullTime", 9],
    ["application.credentialedMembers", 5], // head, 3 of the 5 full-time, the part-timer
    ["application.servicesDeclared", 7], // B01 B03 B04 L01 L03 market.L06 V01
    ["application.serviceObjects", 2],
  ])("%s = %d", (key, x) => {
    expect(applicationX(key, app)).toBe(x);
  });

  it("P2 is 0 without a venue or its area", () => {
    const noVenue = applicationSchema.parse(application((a) => (a.infrastructure.venue = false)));
    const noArea = applicationSchema.parse(application((a) => delete a.infrastructure.venueArea));
    expect(applicationX("application.venueArea", noVenue)).toBe(0);
    expect(applicationX("application.venueArea", noArea)).toBe(0);
  });

  it("P4 is 0 when the staff numbers are missing", () => {
    expect(applicationX("application.fullTime", applicationSchema.parse(application((a) => delete a.org.staff)))).toBe(
      0,
    );
  });

  it("P6 counts catalog items once, by code or name, and not free text or another category's items", () => {
    const app2 = applicationSchema.parse(
      application((a) => {
        a.services = {
          basic: ["B01", "知识产权培训", "B03", "university.B01"],
          lowCost: ["L01", "不存在的服务"],
          valueAdded: [],
          other: { basic: "知识产权进社区" },
        };
      }),
    );
    expect(applicationX("application.servicesDeclared", app2)).toBe(3);
  });

  it("P1 and P3 count distinct non-blank entries", () => {
    const app2 = applicationSchema.parse(
      application((a) => {
        a.infrastructure.databases = ["incoPat", "incoPat", " "];
        a.workSystems = [];
      }),
    );
    expect(applicationX("application.databases", app2)).toBe(1);
    expect(applicationX("application.workSystems", app2)).toBe(0);
  });

  it("scores the default application rubric: auto subtotal out of 40", () => {
    const results = scoreAuto(DEFAULT_RUBRICS.application, [{ key: "a", input: app }]).get("a")!;
    expect(results.map((r) => [r.criterion, r.x, r.score])).toEqual([
      ["P1", 2, 3.3], // 5 × 2/3
      ["P2", 320, 5],
      ["P3", 2, 1.7], // 5 × 1/3
      ["P4", 9, 4], // 5 × 4/5
      ["P5", 5, 5],
      ["P6", 7, 1.9], // 10 × 3/16 = 1.875
      ["P7", 2, 1.3], // 5 × 1/4 = 1.25
    ]);
    expect(autoSubtotal(results)).toBe(22.2);
  });
});

describe("scoreAuto", () => {
  const rubric = (relative: boolean, criteria: Criterion[]): Rubric =>
    parseRubric({ id: "t", version: "1", kind: "annual", name: "测试", relative, criteria });
  const crit: Criterion[] = [
    { ...criterion({ id: "A1", points: 50, floor: 10, target: 100 }) },
    {
      ...criterion({
        id: "B1",
        points: 30,
        metric: "ledger.basicFreeShare",
        mode: "all-or-nothing",
        floor: 0,
        target: 1,
      }),
    },
    { id: "D1", name: "案例", points: 20, source: "expert", description: "" },
  ];
  const batch = [
    { key: "甲", input: annualInput({ counts: { basic: 30, lowCost: 10, valueAdded: 0, total: 40 } }) },
    { key: "乙", input: annualInput({ counts: { basic: 30, lowCost: 30, valueAdded: 0, total: 60 }, basicFree: 29 }) },
    { key: "丙", input: annualInput({ counts: { basic: 30, lowCost: 0, valueAdded: 0, total: 30 } }) },
  ];

  it("scores auto criteria only, in rubric order, with x and the target beside each score", () => {
    const results = scoreAuto(rubric(false, crit), batch);
    expect([...results.keys()]).toEqual(["甲", "乙", "丙"]);
    expect(results.get("甲")).toEqual([
      { criterion: "A1", name: "测试项", points: 50, x: 40, unit: "次", floor: 10, target: 100, score: 16.7 },
      { criterion: "B1", name: "测试项", points: 30, x: 1, unit: "次", floor: 0, target: 1, score: 30 },
    ]);
    expect(results.get("乙")!.map((r) => r.score)).toEqual([27.8, 0]);
  });

  it("relative mode: each linear target becomes the best x of the batch", () => {
    const results = scoreAuto(rubric(true, crit), batch);
    expect(results.get("乙")![0]).toMatchObject({ x: 60, target: 60, score: 50 });
    expect(results.get("甲")![0]).toMatchObject({ x: 40, target: 60, score: 30 }); // 50 × 30/50
    expect(results.get("丙")![0]).toMatchObject({ x: 30, target: 60, score: 20 });
    // All-or-nothing criteria keep their target.
    expect(results.get("甲")![1]).toMatchObject({ target: 1, score: 30 });
  });

  it("relative mode: a best x above the configured target raises it", () => {
    const big = [
      ...batch,
      { key: "丁", input: annualInput({ counts: { basic: 200, lowCost: 0, valueAdded: 0, total: 210 } }) },
    ];
    const results = scoreAuto(rubric(true, crit), big);
    expect(results.get("丁")![0]).toMatchObject({ target: 210, score: 50 });
    expect(results.get("乙")![0]).toMatchObject({ target: 210, score: 12.5 }); // 50 × 50/200 = 12.5
  });

  it("relative mode: when no one rises above the floor, the configured target stays", () => {
    const low = batch.map(({ key, input }) => ({
      key,
      input: { ...input, stats: { ...input.stats, counts: { ...input.stats.counts, total: 8 } } },
    }));
    const results = scoreAuto(rubric(true, crit), low);
    expect(results.get("甲")![0]).toMatchObject({ x: 8, target: 100, score: 0 });
  });

  it("relative mode ignores a null x when finding the best", () => {
    const c2 = rubric(true, [
      criterion({ id: "C2", points: 100, metric: "ledger.satisfactionScore", floor: 60, target: 95, unit: "分" }),
    ]);
    const none = annualInput({ satisfactionLevels: { "1": 0, "2": 0, "3": 0, "4": 0, "5": 0 } });
    const some = annualInput({ satisfactionLevels: { "1": 0, "2": 0, "3": 0, "4": 1, "5": 0 } });
    const results = scoreAuto(c2, [
      { key: "none", input: none },
      { key: "some", input: some },
    ]);
    expect(results.get("none")![0]).toMatchObject({ x: null, target: 80, score: 0 });
    expect(results.get("some")![0]).toMatchObject({ x: 80, target: 80, score: 100 });
  });

  it("refuses an application where the rubric needs statistics, and the reverse", () => {
    const app = applicationSchema.parse(application());
    expect(() => scoreAuto(DEFAULT_RUBRICS.annual, [{ key: "x", input: app }])).toThrow(/台账统计/u);
    expect(() => scoreAuto(DEFAULT_RUBRICS.application, [{ key: "x", input: annualInput() }])).toThrow(/申报书/u);
  });

  it("sums a subtotal without float noise", () => {
    const r = (score: number) => ({ criterion: "X", name: "", points: 1, x: 0, unit: "", floor: 0, target: 1, score });
    expect(0.1 + 0.2).not.toBe(0.3);
    expect(autoSubtotal([r(0.1), r(0.2)])).toBe(0.3);
    expect(autoSubtotal([])).toBe(0);
  });
});

describe("helpers", () => {
  it("formats x for the sheet: shares as percentages, null as a dash", () => {
    expect(formatX(0.75, "%")).toBe("75%");
    expect(formatX(2 / 3, "%")).toBe("66.7%");
    expect(formatX(87.3333, "分")).toBe("87.33 分");
    expect(formatX(null, "分")).toBe("—");
  });

  it("counts entries with a ledger/* finding once each, per file, leaving outlet-level ones out", () => {
    const f = (rule: string, entry: number | null, file = "a.json", outlet = "O1"): Finding => ({
      rule,
      severity: "warning",
      article: "第十四条",
      outlet,
      outletName: null,
      document: "ledger",
      file,
      path: null,
      entry,
      message: "",
    });
    const findings = [
      f("ledger/required-field", 3),
      f("ledger/duplicate", 3),
      f("ledger/date", 5),
      f("ledger/date", 5, "b.json"),
      f("ledger/satisfaction", null),
      f("input/unreadable", 7),
      f("ledger/date", 9, "a.json", "O2"),
    ];
    expect(countEntriesWithLedgerFinding(findings, "O1")).toBe(3);
  });
});
