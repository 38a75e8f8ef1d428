import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { CheckReport } from "../../src/core/report";
import { application, ledger, registry, summary, APPLICANT_CODE, OUTLET_CODE } from "../helpers/fixtures";
import { runCli, tempTree } from "../helpers/cliHarness";

async function checkJson(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; report: CheckReport; stderr: string }> {
  const run = await runCli(["check", ...args, "--json"], cwd);
  return { code: run.code, report: JSON.parse(run.stdout) as CheckReport, stderr: run.stderr };
}

describe("check --json: the report of CLI.md", () => {
  const root = tempTree({
    "in/app.json": application((a) => (a.org.staff.fullTime = 3)),
    "in/summary.json": summary(),
    "in/ledger.json": ledger(),
    "registry.json": registry(),
  });

  it("has exactly the documented fields, in every part", async () => {
    const { code, report } = await checkJson(root, "in", "--registry", "registry.json");
    expect(code).toBe(0);
    expect(Object.keys(report)).toEqual(["version", "documents", "issues", "verdicts", "summary", "inputs"]);
    expect(report.version).toBe(1);
    expect(report.documents).toEqual({
      applications: 1,
      annualSummaries: 1,
      ledgers: 1,
      ledgerEntries: 10,
      registry: 1,
    });
    expect(report.issues.length).toBeGreaterThan(0);
    for (const issue of report.issues) {
      expect(Object.keys(issue).sort()).toEqual(
        ["rule", "severity", "article", "outlet", "outletName", "document", "file", "path", "entry", "message"].sort(),
      );
    }
    const staff = report.issues.find((i) => i.rule === "staff/full-time-min")!;
    expect(staff).toEqual({
      rule: "staff/full-time-min",
      severity: "error",
      article: "第五条（一）",
      outlet: APPLICANT_CODE,
      outletName: "广州知衡知识产权代理有限公司",
      document: "application",
      file: "in/app.json",
      path: "org.staff.fullTime",
      entry: null,
      message: "专职人员 3 名，少于 5 名（第五条（一））",
    });
    for (const v of report.verdicts) {
      expect(Object.keys(v)).toEqual([
        "outlet",
        "outletName",
        "document",
        "eligible",
        "priority",
        "errors",
        "warnings",
        "infos",
      ]);
    }
    const appVerdict = report.verdicts.find((v) => v.document === "application")!;
    expect(appVerdict).toMatchObject({ outlet: APPLICANT_CODE, eligible: false, priority: false });
    expect(appVerdict.errors).toBe(
      report.issues.filter((i) => i.document === "application" && i.severity === "error").length,
    );
    const annual = report.verdicts.find((v) => v.document === "annualSummary")!;
    expect(annual).toMatchObject({ outlet: OUTLET_CODE, eligible: true });
    expect(Object.keys(report.summary)).toEqual(["errors", "warnings", "infos", "byRule"]);
    expect(report.summary.errors).toBe(report.issues.filter((i) => i.severity === "error").length);
    expect(Object.values(report.summary.byRule).reduce((a, b) => a + b, 0)).toBe(report.issues.length);
    expect(report.inputs.map((i) => i.file).sort()).toEqual([
      "in/app.json",
      "in/ledger.json",
      "in/summary.json",
      "registry.json",
    ]);
    for (const input of report.inputs) {
      expect(Object.keys(input)).toEqual(["file", "sha256", "documents", "rejected"]);
      const bytes = readFileSync(join(root, input.file));
      expect(input.sha256).toBe(createHash("sha256").update(bytes).digest("hex"));
      expect(input).toMatchObject({ documents: 1, rejected: 0 });
    }
  });

  it("recognises documents by content, not by file name", async () => {
    const dir = tempTree({ "名录.json": summary(), "summary.json": registry(), "a.txt.json": ledger() });
    const { report } = await checkJson(dir, ".");
    expect(report.documents).toMatchObject({ annualSummaries: 1, registry: 1, ledgers: 1 });
  });

  it("reads a file holding an array of documents and prefixes paths with the index", async () => {
    const dir = tempTree({ "batch.json": [application(), application((a) => (a.org.staff.fullTime = 2))] });
    const { report } = await checkJson(dir, "batch.json");
    expect(report.documents.applications).toBe(2);
    const staff = report.issues.find((i) => i.rule === "staff/full-time-min")!;
    expect(staff.path).toBe("[1].org.staff.fullTime");
    expect(report.inputs[0]).toMatchObject({ documents: 2, rejected: 0 });
  });
});

