import { join } from "node:path";
import type { ScoreReport } from "../../src/core/scoring/report";
import { DEFAULT_RUBRICS } from "../../src/core/scoring/rubrics";
import { runCli, tempTree } from "../helpers/cliHarness";

const samples = join(__dirname, "..", "..", "samples");

async function scoreJson(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; report: ScoreReport; stderr: string }> {
  const run = await runCli(["score", ...args, "--json"], cwd);
  return { code: run.code, report: JSON.parse(run.stdout) as ScoreReport, stderr: run.stderr };
}

describe("score on the shipped samples", () => {
  it("gives both evaluations with per-outlet criteria, totals, grades, ranks and flags", async () => {
    const { code, report } = await scoreJson(samples, ".");
    expect(code).toBe(0);
    expect(Object.keys(report)).toEqual(["version", "evaluations", "findings", "summary", "inputs"]);
    expect(report.evaluations.map((e) => e.kind).sort()).toEqual(["annual", "application"]);
    const annual = report.evaluations.find((e) => e.kind === "annual")!;
    expect(annual.year).toBe(2025);
    const first = annual.outlets[0]!;
    expect(first).toMatchObject({
      outletName: "广州市越秀区东湖图书馆",
      rank: 1,
      grade: "excellent",
      gradeLabel: "优秀",
    });
    expect(first.criteria.map((c) => c.criterion)).toEqual(DEFAULT_RUBRICS.annual.criteria.map((c) => c.id));
    expect(first.total).toBeCloseTo(first.autoSubtotal! + first.expertSubtotal!, 5);
    const yuexin = annual.outlets.find((o) => o.outlet === "91440106MA5BL6RX97")!;
    expect(yuexin).toMatchObject({ vetoed: true, grade: "fail", revocationProposed: true });
    expect(yuexin.flags.some((f) => f.startsWith("回避"))).toBe(true);
    const application = report.evaluations.find((e) => e.kind === "application")!;
    expect(application.outlets.filter((o) => o.total !== null)).toHaveLength(8);
    expect(application.outlets.filter((o) => !o.eligible).every((o) => o.rank === null && o.reasons.length > 0)).toBe(
      true,
    );
    expect(report.summary.revocationProposals).toBe(1);
    expect(report.inputs.some((i) => i.file.startsWith("scores/"))).toBe(true);
  });

  it("--accredit marks the number to accredit", async () => {
    const { report } = await scoreJson(samples, ".", "--accredit", "5");
    const application = report.evaluations.find((e) => e.kind === "application")!;
    expect(application.accreditCount).toBe(5);
    expect(application.outlets.filter((o) => o.accredited)).toHaveLength(5);
    expect(application.outlets.filter((o) => o.accredited).every((o) => o.rank! <= 5)).toBe(true);
  });

  it("the readable 评审结果 ranks, explains and leaves room to sign", async () => {
    const run = await runCli(["score", "."], samples);
    expect(run.stdout).toContain("2025 年度服务效能评价");
    expect(run.stdout).toMatch(/1\s+广州市越秀区东湖图书馆/u);
    expect(run.stdout).toContain("撤销资格建议");
    expect(run.stdout).toContain("偏严");
    expect(run.stdout).toContain("评审组长（签字）");
    expect(run.stderr).toContain("outlet-review score");
  });
});

describe("score options and bad input", () => {
  const rubric = {
    ...DEFAULT_RUBRICS.annual,
    id: "annual-local",
    relative: true,
  };
  const dir = tempTree({
    "rubric.json": rubric,
    "bad-rubric.json": { ...DEFAULT_RUBRICS.annual, criteria: DEFAULT_RUBRICS.annual.criteria.slice(1) },
    "not-json.json": "{",
  });

  it("--rubric replaces the default of its kind", async () => {
    const { report } = await scoreJson(samples, ".", "--rubric", join(dir, "rubric.json"));
    expect(report.evaluations.find((e) => e.kind === "annual")!.rubric.id).toBe("annual-local");
    expect(report.evaluations.find((e) => e.kind === "application")!.rubric.id).toBe("application-default");
  });

  it("a rubric whose points do not sum to 100 is a usage error naming the problem", async () => {
    const run = await runCli(["score", ".", "--rubric", join(dir, "bad-rubric.json")], samples);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("应为 100");
  });

  it("exit 2 on bad usage and when nothing can be read", async () => {
    expect((await runCli(["score"], dir)).code).toBe(2);
    expect((await runCli(["score", ".", "--accredit", "zero"], samples)).code).toBe(2);
    expect((await runCli(["score", "not-json.json"], dir)).code).toBe(2);
  });
});

describe("demo", () => {
  it("runs check, stats and score on the samples", async () => {
    const run = await runCli(["demo", "--out", tempTree({})], process.cwd());
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("网点评审助手 · 审核报告");
    expect(run.stdout).toContain("全市合计");
    expect(run.stdout).toContain("网点评审助手 · 评审结果");
  });
});
