/**
 * Deterministic synthetic data for `npm run bench`: 200 outlets over the 7 categories and 11 districts, their registry,
 * applications, annual summaries, one ledger per outlet (N entries in all, ~2% defective rows) and reviewer sheets.
 * One seeded PRNG (mulberry32), no clock: the same `rows` always gives the same data.
 */
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { itemsForCategory } from "../../src/core/catalog";
import { CATEGORIES, CHANNELS, DISTRICT_DIVISIONS, DISTRICTS, SERVICE_OBJECTS } from "../../src/core/codes";
import { makeCreditCode } from "../../src/core/creditCode";
import { DEFAULT_RUBRICS } from "../../src/core/scoring/rubrics";
import type { ReviewerSheet } from "../../src/core/scoring/reviewers";
import { mulberry32 } from "../seeded";

export const YEAR = 2025;
export const OUTLETS = 200;
export const REVIEWERS = 7;

const SAMPLES = resolve(__dirname, "..", "..", "samples");
const CLIENT_WORDS = ["明辉", "宏图", "科创", "华南", "珠江", "云山", "越秀", "天瑞", "恒达", "新锐", "博远", "德信"];
const CLIENT_TRADES = ["科技有限公司", "智能装备有限公司", "生物医药有限公司", "家具有限公司", "新材料有限公司"];

export interface Outlet {
  name: string;
  creditCode: string;
  category: (typeof CATEGORIES)[number];
  district: string;
}

export interface BenchData {
  outlets: Outlet[];
  /** JSON documents (as FORMAT.md values, before parsing). */
  registry: unknown;
  applications: unknown[];
  summaries: unknown[];
  ledgers: { type: "ledger"; outlet: { name: string; creditCode: string }; year: number; entries: unknown[] }[];
  sheets: ReviewerSheet[];
  defects: number;
}

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(resolve(SAMPLES, path), "utf8")) as Record<string, unknown>;
}

