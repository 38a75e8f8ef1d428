/* eslint-disable @typescript-eslint/no-explicit-any -- rubrics are edited as raw JSON; the cases break them. */
import annualJson from "../../src/core/scoring/rubrics/annual.json";
import applicationJson from "../../src/core/scoring/rubrics/application.json";
import { METRICS, metricKeys } from "../../src/core/scoring/metrics";
import type { Rubric } from "../../src/core/scoring/rubric";
import { DEFAULT_RUBRICS, RubricError, parseRubric } from "../../src/core/scoring/rubrics";

function sum(rubric: Rubric, source?: "auto" | "expert"): number {
  return rubric.criteria.filter((c) => source === undefined || c.source === source).reduce((s, c) => s + c.points, 0);
}

/** A deep copy of a default rubric file, changed by `mutate`. */
function edited(json: unknown, mutate: (r: any) => void): unknown {
  const copy = structuredClone(json) as any;
  mutate(copy);
  return copy;
}

describe("default rubrics (RUBRIC.md)", () => {
  it("annual: 100 points, auto 71 and expert 29, ids and points as the table", () => {
    const r = DEFAULT_RUBRICS.annual;
    expect(r).toMatchObject({ id: "annual-default", version: "2026.1", kind: "annual", name: "服务效能评价（默认）" });
    expect(sum(r)).toBe(100);
    expect(sum(r, "auto")).toBe(71);
    expect(sum(r, "expert")).toBe(29);
    expect(r.criteria.map((c) => [c.id, c.points, c.source])).toEqual([
      ["A1", 10, "auto"],
      ["A2", 8, "auto"],
      ["A3", 4, "auto"],
      ["A4", 3, "auto"],
      ["A5", 5, "auto"],
      ["B1", 6, "auto"],
      ["B2", 8, "auto"],
      ["B3", 6, "auto"],
      ["C1", 5, "auto"],
      ["C2", 12, "auto"],
      ["C3", 4, "auto"],
      ["C4", 4, "expert"],
      ["D1", 10, "expert"],
      ["D2", 5, "expert"],
      ["D3", 5, "expert"],
      ["D4", 5, "expert"],
    ]);
  });

  it("annual: floors, targets and metrics as the table (percentages as fractions, B1 all-or-nothing)", () => {
    const auto = Object.fromEntries(
      DEFAULT_RUBRICS.annual.criteria.flatMap((c) =>
        c.source === "auto" ? [[c.id, [c.metric, c.mode, c.floor, c.target]]] : [],
      ),
    );
    expect(auto).toEqual({
      A1: ["ledger.services", "linear", 10, 100],
      A2: ["ledger.clients", "linear", 5, 50],
      A3: ["ledger.trainingSessions", "linear", 4, 12],
      A4: ["ledger.trainingParticipants", "linear", 80, 300],
      A5: ["ledger.districts", "linear", 1, 6],
      B1: ["ledger.basicFreeShare", "all-or-nothing", 0, 1],
      B2: ["ledger.deliverables", "linear", 1, 10],
      B3: ["ledger.distinctItems", "linear", 2, 6],
      C1: ["ledger.ratedShare", "linear", 0.3, 0.9],
      C2: ["ledger.satisfactionScore", "linear", 60, 95],
      C3: ["ledger.completeness", "linear", 0.7, 1],
    });
  });

  it("application: 100 points, auto 40 and expert 60, ids, floors and targets as the table", () => {
    const r = DEFAULT_RUBRICS.application;
    expect(r).toMatchObject({
      id: "application-default",
      version: "2026.1",
      kind: "application",
      name: "认定评审（默认）",
    });
    expect(sum(r)).toBe(100);
    expect(sum(r, "auto")).toBe(40);
    expect(sum(r, "expert")).toBe(60);
    expect(
      r.criteria.map((c) => (c.source === "auto" ? [c.id, c.points, c.metric, c.floor, c.target] : [c.id, c.points])),
    ).toEqual([
      ["P1", 5, "application.databases", 0, 3],
      ["P2", 5, "application.venueArea", 20, 200],
      ["P3", 5, "application.workSystems", 1, 4],
      ["P4", 5, "application.fullTime", 5, 10],
      ["P5", 5, "application.credentialedMembers", 1, 5],
      ["P6", 10, "application.servicesDeclared", 4, 20],
      ["P7", 5, "application.serviceObjects", 1, 5],
      ["E1", 15],
      ["E2", 10],
      ["E3", 15],
      ["E4", 10],
      ["E5", 10],
    ]);
  });

  it.each(["annual", "application"] as const)("%s: grades 90/80/60, trimmed mean from 5 reviewers", (kind) => {
    const r = DEFAULT_RUBRICS[kind];
    expect(r.grades).toEqual([
      { grade: "excellent", min: 90 },
      { grade: "good", min: 80 },
      { grade: "pass", min: 60 },
    ]);
    expect(r.consolidation).toMatchObject({ method: "trimmed", trimFrom: 5 });
    expect(r.relative).toBe(false);
    expect(r.accreditCount).toBeNull();
  });

  it("every criterion has a Chinese name and a description; every auto one a unit", () => {
    for (const c of [...DEFAULT_RUBRICS.annual.criteria, ...DEFAULT_RUBRICS.application.criteria]) {
      expect(c.name).toMatch(/[\u4e00-\u9fff]/u);
      expect(c.description).not.toBe("");
      if (c.source === "auto") expect(c.unit).not.toBe("");
    }
  });

  it("the registry has a metric of the right kind for every auto criterion, and nothing unused", () => {
    for (const kind of ["annual", "application"] as const) {
      const used = DEFAULT_RUBRICS[kind].criteria.flatMap((c) => (c.source === "auto" ? [c.metric] : []));
      expect([...used].sort()).toEqual(metricKeys(kind).sort());
      for (const key of used) expect(METRICS[key]!.kind).toBe(kind);
    }
    expect(metricKeys()).toHaveLength(18);
  });
});

