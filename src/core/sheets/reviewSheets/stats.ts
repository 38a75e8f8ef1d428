/**
 * 服务统计: the tables of `stats` (CLI.md) as Excel tables, one sheet each, every one closed by a 合计 row taken from
 * the report's totals (the tests check that the rows add up to it). Pure.
 */
import { getItem, itemLabel, TIER_LABELS } from "../../catalog";
import { CATEGORY_SHORT_LABELS, SERVICE_OBJECT_LABELS, type Category, type ServiceObject } from "../../codes";
import { UNKNOWN_CATEGORY, UNSPECIFIED_CLIENT } from "../../stats";
import type { GroupStats, StatsReport, TierCounts } from "../../statsTypes";
import type { CellValue, ColumnSpec, TableSheet } from "../model";
import { column, FORMATS, num, tableSheet, text } from "./common";

export const STATS_SHEETS = {
  total: "服务统计-全市合计",
  outlets: "服务统计-各网点",
  byCategory: "服务统计-按类别",
  byDistrict: "服务统计-按区",
  byMonth: "服务统计-按月份",
  byClient: "服务统计-按服务对象",
  byItem: "服务统计-按服务事项",
  previousYear: "服务统计-同比",
} as const;

/** Label of the closing row of every statistics table. */
export const TOTAL_LABEL = "合计";
export const CITY_TOTAL_LABEL = "全市合计";

const TIER_COLUMNS: readonly ColumnSpec[] = [
  column("basic", "基础性服务", "integer", 11),
  column("lowCost", "低成本专业化服务", "integer", 16),
  column("valueAdded", "增值服务", "integer", 10),
  column("total", "服务合计", "integer", 10),
];

function tiers(c: TierCounts): CellValue[] {
  return [c.basic, c.lowCost, c.valueAdded, c.total];
}

