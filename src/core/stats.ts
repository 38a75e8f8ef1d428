/**
 * Service statistics of 第十四条 (每年度对服务次数进行分类统计) from ledgers: per outlet and city-wide, by tier,
 * item, client type, month, district and outlet category, with year-over-year. Pure: no files, no clock.
 * Built for a million entries: one pass, counters in plain fields and small maps, Sets only for distinct clients.
 */
import { CATALOG, isCatalogItemAllowed, resolveItem, type CatalogItem } from "./catalog";
import { CATEGORIES, DISTRICTS, SERVICE_OBJECTS, type Category } from "./codes";
import { outletKey } from "./engine";
import { locateAddress } from "./address";
import { isIsoDate } from "./dates";
import { DistinctCounter } from "./hashIndex";
import { isBlank } from "./text";
import type { SourcedDocument, SourcedLedger } from "./parse";
import type { AnnualSummary, Application, LedgerEntry, RegistryOutlet } from "./schemas";
import type {
  GroupStats,
  OutletServiceStats,
  PreviousYearStats,
  ServiceStats,
  StatsExclusions,
  StatsReport,
  TierCounts,
} from "./statsTypes";

export const STATS_REPORT_VERSION = 1 as const;
/** byClient key of entries without a client type. */
export const UNSPECIFIED_CLIENT = "unspecified";
/** byCategory key of outlets whose category nothing in the batch gives. */
export const UNKNOWN_CATEGORY = "unknown";
/** byDistrict key of outlets whose address is missing or not in Guangzhou. */
export const UNKNOWN_DISTRICT = "未知";

const CLIENT_KEYS: readonly string[] = [...SERVICE_OBJECTS, UNSPECIFIED_CLIENT];
const CATALOG_ORDER = new Map<CatalogItem, number>(CATALOG.map((item, i) => [item, i]));
/** byClient keys by position; types outside them (none pass the schema) are not listed, so not counted. */
const CLIENT_INDEX = new Map<string, number>(CLIENT_KEYS.map((key, i) => [key, i]));
/** A bit per Guangzhou district, so districts covered cost no Set per outlet. */
const DISTRICT_BIT = new Map<string, number>(DISTRICTS.map((d, i) => [d, 1 << i]));

/** What becomes of one ledger entry in the statistics of `year`. */
export type EntryStatus = "counted" | "previousYear" | "unknownItem" | "badDate" | "otherYear";

function digits(s: string, at: number): number {
  return (s.charCodeAt(at) - 48) * 10 + (s.charCodeAt(at + 1) - 48);
}

function yearOfIso(date: string): number {
  return digits(date, 0) * 100 + digits(date, 2);
}

/**
 * `parseDate(date) === date` (what `ledger/date` accepts), without parseDate's normalising and allocating: parseDate
 * always gives YYYY-MM-DD, so only that shape with a valid day can equal it. The property test checks the two agree.
 */
export function isCountableDate(date: string | undefined): date is string {
  return isIsoDate(date);
}

/**
 * Whether an entry is counted in `year`, feeds the previous year, or is left out and why. The item must be in 附件2
 * and, when the outlet's category is known, in the general list or that category's (as `ledger/unknown-item`
 * checks); the date must be a valid ISO date (as `ledger/date` checks). `year` null counts every dated entry.
 */
export function classifyEntry(
  entry: LedgerEntry,
  item: CatalogItem | undefined,
  category: Category | null | undefined,
  year: number | null | undefined,
): EntryStatus {
  if (!item || (category != null && !isCatalogItemAllowed(item, category))) return "unknownItem";
  const date = entry.date;
  if (!isCountableDate(date)) return "badDate";
  if (year == null) return "counted";
  const y = yearOfIso(date);
  if (y === year) return "counted";
  return y === year - 1 ? "previousYear" : "otherYear";
}

function emptyTiers(): TierCounts {
  return { basic: 0, lowCost: 0, valueAdded: 0, total: 0 };
}

function addTiers(into: TierCounts, from: TierCounts): void {
  into.basic += from.basic;
  into.lowCost += from.lowCost;
  into.valueAdded += from.valueAdded;
  into.total += from.total;
}

