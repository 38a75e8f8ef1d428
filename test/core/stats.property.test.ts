/**
 * Property tests of the statistics on random batches: random outlets (with or without a credit code, a summary, an
 * application, a registry record), random ledgers of random entries (catalog items of every list, names, unknown
 * items; valid, invalid, missing and other years' dates; fees, participants, satisfaction, clients, districts).
 * Every table must add up to the total, and every entry read must be counted once: in the year, in the previous
 * year, or under one reason of `excluded`, as an independent oracle classifies it.
 */
import fc from "fast-check";
import { CATALOG, isItemAllowed, resolveItem, type CatalogItem } from "../../src/core/catalog";
import { CATEGORIES, CLIENT_DISTRICTS, SERVICE_OBJECTS, type Category } from "../../src/core/codes";
import { parseDate } from "../../src/core/dates";
import { parseJsonValue, type SourcedDocument, type SourcedLedger } from "../../src/core/parse";
import type { LedgerEntry } from "../../src/core/schemas";
import { buildStatsReport, isCountableDate } from "../../src/core/stats";
import type { ServiceStats, StatsReport, TierCounts } from "../../src/core/statsTypes";
import { application, registry, registryOutlet, summary } from "../helpers/fixtures";

const RUNS = 150;

// ---------------------------------------------------------------- arbitraries

const OUTLETS = [
  { creditCode: "91440106MA5BL6RX97", name: "甲网点" },
  { creditCode: "12440104455209812L", name: "乙网点" },
  { creditCode: undefined, name: "丙网点（无代码）" },
  { creditCode: "124401114554122714", name: undefined },
  { creditCode: undefined, name: undefined },
] as const;

const ADDRESSES = [
  "广州市天河区体育西路189号",
  "广州市越秀区东湖路128号",
  "广州开发区科学大道162号",
  "北京市海淀区中关村大街1号",
  "白云区某路1号", // ambiguous (贵阳市也有白云区): unknown
  "",
];

const ITEM_TEXTS: readonly string[] = [
  ...CATALOG.map((i) => i.code),
  "专利查新", // library.L01 by name
  "知识产权培训", // general B01 by name
  "侵权对比分析", // market.L06 by name
  "商标注册代理", // unknown
  "X99",
  "",
];

const pad = (n: number) => String(n).padStart(2, "0");
const dateArb: fc.Arbitrary<string | undefined> = fc.oneof(
  {
    weight: 8,
    arbitrary: fc
      .record({
        y: fc.constantFrom(2025, 2025, 2025, 2024, 2023, 2026),
        m: fc.integer({ min: 1, max: 12 }),
        d: fc.integer({ min: 1, max: 31 }),
      })
      .map(({ y, m, d }) => `${y}-${pad(m)}-${pad(d)}`),
  },
  {
    weight: 1,
    arbitrary: fc.constantFrom(undefined, "", "2025-13-01", "2025-02-29", "2024-02-29", "去年三月", "2025-1-5"),
  },
);

const entryArb: fc.Arbitrary<LedgerEntry> = fc
  .record({
    date: dateArb,
    item: fc.option(fc.constantFrom(...ITEM_TEXTS), { nil: undefined, freq: 12 }),
    type: fc.option(fc.constantFrom(...SERVICE_OBJECTS), { nil: undefined }),
    name: fc.option(fc.constantFrom("客户一", "客户二", "客户三", "社会公众", "张先生"), { nil: undefined }),
    creditCode: fc.option(fc.constantFrom("91440101MA5AXY1234", "91440101MA5D1LY07E", "91440101MA5BBBBB1X"), {
      nil: undefined,
    }),
    district: fc.option(fc.constantFrom(...CLIENT_DISTRICTS), { nil: undefined }),
    fee: fc.option(
      fc.oneof(
        fc.constant(0),
        fc.integer({ min: 1, max: 20000 }),
        fc.integer({ min: 1, max: 99999 }).map((f) => f / 100),
      ),
      { nil: undefined },
    ),
    participants: fc.option(fc.integer({ min: 0, max: 500 }), { nil: undefined }),
    satisfaction: fc.option(fc.integer({ min: 1, max: 5 }), { nil: undefined }),
    deliverable: fc.option(fc.constantFrom("报告1份", "", "检索结果"), { nil: undefined }),
  })
  .map((r) => {
    const client: LedgerEntry["client"] = {};
    if (r.type !== undefined) client.type = r.type;
    if (r.name !== undefined) client.name = r.name;
    if (r.creditCode !== undefined) client.creditCode = r.creditCode;
    if (r.district !== undefined) client.district = r.district;
    const e: LedgerEntry = { client };
    for (const key of ["date", "item", "fee", "participants", "satisfaction", "deliverable"] as const) {
      if (r[key] !== undefined) (e as Record<string, unknown>)[key] = r[key];
    }
    return e;
  });

