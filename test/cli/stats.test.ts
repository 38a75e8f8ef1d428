import type { StatsReport, TierCounts } from "../../src/core/statsTypes";
import { displayWidth } from "../../src/cli/format";
import { samplesDir } from "../../src/cli/main";
import { ledger, ledgerEntry, registry, summary, OUTLET_CODE } from "../helpers/fixtures";
import { runCli, tempTree } from "../helpers/cliHarness";

async function statsJson(
  cwd: string,
  ...args: string[]
): Promise<{ code: number; report: StatsReport; stderr: string }> {
  const run = await runCli(["stats", ...args, "--json"], cwd);
  return { code: run.code, report: JSON.parse(run.stdout) as StatsReport, stderr: run.stderr };
}

const sumTiers = (list: readonly TierCounts[]): TierCounts => ({
  basic: list.reduce((s, c) => s + c.basic, 0),
  lowCost: list.reduce((s, c) => s + c.lowCost, 0),
  valueAdded: list.reduce((s, c) => s + c.valueAdded, 0),
  total: list.reduce((s, c) => s + c.total, 0),
});

const SERVICE_KEYS = [
  "counts",
  "byItem",
  "byClient",
  "byMonth",
  "free",
  "paid",
  "feeTotal",
  "participants",
  "satisfaction",
  "satisfactionLevels",
  "clients",
  "districtsCovered",
  "training",
  "basicFree",
  "withDeliverable",
];

/** A second outlet's ledger with one entry of 2024 (previous year), one of 2025 and one unknown item. */
const marketLedger = {
  type: "ledger",
  outlet: { name: "广州粤信知识产权服务有限公司", creditCode: "91440106MA5BL6RX97" },
  year: 2025,
  entries: [
    ledgerEntry((e) => {
      e.date = "2025-07-01";
      e.item = "market.L06";
      e.fee = 500;
      e.client = { type: "enterprise", name: "广州某科技有限公司", district: "黄埔区" };
    }),
    ledgerEntry((e) => (e.date = "2024-12-30")),
    ledgerEntry((e) => (e.item = "商标注册代理")),
  ],
};