/**
 * Distinct clients (by credit code, else by name) of the tallies that share it, and of all of them together, counted
 * once every entry is in (see DistinctCounter): one pass for the whole city instead of a Set per outlet merged into a
 * Set for the total. A tally must count its entries before the next tally starts (buildStatsReport goes outlet by
 * outlet).
 */
class ClientIndex {
  private readonly codes = new DistinctCounter();
  private readonly names = new DistinctCounter();
  private tallies = 0;
  private counted: Record<"codes" | "names", { perGroup: Int32Array; distinct: number }> | null = null;

  nextTally(): number {
    return this.tallies++;
  }

  note(tally: number, text: string, byCode: boolean): void {
    (byCode ? this.codes : this.names).add(tally, text);
  }

  /** Distinct clients of one tally, or of all (null). Call once every entry is noted. */
  clientsOf(tally: number | null): number {
    const counted = (this.counted ??= {
      codes: this.codes.result(this.tallies),
      names: this.names.result(this.tallies),
    });
    if (tally === null) return counted.codes.distinct + counted.names.distinct;
    return counted.codes.perGroup[tally]! + counted.names.perGroup[tally]!;
  }
}

/**
 * Running totals of counted entries; `finish` gives the ServiceStats. Mergeable, so the city total is exact (its
 * distinct clients come from the shared ClientIndex, see buildStatsReport).
 */
class Tally {
  readonly tiers = emptyTiers();
  /** Entries per item, by catalog position (a million entries: arrays, not Maps). */
  readonly items = new Int32Array(CATALOG.length);
  /** Entries per CLIENT_KEYS position. */
  readonly clientTypes = new Int32Array(CLIENT_KEYS.length);
  /** year × 100 + month → entries. */
  private readonly months = new Map<number, number>();
  /** The month being counted and its entries not yet in `months`: ledgers run by date, so most entries repeat it. */
  private runMonth = -1;
  private runCount = 0;
  free = 0;
  paid = 0;
  /** Fees in fen (分), summed as integers so that outlets add up to the total exactly. */
  feeFen = 0;
  participants = 0;
  /** Index 1–5: rated entries per satisfaction level. */
  readonly levels = [0, 0, 0, 0, 0, 0];
  private readonly id: number;
  districtBits = 0;
  trainingSessions = 0;
  trainingParticipants = 0;
  basicFree = 0;
  withDeliverable = 0;

  constructor(private readonly clientIndex: ClientIndex = new ClientIndex()) {
    this.id = clientIndex.nextTally();
  }

  /** `entry.date` must be a countable date (see classifyEntry). */
  add(entry: LedgerEntry, item: CatalogItem): void {
    const tier = item.tier;
    this.tiers[tier]++;
    this.tiers.total++;
    this.items[CATALOG_ORDER.get(item)!]!++;
    const type = entry.client.type ?? UNSPECIFIED_CLIENT;
    const typeIndex = CLIENT_INDEX.get(type);
    if (typeIndex !== undefined) this.clientTypes[typeIndex]!++;
    const date = entry.date!;
    const month = yearOfIso(date) * 100 + digits(date, 5);
    if (month === this.runMonth) this.runCount++;
    else {
      this.endRun();
      this.runMonth = month;
      this.runCount = 1;
    }
    const fee = entry.fee ?? 0;
    if (fee > 0) {
      this.paid++;
      this.feeFen += Math.round(fee * 100);
    } else {
      this.free++;
      if (tier === "basic") this.basicFree++;
    }
    const participants = entry.participants ?? 0;
    this.participants += participants;
    if (item.training) {
      this.trainingSessions++;
      this.trainingParticipants += participants;
    }
    if (entry.satisfaction !== undefined) this.levels[entry.satisfaction]!++;
    const client = entry.client;
    if (!isBlank(client.creditCode)) this.clientIndex.note(this.id, client.creditCode!, true);
    else if (!isBlank(client.name)) this.clientIndex.note(this.id, client.name!, false);
    if (client.district !== undefined) this.districtBits |= DISTRICT_BIT.get(client.district) ?? 0;
    if (tier !== "basic" && !isBlank(entry.deliverable)) this.withDeliverable++;
  }