function share(part: number, whole: number): CellValue {
  return whole ? part / whole : null;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

function totalSheet(report: StatsReport): TableSheet {
  const t = report.total;
  const x = report.excluded;
  const rows: [string, number | null, string][] = [
    ["统计年度", report.year, "年"],
    ["网点数", report.outlets.length, "个"],
    ["基础性服务", t.counts.basic, "次"],
    ["低成本专业化服务", t.counts.lowCost, "次"],
    ["增值服务", t.counts.valueAdded, "次"],
    ["服务合计", t.counts.total, "次"],
    ["免费服务", t.free, "次"],
    ["收费服务", t.paid, "次"],
    ["收费总额", t.feeTotal, "元"],
    ["基础性服务中免费", t.basicFree, "次"],
    ["有成果交付的低成本及增值服务", t.withDeliverable, "次"],
    ["参与人次", t.participants, "人次"],
    ["培训宣传场次", t.training.sessions, "场"],
    ["培训宣传参与人次", t.training.participants, "人次"],
    ["服务对象（去重）", t.clients, "个"],
    ["覆盖本市区数（共 11 个区）", t.districtsCovered.length, "个"],
    ["满意度均值（1–5 分）", t.satisfaction.mean, "分"],
    ["评价条数", t.satisfaction.rated, "条"],
    ["评价率", t.counts.total ? round((t.satisfaction.rated / t.counts.total) * 100, 1) : null, "%"],
    ["非常满意", t.satisfactionLevels["5"], "条"],
    ["满意", t.satisfactionLevels["4"], "条"],
    ["基本满意", t.satisfactionLevels["3"], "条"],
    ["不满意", t.satisfactionLevels["2"], "条"],
    ["非常不满意", t.satisfactionLevels["1"], "条"],
    ["未计入：服务事项不在附件2或不适用于网点类别", x.unknownItem, "条"],
    ["未计入：日期缺失或无法识别", x.badDate, "条"],
    ["未计入：不在统计年度", x.otherYear, "条"],
    ["未计入：格式无法读取", x.unreadable, "条"],
  ];
  const prev = report.previousYear;
  if (prev && !prev.ledgers) rows.push([`日期为 ${prev.year} 年的记录（未计入，不作同比）`, prev.total.total, "条"]);
  const columns = [
    column("metric", "指标", "text", 40),
    // Counts, 元 and a mean share this column: General shows each as it is (a fixed format would round one of them).
    column("value", "数值", "number", 14, { numFmt: "General" }),
    column("unit", "单位", "text", 6),
  ];
  return tableSheet(STATS_SHEETS.total, "StatsTotal", columns, rows, 1);
}

const OUTLET_COLUMNS: readonly ColumnSpec[] = [
  column("outletName", "网点", "text", 30),
  column("outlet", "统一社会信用代码", "text", 22),
  column("category", "网点类别", "text", 18),
  column("district", "所在区", "text", 9),
  ...TIER_COLUMNS,
  column("free", "免费", "integer", 8),
  column("paid", "收费", "integer", 8),
  column("feeTotal", "收费总额（元）", "money", 14),
  column("participants", "参与人次", "integer", 10),
  column("training.sessions", "培训宣传场次", "integer", 12),
  column("training.participants", "培训宣传人次", "integer", 12),
  column("satisfaction.mean", "满意度均值", "number", 10, { numFmt: FORMATS.mean }),
  column("satisfaction.rated", "评价条数", "integer", 9),
  column("clients", "服务对象（去重）", "integer", 15, {
    note: "合计行为全市去重后的服务对象数，同一服务对象到过几个网点只计一次，故可能小于各网点之和",
  }),
  column("districtsCovered", "覆盖区数", "integer", 9, { note: "合计行为全市覆盖的区数（共 11 个区）" }),
];

function outletsSheet(report: StatsReport): TableSheet {
  const row = (
    name: string,
    code: string | null,
    category: CellValue,
    district: CellValue,
    s: StatsReport["total"],
  ): CellValue[] => [
    name,
    text(code),
    category,
    district,
    ...tiers(s.counts),
    s.free,
    s.paid,
    s.feeTotal,
    s.participants,
    s.training.sessions,
    s.training.participants,
    num(s.satisfaction.mean),
    s.satisfaction.rated,
    s.clients,
    s.districtsCovered.length,
  ];
  const rows = report.outlets.map((o) =>
    row(
      o.outletName ?? o.outlet ?? "（名称未填写）",
      o.outlet,
      o.category ? CATEGORY_SHORT_LABELS[o.category] : "未知",
      o.district ?? "未知",
      o,
    ),
  );
  rows.push(row(CITY_TOTAL_LABEL, null, null, null, report.total));
  return tableSheet(STATS_SHEETS.outlets, "StatsOutlets", OUTLET_COLUMNS, rows, 1);
}

function groupSheet(
  name: string,
  tableName: string,
  keyHeader: string,
  groups: Record<string, GroupStats>,
  label: (key: string) => string,
  report: StatsReport,
): TableSheet {
  const columns = [column("key", keyHeader, "text", 26), column("outlets", "网点数", "integer", 8), ...TIER_COLUMNS];
  const rows: CellValue[][] = Object.entries(groups).map(([k, g]) => [label(k), g.outlets, ...tiers(g.counts)]);
  rows.push([TOTAL_LABEL, report.outlets.length, ...tiers(report.total.counts)]);
  return tableSheet(name, tableName, columns, rows, 1);
}

function countSheet(
  name: string,
  tableName: string,
  keyHeader: string,
  counts: Record<string, number>,
  label: (key: string) => string,
  total: number,
  extra?: { header: string; value: (key: string) => CellValue },
): TableSheet {
  const columns = [
    column("key", keyHeader, "text", 34),
    ...(extra ? [column("extra", extra.header, "text", 16)] : []),
    column("count", "服务次数", "integer", 10),
    column("share", "占比", "percent", 9),
  ];
  const rows: CellValue[][] = Object.entries(counts).map(([k, n]) => [
    label(k),
    ...(extra ? [extra.value(k)] : []),
    n,
    share(n, total),
  ]);
  rows.push([TOTAL_LABEL, ...(extra ? [null] : []), total, share(total, total)]);
  return tableSheet(name, tableName, columns, rows, 1);
}

function monthLabel(key: string): string {
  const m = /^(\d{4})-(\d{2})$/u.exec(key);
  return m ? `${m[1]}年${Number(m[2])}月` : key;
}

function previousYearSheet(report: StatsReport): TableSheet | null {
  const prev = report.previousYear;
  if (!prev || !prev.ledgers || report.year === null) return null;
  const current = new Map(report.outlets.map((o) => [o.outlet, o.counts.total]));
  const previous = new Map(prev.outlets.map((o) => [o.outlet, o.counts.total]));
  const names = new Map<string | null, string>();
  for (const o of [...report.outlets, ...prev.outlets])
    if (!names.has(o.outlet)) names.set(o.outlet, o.outletName ?? o.outlet ?? "（名称未填写）");
  const columns = [
    column("outletName", "网点", "text", 30),
    column("outlet", "统一社会信用代码", "text", 22),
    column("previous", `${prev.year} 年`, "integer", 10),
    column("current", `${report.year} 年`, "integer", 10),
    column("change", "增减", "integer", 9, { numFmt: "+#,##0;-#,##0;0" }),
    column("ratio", "增幅", "percent", 9, { numFmt: "+0.0%;-0.0%;0.0%" }),
  ];
  const rows: CellValue[][] = [...names].map(([outlet, name]) => {
    const before = previous.get(outlet) ?? 0;
    const now = current.get(outlet) ?? 0;
    return [name, text(outlet), before, now, now - before, before ? (now - before) / before : null];
  });
  rows.push([
    CITY_TOTAL_LABEL,
    null,
    prev.total.total,
    report.total.counts.total,
    prev.change.total,
    prev.change.ratio,
  ]);
  return tableSheet(STATS_SHEETS.previousYear, "StatsYoY", columns, rows, 1);
}

/** The statistics sheets, in the order of the `stats` report. */
export function statsSheets(report: StatsReport): TableSheet[] {
  const t = report.total;
  const sheets = [
    totalSheet(report),
    outletsSheet(report),
    groupSheet(STATS_SHEETS.byCategory, "StatsCategory", "网点类别", report.byCategory, categoryName, report),
    groupSheet(STATS_SHEETS.byDistrict, "StatsDistrict", "所在区（按地址识别）", report.byDistrict, (k) => k, report),
    countSheet(STATS_SHEETS.byMonth, "StatsMonth", "月份", t.byMonth, monthLabel, t.counts.total),
    countSheet(STATS_SHEETS.byClient, "StatsClient", "服务对象", t.byClient, clientName, t.counts.total),
    countSheet(STATS_SHEETS.byItem, "StatsItem", "服务事项", t.byItem, itemName, t.counts.total, {
      header: "服务层级",
      value: (code) => {
        const item = getItem(code);
        return item ? TIER_LABELS[item.tier] : null;
      },
    }),
  ];
  const yoy = previousYearSheet(report);
  if (yoy) sheets.push(yoy);
  return sheets;
}

function categoryName(key: string): string {
  return key === UNKNOWN_CATEGORY ? "类别未知" : (CATEGORY_SHORT_LABELS[key as Category] ?? key);
}

function clientName(key: string): string {
  return key === UNSPECIFIED_CLIENT ? "未注明" : (SERVICE_OBJECT_LABELS[key as ServiceObject] ?? key);
}

function itemName(code: string): string {
  const item = getItem(code);
  return item ? itemLabel(item) : code;
}
