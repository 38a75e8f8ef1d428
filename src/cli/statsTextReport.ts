/** The readable Chinese report of `stats`: city totals, per outlet, by category, district, month, client and item. */
import { escapeControls } from "../core/text";
import { getItem, itemLabel, TIER_LABELS } from "../core/catalog";
import { CATEGORY_SHORT_LABELS, SERVICE_OBJECT_LABELS, type Category, type ServiceObject } from "../core/codes";
import type { Finding } from "../core/findings";
import { UNKNOWN_CATEGORY, UNSPECIFIED_CLIENT } from "../core/stats";
import type { GroupStats, ServiceStats, StatsReport, TierCounts } from "../core/statsTypes";
import { formatNumber as n, formatTable } from "./format";

/** Items listed in the table of items; the JSON has them all. */
const TOP_ITEMS = 15;
const MAX_UNREADABLE = 50;
const NUMERALS = "一二三四五六七八九十";

const TIER_HEADERS = ["基础性服务", "低成本专业化服务", "增值服务", "合计"];

function tierCells(c: TierCounts): string[] {
  return [n(c.basic), n(c.lowCost), n(c.valueAdded), n(c.total)];
}

function percent(part: number, whole: number): string {
  return whole ? `${((part / whole) * 100).toFixed(1)}%` : "—";
}

function satisfaction(s: ServiceStats["satisfaction"]): string {
  return s.mean === null ? "—" : `${s.mean.toFixed(2)}（${n(s.rated)}）`;
}

function signed(value: number): string {
  return value > 0 ? `+${n(value)}` : n(value);
}

function growth(ratio: number | null): string {
  return ratio === null ? "—" : `${ratio > 0 ? "+" : ""}${(ratio * 100).toFixed(1)}%`;
}

function outletLabel(o: { outlet: string | null; outletName: string | null }): string {
  return o.outletName ?? o.outlet ?? "（名称未填写）";
}

function sumGroups(groups: Record<string, GroupStats>): { outlets: number; counts: TierCounts } {
  const out = { outlets: 0, counts: { basic: 0, lowCost: 0, valueAdded: 0, total: 0 } };
  for (const g of Object.values(groups)) {
    out.outlets += g.outlets;
    out.counts.basic += g.counts.basic;
    out.counts.lowCost += g.counts.lowCost;
    out.counts.valueAdded += g.counts.valueAdded;
    out.counts.total += g.counts.total;
  }
  return out;
}