  /** Adds another tally's counts; distinct clients are not added up (set `clients` from the shared index). */
  merge(other: Tally): void {
    addTiers(this.tiers, other.tiers);
    for (let i = 0; i < this.items.length; i++) this.items[i]! += other.items[i]!;
    for (let i = 0; i < this.clientTypes.length; i++) this.clientTypes[i]! += other.clientTypes[i]!;
    this.endRun();
    for (const [k, v] of other.monthCounts()) this.months.set(k, (this.months.get(k) ?? 0) + v);
    this.free += other.free;
    this.paid += other.paid;
    this.feeFen += other.feeFen;
    this.participants += other.participants;
    for (let level = 1; level <= 5; level++) this.levels[level]! += other.levels[level]!;
    this.districtBits |= other.districtBits;
    this.trainingSessions += other.trainingSessions;
    this.trainingParticipants += other.trainingParticipants;
    this.basicFree += other.basicFree;
    this.withDeliverable += other.withDeliverable;
  }

  private endRun(): void {
    if (this.runCount) this.months.set(this.runMonth, (this.months.get(this.runMonth) ?? 0) + this.runCount);
    this.runMonth = -1;
    this.runCount = 0;
  }

  /** year × 100 + month → entries. */
  private monthCounts(): ReadonlyMap<number, number> {
    this.endRun();
    return this.months;
  }

  /** With a year, byMonth lists its twelve months (zeros included) so that tables have every column. */
  finish(year: number | null | undefined, clients = this.clientIndex.clientsOf(this.id)): ServiceStats {
    const byItem: Record<string, number> = {};
    CATALOG.forEach((item, i) => {
      if (this.items[i]) byItem[item.code] = this.items[i];
    });

    const byClient: Record<string, number> = {};
    CLIENT_KEYS.forEach((key, i) => (byClient[key] = this.clientTypes[i]!));

    const byMonth: Record<string, number> = {};
    const monthKeys =
      year == null
        ? [...this.monthCounts().keys()].sort((a, b) => a - b)
        : Array.from({ length: 12 }, (_, i) => year * 100 + i + 1);
    for (const key of monthKeys) {
      byMonth[`${String(Math.floor(key / 100)).padStart(4, "0")}-${String(key % 100).padStart(2, "0")}`] =
        this.monthCounts().get(key) ?? 0;
    }

    let rated = 0;
    let sum = 0;
    for (let level = 1; level <= 5; level++) {
      rated += this.levels[level]!;
      sum += level * this.levels[level]!;
    }
    return {
      counts: { ...this.tiers },
      byItem,
      byClient,
      byMonth,
      free: this.free,
      paid: this.paid,
      feeTotal: this.feeFen / 100,
      participants: this.participants,
      satisfaction: { mean: rated ? Math.round((sum / rated) * 100) / 100 : null, rated },
      satisfactionLevels: {
        "1": this.levels[1]!,
        "2": this.levels[2]!,
        "3": this.levels[3]!,
        "4": this.levels[4]!,
        "5": this.levels[5]!,
      },
      clients,
      districtsCovered: DISTRICTS.filter((_, i) => this.districtBits & (1 << i)),
      training: { sessions: this.trainingSessions, participants: this.trainingParticipants },
      basicFree: this.basicFree,
      withDeliverable: this.withDeliverable,
    };
  }
}

export interface ServiceStatsOptions {
  /** Only entries dated in this year are counted (default: every entry with a valid date). */
  year?: number | null;
  /** The outlet's category: items of another category's list are not counted (default unknown: any 附件2 item). */
  category?: Category | null;
}

/**
 * Statistics of one outlet's (or any set of) ledger entries, `items[i]` being entry i's resolved item
 * (`resolveItem(entry.item, category)`, undefined when not in 附件2). Entries that classifyEntry does not count
 * in `options.year` are skipped.
 */