describe("stats --json: the report of CLI.md", () => {
  const root = tempTree({
    "in/summary.json": summary(),
    "in/ledger.json": ledger(),
    "in/market.json": marketLedger,
    "registry.json": registry(),
  });

  it("has CLI.md's keys, in order, then the extra ones", async () => {
    const { code, report, stderr } = await statsJson(root, "in", "registry.json");
    expect(code).toBe(0);
    expect(Object.keys(report)).toEqual([
      "version",
      "year",
      "outlets",
      "total",
      "byCategory",
      "byDistrict",
      "excluded",
      "previousYear",
    ]);
    expect(report.version).toBe(1);
    expect(report.year).toBe(2025);
    for (const o of report.outlets) {
      expect(Object.keys(o)).toEqual(["outlet", "outletName", "category", "district", ...SERVICE_KEYS]);
      expect(Object.keys(o.counts)).toEqual(["basic", "lowCost", "valueAdded", "total"]);
      expect(Object.keys(o.satisfaction)).toEqual(["mean", "rated"]);
    }
    expect(Object.keys(report.total)).toEqual(SERVICE_KEYS);
    expect(Object.keys(report.excluded)).toEqual(["unknownItem", "badDate", "otherYear", "unreadable"]);
    expect(Object.keys(report.previousYear!)).toEqual(["year", "total", "outlets", "change", "ledgers"]);
    expect(stderr).toContain("outlet-review stats：2025 年度，台账 2 份，网点 2 个");
  });

  it("counts the fixture ledger and adds every table up to the total", async () => {
    const { report } = await statsJson(root, "in", "registry.json");
    const library = report.outlets.find((o) => o.outlet === OUTLET_CODE)!;
    // The fixture ledger: ten clean 2025 entries, one low-cost (library.L01, 800 元).
    expect(library).toMatchObject({ category: "library", district: "越秀区" });
    expect(library.counts).toEqual({ basic: 9, lowCost: 1, valueAdded: 0, total: 10 });
    expect(library.feeTotal).toBe(800);
    const market = report.outlets.find((o) => o.outlet === "91440106MA5BL6RX97")!;
    expect(market).toMatchObject({ category: null, district: null }); // not in the summary or registry
    expect(market.counts.total).toBe(1); // 2024-12-30 is last year's; 商标注册代理 is not in 附件2

    expect(sumTiers(report.outlets.map((o) => o.counts))).toEqual(report.total.counts);
    expect(sumTiers(Object.values(report.byCategory).map((g) => g.counts))).toEqual(report.total.counts);
    expect(sumTiers(Object.values(report.byDistrict).map((g) => g.counts))).toEqual(report.total.counts);
    expect(Object.keys(report.byCategory)).toEqual(["library", "unknown"]);
    expect(Object.keys(report.byDistrict)).toEqual(["越秀区", "未知"]);
    const t = report.total;
    for (const table of [t.byItem, t.byClient, t.byMonth]) {
      expect(Object.values(table).reduce((a, b) => a + b, 0)).toBe(t.counts.total);
    }
    expect(t.free + t.paid).toBe(t.counts.total);
    expect(report.excluded).toEqual({ unknownItem: 1, badDate: 0, otherYear: 0, unreadable: 0 });
    expect(report.previousYear).toMatchObject({ year: 2024, total: { total: 1 }, ledgers: 0, change: { ratio: null } });
  });

  it("follows --year", async () => {
    const { code, report } = await statsJson(root, "in", "--year", "2024");
    expect(code).toBe(0);
    expect(report.year).toBe(2024);
    expect(report.total.counts.total).toBe(1); // the market ledger's 2024-12-30
    expect(report.excluded.otherYear).toBe(11); // the library's ten 2025 entries and the market's 2025-07-01
    expect(report.previousYear).toBeNull();
    expect(Object.keys(report.total.byMonth)).toContain("2024-12");
  });

  it("prints the JSON alone on stdout", async () => {
    const run = await runCli(["stats", "in", "--json"], root);
    expect(() => JSON.parse(run.stdout) as unknown).not.toThrow();
    expect(run.stdout.trimStart().startsWith("{")).toBe(true);
    expect(run.stdout).not.toContain("outlet-review");
  });
});

describe("stats: the readable report", () => {
  const root = tempTree({
    "in/summary.json": summary(),
    "in/ledger.json": ledger(),
    "in/ledger-2024.json": ledger((l) => {
      l.year = 2024;
      l.entries = l.entries.slice(0, 4).map((e: Record<string, unknown>) => ({
        ...e,
        date: String(e.date).replace("2025", "2024"),
      }));
    }),
  });

  it("has the header and every table, with 合计 rows equal to the total", async () => {
    const run = await runCli(["stats", "in"], root);
    expect(run.code).toBe(0);
    const out = run.stdout;
    expect(out).toContain("统计年度：2025 年；网点 1 个");
    expect(out).toContain("计入服务记录 10 条");
    for (const title of [
      "、全市合计",
      "、各网点（1 个）",
      "、按网点类别",
      "、按区",
      "、按月份",
      "、按服务对象",
      "、服务事项",
      "、与上年度比较（2024 年 → 2025 年）",
    ]) {
      expect(out).toContain(title);
    }
    for (const header of [
      "基础性服务",
      "低成本专业化服务",
      "增值服务",
      "免费",
      "收费",
      "收费总额（元）",
      "参与人次",
      "满意度",
    ]) {
      expect(out).toContain(header);
    }
    expect(out).toContain("公共图书馆类");
    expect(out).toContain("越秀区");
    expect(out).toContain("B04 知识产权信息咨询"); // items with their 附件2 names
    expect(out).toMatch(/全市合计 +9 +1 +0 +10 /u);
    expect(out).toMatch(/\n {2}合计 +1 +9 +1 +0 +10\n/u); // by category and by district
    expect(out).toMatch(/全市合计 +4 +10 +\+6 +\+150\.0%/u); // 2024: 4 entries → 2025: 10
    expect(run.stderr).toContain("outlet-review stats");
  });

  it("aligns the columns of every table by display width (CJK takes two columns)", async () => {
    const run = await runCli(["stats", "in"], root);
    const lines = run.stdout.split("\n");
    let tables = 0;
    lines.forEach((line, i) => {
      // A table starts with a header after a blank line, then its rule.
      if (!/^ {2}-+( {2}-+)+$/u.test(line) || lines[i - 2] !== "") return;
      tables++;
      // From the header to the blank line after the table, every line is exactly as wide as the rule: the last
      // column is right-aligned, so a cell measured with the wrong width would show here.
      for (let j = i - 1; j < lines.length && lines[j] !== ""; j++) {
        expect([lines[j], displayWidth(lines[j]!)]).toEqual([lines[j], line.length]);
      }
    });
    expect(tables).toBe(9); // 全市合计, outlets ×2, category, district, month, client, items, year-over-year
  });
});