const ledgerArb = fc.record({
  outlet: fc.integer({ min: 0, max: OUTLETS.length - 1 }),
  year: fc.constantFrom(2025, 2025, 2024),
  entries: fc.array(entryArb, { maxLength: 40 }),
  rejected: fc.integer({ min: 0, max: 2 }),
});

/** What the batch says about an outlet besides its ledgers; categories may be missing or not a category at all. */
const categoryArb = fc.option(fc.constantFrom<string>(...CATEGORIES, "不是类别"), { nil: undefined });
const profileArb = fc.record({
  summary: fc.option(fc.record({ category: categoryArb, address: fc.constantFrom(...ADDRESSES) }), { nil: undefined }),
  application: fc.option(fc.record({ category: categoryArb, address: fc.constantFrom(...ADDRESSES) }), {
    nil: undefined,
  }),
  registry: fc.option(fc.record({ category: fc.constantFrom(...CATEGORIES), address: fc.constantFrom(...ADDRESSES) }), {
    nil: undefined,
  }),
});

const batchArb = fc.record({
  ledgers: fc.array(ledgerArb, { minLength: 0, maxLength: 6 }),
  profiles: fc.array(profileArb, { minLength: OUTLETS.length, maxLength: OUTLETS.length }),
  year: fc.option(fc.constantFrom(2024, 2025, 2026), { nil: undefined }),
});

type Batch = typeof batchArb extends fc.Arbitrary<infer T> ? T : never;

function parsed(doc: unknown): SourcedDocument {
  const out = parseJsonValue(doc, null);
  if (out.documents.length !== 1) throw new Error(JSON.stringify(out.findings));
  return out.documents[0]!;
}

function toDocuments(batch: Batch): SourcedDocument[] {
  const docs: SourcedDocument[] = [];
  const records: unknown[] = [];
  batch.profiles.forEach((p, i) => {
    const o = OUTLETS[i]!;
    const org = (target: Record<string, unknown>, address: string) => {
      delete target.creditCode;
      delete target.name;
      if (o.creditCode) target.creditCode = o.creditCode;
      if (o.name) target.name = o.name;
      target.address = address;
    };
    if (!o.creditCode && !o.name) return;
    if (p.summary) {
      const s = p.summary;
      docs.push(
        parsed(
          summary((d) => {
            org(d.org, s.address);
            if (s.category === undefined) delete d.category;
            else d.category = s.category;
          }),
        ),
      );
    }
    if (p.application) {
      const a = p.application;
      docs.push(
        parsed(
          application((d) => {
            org(d.org, a.address);
            if (a.category === undefined) delete d.category;
            else d.category = a.category;
          }),
        ),
      );
    }
    if (p.registry && o.creditCode) {
      const r = p.registry;
      records.push(
        registryOutlet((d) => {
          d.creditCode = o.creditCode;
          d.name = o.name ?? "名录名称";
          d.category = r.category;
          d.address = r.address;
        }),
      );
    }
  });
  if (records.length) docs.push(parsed(registry(...(records as Record<string, unknown>[]))));
  for (const l of batch.ledgers) {
    const o = OUTLETS[l.outlet]!;
    const outlet: { name?: string; creditCode?: string } = {};
    if (o.name) outlet.name = o.name;
    if (o.creditCode) outlet.creditCode = o.creditCode;
    const ledger: SourcedLedger = {
      kind: "ledger",
      doc: { type: "ledger", outlet, year: l.year, entries: l.entries },
      file: null,
      pathPrefix: "",
      entryNumbers: l.entries.map((_, i) => i + 1),
      entryPath: () => "",
      entriesRead: l.entries.length + l.rejected,
      entriesRejected: l.rejected,
    };
    docs.push(ledger);
  }
  return docs;
}

