/**
 * Service statistics of 第十四条 (每年度对服务次数进行分类统计): the shapes shared by the stats
 * tables, the `stats` report of CLI.md and the auto criteria of the rubrics.
 */
import type { Category } from "./codes";

export interface TierCounts {
  basic: number;
  lowCost: number;
  valueAdded: number;
  total: number;
}

export interface SatisfactionStats {
  /** Mean of rated entries on the 1–5 scale, rounded to 2 decimals; null when none is rated. */
  mean: number | null;
  rated: number;
}

/** Counts over the counted entries of one outlet, one group of outlets, or all. */
export interface ServiceStats {
  counts: TierCounts;
  /** Item code → entries ("B01", "library.L01"). */
  byItem: Record<string, number>;
  /** Client type code → entries; entries without a client type under "unspecified". */
  byClient: Record<string, number>;
  /** "YYYY-MM" → entries. */
  byMonth: Record<string, number>;
  /** Entries with no fee or fee 0 (免费). */
  free: number;
  /** Entries with fee > 0 (收费). */
  paid: number;
  /** Sum of fees, 元. */
  feeTotal: number;
  /** Sum of participants (参与人次). */
  participants: number;
  satisfaction: SatisfactionStats;
  /** Rated entries per level 1–5 (1 非常不满意 … 5 非常满意). */
  satisfactionLevels: Record<"1" | "2" | "3" | "4" | "5", number>;
  /** Distinct clients: by credit code, else by name (entries with neither are not counted here). */
  clients: number;
  /** Guangzhou districts (of the 11, in codes.ts order) among the clients' districts. */
  districtsCovered: string[];
  /** Entries whose item is tagged `training` (培训、宣传推广、素养教育), and their participants. */
  training: { sessions: number; participants: number };
  /** Basic-tier entries delivered free. */
  basicFree: number;
  /** Low-cost and value-added entries with a named deliverable (成果交付). */
  withDeliverable: number;
}

export interface OutletServiceStats extends ServiceStats {
  outlet: string | null;
  outletName: string | null;
  category: Category | null;
  /** District of the outlet, from its address (summary, application or registry). */
  district: string | null;
}

/** Entries read but not counted, by reason (the report says how many and why). */
export interface StatsExclusions {
  /** Item not in 附件2 (or not of the outlet's lists). */
  unknownItem: number;
  /** Date missing or unparseable. */
  badDate: number;
  /** Dated in a year other than the statistics year (or its previous year, when compared). */
  otherYear: number;
  /** Entries the loader could not read at all (input/unreadable findings): never counted, counted here. */
  unreadable: number;
}

export interface GroupStats {
  outlets: number;
  counts: TierCounts;
}

/** Service counts of the year before the statistics year, when the batch holds entries of it. */
export interface PreviousYearStats {
  year: number;
  total: TierCounts;
  /** Outlets with counted entries in the previous year (outletName added for readable tables). */
  outlets: { outlet: string | null; outletName: string | null; counts: TierCounts }[];
  /**
   * This year's total minus the previous year's, and that change as a share of the previous total (4 decimals;
   * null when no ledger of the previous year was given).
   */
  change: { total: number; ratio: number | null };
  /**
   * Ledgers of the previous year in the batch. With none, the previous year's entries are only strays dated
   * then in this year's ledgers: they are shown, but no ratio is given (it would compare a year with a few days).
   */
  ledgers: number;
}

/** The JSON report of `stats` (CLI.md): its keys and their order are a public contract. */
export interface StatsReport {
  version: 1;
  /** Statistics year: the one asked for, else the most common ledger year; null when there is no ledger. */
  year: number | null;
  outlets: OutletServiceStats[];
  total: ServiceStats;
  /** Category code → outlets and their counts; outlets of unknown category under "unknown". */
  byCategory: Record<string, GroupStats>;
  /** District of the outlet's address → outlets and their counts; unknown or outside Guangzhou under "未知". */
  byDistrict: Record<string, GroupStats>;
  excluded: StatsExclusions;
  previousYear: PreviousYearStats | null;
}