export function computeServiceStats(
  entries: readonly LedgerEntry[],
  items: readonly (CatalogItem | undefined)[],
  options: ServiceStatsOptions = {},
): ServiceStats {
  const tally = new Tally();
  const year = options.year ?? null;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const item = items[i];
    if (classifyEntry(entry, item, options.category, year) === "counted") tally.add(entry, item!);
  }
  return tally.finish(year);
}

// ---------------------------------------------------------------- the report of the batch

interface OutletAcc {
  key: string;
  outlet: string | null;
  outletName: string | null;
  category: Category | null;
  district: string | null;
  /** Has a ledger of the statistics year, so it is listed even with nothing counted. */
  ofYear: boolean;
  tally: Tally;
  previous: TierCounts;
}

function asCategory(value: string | undefined): Category | null {
  return value !== undefined && (CATEGORIES as readonly string[]).includes(value) ? (value as Category) : null;
}

/** Most common ledger year; a tie goes to the later year (as the engine's batch year). */
function commonYear(ledgers: readonly SourcedLedger[]): number | null {
  const counts = new Map<number, number>();
  for (const l of ledgers) counts.set(l.doc.year, (counts.get(l.doc.year) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts) {
    const bestN = best === null ? 0 : counts.get(best)!;
    if (best === null || n > bestN || (n === bestN && y > best)) best = y;
  }
  return best;
}

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function round4(x: number): number {
  return Math.round(x * 10000) / 10000;
}

/** The outlet's ServiceStats under CLI.md's key order: identity first, then the ServiceStats fields. */
function outletStats(acc: OutletAcc, year: number | null): OutletServiceStats {
  return {
    outlet: acc.outlet,
    outletName: acc.outletName,
    category: acc.category,
    district: acc.district,
    ...acc.tally.finish(year),
  };
}

function groupBy(
  outlets: readonly OutletServiceStats[],
  keyOf: (o: OutletServiceStats) => string,
  order: readonly string[],
): Record<string, GroupStats> {
  const groups = new Map<string, GroupStats>();
  for (const o of outlets) {
    const key = keyOf(o);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { outlets: 0, counts: emptyTiers() }));
    g.outlets++;
    addTiers(g.counts, o.counts);
  }
  const out: Record<string, GroupStats> = {};
  for (const key of order) {
    const g = groups.get(key);
    if (g) out[key] = g;
  }
  return out;
}

/**
 * The `stats` report of CLI.md over a batch: one outlet per ledger outlet (credit code, else name; several
 * ledgers of one outlet merge), its category and district from its summary, else application, else registry
 * record; every entry counted once, in the year, in the previous year or in `excluded`.
 */