// ---------------------------------------------------------------- the oracle

const asCategory = (c: string | undefined): Category | undefined =>
  c !== undefined && (CATEGORIES as readonly string[]).includes(c) ? (c as Category) : undefined;

/** Each entry classified by the definitions of the brief, written out independently of src/core/stats. */
function oracle(batch: Batch) {
  const years = new Map<number, number>();
  for (const l of batch.ledgers) years.set(l.year, (years.get(l.year) ?? 0) + 1);
  const common = [...years].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0] ?? null;
  const year = batch.year ?? common;
  const keyOf = (i: number) => OUTLETS[i]!.creditCode || OUTLETS[i]!.name || "";
  const categoryOf = (i: number): Category | undefined => {
    const o = OUTLETS[i]!;
    const p = batch.profiles[i]!;
    if (!o.creditCode && !o.name) return undefined;
    return (
      asCategory(p.summary?.category) ??
      asCategory(p.application?.category) ??
      (o.creditCode ? p.registry?.category : undefined)
    );
  };
  const excluded = { unknownItem: 0, badDate: 0, otherYear: 0, unreadable: 0 };
  const counted = new Map<string, number>();
  /** Distinct clients of counted entries: by credit code, else by name (codes and names apart). */
  const clients = new Map<string, Set<string>>();
  const cityClients = new Set<string>();
  const listed = new Set<string>();
  let previous = 0;
  let read = 0;
  for (const l of batch.ledgers) {
    const key = keyOf(l.outlet);
    // Several identities can share a key only if they are the same outlet: the pool has distinct keys.
    const category = categoryOf(l.outlet);
    if (l.year === year) listed.add(key);
    read += l.entries.length + l.rejected;
    excluded.unreadable += l.rejected;
    for (const e of l.entries) {
      const item: CatalogItem | undefined = e.item === undefined ? undefined : resolveItem(e.item, category);
      if (!item || (category !== undefined && !isItemAllowed(item.code, category))) excluded.unknownItem++;
      else if (e.date === undefined || parseDate(e.date) !== e.date) excluded.badDate++;
      else if (Number(e.date.slice(0, 4)) === year) {
        counted.set(key, (counted.get(key) ?? 0) + 1);
        const code = e.client.creditCode?.trim() ? e.client.creditCode : undefined;
        const name = e.client.name?.trim() ? e.client.name : undefined;
        const client = code !== undefined ? `code:${code}` : name !== undefined ? `name:${name}` : undefined;
        if (client !== undefined) {
          if (!clients.has(key)) clients.set(key, new Set());
          clients.get(key)!.add(client);
          cityClients.add(client);
        }
        listed.add(key);
      } else if (year !== null && Number(e.date.slice(0, 4)) === year - 1) previous++;
      else excluded.otherYear++;
    }
  }
  return { year, excluded, counted, clients, cityClients, listed, previous, read };
}

// ---------------------------------------------------------------- helpers

const sum = (values: Iterable<number>): number => {
  let s = 0;
  for (const v of values) s += v;
  return s;
};
const sumTiers = (list: readonly TierCounts[]): TierCounts => ({
  basic: sum(list.map((c) => c.basic)),
  lowCost: sum(list.map((c) => c.lowCost)),
  valueAdded: sum(list.map((c) => c.valueAdded)),
  total: sum(list.map((c) => c.total)),
});
function sumRecords(list: readonly Record<string, number>[]): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of list) for (const [k, v] of Object.entries(r)) out[k] = (out[k] ?? 0) + v;
  return out;
}
const nonZero = (r: Record<string, number>) => Object.fromEntries(Object.entries(r).filter(([, v]) => v !== 0));