export function formatStatsTextReport(report: StatsReport, options: { unreadable: readonly Finding[] }): string {
  const lines: string[] = [];
  const t = report.total;
  const x = report.excluded;
  const excludedTotal = x.unknownItem + x.badDate + x.otherYear + x.unreadable;
  const prev = report.previousYear;

  const reasons = (
    [
      ["服务事项不在附件2或不适用于网点类别", x.unknownItem],
      ["日期缺失或无法识别", x.badDate],
      ["不在统计年度", x.otherYear],
      ["格式无法读取", x.unreadable],
    ] as const
  )
    .filter(([, count]) => count > 0)
    .map(([why, count]) => `${why} ${n(count)} 条`)
    .join("，");

  lines.push("网点评审助手 · 服务统计（第十四条：服务次数分类统计）", "");
  if (report.year === null) {
    lines.push("输入中没有服务台账（type 为 ledger 的文档），无从统计。", "");
  } else {
    lines.push(`统计年度：${report.year} 年；网点 ${report.outlets.length} 个`);
    lines.push(
      `计入服务记录 ${n(t.counts.total)} 条` +
        (prev
          ? prev.ledgers
            ? `；另有上年度（${prev.year} 年）记录 ${n(prev.total.total)} 条，用于同比`
            : `；另有日期为上年度（${prev.year} 年）的 ${n(prev.total.total)} 条（见“与上年度比较”）`
          : "") +
        `；未计入 ${n(excludedTotal)} 条` +
        (excludedTotal ? `（${reasons}；详见 outlet-review check）` : ""),
      "",
    );
  }

  let section = 0;
  const heading = (title: string) => {
    section++;
    lines.push(`${NUMERALS[section - 1] ?? String(section)}、${title}`, "");
  };

  if (report.year !== null) {
    heading("全市合计");
    lines.push(
      ...formatTable(
        ["项目", "数值"],
        [
          ...TIER_HEADERS.map((h, i) => [h, tierCells(t.counts)[i]!]),
          ["免费", n(t.free)],
          ["收费", n(t.paid)],
          ["收费总额（元）", n(t.feeTotal)],
          ["参与人次", n(t.participants)],
          [
            "满意度（1–5 分）",
            t.satisfaction.mean === null
              ? "—（无评价）"
              : `${t.satisfaction.mean.toFixed(2)}（评价 ${n(t.satisfaction.rated)} 条，占 ${percent(t.satisfaction.rated, t.counts.total)}）`,
          ],
          ["服务对象（去重）", n(t.clients)],
          ["覆盖本市区数", `${t.districtsCovered.length} / 11`],
          ["培训宣传（场次 / 人次）", `${n(t.training.sessions)} / ${n(t.training.participants)}`],
        ],
      ),
      "",
    );

    heading(`各网点（${report.outlets.length} 个）`);
    if (!report.outlets.length) lines.push("  （无）", "");
    else {
      lines.push(
        ...formatTable(
          ["网点", ...TIER_HEADERS, "免费", "收费", "收费总额（元）", "参与人次", "满意度（评价数）"],
          report.outlets.map((o) => [
            outletLabel(o),
            ...tierCells(o.counts),
            n(o.free),
            n(o.paid),
            n(o.feeTotal),
            n(o.participants),
            satisfaction(o.satisfaction),
          ]),
          {
            footer: [
              "全市合计",
              ...tierCells(t.counts),
              n(t.free),
              n(t.paid),
              n(t.feeTotal),
              n(t.participants),
              satisfaction(t.satisfaction),
            ],
          },
        ),
        "",
        ...formatTable(
          ["网点", "统一社会信用代码", "类别", "所在区", "服务对象（去重）", "覆盖区数", "培训宣传（场次/人次）"],
          report.outlets.map((o) => [
            outletLabel(o),
            o.outlet ?? "—",
            o.category ? CATEGORY_SHORT_LABELS[o.category] : "未知",
            o.district ?? "未知",
            n(o.clients),
            String(o.districtsCovered.length),
            `${n(o.training.sessions)} / ${n(o.training.participants)}`,
          ]),
          { align: ["left", "left", "left", "left"] },
        ),
        "",
      );
    }

    const groupTable = (
      title: string,
      keyHeader: string,
      groups: Record<string, GroupStats>,
      label: (k: string) => string,
    ) => {
      heading(title);
      const sum = sumGroups(groups);
      lines.push(
        ...formatTable(
          [keyHeader, "网点数", ...TIER_HEADERS],
          Object.entries(groups).map(([k, g]) => [label(k), n(g.outlets), ...tierCells(g.counts)]),
          { footer: ["合计", n(sum.outlets), ...tierCells(sum.counts)] },
        ),
        "",
      );
    };
    groupTable("按网点类别", "网点类别", report.byCategory, (k) =>
      k === UNKNOWN_CATEGORY ? "类别未知" : CATEGORY_SHORT_LABELS[k as Category],
    );
    groupTable("按区（网点所在区，按地址识别）", "所在区", report.byDistrict, (k) => k);

    heading("按月份");
    lines.push(
      ...formatTable(
        ["月份", "服务次数", "占比"],
        Object.entries(t.byMonth).map(([month, count]) => [month, n(count), percent(count, t.counts.total)]),
        { footer: ["合计", n(t.counts.total), percent(t.counts.total, t.counts.total)] },
      ),
      "",
    );

    heading("按服务对象");
    lines.push(
      ...formatTable(
        ["服务对象", "服务次数", "占比"],
        Object.entries(t.byClient).map(([type, count]) => [
          type === UNSPECIFIED_CLIENT ? "未注明" : SERVICE_OBJECT_LABELS[type as ServiceObject],
          n(count),
          percent(count, t.counts.total),
        ]),
        { footer: ["合计", n(t.counts.total), percent(t.counts.total, t.counts.total)] },
      ),
      "",
    );

    const items = Object.entries(t.byItem).sort((a, b) => b[1] - a[1]);
    heading(`服务事项（共 ${items.length} 项${items.length > TOP_ITEMS ? `，列出次数最多的 ${TOP_ITEMS} 项` : ""}）`);
    if (!items.length) lines.push("  （无）");
    else
      lines.push(
        ...formatTable(
          ["序号", "服务事项", "层级", "服务次数"],
          items.slice(0, TOP_ITEMS).map(([code, count], i) => {
            const item = getItem(code);
            return [String(i + 1), item ? itemLabel(item) : code, item ? TIER_LABELS[item.tier] : "", n(count)];
          }),
          { align: ["right", "left", "left", "right"] },
        ),
      );
    lines.push("");

    if (prev) {
      heading(`与上年度比较（${prev.year} 年 → ${report.year} 年）`);
      if (!prev.ledgers) {
        // Strays dated last year in this year's ledgers are no year to compare with: say so, show no growth.
        const strays = prev.outlets.map((o) => `${outletLabel(o)} ${n(o.counts.total)} 条`).join("，");
        lines.push(
          `  输入中没有 ${prev.year} 年度的台账，不作同比。本年度台账中有 ${n(prev.total.total)} 条记录的日期为 ${prev.year} 年` +
            `（${strays}），未计入 ${report.year} 年统计；同比请一并给出上年度台账。`,
          "",
        );
      } else {
        const current = new Map(report.outlets.map((o) => [o.outlet, o.counts.total]));
        const previous = new Map(prev.outlets.map((o) => [o.outlet, o]));
        const names = new Map<string | null, string>();
        for (const o of [...report.outlets, ...prev.outlets])
          if (!names.has(o.outlet)) names.set(o.outlet, outletLabel(o));
        const rows = [...names].map(([outlet, name]) => {
          const before = previous.get(outlet)?.counts.total ?? 0;
          const now = current.get(outlet) ?? 0;
          return [name, n(before), n(now), signed(now - before), growth(before ? (now - before) / before : null)];
        });
        lines.push(
          ...formatTable([`网点`, `${prev.year} 年`, `${report.year} 年`, "增减", "增幅"], rows, {
            footer: [
              "全市合计",
              n(prev.total.total),
              n(t.counts.total),
              signed(prev.change.total),
              growth(prev.change.ratio),
            ],
          }),
          "",
        );
      }
    }
  }

  if (options.unreadable.length) {
    heading(`无法读取的输入（${options.unreadable.length}）`);
    for (const f of options.unreadable.slice(0, MAX_UNREADABLE)) {
      lines.push(`  · ${f.file ?? ""}${f.path ? ` · ${f.path}` : ""}：${f.message}`);
    }
    if (options.unreadable.length > MAX_UNREADABLE) {
      lines.push(`  · ……另有 ${options.unreadable.length - MAX_UNREADABLE} 条（outlet-review check 可列出全部）`);
    }
    lines.push("");
  }
  // One report line per line: control characters in names and values are shown escaped, never obeyed.
  return lines.map(escapeControls).join("\n").replace(/\n+$/u, "") + "\n";
}
