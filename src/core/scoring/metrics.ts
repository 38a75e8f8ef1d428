/**
 * What x is for each auto criterion (RUBRIC.md): a registry of metric keys. A rubric names a metric by key, so a
 * bureau can re-weight or re-target criteria in the rubric file without touching this code; `parseRubric` rejects
 * a key that is not here or that belongs to the other kind of review.
 *
 * Annual metrics read the service statistics of 第十四条 (computed elsewhere, see statsTypes.ts) plus two counts
 * about the ledger itself; application metrics read the parsed 申报书 (附件1). Every compute is pure.
 */
import { TIERS, isItemAllowed, resolveItem } from "../catalog";
import type { Finding } from "../findings";
import type { Application } from "../schemas";
import type { ServiceStats } from "../statsTypes";
import type { RubricKind } from "./rubric";

/** Input of the annual metrics, one per outlet. */
export interface AnnualMetricInput {
  stats: ServiceStats;
  /** Ledger entries of the outlet that were read and kept (rejected rows excluded). */
  entriesLoaded: number;
  /** Of those, entries with at least one `ledger/*` finding (see `countEntriesWithLedgerFinding`). */
  entriesWithLedgerFinding: number;
}

interface MetricBase {
  /** Chinese label, shown beside x on the scoring sheet. */
  label: string;
  /** Unit of x; "%" means x is a fraction (0.9 is shown as 90%). */
  unit: string;
  /** How x is obtained, in Chinese, for the docs and the sheet's notes. */
  description: string;
}
export interface AnnualMetric extends MetricBase {
  kind: "annual";
  compute: (input: AnnualMetricInput) => number | null;
}
export interface ApplicationMetric extends MetricBase {
  kind: "application";
  compute: (input: Application) => number | null;
}
export type Metric = AnnualMetric | ApplicationMetric;

/** 政务服务“好差评” levels on the 0–100 scale of criterion C2. */
export const SATISFACTION_SCORES: Record<"1" | "2" | "3" | "4" | "5", number> = {
  "5": 100,
  "4": 80,
  "3": 60,
  "2": 30,
  "1": 0,
};

/** part / whole; an empty whole gives 0 (nothing delivered or recorded is not a perfect share). */
function share(part: number, whole: number): number {
  if (!(whole > 0)) return 0;
  return Math.min(1, Math.max(0, part / whole));
}

/** Distinct non-blank texts (the same database or system listed twice counts once). */
function distinct(values: readonly (string | undefined)[]): number {
  return new Set(values.map((v) => (v ?? "").trim()).filter((v) => v !== "")).size;
}

function meanSatisfaction(levels: ServiceStats["satisfactionLevels"]): number | null {
  let rated = 0;
  let sum = 0;
  for (const [level, score] of Object.entries(SATISFACTION_SCORES) as [keyof typeof SATISFACTION_SCORES, number][]) {
    const n = levels[level] ?? 0;
    rated += n;
    sum += n * score;
  }
  return rated > 0 ? sum / rated : null;
}

/** Catalog items declared in all three tiers, by code: written names are resolved, unknown items and free text
 * (`services.other`) do not count, so an outlet cannot raise P6 by listing what 附件2 does not offer it. */
function declaredItems(app: Application): number {
  const codes = new Set<string>();
  for (const tier of TIERS) {
    for (const value of app.services[tier]) {
      const item = resolveItem(value, app.category);
      if (item && isItemAllowed(item.code, app.category)) codes.add(item.code);
    }
  }
  return codes.size;
}

const annual = (m: Omit<AnnualMetric, "kind">): AnnualMetric => ({ kind: "annual", ...m });
const applicationMetric = (m: Omit<ApplicationMetric, "kind">): ApplicationMetric => ({ kind: "application", ...m });

