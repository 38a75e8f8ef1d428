import { itemsForCategory } from "../../../src/core/catalog";
import type { FormSheet, TableSheet, TextSheet, WorkbookModel } from "../../../src/core/sheets/model";
import {
  ARTICLE_10,
  ARTICLE_14,
  applicationTemplate,
  applicationWorkbook,
  ledgerTemplate,
  ledgerWorkbook,
  registryTemplate,
  scoringTemplate,
  scoringWorkbook,
  summaryTemplate,
  TEMPLATE_VERSION,
} from "../../../src/core/sheets/templates";
import { DEFAULT_RUBRICS } from "../../../src/core/scoring/rubrics";
import { parseDocumentValue } from "../../../src/core/parse";
import type { Application, Ledger } from "../../../src/core/schemas";
import { application, ledger, OUTLET_CODE } from "../../helpers/fixtures";

function sheet<K extends "table" | "form" | "text">(
  model: WorkbookModel,
  name: string,
  kind: K,
): Extract<TableSheet | FormSheet | TextSheet, { kind: K }> {
  const s = model.sheets.find((x) => x.name === name);
  expect(s?.kind).toBe(kind);
  return s as Extract<TableSheet | FormSheet | TextSheet, { kind: K }>;
}

function doc<T>(raw: unknown): T {
  return parseDocumentValue(raw, null).documents[0]!.doc as T;
}

describe("台账模板", () => {
  const model = ledgerTemplate({ category: "library", year: 2025 });

  it("has 填写说明 quoting 第十条 and 第十四条, 网点信息 and 服务台账", () => {
    expect(model.sheets.map((s) => s.name)).toEqual(["填写说明", "网点信息", "服务台账"]);
    const text = sheet(model, "填写说明", "text").paragraphs.join("\n");
    for (const p of [...ARTICLE_10, ...ARTICLE_14]) expect(text).toContain(p);
    expect(text).toContain("公共图书馆类服务网点");
  });

  it("carries the marker with kind, version and options", () => {
    expect(model.marker).toEqual({
      kind: "ledger",
      version: TEMPLATE_VERSION,
      options: { category: "library", year: "2025" },
    });
  });

  it("freezes the Chinese header and gives input rows their drop-downs", () => {
    const table = sheet(model, "服务台账", "table");
    expect(table.freeze).toBeDefined();
    expect(table.rows).toEqual([]);
    expect(table.inputRows).toBeGreaterThanOrEqual(100);
    expect(table.columns.find((c) => c.key === "item")?.validation?.list).toHaveLength(
      itemsForCategory("library").length,
    );
    // The codecs stay in the layout: the adapter gets plain column specs.
    expect(table.columns.every((c) => !("codec" in c))).toBe(true);
    const info = sheet(model, "网点信息", "form");
    const year = info.blocks.find((b) => b.kind === "field" && b.field.key === "year");
    expect(year).toMatchObject({ field: { value: 2025 } });
  });

  it("filled from a ledger: one row per entry, items and levels as listed", () => {
    const filled = ledgerWorkbook(doc<Ledger>(ledger()), { category: "library" });
    const table = sheet(filled, "服务台账", "table");
    expect(table.rows).toHaveLength(10);
    expect(table.rows[0]!.slice(0, 4)).toEqual([
      { date: "2025-04-26" },
      "B01 知识产权培训",
      "社会公众",
      "社会公众（讲座听众）",
    ]);
    expect(table.rows[0]).toContain("5 非常满意");
    const info = sheet(filled, "网点信息", "form");
    expect(info.blocks.find((b) => b.kind === "field" && b.field.key === "outlet.creditCode")).toMatchObject({
      field: { value: OUTLET_CODE },
    });
  });
});

describe("申报书 and 工作总结表", () => {
  it("申报书: a form with 是/否 fields, long texts and the team and case tables", () => {
    const model = applicationTemplate({ category: "market" });
    expect(model.marker).toMatchObject({ kind: "application", version: 1, options: { category: "market" } });
    const form = sheet(model, "申报书", "form");
    const fields = form.blocks.flatMap((b) => (b.kind === "field" ? [b.field] : []));
    expect(fields.find((f) => f.label === "B01 知识产权培训")).toMatchObject({ type: "boolean", value: null });
    expect(fields.find((f) => f.key === "narratives.plan")?.type).toBe("longText");
    const tables = form.blocks.flatMap((b) => (b.kind === "table" ? [b] : []));
    expect(tables.map((t) => [t.key, t.inputRows])).toEqual([
      ["team", 12],
      ["cases", 2],
    ]);
    expect(sheet(model, "填写说明", "text").paragraphs.join("")).toContain("申报书应盖章、签字，否则视为无效申报");
  });

  it("申报书 filled: checkboxes 是/否, lists joined, tables with one row per person", () => {
    const app = doc<Application>(application());
    const form = sheet(applicationWorkbook(app), "申报书", "form");
    const value = (key: string) =>
      form.blocks.flatMap((b) => (b.kind === "field" && b.field.key === key ? [b.field.value] : []))[0];
    expect(value("services.basic[B01]")).toBe("是");
    expect(value("services.basic[B02]")).toBe("否");
    expect(value("serviceObjects[enterprise]")).toBe("是");
    expect(value("category")).toBe("市场化服务机构类服务网点");
    expect(value("infrastructure.databases")).toBe("incoPat、智慧芽（PatSnap）");
    expect(value("declaration.date")).toEqual({ date: "2026-05-16" });
    const team = form.blocks.find((b) => b.kind === "table" && b.key === "team");
    expect(team && team.kind === "table" && team.rows).toHaveLength(7);
  });

  it("工作总结表 carries its own marker", () => {
    expect(summaryTemplate().marker).toEqual({ kind: "annualSummary", version: 1 });
    expect(summaryTemplate().sheets.map((s) => s.name)).toEqual(["填写说明", "工作总结表"]);
  });
});