function checkTablesAddUp(s: ServiceStats): void {
  const total = s.counts.total;
  expect(s.counts.basic + s.counts.lowCost + s.counts.valueAdded).toBe(total);
  expect(sum(Object.values(s.byItem))).toBe(total);
  expect(sum(Object.values(s.byMonth))).toBe(total);
  expect(sum(Object.values(s.byClient))).toBe(total);
  expect(s.free + s.paid).toBe(total);
  expect(Object.keys(s.byClient)).toEqual([...SERVICE_OBJECTS, "unspecified"]);
  // byItem by tier gives the tier counts back.
  const byTier = { basic: 0, lowCost: 0, valueAdded: 0 };
  for (const [code, n] of Object.entries(s.byItem)) {
    const item = CATALOG.find((i) => i.code === code);
    expect(item).toBeDefined();
    expect(n).toBeGreaterThan(0);
    byTier[item!.tier] += n;
  }
  expect(byTier).toEqual({ basic: s.counts.basic, lowCost: s.counts.lowCost, valueAdded: s.counts.valueAdded });
  const levels = Object.values(s.satisfactionLevels);
  expect(sum(levels)).toBe(s.satisfaction.rated);
  expect(s.satisfaction.rated).toBeLessThanOrEqual(total);
  if (s.satisfaction.rated === 0) expect(s.satisfaction.mean).toBeNull();
  else {
    const mean = sum(levels.map((n, i) => n * (i + 1))) / s.satisfaction.rated;
    expect(s.satisfaction.mean).toBe(Math.round(mean * 100) / 100);
  }
  expect(s.basicFree).toBeLessThanOrEqual(s.counts.basic);
  expect(s.withDeliverable).toBeLessThanOrEqual(s.counts.lowCost + s.counts.valueAdded);
  expect(s.training.sessions).toBeLessThanOrEqual(total);
  expect(s.training.participants).toBeLessThanOrEqual(s.participants);
  expect(s.clients).toBeLessThanOrEqual(total);
  expect(s.paid === 0 ? s.feeTotal === 0 : s.feeTotal > 0).toBe(true);
}

function report(batch: Batch): StatsReport {
  return buildStatsReport(toDocuments(batch), batch.year === undefined ? {} : { year: batch.year });
}

// ---------------------------------------------------------------- properties