export const METRICS: Readonly<Record<string, Metric>> = Object.freeze({
  // ------------------------------------------------------------ annual (服务效能评价)
  "ledger.services": annual({
    label: "年度有效服务次数",
    unit: "次",
    description: "计入统计的台账记录条数（日期有效、属于评价年度、服务事项在本网点可选清单内）",
    compute: ({ stats }) => stats.counts.total,
  }),
  "ledger.clients": annual({
    label: "服务对象数量（去重）",
    unit: "个",
    description: "按统一社会信用代码去重，无代码的按名称去重；两者皆无的记录不计",
    compute: ({ stats }) => stats.clients,
  }),
  "ledger.trainingSessions": annual({
    label: "培训与宣传活动场次",
    unit: "场",
    description: "服务事项为培训、宣传推广、信息素养教育（含各类别清单中的同类事项）的记录条数",
    compute: ({ stats }) => stats.training.sessions,
  }),
  "ledger.trainingParticipants": annual({
    label: "培训与宣传参与人次",
    unit: "人次",
    description: "上述培训与宣传活动记录的参与人次（participants）之和",
    compute: ({ stats }) => stats.training.participants,
  }),
  "ledger.districts": annual({
    label: "服务覆盖区数",
    unit: "个区",
    description: "服务对象所在区（client.district）覆盖广州市 11 个区中的个数，市外不计",
    compute: ({ stats }) => stats.districtsCovered.length,
  }),
  "ledger.basicFreeShare": annual({
    label: "基础性服务免费率",
    unit: "%",
    description:
      "免费提供的基础性服务记录占基础性服务记录的比例；没有任何基础性服务记录的记 0（第五条、第十条：网点须免费提供基础性服务）",
    compute: ({ stats }) => share(stats.basicFree, stats.counts.basic),
  }),
  "ledger.deliverables": annual({
    label: "形成成果交付的低成本与增值服务",
    unit: "项",
    description: "低成本专业化服务和增值服务中写明成果交付（deliverable）的记录条数",
    compute: ({ stats }) => stats.withDeliverable,
  }),
  "ledger.distinctItems": annual({
    label: "提供的服务事项种数",
    unit: "种",
    description: "台账中实际提供过的不同服务事项（附件2 代码）个数",
    compute: ({ stats }) => Object.values(stats.byItem).filter((n) => n > 0).length,
  }),
  "ledger.ratedShare": annual({
    label: "服务评价覆盖率",
    unit: "%",
    description: "有服务对象满意度评价的记录占全部计入统计记录的比例；没有记录的记 0",
    compute: ({ stats }) => share(stats.satisfaction.rated, stats.counts.total),
  }),
  "ledger.satisfactionScore": annual({
    label: "服务满意度",
    unit: "分",
    description:
      "已评价记录的满意度均值，按非常满意 100、满意 80、基本满意 60、不满意 30、非常不满意 0 折算；无评价的为空（不得分）",
    compute: ({ stats }) => meanSatisfaction(stats.satisfactionLevels),
  }),
  "ledger.completeness": annual({
    label: "台账完整率",
    unit: "%",
    description: "没有任何 ledger/* 审核问题的台账记录占已读入记录的比例；没有可读记录的记 0",
    compute: ({ entriesLoaded, entriesWithLedgerFinding }) =>
      share(entriesLoaded - entriesWithLedgerFinding, entriesLoaded),
  }),

  // ------------------------------------------------------------ application (认定评审)
  "application.databases": applicationMetric({
    label: "可利用的数据库",
    unit: "个",
    description: "基础设施中列明的知识产权数据库（infrastructure.databases）个数，重复的只计一次",
    compute: (app) => distinct(app.infrastructure.databases),
  }),
  "application.venueArea": applicationMetric({
    label: "服务场所面积",
    unit: "m²",
    description: "服务场所面积（infrastructure.venueArea）；没有场所或未填面积的记 0",
    compute: (app) => (app.infrastructure.venue === false ? 0 : (app.infrastructure.venueArea ?? 0)),
  }),
  "application.workSystems": applicationMetric({
    label: "工作制度",
    unit: "项",
    description: "列明的知识产权信息公共服务工作制度（workSystems）项数，重复的只计一次",
    compute: (app) => distinct(app.workSystems),
  }),
  "application.fullTime": applicationMetric({
    label: "专职人员数量",
    unit: "人",
    description: "机构基本情况中的专职人员数（org.staff.fullTime）；未填的记 0",
    compute: (app) => app.org.staff?.fullTime ?? 0,
  }),
  "application.credentialedMembers": applicationMetric({
    label: "持有相关资格证书的团队成员",
    unit: "人",
    description: "服务团队（team）中至少列有一项资格证书（credentials）的人数",
    compute: (app) => app.team.filter((m) => m.credentials.some((c) => c.trim() !== "")).length,
  }),
  "application.servicesDeclared": applicationMetric({
    label: "申报的服务事项数",
    unit: "项",
    description:
      "三个层级（基础性、低成本专业化、增值）中申报的附件2 服务事项个数，按代码去重；清单外事项和“其他…服务”的文字说明不计",
    compute: declaredItems,
  }),
  "application.serviceObjects": applicationMetric({
    label: "服务对象类型数",
    unit: "类",
    description: "勾选的服务对象类型（serviceObjects）个数，共 5 类",
    compute: (app) => new Set(app.serviceObjects).size,
  }),
});

export function metricKeys(kind?: RubricKind): string[] {
  return Object.keys(METRICS).filter((key) => kind === undefined || METRICS[key]!.kind === kind);
}

export function getMetric(key: string): Metric | undefined {
  return Object.prototype.hasOwnProperty.call(METRICS, key) ? METRICS[key] : undefined;
}

/**
 * How many of an outlet's loaded ledger entries carry at least one `ledger/*` finding (input of C3). Findings of
 * the outlet as a whole (entry null: `ledger/missing`, `ledger/satisfaction`) are not about an entry and do not
 * count; entries are told apart by file, so two ledger files of one outlet do not mix their row numbers.
 */
export function countEntriesWithLedgerFinding(findings: readonly Finding[], outlet: string | null): number {
  const entries = new Set<string>();
  for (const f of findings) {
    if (f.outlet === outlet && f.rule.startsWith("ledger/") && f.entry !== null) {
      entries.add(`${f.file ?? ""}\u0000${f.entry}`);
    }
  }
  return entries.size;
}