export function buildStatsReport(documents: readonly SourcedDocument[], options: { year?: number }): StatsReport {
  const ledgers: SourcedLedger[] = [];
  const summaries = new Map<string, AnnualSummary[]>();
  const applications = new Map<string, Application[]>();
  const registry = new Map<string, RegistryOutlet>();
  for (const d of documents) {
    if (d.kind === "ledger") ledgers.push(d);
    else if (d.kind === "annualSummary") {
      const key = outletKey(d.doc.org.creditCode, d.doc.org.name);
      if (key !== null) pushTo(summaries, key, d.doc);
    } else if (d.kind === "application") {
      const key = outletKey(d.doc.org.creditCode, d.doc.org.name);
      if (key !== null) pushTo(applications, key, d.doc);
    } else for (const record of d.doc.outlets) registry.set(record.creditCode, record);
  }
  const year = options.year ?? commonYear(ledgers);

  const excluded: StatsExclusions = { unknownItem: 0, badDate: 0, otherYear: 0, unreadable: 0 };
  const accs = new Map<string, OutletAcc>();
  const clients = new ClientIndex();
  const outletFor = (ledger: SourcedLedger): OutletAcc => {
    const creditCode = ledger.doc.outlet.creditCode || undefined;
    const name = ledger.doc.outlet.name || undefined;
    const key = outletKey(creditCode, name) ?? "";
    let acc = accs.get(key);
    if (acc) {
      acc.outletName ??= name ?? null;
      return acc;
    }
    // The summary of the statistics year first, then any; then the latest application; then the registry.
    const ofOutlet = summaries.get(key) ?? [];
    const summary = ofOutlet.find((s) => s.year === year) ?? ofOutlet[0];
    const application = [...(applications.get(key) ?? [])].sort((a, b) => b.year - a.year)[0];
    const record = creditCode ? registry.get(creditCode) : undefined;
    const address = [summary?.org.address, application?.org.address, record?.address].find((a) => !isBlank(a));
    acc = {
      key,
      outlet: key || null,
      outletName: name ?? summary?.org.name ?? application?.org.name ?? record?.name ?? null,
      category: asCategory(summary?.category) ?? asCategory(application?.category) ?? record?.category ?? null,
      district: address === undefined ? null : locateAddress(address).district,
      ofYear: false,
      tally: new Tally(clients),
      previous: emptyTiers(),
    };
    accs.set(key, acc);
    return acc;
  };

  // Outlet by outlet (a ClientIndex needs each tally's entries together), ledgers in batch order within each.
  const ledgersOf = new Map<OutletAcc, SourcedLedger[]>();
  for (const ledger of ledgers) {
    const acc = outletFor(ledger);
    const list = ledgersOf.get(acc);
    if (list) list.push(ledger);
    else ledgersOf.set(acc, [ledger]);
  }
  // Items repeat: each distinct text is resolved once per category.
  const resolvedBy = new Map<Category | null, Map<string, CatalogItem | undefined>>();
  for (const [acc, own] of ledgersOf) {
    const category = acc.category ?? undefined;
    let resolved = resolvedBy.get(acc.category);
    if (!resolved) resolvedBy.set(acc.category, (resolved = new Map()));
    for (const ledger of own) {
      if (ledger.doc.year === year) acc.ofYear = true;
      excluded.unreadable += ledger.entriesRejected;
      for (const entry of ledger.doc.entries) {
        const text = entry.item;
        let item: CatalogItem | undefined;
        if (text !== undefined) {
          item = resolved.get(text);
          if (item === undefined && !resolved.has(text)) resolved.set(text, (item = resolveItem(text, category)));
        }
        const status = classifyEntry(entry, item, acc.category, year);
        if (status === "counted") {
          acc.tally.add(entry, item!);
          acc.ofYear = true;
        } else if (status === "previousYear") {
          acc.previous[item!.tier]++;
          acc.previous.total++;
        } else excluded[status]++;
      }
    }
  }

  const listed = [...accs.values()].filter((a) => a.ofYear);
  const outlets = listed.map((a) => outletStats(a, year));
  const totalTally = new Tally();
  for (const a of listed) totalTally.merge(a.tally);
  const total = totalTally.finish(year, clients.clientsOf(null));

  const withPrevious = [...accs.values()].filter((a) => a.previous.total > 0);
  let previousYear: PreviousYearStats | null = null;
  if (year !== null && withPrevious.length) {
    const prevTotal = emptyTiers();
    for (const a of withPrevious) addTiers(prevTotal, a.previous);
    const change = total.counts.total - prevTotal.total;
    const previousLedgers = ledgers.filter((l) => l.doc.year === year - 1).length;
    previousYear = {
      year: year - 1,
      total: prevTotal,
      outlets: withPrevious.map((a) => ({ outlet: a.outlet, outletName: a.outletName, counts: { ...a.previous } })),
      change: { total: change, ratio: previousLedgers ? round4(change / prevTotal.total) : null },
      ledgers: previousLedgers,
    };
  }

  return {
    version: STATS_REPORT_VERSION,
    year,
    outlets,
    total,
    byCategory: groupBy(outlets, (o) => o.category ?? UNKNOWN_CATEGORY, [...CATEGORIES, UNKNOWN_CATEGORY]),
    byDistrict: groupBy(outlets, (o) => o.district ?? UNKNOWN_DISTRICT, [...DISTRICTS, UNKNOWN_DISTRICT]),
    excluded,
    previousYear,
  };
}
