import { STATS_SHEETS } from "../../src/core/sheets/reviewSheets/stats";
import type { TableSheet, WorkbookModel } from "../../src/core/sheets/model";
import { addStatsCharts, planCharts } from "../../src/office/charts";
import { createExcelRunner } from "../../src/office/runner";
import { FakeExcel } from "./fakeExcel";

const sheet = (name: string, keys: string[], rows: (string | number)[][]): TableSheet => ({
  kind: "table",
  name,
  columns: keys.map((key) => ({ key, header: key, type: "text", width: 10 })),
  rows,
});

const model: WorkbookModel = {
  title: "统计",
  sheets: [
    sheet(
      STATS_SHEETS.total,
      ["metric", "value", "unit"],
      [
        ["统计年度", 2025, "年"],
        ["网点数", 3, "个"],
        ["基础性服务", 10, "次"],
        ["低成本专业化服务", 5, "次"],
        ["增值服务", 2, "次"],
      ],
    ),
    sheet(
      STATS_SHEETS.byMonth,
      ["key", "count", "share"],
      [
        ["2025年1月", 4, 0.4],
        ["2025年2月", 6, 0.6],
        ["合计", 10, 1],
      ],
    ),
    sheet(
      STATS_SHEETS.byCategory,
      ["key", "outlets", "basic", "lowCost", "valueAdded", "total"],
      [
        ["高校", 1, 3, 2, 1, 6],
        ["合计", 1, 3, 2, 1, 6],
      ],
    ),
  ],
};

describe("charts", () => {
  it("plans the tier pie, the monthly line and the category columns from the written ranges", () => {
    expect(planCharts(model).map((p) => [p.sheet, p.type, p.source, p.categories])).toEqual([
      [STATS_SHEETS.total, "Pie", "A4:B6", undefined],
      [STATS_SHEETS.byMonth, "Line", "B1:B3", "A2:A3"],
      [STATS_SHEETS.byCategory, "ColumnStacked", "C1:E2", "A2:A2"],
    ]);
  });

  it("adds them in one request after finding the sheets", async () => {
    const fake = new FakeExcel();
    for (const s of model.sheets) fake.addSheet(s.name);
    const runner = createExcelRunner({ run: (batch) => batch(fake.context()), supports: () => true });
    expect(await addStatsCharts(runner, model)).toBe(3);
    expect(fake.syncs).toBe(2);
    expect(fake.log.filter((o) => o.op.startsWith("chart:")).map((o) => o.op)).toEqual([
      "chart:Pie:Columns",
      "chart:Line:Columns",
      "chart:ColumnStacked:Columns",
    ]);
  });
});