describe("parseRubric", () => {
  it("accepts the default files as they are", () => {
    expect(parseRubric(annualJson)).toEqual(DEFAULT_RUBRICS.annual);
    expect(parseRubric(applicationJson)).toEqual(DEFAULT_RUBRICS.application);
  });

  it("fills in the defaults of optional fields", () => {
    const r = parseRubric({
      id: "x",
      version: "1",
      kind: "annual",
      name: "最小评分标准",
      criteria: [
        { id: "A1", name: "服务次数", points: 60, source: "auto", metric: "ledger.services", target: 50 },
        { id: "D1", name: "案例", points: 40, source: "expert" },
      ],
    });
    expect(r.criteria[0]).toMatchObject({ mode: "linear", floor: 0, unit: "", description: "" });
    expect(r.consolidation).toEqual({ method: "trimmed", trimFrom: 5, divergenceRatio: 0.4, leniencySd: 1 });
  });

  // Annual criteria: 0 A1 … 5 B1, 8 C1, 9 C2, 10 C3, 11 C4 … 15 D4.
  it.each<[string, unknown, string, RegExp]>([
    [
      "points that do not sum to 100",
      edited(annualJson, (r) => (r.criteria[0].points = 11)),
      "criteria",
      /分值之和为 101，应为 100/u,
    ],
    ["a duplicate id", edited(annualJson, (r) => (r.criteria[1].id = "A1")), "criteria[1].id", /编号 A1 重复/u],
    [
      "a floor at its target",
      edited(annualJson, (r) => (r.criteria[8].floor = 0.9)),
      "criteria[8].floor",
      /C1 的起点.*应低于目标值/u,
    ],
    [
      "a floor above its target",
      edited(annualJson, (r) => (r.criteria[0].floor = 200)),
      "criteria[0].floor",
      /A1 的起点/u,
    ],
    [
      "an unknown metric",
      edited(annualJson, (r) => (r.criteria[2].metric = "ledger.trainings")),
      "criteria[2].metric",
      /A3.*没有指标“ledger\.trainings”/u,
    ],
    [
      "a metric of the other kind",
      edited(annualJson, (r) => (r.criteria[0].metric = "application.fullTime")),
      "criteria[0].metric",
      /application\.fullTime.*属于认定评审，不能用于服务效能评价/u,
    ],
    [
      "an annual metric in an application rubric",
      edited(applicationJson, (r) => (r.criteria[0].metric = "ledger.services")),
      "criteria[0].metric",
      /属于服务效能评价，不能用于认定评审/u,
    ],
    ["grade bands not descending", edited(annualJson, (r) => (r.grades[1].min = 95)), "grades[1].min", /从高到低/u],
    [
      "accreditCount on an annual rubric",
      edited(annualJson, (r) => (r.accreditCount = 10)),
      "accreditCount",
      /只适用于认定评审/u,
    ],
    ["an unknown top-level key", edited(annualJson, (r) => (r.weights = {})), "weights", /未知的字段/u],
    [
      "an unknown key in a criterion",
      edited(annualJson, (r) => (r.criteria[3].ceiling = 400)),
      "criteria[3].ceiling",
      /A4.*未知的字段/u,
    ],
    [
      "an expert criterion with a target",
      edited(annualJson, (r) => (r.criteria[12].target = 3)),
      "criteria[12].target",
      /D1.*未知的字段/u,
    ],
    ["negative points", edited(annualJson, (r) => (r.criteria[4].points = -5)), "criteria[4].points", /A5/u],
    ["an unknown kind", edited(annualJson, (r) => (r.kind = "monthly")), "kind", /kind/u],
    ["a bad id", edited(annualJson, (r) => (r.criteria[15].id = "d4")), "criteria[15].id", /一个大写字母加数字/u],
    ["an unknown mode", edited(annualJson, (r) => (r.criteria[5].mode = "step")), "criteria[5].mode", /B1/u],
    ["no criteria at all", edited(annualJson, (r) => delete r.criteria), "criteria", /criteria/u],
  ])("rejects %s, naming the key", (_what, input, key, message) => {
    let error: unknown;
    try {
      parseRubric(input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RubricError);
    expect((error as RubricError).message).toMatch(message);
    expect((error as RubricError).message).toContain(key);
    expect((error as RubricError).key).toBe(key);
  });

  it("lists every problem, not only the first", () => {
    const input = edited(annualJson, (r) => {
      r.criteria[0].points = 11;
      r.extra = true;
    });
    expect(() => parseRubric(input)).toThrow(/extra：未知的字段.*分值之和为 101/u);
  });

  it("rejects what is not a rubric at all", () => {
    expect(() => parseRubric(null)).toThrow(RubricError);
    expect(() => parseRubric("annual")).toThrow(RubricError);
  });
});
