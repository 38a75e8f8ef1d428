import { resolveItem } from "../../src/core/catalog";
import { parseJsonValue, type SourcedDocument } from "../../src/core/parse";
import { buildStatsReport, classifyEntry, computeServiceStats, isCountableDate } from "../../src/core/stats";
import type { LedgerEntry } from "../../src/core/schemas";
import { OUTLET_CODE, registry, registryOutlet, summary, type Doc } from "../helpers/fixtures";

const CLIENT_CODE = "91440101MA5AXY1234";
const OTHER_OUTLET = "91440106MA5BL6RX97";

function load(...docs: Doc[]): SourcedDocument[] {
  const parsed = parseJsonValue(docs, null);
  return parsed.documents;
}

/** Outlet A: 东湖图书馆 (library; its summary says 越秀区). Every line says what the entry counts as. */
const ledgerA: Doc = {
  type: "ledger",
  outlet: { name: "广州市越秀区东湖图书馆", creditCode: OUTLET_CODE },
  year: 2025,
  entries: [
    // 1 basic, training (B01 知识产权培训), 80 participants, rated 5, client by name, 越秀区
    {
      date: "2025-01-08",
      item: "B01",
      client: { type: "public", name: "社会公众（讲座听众）", district: "越秀区" },
      fee: 0,
      participants: 80,
      satisfaction: 5,
    },
    // 2 basic (B04), enterprise with credit code X, 天河区, rated 4
    {
      date: "2025-01-15",
      item: "B04",
      client: { type: "enterprise", name: "广州明远电子科技有限公司", creditCode: CLIENT_CODE, district: "天河区" },
      satisfaction: 4,
    },
    // 3 low-cost category item written by name (专利查新 = library.L01), charged 800, deliverable;
    //   another name with the same credit code X: the same client; 黄埔区
    {
      date: "2025-02-03",
      item: "专利查新",
      client: {
        type: "enterprise",
        name: "广州明远电子科技有限公司黄埔分公司",
        creditCode: CLIENT_CODE,
        district: "黄埔区",
      },
      fee: 800,
      quote: 800,
      deliverable: "专利查新报告1份",
    },
    // 4 basic category item (library.B01), university by name, 天河区, not rated
    {
      date: "2025-02-20",
      item: "library.B01",
      client: { type: "university", name: "广州云山理工大学", district: "天河区" },
      fee: 0,
    },
    // 5 basic, training (B05 宣传推广), 120 participants; client with a type only: no distinct client, no district
    { date: "2025-03-05", item: "B05", client: { type: "public" }, participants: 120 },
    // 6 low-cost (L01) delivered free and without deliverable; research client outside the city (市外)
    {
      date: "2025-03-18",
      item: "L01",
      client: { type: "research", name: "佛山某研究所", district: "市外" },
      fee: 0,
      quote: 0,
    },
    // 7 value-added (V01), charged 5000, deliverable, government, 越秀区, rated 3
    {
      date: "2025-04-02",
      item: "V01",
      client: { type: "government", name: "广州市越秀区科技局", district: "越秀区" },
      fee: 5000,
      deliverable: "战略咨询报告",
      satisfaction: 3,
    },
    // 8 unknown item → excluded (unknownItem)
    { date: "2025-04-26", item: "商标注册代理", client: { type: "enterprise", name: "某公司" }, fee: 1000 },
    // 9 bad date (month 13) → excluded (badDate)
    { date: "2025-13-05", item: "B04", client: { type: "public", name: "王女士" } },
    // 10 previous year → previousYear (basic 1), not this year's
    { date: "2024-12-28", item: "B02", client: { type: "public", name: "张先生" } },
    // 11 another year → excluded (otherYear)
    { date: "2026-01-05", item: "B02", client: { type: "public", name: "张先生" } },
    // 12 an item of the market list, not of a library → excluded (unknownItem)
    { date: "2025-05-10", item: "market.L06", client: { type: "enterprise", name: "某公司" }, fee: 300 },
    // 13 basic (B02), no client type (unspecified), no fee (free), client by name, no district
    { date: "2025-06-01", item: "B02", client: { name: "李先生" } },
    // 14 no date → excluded (badDate)
    { item: "B03", client: { type: "public", name: "赵先生" } },
    // 15 satisfaction 7 cannot be read: rejected by the loader → excluded (unreadable)
    { date: "2025-06-02", item: "B03", client: { type: "public", name: "钱先生" }, satisfaction: 7 },
  ],
};

