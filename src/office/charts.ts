/**
 * Charts on the 服务统计 sheets, from the ranges the model wrote there: the tier mix of the city total (pie), the
 * monthly trend (line) and services by outlet category (stacked columns). Planned from the model (pure, tested),
 * then added in one request.
 */
import { columnLetter, type TableSheet, type WorkbookModel } from "../core/sheets/model";
import { STATS_SHEETS, TOTAL_LABEL } from "../core/sheets/reviewSheets/stats";
import type { ExcelRunner } from "./runner";

export interface ChartPlan {
  sheet: string;
  type: "Pie" | "Line" | "ColumnStacked";
  title: string;
  /** Source data (with its header row or label column). */
  source: string;
  seriesBy: "Columns" | "Rows";
  /** Category labels when not part of `source`. */
  categories?: string;
  /** Top-left cell the chart is placed at (right of the table). */
  anchor: string;
}

const TIER_LABELS = ["基础性服务", "低成本专业化服务", "增值服务"];

function find(model: WorkbookModel, name: string): TableSheet | null {
  const s = model.sheets.find((x) => x.name === name);
  return s && s.kind === "table" ? s : null;
}

/** Data rows of a table sheet before its 合计 row, as sheet rows [first, last]. */
function bodyRows(sheet: TableSheet): { header: number; first: number; last: number } {
  const header = sheet.title !== undefined ? 2 : 1;
  let count = sheet.rows.length;
  const lastLabel = sheet.rows[count - 1]?.[0];
  if (lastLabel === TOTAL_LABEL || lastLabel === "全市合计") count--;
  return { header, first: header + 1, last: header + count };
}

const anchorRight = (sheet: TableSheet): string => `${columnLetter(sheet.columns.length + 1)}2`;

export function planCharts(model: WorkbookModel): ChartPlan[] {
  const plans: ChartPlan[] = [];
  const total = find(model, STATS_SHEETS.total);
  if (total) {
    const { first } = bodyRows(total);
    const rows = TIER_LABELS.map((label) => total.rows.findIndex((r) => r[0] === label));
    // The three tiers are consecutive rows of the total sheet: chart label column A and value column B.
    if (rows.every((r, i) => r >= 0 && r === rows[0]! + i)) {
      plans.push({
        sheet: total.name,
        type: "Pie",
        title: "服务层级构成",
        source: `A${first + rows[0]!}:B${first + rows[2]!}`,
        seriesBy: "Columns",
        anchor: anchorRight(total),
      });
    }
  }
  const month = find(model, STATS_SHEETS.byMonth);
  if (month) {
    const { header, last } = bodyRows(month);
    const count = month.columns.findIndex((c) => c.key === "count");
    if (last > header && count >= 0) {
      const col = columnLetter(count);
      plans.push({
        sheet: month.name,
        type: "Line",
        title: "各月服务次数",
        source: `${col}${header}:${col}${last}`,
        seriesBy: "Columns",
        categories: `A${header + 1}:A${last}`,
        anchor: anchorRight(month),
      });
    }
  }
  const category = find(model, STATS_SHEETS.byCategory);
  if (category) {
    const { header, last } = bodyRows(category);
    const basic = category.columns.findIndex((c) => c.key === "basic");
    if (last > header && basic >= 0) {
      const from = columnLetter(basic);
      const to = columnLetter(basic + 2);
      plans.push({
        sheet: category.name,
        type: "ColumnStacked",
        title: "各类别网点服务次数",
        source: `${from}${header}:${to}${last}`,
        seriesBy: "Columns",
        categories: `A${header + 1}:A${last}`,
        anchor: anchorRight(category),
      });
    }
  }
  return plans;
}

/** Adds the planned charts (one sync). Sheets the workbook lacks are skipped. Returns how many were added. */
export async function addStatsCharts(runner: ExcelRunner, model: WorkbookModel): Promise<number> {
  const plans = planCharts(model);
  if (plans.length === 0) return 0;
  return runner.run(async (context) => {
    const sheets = new Map(
      [...new Set(plans.map((p) => p.sheet))].map((n) => [n, context.workbook.worksheets.getItemOrNullObject(n)]),
    );
    for (const ws of sheets.values()) ws.load("isNullObject");
    await context.sync("charts:probe");
    let added = 0;
    for (const plan of plans) {
      const ws = sheets.get(plan.sheet);
      if (!ws || ws.isNullObject) continue;
      const chart = ws.charts.add(plan.type, ws.getRange(plan.source), plan.seriesBy);
      chart.title.text = plan.title;
      if (plan.categories) chart.axes.categoryAxis.setCategoryNames(ws.getRange(plan.categories));
      chart.setPosition(plan.anchor);
      chart.width = 480;
      chart.height = 300;
      added++;
    }
    await context.sync("charts:add");
    return added;
  });
}