export function generate(rows: number, seed = 20250101): BenchData {
  const rnd = mulberry32(seed);
  const int = (min: number, max: number): number => min + Math.floor(rnd() * (max - min + 1));
  const pick = <T>(values: readonly T[]): T => values[Math.floor(rnd() * values.length)]!;

  const outlets: Outlet[] = [];
  for (let i = 0; i < OUTLETS; i++) {
    const category = CATEGORIES[i % CATEGORIES.length]!;
    const district = DISTRICTS[i % DISTRICTS.length]!;
    const prefix = category === "market" || category === "other" ? "91" : "12";
    const org = String(10_000_000 + i * 7919).slice(0, 8);
    outlets.push({
      name: `广州${district.slice(0, -1)}第${i + 1}知识产权服务网点`,
      creditCode: makeCreditCode(prefix, DISTRICT_DIVISIONS[district], org),
      category,
      district,
    });
  }

  const registry = {
    type: "registry",
    outlets: outlets.map((o, i) => ({
      creditCode: o.creditCode,
      name: o.name,
      category: o.category,
      address: `广州市${o.district}示例路${i + 1}号`,
      status: "active",
      accreditedOn: "2023-09-20",
      evaluations: [{ year: 2024, score: 70 + (i % 30), grade: i % 3 ? "good" : "pass" }],
    })),
  };

  const summaryTemplate = readJson("summaries/01-donghu-library.json");
  const applicationTemplate = readJson("applications/01-yunshan-ligong-daxue.json");
  const withOutlet = (template: Record<string, unknown>, o: Outlet, extra: Record<string, unknown>): unknown => {
    const org = { ...(template.org as Record<string, unknown>), name: o.name, creditCode: o.creditCode };
    const codes = itemsForCategory(o.category).map((c) => c.code);
    const services = {
      basic: codes.filter((c) => c.includes("B")).slice(0, 6),
      lowCost: codes.filter((c) => c.includes("L")).slice(0, 2),
      valueAdded: [],
      other: {},
    };
    return { ...template, ...extra, org, category: o.category, services };
  };
  const summaries = outlets.map((o) => withOutlet(summaryTemplate, o, { year: YEAR }));
  // A tenth of the outlets also apply again (re-accreditation): applications stay minimal but valid.
  const applications = outlets.filter((_, i) => i % 10 === 0).map((o) => withOutlet(applicationTemplate, o, {}));

  // Ledger entries: outlets get uneven shares (weights 1..4), dates over the year, ~2% defective rows.
  const weights = outlets.map(() => int(1, 4));
  const totalWeight = weights.reduce((s, w) => s + w, 0);
  const counts = weights.map((w) => Math.floor((rows * w) / totalWeight));
  counts[0]! += rows - counts.reduce((s, c) => s + c, 0);
  const yearStart = Date.UTC(YEAR, 0, 1);
  let defects = 0;
  const ledgers = outlets.map((o, oi) => {
    const items = itemsForCategory(o.category);
    const entries: unknown[] = [];
    const n = counts[oi]!;
    for (let k = 0; k < n; k++) {
      const item = pick(items);
      const paid = item.tier !== "basic";
      const fee = paid ? int(1, 40) * 100 : 0;
      const clientDistrict = rnd() < 0.1 ? "市外" : pick(DISTRICTS);
      const date = new Date(yearStart + Math.floor((k / n) * 365) * 86_400_000).toISOString().slice(0, 10);
      const entry: Record<string, unknown> = {
        date,
        item: item.code,
        client: {
          type: pick(SERVICE_OBJECTS),
          name: `广州${pick(CLIENT_WORDS)}${pick(CLIENT_TRADES)}${int(1, 5000)}`,
          district: clientDistrict,
        },
        channel: pick(CHANNELS),
        fee,
        ...(paid ? { quote: fee } : {}),
        deliverable: `${item.name}记录`,
        satisfaction: rnd() < 0.9 ? int(4, 5) : int(1, 3),
        staff: `工作人员${int(1, 12)}`,
        evidence: `EV-${YEAR}-${oi}-${k + 1}`,
      };
      if (item.training) entry.participants = int(5, 200);
      const r = rnd();
      if (r < 0.02) {
        defects++;
        // A few kinds of realistic defects: bad date, unknown item, missing client, negative fee, bad satisfaction.
        const kind = int(0, 4);
        if (kind === 0) entry.date = `${YEAR}-13-${int(1, 28)}`;
        else if (kind === 1) entry.item = "Z99";
        else if (kind === 2) entry.client = {};
        else if (kind === 3) entry.fee = -100;
        else entry.satisfaction = 9;
      }
      entries.push(entry);
    }
    return { type: "ledger" as const, outlet: { name: o.name, creditCode: o.creditCode }, year: YEAR, entries };
  });

  const expert = DEFAULT_RUBRICS.annual.criteria.filter((c) => c.source === "expert");
  const sheets: ReviewerSheet[] = [];
  for (let r = 0; r < REVIEWERS; r++) {
    const scores: ReviewerSheet["scores"] = [];
    for (const o of outlets)
      for (const c of expert)
        scores.push({
          outlet: o.creditCode,
          criterion: c.id,
          score: Math.round(c.points * (0.5 + rnd() * 0.5) * 2) / 2,
          index: scores.length,
        });
    sheets.push({ reviewer: `专家${r + 1}`, file: null, pathPrefix: "", scores, conflicts: [] });
  }

  return { outlets, registry, applications, summaries, ledgers, sheets, defects };
}

/** All documents, as JSON values, in the order a batch would be given. */
export function documentValues(data: BenchData): unknown[] {
  return [data.registry, ...data.applications, ...data.summaries, ...data.ledgers];
}

/** One ledger holding every entry (for the workbook paths, which read one outlet's ledger sheet). */
export function bigLedger(data: BenchData): BenchData["ledgers"][number] {
  const first = data.ledgers[0]!;
  return { ...first, entries: data.ledgers.flatMap((l) => l.entries) };
}