describe("bad input never crashes and never hides the rest", () => {
  const good = application();

  it("invalid JSON: a finding naming the file and the line; the other files are reviewed", async () => {
    const dir = tempTree({ "a-bad.json": '{"type": "application", "year": 2026,,}', "b-good.json": good });
    const { code, report } = await checkJson(dir, ".");
    expect(code).toBe(0);
    const bad = report.issues.filter((i) => i.rule === "input/unreadable");
    expect(bad).toHaveLength(1);
    expect(bad[0]).toMatchObject({ file: "a-bad.json", severity: "error", path: null });
    expect(bad[0]!.message).toMatch(/不是有效的 JSON.*第 1 行/u);
    expect(report.documents.applications).toBe(1);
    expect(report.inputs.find((i) => i.file === "a-bad.json")).toMatchObject({ documents: 0, rejected: 1 });
  });

  it("a wrong or missing type names the path `type`", async () => {
    const dir = tempTree({ "x.json": { ...good, type: "report" }, "y.json": { year: 2026 }, "z.json": good });
    const { report } = await checkJson(dir, ".");
    const bad = report.issues.filter((i) => i.rule === "input/unreadable");
    expect(bad.map((b) => [b.file, b.path])).toEqual([
      ["x.json", "type"],
      ["y.json", "type"],
    ]);
    expect(bad[0]!.message).toContain("“report”");
    expect(bad[1]!.message).toContain("缺少 type");
    expect(report.documents.applications).toBe(1);
  });

  it("a wrong field type names the path and the value, and names the outlet", async () => {
    const dir = tempTree({ "x.json": application((a) => (a.org.staff.fullTime = "五人")), "z.json": good });
    const { report } = await checkJson(dir, ".");
    const bad = report.issues.find((i) => i.rule === "input/unreadable")!;
    expect(bad).toMatchObject({
      file: "x.json",
      path: "org.staff.fullTime",
      document: "application",
      outlet: APPLICANT_CODE,
    });
    expect(bad.message).toContain("应为数字");
    expect(bad.message).toContain("“五人”");
    expect(report.documents.applications).toBe(1);
  });

  it("an unknown key is rejected with its full path", async () => {
    const dir = tempTree({ "x.json": application((a) => (a.org.contact.wechat = "zhiheng")), "z.json": good });
    const { report } = await checkJson(dir, ".");
    const bad = report.issues.find((i) => i.rule === "input/unreadable")!;
    expect(bad).toMatchObject({ file: "x.json", path: "org.contact.wechat" });
    expect(bad.message).toContain("未知字段 “wechat”");
  });

  it("a bad ledger entry is rejected alone: rows read = rows loaded + rows rejected", async () => {
    const dir = tempTree({
      "l.json": ledger((l) => {
        l.entries[3].fee = "免费";
        l.entries[6].client.type = "外星人";
      }),
    });
    const { report } = await checkJson(dir, ".");
    const bad = report.issues.filter((i) => i.rule === "input/unreadable");
    expect(bad.map((b) => [b.path, b.entry])).toEqual([
      ["entries[3].fee", 4],
      ["entries[6].client.type", 7],
    ]);
    expect(report.documents.ledgerEntries).toBe(8);
    expect(report.inputs[0]).toMatchObject({ documents: 1, rejected: 2 });
  });

  it("a missing file and an empty folder are findings; the rest is reviewed", async () => {
    const dir = tempTree({ "empty/": null, "z.json": good });
    const { code, report } = await checkJson(dir, "nothing-here.json", "empty", "z.json");
    expect(code).toBe(0);
    const bad = report.issues.filter((i) => i.rule === "input/unreadable");
    expect(bad.map((b) => b.file)).toEqual(["nothing-here.json", "empty"]);
    expect(bad[0]!.message).toContain("找不到");
    expect(bad[1]!.message).toContain("没有可审核的文件");
    expect(report.documents.applications).toBe(1);
  });

  it("exit 2 when no input could be read at all, still printing the report", async () => {
    const dir = tempTree({ "bad.json": "not json" });
    const run = await runCli(["check", "bad.json", "--json"], dir);
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout).summary.errors).toBe(1);
  });
});

describe("exit codes and options", () => {
  const dir = tempTree({
    "ok.json": application(),
    "bad.json": application((a) => (a.org.staff.fullTime = 1)),
    "config.json": { minFullTime: 1 },
    "badconfig.json": { minFullTme: 3 },
  });

  it("0 whatever is found; 1 with --strict and an error; 0 with --strict and none", async () => {
    expect((await runCli(["check", "bad.json"], dir)).code).toBe(0);
    expect((await runCli(["check", "bad.json", "--strict"], dir)).code).toBe(1);
    expect((await runCli(["check", "ok.json", "--strict"], dir)).code).toBe(0);
  });

  it("--config changes thresholds; a bad key is a clear error naming it", async () => {
    const { report } = await checkJson(dir, "bad.json", "--config", "config.json");
    expect(report.summary.byRule["staff/full-time-min"]).toBeUndefined();
    const bad = await runCli(["check", "bad.json", "--config", "badconfig.json"], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("minFullTme");
    expect(bad.stderr).toContain("未知的设置项");
  });

  it("bad usage exits 2 with a message", async () => {
    expect((await runCli(["check"], dir)).code).toBe(2);
    expect((await runCli(["check", "ok.json", "--bogus"], dir)).code).toBe(2);
    expect((await runCli(["check", "ok.json", "--year", "twenty"], dir)).stderr).toContain("--year");
    expect((await runCli(["frobnicate"], dir)).code).toBe(2);
    expect((await runCli(["help"], dir)).code).toBe(0);
  });

  it("--json prints only JSON on stdout; the one-line summary goes to stderr", async () => {
    const run = await runCli(["check", "ok.json", "--json"], dir);
    expect(() => JSON.parse(run.stdout)).not.toThrow();
    expect(run.stderr.trim().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("outlet-review check");
  });

  it("the readable report names each outlet's verdict and totals by rule", async () => {
    const run = await runCli(["check", "ok.json", "bad.json"], dir);
    expect(run.stdout).toContain("✘ 不符合认定条件");
    expect(run.stdout).toContain("专职人员 1 名，少于 5 名（第五条（一））");
    expect(run.stdout).toMatch(/按规则统计[\s\S]*staff\/full-time-min\s+错误\s+1/u);
  });
});