describe("stats on random ledgers", () => {
  it("every table of every outlet and of the total adds up", () => {
    fc.assert(
      fc.property(batchArb, (batch) => {
        const r = report(batch);
        for (const s of [...r.outlets, r.total]) checkTablesAddUp(s);
      }),
      { numRuns: RUNS },
    );
  });

  it("the outlets add up to the total, field by field", () => {
    fc.assert(
      fc.property(batchArb, (batch) => {
        const r = report(batch);
        const o = r.outlets;
        const t = r.total;
        expect(sumTiers(o.map((x) => x.counts))).toEqual(t.counts);
        expect(nonZero(sumRecords(o.map((x) => x.byItem)))).toEqual(t.byItem);
        expect(sumRecords(o.map((x) => x.byClient))).toEqual(o.length ? t.byClient : {});
        expect(nonZero(sumRecords(o.map((x) => x.byMonth)))).toEqual(nonZero(t.byMonth));
        expect(sumRecords(o.map((x) => x.satisfactionLevels))).toEqual(o.length ? t.satisfactionLevels : {});
        expect(sum(o.map((x) => x.free))).toBe(t.free);
        expect(sum(o.map((x) => x.paid))).toBe(t.paid);
        expect(Math.abs(sum(o.map((x) => x.feeTotal)) - t.feeTotal)).toBeLessThan(0.005);
        expect(sum(o.map((x) => x.participants))).toBe(t.participants);
        expect(sum(o.map((x) => x.satisfaction.rated))).toBe(t.satisfaction.rated);
        expect(sum(o.map((x) => x.training.sessions))).toBe(t.training.sessions);
        expect(sum(o.map((x) => x.training.participants))).toBe(t.training.participants);
        expect(sum(o.map((x) => x.basicFree))).toBe(t.basicFree);
        expect(sum(o.map((x) => x.withDeliverable))).toBe(t.withDeliverable);
        // Distinct clients and districts: a client of two outlets is one client of the city.
        expect(t.clients).toBeLessThanOrEqual(sum(o.map((x) => x.clients)));
        expect(t.clients).toBeGreaterThanOrEqual(Math.max(0, ...o.map((x) => x.clients)));
        expect(new Set(o.flatMap((x) => x.districtsCovered))).toEqual(new Set(t.districtsCovered));
      }),
      { numRuns: RUNS },
    );
  });

  it("byCategory and byDistrict add up to the total and to the outlets", () => {
    fc.assert(
      fc.property(batchArb, (batch) => {
        const r = report(batch);
        for (const groups of [r.byCategory, r.byDistrict]) {
          const list = Object.values(groups);
          expect(sumTiers(list.map((g) => g.counts))).toEqual(r.total.counts);
          expect(sum(list.map((g) => g.outlets))).toBe(r.outlets.length);
        }
        for (const o of r.outlets) {
          expect(r.byCategory[o.category ?? "unknown"]).toBeDefined();
          expect(r.byDistrict[o.district ?? "未知"]).toBeDefined();
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("every entry read is counted once: in the year, in the previous year or under its reason", () => {
    fc.assert(
      fc.property(batchArb, (batch) => {
        const r = report(batch);
        const want = oracle(batch);
        expect(r.year).toBe(want.year);
        expect(r.excluded).toEqual(want.excluded);
        expect(r.previousYear?.total.total ?? 0).toBe(want.previous);
        expect(r.previousYear === null).toBe(want.previous === 0);
        expect(Object.fromEntries(r.outlets.map((o) => [o.outlet ?? "", o.counts.total]))).toEqual(
          Object.fromEntries([...want.listed].map((k) => [k, want.counted.get(k) ?? 0])),
        );
        // Distinct clients, exactly: per outlet, and of the city (a client of two outlets counts once).
        expect(Object.fromEntries(r.outlets.map((o) => [o.outlet ?? "", o.clients]))).toEqual(
          Object.fromEntries([...want.listed].map((k) => [k, want.clients.get(k)?.size ?? 0])),
        );
        expect(r.total.clients).toBe(want.cityClients.size);
        const x = r.excluded;
        expect(
          r.total.counts.total +
            (r.previousYear?.total.total ?? 0) +
            x.unknownItem +
            x.badDate +
            x.otherYear +
            x.unreadable,
        ).toBe(want.read);
        if (r.previousYear) {
          expect(sumTiers(r.previousYear.outlets.map((p) => p.counts))).toEqual(r.previousYear.total);
          expect(r.previousYear.change.total).toBe(r.total.counts.total - r.previousYear.total.total);
          expect(r.previousYear.ledgers).toBe(batch.ledgers.filter((l) => l.year === r.year! - 1).length);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it("is deterministic", () => {
    fc.assert(
      fc.property(batchArb, (batch) => {
        const docs = toDocuments(batch);
        const options = batch.year === undefined ? {} : { year: batch.year };
        expect(JSON.stringify(buildStatsReport(docs, options))).toBe(JSON.stringify(buildStatsReport(docs, options)));
      }),
      { numRuns: 50 },
    );
  });

  it("takes as a date exactly what parseDate gives back unchanged", () => {
    const dateLike = fc
      .tuple(
        fc.integer({ min: 0, max: 99999 }),
        fc.constantFrom("-", "/", ".", "年"),
        fc.integer({ min: 0, max: 13 }),
        fc.integer({ min: 0, max: 32 }),
        fc.boolean(),
      )
      .map(([y, sep, m, d, padded]) => {
        const p = (n: number) => (padded ? String(n).padStart(2, "0") : String(n));
        return `${String(y).padStart(4, "0")}${sep}${p(m)}${sep}${p(d)}`;
      });
    fc.assert(
      fc.property(fc.oneof(dateLike, fc.string(), fc.stringMatching(/^\d{4}-\d{2}-\d{2}$/)), (s) => {
        expect(isCountableDate(s)).toBe(parseDate(s) === s);
      }),
      { numRuns: 2000 },
    );
  });
});