describe("网点名录", () => {
  it("has the outlets and their evaluations on two sheets", () => {
    const model = registryTemplate();
    expect(model.sheets.map((s) => s.name)).toEqual(["填写说明", "网点名录", "评估记录"]);
    expect(model.marker).toEqual({ kind: "registry", version: 1 });
    expect(sheet(model, "网点名录", "table").columns.find((c) => c.key === "status")?.validation?.list).toEqual([
      "有效",
      "已撤销",
      "已终止",
    ]);
  });
});

describe("评分表", () => {
  const rubric = DEFAULT_RUBRICS.annual;
  const subjects = [
    { key: OUTLET_CODE, name: "广州市越秀区东湖图书馆", auto: [{ criterion: "A1", x: 152, score: 10 }] },
    { key: "91440101MA5AXY1234", name: "广州某机构", auto: [{ criterion: "A1", x: 12, score: 0.2 }] },
  ];

  it("one protected sheet per reviewer: auto criteria filled and locked, expert cells 0…points, 回避", () => {
    const model = scoringTemplate({ rubric, subjects, reviewers: ["专家A 陈教授", "专家B"] });
    expect(model.sheets.map((s) => s.name)).toEqual(["填写说明", "评分表-专家A 陈教授", "评分表-专家B"]);
    const s = sheet(model, "评分表-专家B", "table");
    expect(s.protect).toBe(true);
    expect(s.title).toContain("评审专家：专家B");
    const a1 = s.columns.findIndex((c) => c.key === "auto.A1");
    expect(s.columns[a1]).toMatchObject({ locked: true });
    expect(s.rows.map((r) => r[a1])).toEqual([10, 0.2]);
    const d1 = s.columns.find((c) => c.key === "expert.D1")!;
    expect(d1).toMatchObject({ locked: false, validation: { min: 0, max: 10 } });
    expect(s.columns.find((c) => c.header === "回避")).toMatchObject({
      locked: false,
      validation: { list: ["是", "否"] },
    });
    expect(s.columns.find((c) => c.header === "回避理由")).toMatchObject({ locked: false });
    expect(s.columns.find((c) => c.key === "outlet")).toMatchObject({ locked: true });
    const basis = s.rows[0]![s.columns.findIndex((c) => c.key === "basis")];
    expect(basis).toContain("A1 年度有效服务次数 = 152 次 → 10/10");
    expect(model.marker?.options?.expert).toBe("C4,D1,D2,D3,D4");
  });

  it("without a reviewer: one sheet 评分表 for the reviewer to rename", () => {
    const model = scoringTemplate({ rubric, subjects });
    expect(model.sheets.map((s) => s.name)).toEqual(["填写说明", "评分表"]);
  });

  it("blind review shows 网点-01 and keeps the way back in the marker", () => {
    const model = scoringTemplate({ rubric, subjects, blind: true, reviewer: "甲" });
    const s = sheet(model, "评分表-甲", "table");
    expect(s.columns[0]!.header).toBe("网点编号");
    expect(s.columns.some((c) => c.header === "网点名称")).toBe(false);
    expect(s.rows.map((r) => r[0])).toEqual(["网点-01", "网点-02"]);
    expect(model.marker?.options?.["code:网点-02"]).toBe("91440101MA5AXY1234");
  });

  it("filled from reviewers' scores: their values, blanks and 回避", () => {
    const model = scoringWorkbook({ rubric, subjects }, [
      {
        reviewer: "甲",
        scores: [{ outlet: OUTLET_CODE, criterion: "D1", score: 8.5 }],
        conflicts: [{ outlet: "91440101MA5AXY1234", reason: "曾任该机构顾问" }],
      },
    ]);
    const s = sheet(model, "评分表-甲", "table");
    const col = (key: string) => s.columns.findIndex((c) => c.key === key);
    expect(s.rows[0]![col("expert.D1")]).toBe(8.5);
    expect(s.rows[0]![col("expert.D2")]).toBeNull();
    expect(s.rows[1]![col("conflict")]).toBe("是");
    expect(s.rows[1]![col("conflictReason")]).toBe("曾任该机构顾问");
  });
});