describe("stats: inputs and usage", () => {
  it("reports an unreadable file and goes on with the rest", async () => {
    const root = tempTree({ "in/ledger.json": ledger(), "in/broken.json": "{ not json" });
    const text = await runCli(["stats", "in"], root);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain("无法读取的输入（1）");
    expect(text.stdout).toContain("in/broken.json");
    expect(text.stdout).toContain("计入服务记录 10 条");
    const json = await runCli(["stats", "in", "--json"], root);
    expect(json.code).toBe(0);
    expect((JSON.parse(json.stdout) as StatsReport).total.counts.total).toBe(10);
    expect(json.stderr).toContain("无法读取：in/broken.json");
    expect(json.stderr).toContain("无法读取 1 项");
  });

  it("counts rejected ledger entries as unreadable", async () => {
    const root = tempTree({
      "ledger.json": ledger((l) => l.entries.push(ledgerEntry((e) => (e.satisfaction = 9)))),
    });
    const { report, stderr } = await statsJson(root, "ledger.json");
    expect(report.excluded.unreadable).toBe(1);
    expect(report.total.counts.total).toBe(10);
    expect(stderr).toContain("entries[10].satisfaction");
  });

  it("exits 2 when nothing can be read", async () => {
    const root = tempTree({ "broken.json": "[" });
    const run = await runCli(["stats", "broken.json", "missing.json"], root);
    expect(run.code).toBe(2);
    expect(run.stdout).toContain("无法读取的输入（2）");
    expect(run.stderr).toContain("没有任何文档可以读取");
  });

  it("says so when the inputs hold no ledger", async () => {
    const root = tempTree({ "summary.json": summary() });
    const run = await runCli(["stats", "summary.json"], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("输入中没有服务台账");
    expect(run.stderr).toContain("输入中没有服务台账");
  });

  it.each([
    [["stats"], "请给出要统计的台账文件或文件夹"],
    [["stats", "x", "--year", "25"], "--year 应为四位年份"],
    [["stats", "x", "--out", "a.csv"], "--out 应为 .xlsx 文件"],
    [["stats", "x", "--registry", "r.json"], "未知参数“--registry”"],
  ])("rejects bad usage %j with exit 2", async (args, message) => {
    const run = await runCli(args, tempTree({}));
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
    expect(run.stdout).toBe("");
  });

  it("lists stats and score in the help", async () => {
    const run = await runCli(["help"], tempTree({}));
    expect(run.stdout).toContain("stats <输入…> [--year 年度] [--json]");
    expect(run.stdout).toContain("score <输入…> [--rubric 文件…]");
    expect(run.stdout).toContain("--out 文件.xlsx");
  });

  it("gives sensible figures on the shipped samples", async () => {
    const { code, report } = await statsJson(samplesDir(), ".");
    expect(code).toBe(0);
    expect(report.year).toBe(2025);
    expect(report.outlets).toHaveLength(3);
    expect(report.outlets.every((o) => o.category !== null && o.district !== null)).toBe(true);
    expect(sumTiers(report.outlets.map((o) => o.counts))).toEqual(report.total.counts);
    expect(report.total.counts.total).toBeGreaterThan(1000);
  });
});