/** Outlet B: 粤信 (market, from the registry; 天河区 from the registry address). */
const ledgerB: Doc = {
  type: "ledger",
  outlet: { name: "广州粤信知识产权服务有限公司", creditCode: OTHER_OUTLET },
  year: 2025,
  entries: [
    // 16 low-cost market item, charged 300, deliverable, rated 5; client X again (same client city-wide), 天河区
    {
      date: "2025-06-15",
      item: "market.L06",
      client: { type: "enterprise", name: "广州明远电子科技有限公司", creditCode: CLIENT_CODE, district: "天河区" },
      fee: 300,
      deliverable: "侵权对比分析意见1份",
      satisfaction: 5,
    },
    // 17 basic, training (B01), 30 participants, client by name, 黄埔区
    {
      date: "2025-12-31",
      item: "B01",
      client: { type: "public", name: "园区企业员工", district: "黄埔区" },
      participants: 30,
    },
  ],
};

const registryB = registryOutlet((o) => {
  o.creditCode = OTHER_OUTLET;
  o.name = "广州粤信知识产权服务有限公司";
  o.category = "market";
  o.address = "广州市天河区体育西路189号城建大厦18楼1806室";
});

describe("buildStatsReport on a ledger counted by hand", () => {
  const docs = load(summary(), ledgerA, ledgerB, registry(registryB));
  const report = buildStatsReport(docs, {});

  it("takes the most common ledger year and lists one outlet per ledger outlet", () => {
    expect(report.version).toBe(1);
    expect(report.year).toBe(2025); // both ledgers are of 2025
    expect(report.outlets.map((o) => [o.outlet, o.category, o.district])).toEqual([
      [OUTLET_CODE, "library", "越秀区"], // from the summary (category and address)
      [OTHER_OUTLET, "market", "天河区"], // no summary or application: from the registry record
    ]);
  });

  it("counts outlet A entry by entry", () => {
    const a = report.outlets[0]!;
    expect(a.outletName).toBe("广州市越秀区东湖图书馆");
    // counted: entries 1–7 and 13; basic 1, 2, 4, 5, 13; low-cost 3, 6; value-added 7
    expect(a.counts).toEqual({ basic: 5, lowCost: 2, valueAdded: 1, total: 8 });
    expect(a.byItem).toEqual({
      B01: 1, // 1
      B02: 1, // 13
      B04: 1, // 2
      B05: 1, // 5
      L01: 1, // 6
      V01: 1, // 7
      "library.B01": 1, // 4
      "library.L01": 1, // 3 (written by name)
    });
    expect(a.byClient).toEqual({
      government: 1, // 7
      research: 1, // 6
      university: 1, // 4
      enterprise: 2, // 2, 3
      public: 2, // 1, 5
      unspecified: 1, // 13
    });
    expect(a.byMonth).toEqual({
      "2025-01": 2, // 1, 2
      "2025-02": 2, // 3, 4
      "2025-03": 2, // 5, 6
      "2025-04": 1, // 7
      "2025-05": 0, // 12 is not counted
      "2025-06": 1, // 13
      "2025-07": 0,
      "2025-08": 0,
      "2025-09": 0,
      "2025-10": 0,
      "2025-11": 0,
      "2025-12": 0,
    });
    expect(a.paid).toBe(2); // 3 (800), 7 (5000)
    expect(a.free).toBe(6); // 1, 2, 4, 5, 6, 13 (fee 0 or none)
    expect(a.feeTotal).toBe(5800); // 800 + 5000
    expect(a.participants).toBe(200); // 80 (1) + 120 (5)
    expect(a.satisfaction).toEqual({ mean: 4, rated: 3 }); // (5 + 4 + 3) / 3
    expect(a.satisfactionLevels).toEqual({ "1": 0, "2": 0, "3": 1, "4": 1, "5": 1 }); // 7, 2, 1
    // credit code X (2 and 3: two names, one code) + names 1, 4, 6, 7, 13; 5 has neither
    expect(a.clients).toBe(6);
    expect(a.districtsCovered).toEqual(["越秀区", "天河区", "黄埔区"]); // 1/7, 2/4, 3; 市外 (6) is not a district
    expect(a.training).toEqual({ sessions: 2, participants: 200 }); // 1 (B01), 5 (B05)
    expect(a.basicFree).toBe(5); // every basic entry is free
    expect(a.withDeliverable).toBe(2); // 3, 7 (6 has none)
  });

  it("counts outlet B", () => {
    const b = report.outlets[1]!;
    expect(b.counts).toEqual({ basic: 1, lowCost: 1, valueAdded: 0, total: 2 }); // 17; 16
    expect(b.byItem).toEqual({ B01: 1, "market.L06": 1 }); // market.L06 is allowed for a market outlet
    expect(b.feeTotal).toBe(300);
    expect(b.participants).toBe(30);
    expect(b.satisfaction).toEqual({ mean: 5, rated: 1 });
    expect(b.clients).toBe(2); // X, 园区企业员工
    expect(b.districtsCovered).toEqual(["天河区", "黄埔区"]);
    expect(b.training).toEqual({ sessions: 1, participants: 30 });
    expect(b.withDeliverable).toBe(1);
  });

  it("adds up to the city total", () => {
    const t = report.total;
    expect(t.counts).toEqual({ basic: 6, lowCost: 3, valueAdded: 1, total: 10 }); // A 5/2/1 + B 1/1/0
    expect(t.free).toBe(7); // 6 + 1
    expect(t.paid).toBe(3); // 2 + 1
    expect(t.feeTotal).toBe(6100); // 5800 + 300
    expect(t.participants).toBe(230); // 200 + 30
    expect(t.satisfaction).toEqual({ mean: 4.25, rated: 4 }); // (5 + 4 + 3 + 5) / 4
    expect(t.clients).toBe(7); // X is one client of both outlets: 1 + 5 names of A + 1 name of B
    expect(t.districtsCovered).toEqual(["越秀区", "天河区", "黄埔区"]);
    expect(t.training).toEqual({ sessions: 3, participants: 230 });
    expect(t.basicFree).toBe(6);
    expect(t.withDeliverable).toBe(3);
    expect(t.byItem["B01"]).toBe(2); // 1, 17
    expect(t.byClient["enterprise"]).toBe(3); // 2, 3, 16
    expect(t.byMonth["2025-06"]).toBe(2); // 13, 16
    expect(t.byMonth["2025-12"]).toBe(1); // 17
  });

  it("groups by category and by district", () => {
    expect(report.byCategory).toEqual({
      library: { outlets: 1, counts: { basic: 5, lowCost: 2, valueAdded: 1, total: 8 } },
      market: { outlets: 1, counts: { basic: 1, lowCost: 1, valueAdded: 0, total: 2 } },
    });
    expect(report.byDistrict).toEqual({
      越秀区: { outlets: 1, counts: { basic: 5, lowCost: 2, valueAdded: 1, total: 8 } },
      天河区: { outlets: 1, counts: { basic: 1, lowCost: 1, valueAdded: 0, total: 2 } },
    });
  });

  it("says how many entries were left out and why", () => {
    expect(report.excluded).toEqual({
      unknownItem: 2, // 8 (not in 附件2), 12 (market item in a library's ledger)
      badDate: 2, // 9 (2025-13-05), 14 (no date)
      otherYear: 1, // 11 (2026)
      unreadable: 1, // 15 (rejected by the loader)
    });
    // 17 entries = 10 counted + 1 of the previous year + 6 left out
  });

  it("keeps the previous year's entry for year-over-year, without a ratio when its ledger is missing", () => {
    expect(report.previousYear).toEqual({
      year: 2024,
      total: { basic: 1, lowCost: 0, valueAdded: 0, total: 1 }, // 10
      outlets: [
        {
          outlet: OUTLET_CODE,
          outletName: "广州市越秀区东湖图书馆",
          counts: { basic: 1, lowCost: 0, valueAdded: 0, total: 1 },
        },
      ],
      change: { total: 9, ratio: null }, // 10 − 1; no 2024 ledger given, so no ratio
      ledgers: 0,
    });
  });

  it("keeps CLI.md's keys and order, then the extra ones", () => {
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
    const serviceKeys = [
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
    expect(Object.keys(report.outlets[0]!)).toEqual(["outlet", "outletName", "category", "district", ...serviceKeys]);
    expect(Object.keys(report.total)).toEqual(serviceKeys);
  });
});

describe("buildStatsReport: years, merging and unknowns", () => {
  const entry = (date: string, item = "B04"): Doc => ({ date, item, client: { type: "enterprise", name: date } });
  const ledgerOf = (year: number, dates: string[], outlet: Doc = { name: "某网点" }): Doc => ({
    type: "ledger",
    outlet,
    year,
    entries: dates.map((d) => entry(d)),
  });

  it("compares with the previous year's ledger when it is given", () => {
    const report = buildStatsReport(
      load(
        ledgerOf(2024, ["2024-01-02", "2024-02-03", "2024-03-04", "2024-04-05"]),
        ledgerOf(2025, ["2025-01-02", "2025-02-03", "2025-03-04", "2025-04-05", "2025-05-06"]),
      ),
      {},
    );
    expect(report.year).toBe(2025); // one ledger each: the later year wins the tie
    expect(report.outlets).toHaveLength(1); // both ledgers are of one outlet (by name): merged
    expect(report.outlets[0]!.counts.total).toBe(5);
    expect(report.previousYear?.total.total).toBe(4);
    expect(report.previousYear?.change).toEqual({ total: 1, ratio: 0.25 }); // (5 − 4) / 4
    expect(report.previousYear?.ledgers).toBe(1);
  });

  it("follows --year: other years' entries are left out, earlier ledgers' outlets listed only when counted", () => {
    const docs = load(
      ledgerOf(2024, ["2024-01-02", "2024-02-03"], { name: "甲" }),
      ledgerOf(2025, ["2025-01-02"], { name: "乙" }),
    );
    const report = buildStatsReport(docs, { year: 2024 });
    expect(report.year).toBe(2024);
    expect(report.outlets.map((o) => o.outlet)).toEqual(["甲"]); // 乙 has no 2024 ledger and nothing in 2024
    expect(report.total.counts.total).toBe(2);
    expect(report.excluded.otherYear).toBe(1); // 乙's 2025 entry
    expect(report.previousYear).toBeNull(); // nothing of 2023
    expect(Object.keys(report.total.byMonth)[0]).toBe("2024-01");
  });

  it("puts outlets of unknown category and district under unknown / 未知, and counts any 附件2 item for them", () => {
    const report = buildStatsReport(
      load({
        type: "ledger",
        outlet: { name: "无名录网点" },
        year: 2025,
        entries: [entry("2025-03-01", "market.L06"), entry("2025-03-02", "library.L01")],
      }),
      {},
    );
    const o = report.outlets[0]!;
    expect([o.outlet, o.category, o.district]).toEqual(["无名录网点", null, null]);
    expect(o.counts.total).toBe(2); // category unknown: category items are not checked (as ledger/unknown-item)
    expect(report.byCategory).toEqual({ unknown: { outlets: 1, counts: o.counts } });
    expect(report.byDistrict).toEqual({ 未知: { outlets: 1, counts: o.counts } });
  });

  it("gives an empty report when there is no ledger", () => {
    const report = buildStatsReport(load(summary()), {});
    expect(report.year).toBeNull();
    expect(report.outlets).toEqual([]);
    expect(report.total.counts.total).toBe(0);
    expect(report.total.satisfaction).toEqual({ mean: null, rated: 0 });
    expect(report.byCategory).toEqual({});
    expect(report.previousYear).toBeNull();
  });
});

describe("computeServiceStats and classifyEntry", () => {
  const entries: LedgerEntry[] = [
    { date: "2025-01-02", item: "B01", client: {}, participants: 10 },
    { date: "2025-01-03", item: "library.L01", client: {}, fee: 12.34 },
    { date: "2025-01-04", item: "market.L06", client: {} },
    { date: "2024-01-04", item: "B02", client: {} },
    { date: "2025-02-30", item: "B02", client: {} },
  ];

  it("counts one outlet's entries of the year", () => {
    const items = entries.map((e) => resolveItem(e.item!, "library"));
    const stats = computeServiceStats(entries, items, { year: 2025, category: "library" });
    expect(stats.counts).toEqual({ basic: 1, lowCost: 1, valueAdded: 0, total: 2 });
    expect(stats.feeTotal).toBe(12.34);
    expect(Object.keys(stats.byMonth)).toHaveLength(12);
    // Without a year or category: every dated entry of 附件2, months as found.
    const all = computeServiceStats(entries, items);
    expect(all.counts.total).toBe(4);
    expect(all.byMonth).toEqual({ "2024-01": 1, "2025-01": 3 });
  });

  it("classifies entries in the order: item, date, year", () => {
    const b04 = resolveItem("B04");
    const e = (date?: string): LedgerEntry => ({ ...(date === undefined ? {} : { date }), client: {} });
    expect(classifyEntry(e("bad"), undefined, null, 2025)).toBe("unknownItem");
    expect(classifyEntry(e("bad"), b04, null, 2025)).toBe("badDate");
    expect(classifyEntry(e(), b04, null, 2025)).toBe("badDate");
    expect(classifyEntry(e("2025-3-5"), b04, null, 2025)).toBe("badDate"); // the loader normalises; raw is not ISO
    expect(classifyEntry(e("2024-12-31"), b04, null, 2025)).toBe("previousYear");
    expect(classifyEntry(e("2023-12-31"), b04, null, 2025)).toBe("otherYear");
    expect(classifyEntry(e("2025-01-01"), b04, "library", 2025)).toBe("counted");
    expect(classifyEntry(e("2025-01-01"), resolveItem("market.L06"), "library", 2025)).toBe("unknownItem");
    expect(classifyEntry(e("2025-01-01"), resolveItem("market.L06"), "other", 2025)).toBe("unknownItem");
  });

  it("accepts the dates parseDate gives back unchanged, and only those", () => {
    for (const [date, ok] of [
      ["2024-02-29", true],
      ["2025-02-29", false],
      ["2025-12-31", true],
      ["2025-00-10", false],
      ["2025-1-01", false],
      ["２０２５-01-01", false],
      [" 2025-01-01", false],
      ["", false],
    ] as const) {
      expect([date, isCountableDate(date)]).toEqual([date, ok]);
    }
    expect(isCountableDate(undefined)).toBe(false);
  });

  it("handles a million entries in one quick pass", () => {
    const base: LedgerEntry[] = Array.from({ length: 100 }, (_, i) => ({
      date: `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`,
      item: ["B01", "B04", "L01", "V01", "library.L01"][i % 5],
      client: {
        type: "enterprise",
        name: `客户${i}`,
        creditCode: i % 2 ? `9144010${i}` : undefined,
        district: "天河区",
      },
      fee: i % 3 ? 0 : 100.5,
      participants: i % 7,
      satisfaction: (i % 5) + 1,
    }));
    const many = Array.from({ length: 1_000_000 }, (_, i) => base[i % 100]!);
    const items = base.map((e) => resolveItem(e.item!, "library"));
    const manyItems = many.map((_, i) => items[i % 100]);
    const start = performance.now();
    const stats = computeServiceStats(many, manyItems, { year: 2025, category: "library" });
    const ms = performance.now() - start;
    expect(stats.counts.total).toBe(1_000_000);
    expect(stats.clients).toBe(100);
    expect(ms).toBeLessThan(5000); // about 0.3 s on a laptop; generous for slow CI
  });
});
