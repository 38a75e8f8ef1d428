/**
 * The importer on RawWorkbooks built by hand: what people really do to a sheet (the tolerance table of the
 * issue), what cannot be read (a finding naming sheet, row and column), and the bookkeeping rows read = rows
 * loaded + rows rejected.
 */
import { parseSettings } from "../../../src/core/config";
import { runChecks } from "../../../src/core/engine";
import type { SourcedLedger } from "../../../src/core/parse";
import { ruleIds } from "../../../src/core/rules";
import { importWorkbook, type ImportResult } from "../../../src/core/sheets/import";
import type { CellValue, RawSheet, RawWorkbook, WorkbookMarker } from "../../../src/core/sheets/model";
import { OUTLET_CODE } from "../../helpers/fixtures";

const HEADER = [
  "服务日期",
  "服务事项",
  "服务对象类型",
  "服务对象名称",
  "统一社会信用代码",
  "所在区",
  "服务方式",
  "收费金额（元）",
  "报价（元）",
  "需求调整",
  "成果交付",
  "参与人次",
  "满意度",
  "服务人员",
  "佐证材料",
  "服务成果反馈",
];

/** A row as the template gives it back, by header; `patch` changes cells by header. */
function row(patch: Record<string, CellValue> = {}, header: readonly string[] = HEADER): CellValue[] {
  const base: Record<string, CellValue> = {
    服务日期: { date: "2025-04-26" },
    服务事项: "B01 知识产权培训",
    服务对象类型: "社会公众",
    服务对象名称: "社会公众（讲座听众）",
    所在区: "越秀区",
    服务方式: "会议",
    "收费金额（元）": 0,
    成果交付: "讲座课件及签到表",
    参与人次: 80,
    满意度: "5 非常满意",
    服务人员: "何嘉欣",
  };
  const values = { ...base, ...patch };
  return header.map((h) => values[h] ?? null);
}

const INFO: RawSheet = {
  name: "网点信息",
  hidden: false,
  rows: [
    ["服务情况记录台账 · 网点信息", null],
    ["网点名称", "广州市越秀区东湖图书馆"],
    ["网点统一社会信用代码", OUTLET_CODE],
    ["台账年度", 2025],
  ],
};

function ledgerBook(
  rows: CellValue[][],
  options: { header?: readonly string[]; info?: boolean; marker?: WorkbookMarker | null } = {},
): RawWorkbook {
  return {
    sheets: [
      { name: "填写说明", hidden: false, rows: [["服务情况记录台账 · 填写说明"], ["第十四条 网点应建立服务规范……"]] },
      ...(options.info === false ? [] : [INFO]),
      { name: "服务台账", hidden: false, rows: [[...(options.header ?? HEADER)], ...rows] },
      { name: "_lists", hidden: true, rows: [["B01 知识产权培训"]] },
    ],
    marker:
      options.marker === undefined ? { kind: "ledger", version: 1, options: { category: "library" } } : options.marker,
  };
}

function ledgerOf(result: ImportResult): SourcedLedger {
  const doc = result.documents.find((d) => d.kind === "ledger");
  expect(doc).toBeDefined();
  return doc as SourcedLedger;
}

function balanced(result: ImportResult): void {
  expect(result.rowsRead).toBe(result.rowsLoaded + result.rowsRejected);
}

describe("ledger: what people really do", () => {
  it.each<[string, Record<string, CellValue>, string, unknown]>([
    ["an Excel date serial", { 服务日期: 45721 }, "date", "2025-03-05"],
    ["a serial with a time of day", { 服务日期: 45721.6 }, "date", "2025-03-05"],
    ["a text date 2025-3-5", { 服务日期: "2025-3-5" }, "date", "2025-03-05"],
    ["a text date 2025/3/5", { 服务日期: "2025/3/5" }, "date", "2025-03-05"],
    ["a text date 2025.3.5", { 服务日期: "2025.3.5" }, "date", "2025-03-05"],
    ["a text date 2025年3月5日", { 服务日期: "2025年3月5日" }, "date", "2025-03-05"],
    ["a number stored as text", { "收费金额（元）": "1,200" }, "fee", 1200],
    ["full-width digits", { "收费金额（元）": "８００", 参与人次: "１２" }, "fee", 800],
    ["full-width digits in a count", { 参与人次: "１２" }, "participants", 12],
    [
      "trailing spaces in text",
      { 服务对象名称: "广州明远电子科技有限公司  " },
      "client.name",
      "广州明远电子科技有限公司",
    ],
    ["trailing spaces in a list value", { 所在区: "天河区 ", 服务方式: " 线上" }, "client.district", "天河区"],
    ["a district without 区", { 所在区: "天河" }, "client.district", "天河区"],
    ["an item typed as its name", { 服务事项: "知识产权信息咨询" }, "item", "B04"],
    ["an item of the category typed as its name", { 服务事项: "专利查新" }, "item", "library.L01"],
    ["an item code in lower case", { 服务事项: "b02" }, "item", "B02"],
    ["a client type as its code", { 服务对象类型: "enterprise" }, "client.type", "enterprise"],
    ["a satisfaction level by name", { 满意度: "满意" }, "satisfaction", 4],
    ["a satisfaction level as a number", { 满意度: 3 }, "satisfaction", 3],
    [
      "a credit code typed in lower case",
      { 统一社会信用代码: "91440101ma5axy1234 " },
      "client.creditCode",
      "91440101MA5AXY1234",
    ],
  ])("reads %s", (_what, patch, key, expected) => {
    const result = importWorkbook(ledgerBook([row(patch)]), "台账.xlsx");
    const entry = ledgerOf(result).doc.entries[0] as Record<string, unknown>;
    const value = key.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)?.[k], entry);
    expect(value).toEqual(expected);
    expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
    expect(result).toMatchObject({ rowsRead: 1, rowsLoaded: 1, rowsRejected: 0 });
  });

  it("skips blank rows (and rows blank but for a 序号) and counts only rows with data", () => {
    const header = ["序号", ...HEADER];
    const result = importWorkbook(
      ledgerBook(
        [
          [1, ...row()],
          [2, ...HEADER.map(() => null)],
          [],
          [3, ...HEADER.map(() => "  ")],
          [4, ...row({ 服务日期: "2025-05-01" })],
        ],
        { header },
      ),
      "台账.xlsx",
    );
    const ledger = ledgerOf(result);
    expect(ledger.doc.entries).toHaveLength(2);
    expect(ledger.entryNumbers).toEqual([2, 6]);
    expect(result).toMatchObject({ rowsRead: 2, rowsLoaded: 2, rowsRejected: 0 });
    // 序号 is expected and needs no notice.
    expect(result.findings).toEqual([]);
  });

  it("matches moved columns by their header text and reports the columns it does not know", () => {
    const header = [...HEADER].reverse();
    header.splice(3, 0, "备注");
    const result = importWorkbook(ledgerBook([row({ 备注: "内部备注" }, header)], { header }), "台账.xlsx");
    const entry = ledgerOf(result).doc.entries[0]!;
    expect(entry).toMatchObject({ date: "2025-04-26", item: "B01", client: { type: "public" }, fee: 0 });
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: "info", path: "服务台账!D1", message: expect.stringContaining("“备注”") }),
    ]);
  });

  it("finds the header under title rows and reads headers written differently", () => {
    const header = HEADER.map((h) => (h === "收费金额（元）" ? "收费金额(元)" : h === "服务日期" ? " *服务日期 " : h));
    const book = ledgerBook([row({}, HEADER)], { header });
    const sheet = book.sheets.find((s) => s.name === "服务台账")!;
    sheet.rows.unshift(["广州市越秀区东湖图书馆 2025 年服务情况记录台账"], []);
    const result = importWorkbook(book, "台账.xlsx");
    expect(ledgerOf(result).entryNumbers).toEqual([4]);
    expect(ledgerOf(result).doc.entries[0]).toMatchObject({ date: "2025-04-26", fee: 0 });
  });

  it("leaves a 合计 row out, and says so", () => {
    const total = HEADER.map((h) => (h === "服务日期" ? "合计" : h === "收费金额（元）" ? 800 : null));
    const result = importWorkbook(ledgerBook([row(), total]), "台账.xlsx");
    expect(ledgerOf(result).doc.entries).toHaveLength(1);
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: "info", path: "服务台账!3:3", message: expect.stringContaining("合计") }),
    ]);
  });

  it("an unreadable cell is a finding naming sheet, row and column; the row is rejected, the rest loaded", () => {
    const result = importWorkbook(
      ledgerBook([row(), row({ "收费金额（元）": "免费咨询" }), row({ 统一社会信用代码: 124401114554122720 }), row()]),
      "台账.xlsx",
    );
    const ledger = ledgerOf(result);
    expect(ledger.doc.entries).toHaveLength(2);
    expect(ledger.entryNumbers).toEqual([2, 5]);
    expect(ledger.entriesRead).toBe(4);
    expect(ledger.entriesRejected).toBe(2);
    const errors = result.findings.filter((f) => f.severity === "error");
    expect(errors).toEqual([
      expect.objectContaining({
        rule: "input/unreadable",
        file: "台账.xlsx",
        path: "服务台账!H3",
        entry: 3,
        document: "ledger",
        outlet: OUTLET_CODE,
        message: expect.stringMatching(/工作表“服务台账”第 3 行“收费金额（元）”（H3）：.*免费咨询.*该行未载入/u),
      }),
      expect.objectContaining({
        path: "服务台账!E4",
        entry: 4,
        message: expect.stringContaining("Excel 已丢失末尾几位"),
      }),
    ]);
    expect(result).toMatchObject({ rowsRead: 4, rowsLoaded: 2, rowsRejected: 2 });
    balanced(result);
    // The balance is told in the report too.
    expect(result.findings.at(-1)).toMatchObject({ severity: "info", message: expect.stringContaining("读取 4 行") });
  });

  it.each<[string, Record<string, CellValue>, "rejected" | "kept"]>([
    ["an error value in the date (required)", { 服务日期: { unreadable: "error", shown: "#VALUE!" } }, "rejected"],
    [
      "a formula without its result in the fee (required)",
      { "收费金额（元）": { unreadable: "formula-no-value", shown: "" } },
      "rejected",
    ],
    [
      "a bad shared-string index in the item (required)",
      { 服务事项: { unreadable: "bad-string-index", shown: "99" } },
      "rejected",
    ],
    ["#N/A in the satisfaction (optional)", { 满意度: { unreadable: "error", shown: "#N/A" } }, "kept"],
    ["INF in the participants (optional)", { 参与人次: { unreadable: "not-a-number", shown: "INF" } }, "kept"],
    [
      "text XML cannot hold in the staff (optional)",
      { 服务人员: { unreadable: "invalid-text", shown: "何\\u{FFFE}" } },
      "kept",
    ],
  ])("%s: the row is %s, and the cell is named", (_what, patch, outcome) => {
    const result = importWorkbook(ledgerBook([row(patch), row()]), "台账.xlsx");
    balanced(result);
    const [header] = Object.keys(patch);
    const col = HEADER.indexOf(header!);
    const ref = `服务台账!${String.fromCharCode(65 + col)}2`;
    const finding = result.findings.find((f) => f.path === ref);
    expect(finding?.message).toMatch(new RegExp(`^工作表“服务台账”第 2 行“${header}”`, "u"));
    if (outcome === "rejected") {
      expect(finding).toMatchObject({ severity: "error", entry: 2 });
      expect(finding!.message).toMatch(/该行未载入$/u);
      expect(result).toMatchObject({ rowsRead: 2, rowsLoaded: 1, rowsRejected: 1 });
    } else {
      expect(finding).toMatchObject({ severity: "warning", entry: 2 });
      expect(finding!.message).toMatch(/该项未读取，本行其余内容照常载入$/u);
      expect(result).toMatchObject({ rowsRead: 2, rowsLoaded: 2, rowsRejected: 0 });
      // Left out, never a blank that passes for "not filled": the entry simply has no such field.
      const key = { 满意度: "satisfaction", 参与人次: "participants", 服务人员: "staff" }[header!]!;
      expect((ledgerOf(result).doc.entries[0] as Record<string, unknown>)[key]).toBeUndefined();
    }
  });

  it("a column of unreadable cells warns at most 200 times a sheet, then counts the rest", () => {
    const rows = Array.from({ length: 250 }, () => row({ 满意度: { unreadable: "error", shown: "#N/A" } }));
    const result = importWorkbook(ledgerBook(rows), "台账.xlsx");
    const warnings = result.findings.filter((f) => f.severity === "warning");
    expect(warnings).toHaveLength(201);
    expect(warnings.at(-1)!.message).toBe("工作表“服务台账”另有 50 个单元格无法读取，未逐一列出（所在行已载入）");
    expect(result).toMatchObject({ rowsRead: 250, rowsLoaded: 250 });
  });

  it("points check findings at the cells of the sheet", () => {
    const result = importWorkbook(
      ledgerBook([row(), row({ 成果交付: null }), row({ 服务事项: "代办营业执照" })]),
      "台账.xlsx",
    );
    const ledger = ledgerOf(result);
    expect(ledger.entryPath(1, "deliverable")).toBe("服务台账!K3");
    expect(ledger.entryPath(1, "client.name")).toBe("服务台账!D3");
    expect(ledger.entryPath(0, null)).toBe("服务台账!2:2");
    const check = runChecks(result.documents, { settings: parseSettings({}, ruleIds()), today: "2026-01-10" });
    const missing = check.findings.find((f) => f.rule === "ledger/required-field");
    expect(missing).toMatchObject({ file: "台账.xlsx", path: "服务台账!K3", entry: 3 });
    const unknown = check.findings.find((f) => f.rule === "ledger/unknown-item");
    expect(unknown).toMatchObject({ path: "服务台账!B4", entry: 4 });
  });

  it("without 网点信息 the year comes from the service dates, and says so", () => {
    const result = importWorkbook(
      ledgerBook([row(), row({ 服务日期: "2025/6/1" }), row({ 服务日期: "2024-12-30" })], {
        info: false,
        marker: null,
      }),
      "自制台账.xlsx",
    );
    expect(ledgerOf(result).doc).toMatchObject({ year: 2025, outlet: {} });
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: "info", message: expect.stringContaining("推定为 2025 年度") }),
    ]);
  });

  it("a bad 网点信息 rejects the ledger with a finding at its cell, counting every row as rejected", () => {
    const book = ledgerBook([row(), row()]);
    book.sheets[1] = { ...INFO, rows: [...INFO.rows.slice(0, 3), ["台账年度", "明年"]] };
    const result = importWorkbook(book, "台账.xlsx");
    expect(result.documents).toEqual([]);
    expect(result.findings[0]).toMatchObject({ path: "网点信息!B4", message: expect.stringContaining("台账年度") });
    expect(result).toMatchObject({ rowsRead: 2, rowsLoaded: 0, rowsRejected: 2 });
  });

  it("several ledger sheets of one workbook make one ledger, each entry pointing at its own sheet", () => {
    const book = ledgerBook([row()]);
    book.sheets.push({ name: "下半年", hidden: false, rows: [[...HEADER], row({ 服务日期: "2025-09-01" })] });
    const ledger = ledgerOf(importWorkbook(book, "台账.xlsx"));
    expect(ledger.doc.entries.map((e) => e.date)).toEqual(["2025-04-26", "2025-09-01"]);
    expect(ledger.entryPath(1, "date")).toBe("下半年!A2");
  });
});

describe("recognising a workbook", () => {
  it("without a marker, a ledger sheet is recognised by its headers", () => {
    const result = importWorkbook(ledgerBook([row()], { marker: null }), "x.xlsx");
    expect(ledgerOf(result).doc.outlet).toEqual({ name: "广州市越秀区东湖图书馆", creditCode: OUTLET_CODE });
  });

  it("a workbook of nothing it knows is a finding, not a silent skip", () => {
    const result = importWorkbook(
      {
        sheets: [
          {
            name: "Sheet1",
            hidden: false,
            rows: [
              ["姓名", "电话"],
              ["张三", "138"],
            ],
          },
        ],
        marker: null,
      },
      "通讯录.xlsx",
    );
    expect(result.documents).toEqual([]);
    expect(result.findings).toEqual([
      expect.objectContaining({ severity: "error", file: "通讯录.xlsx", message: expect.stringContaining("无法识别") }),
    ]);
  });

  it("refuses the tool's own output workbooks as inputs", () => {
    const result = importWorkbook({ sheets: [], marker: { kind: "reviewWorkbook", version: 1 } }, "审核结果.xlsx");
    expect(result.findings[0]).toMatchObject({
      severity: "error",
      message: expect.stringContaining("不是可填写的模板"),
    });
  });

  it("reads a newer template version with a warning", () => {
    const result = importWorkbook(ledgerBook([row()], { marker: { kind: "ledger", version: 9 } }), "x.xlsx");
    expect(result.documents).toHaveLength(1);
    expect(result.findings[0]).toMatchObject({ severity: "warning", message: expect.stringContaining("版本") });
  });

  it("tells about a sheet it cannot place", () => {
    const book = ledgerBook([row()]);
    book.sheets.push({ name: "草稿", hidden: false, rows: [["随手记"]] });
    book.sheets.push({ name: "Sheet3", hidden: false, rows: [] });
    const result = importWorkbook(book, "x.xlsx");
    expect(result.findings).toEqual([expect.objectContaining({ severity: "info", path: "草稿!A1" })]);
  });
});

describe("网点名录", () => {
  const header = ["统一社会信用代码", "网点名称", "网点类别", "地址", "状态", "认定日期"];
  const evalHeader = ["统一社会信用代码", "网点名称", "评估年度", "评估得分", "评估等级"];
  const book = (outlets: CellValue[][], evaluations: CellValue[][]): RawWorkbook => ({
    sheets: [
      { name: "网点名录", hidden: false, rows: [header, ...outlets] },
      { name: "评估记录", hidden: false, rows: [evalHeader, ...evaluations] },
    ],
    marker: { kind: "registry", version: 1 },
  });

  it("reads outlets and joins their evaluations by credit code", () => {
    const result = importWorkbook(
      book(
        [
          [OUTLET_CODE, "广州市越秀区东湖图书馆", "公共图书馆类服务网点", "东湖路123号", "有效", "2023/9/20"],
          ["91440101MA5AXY1234", "广州某机构", "market", null, "已撤销", 45000],
        ],
        [
          [OUTLET_CODE.toLowerCase(), null, 2024, "91.2", "优秀"],
          [OUTLET_CODE, null, "２０２３", 85, "良好"],
        ],
      ),
      "名录.xlsx",
    );
    const registry = result.documents[0];
    expect(registry?.kind).toBe("registry");
    if (registry?.kind !== "registry") return;
    expect(registry.doc.outlets[0]).toMatchObject({
      creditCode: OUTLET_CODE,
      category: "library",
      status: "active",
      accreditedOn: "2023-09-20",
      evaluations: [
        { year: 2024, score: 91.2, grade: "excellent" },
        { year: 2023, score: 85, grade: "good" },
      ],
    });
    expect(registry.doc.outlets[1]).toMatchObject({
      category: "market",
      status: "revoked",
      accreditedOn: "2023-03-15",
    });
    expect(result).toMatchObject({ rowsRead: 4, rowsLoaded: 4, rowsRejected: 0 });
  });

  it("rejects a bad row, and an evaluation of no outlet, each at its cell", () => {
    const result = importWorkbook(
      book(
        [
          [OUTLET_CODE, "广州市越秀区东湖图书馆", "图书馆", null, "有效", null],
          ["91440101MA5AXY1234", "广州某机构", "market", null, "有效", null],
        ],
        [
          ["91440101MA5AXY1234", null, 2024, 75, "很好"],
          ["91440101MA5AXY9999", null, 2024, 75, "合格"],
        ],
      ),
      "名录.xlsx",
    );
    const errors = result.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.path)).toEqual(["评估记录!E2", "网点名录!C2", "评估记录!A3"]);
    expect(errors[2]!.message).toContain("名录中没有统一社会信用代码为 91440101MA5AXY9999 的网点");
    const registry = result.documents[0];
    expect(registry?.kind === "registry" && registry.doc.outlets.map((o) => o.name)).toEqual(["广州某机构"]);
    expect(result).toMatchObject({ rowsRead: 4, rowsLoaded: 1, rowsRejected: 3 });
    balanced(result);
  });
});

describe("评分表", () => {
  const header = [
    "统一社会信用代码",
    "网点名称",
    "A1 年度有效服务次数（自动，10分）",
    "C4 证明材料与抽查核实（0–4分）",
    "D1 典型案例及成效（0–10分）",
    "回避",
    "回避理由",
    "自动评分依据",
  ];
  const sheet = (name: string, rows: CellValue[][], title?: string): RawSheet => ({
    name,
    hidden: false,
    rows: [...(title ? [[title]] : []), header, ...rows],
  });
  const marker: WorkbookMarker = { kind: "scoring", version: 1, options: { expert: "C4,D1", auto: "A1" } };

  it("reads one ReviewerSheet per sheet: expert cells (blank = null), 回避 with its reason, auto columns left out", () => {
    const result = importWorkbook(
      {
        sheets: [
          sheet(
            "评分表-专家A 陈教授",
            [
              [OUTLET_CODE, "东湖图书馆", 10, 3.5, "８.５", null, null, "A1 …"],
              ["91440101MA5AXY1234", "某机构", 2, null, 7, "否", null, null],
              ["91440106MA5BL6RX97", "另一机构", 5, null, null, "是", "近三年曾在该机构兼职", null],
            ],
            "评审专家：专家A 陈教授\n评分细则：…",
          ),
          sheet("评分表-李", [[OUTLET_CODE, "东湖图书馆", 10, 4, 9, null, null, null]]),
        ],
        marker,
      },
      "评分.xlsx",
    );
    expect(result.findings).toEqual([]);
    expect(result.sheets).toHaveLength(2);
    const [a, b] = result.sheets;
    expect(a).toMatchObject({ reviewer: "专家A 陈教授", file: "评分.xlsx", pathPrefix: "评分表-专家A 陈教授" });
    expect(a!.scores.map((s) => [s.outlet, s.criterion, s.score])).toEqual([
      [OUTLET_CODE, "C4", 3.5],
      [OUTLET_CODE, "D1", 8.5],
      ["91440101MA5AXY1234", "C4", null],
      ["91440101MA5AXY1234", "D1", 7],
    ]);
    expect(a!.conflicts).toEqual([{ outlet: "91440106MA5BL6RX97", reason: "近三年曾在该机构兼职", index: 0 }]);
    // No title: the reviewer is named by the sheet.
    expect(b!.reviewer).toBe("李");
    expect(result).toMatchObject({ rowsRead: 4, rowsLoaded: 4, rowsRejected: 0 });
  });

  it("a typo in a score is a finding at its cell (the cell counts as blank); 回避 without reason rejects the sheet", () => {
    const result = importWorkbook(
      {
        sheets: [
          sheet("评分表", [[OUTLET_CODE, "东湖图书馆", 10, "八分", 9, null, null, null]]),
          sheet("评分表-王", [["91440106MA5BL6RX97", "某机构", 5, null, null, "是", null, null]]),
        ],
        marker,
      },
      "专家/赵.xlsx",
    );
    const errors = result.findings.filter((f) => f.severity === "error");
    expect(errors.map((f) => f.path)).toEqual(["评分表!D2", "'评分表-王'!G2"]);
    expect(errors[0]!.message).toMatch(/第 2 行“C4 证明材料与抽查核实（0–4分）”：.*八分/u);
    expect(errors[1]!.message).toBe(
      "评审专家“王”的评分表：第 2 行“回避理由”未填写（声明回避须说明理由），该评分表未载入",
    );
    // The generic sheet 评分表 takes the reviewer from the file name.
    expect(result.sheets.map((s) => [s.reviewer, s.scores.length])).toEqual([["赵", 1]]);
    expect(result).toMatchObject({ rowsRead: 2, rowsLoaded: 0, rowsRejected: 2 });
  });

  it("blind sheets map 网点-01 back to the outlet through the marker", () => {
    const blindHeader = ["网点编号", "D1 典型案例及成效（0–10分）", "回避", "回避理由"];
    const result = importWorkbook(
      {
        sheets: [{ name: "评分表-甲", hidden: false, rows: [blindHeader, ["网点-01", 6, null, null]] }],
        marker: { kind: "scoring", version: 1, options: { "code:网点-01": OUTLET_CODE } },
      },
      "盲评.xlsx",
    );
    expect(result.sheets[0]!.scores).toEqual([{ outlet: OUTLET_CODE, criterion: "D1", score: 6, index: 0 }]);
  });
});

describe("申报书 and 工作总结表 as forms", () => {
  const form = (extra: CellValue[][] = []): RawSheet => ({
    name: "申报书",
    hidden: false,
    rows: [
      ["广州市知识产权信息公共服务网点申报书", null],
      ["申报年度", 2026],
      ["填报日期", "2026年5月18日"],
      ["一、机构基本情况", null],
      ["名称（法人单位名称）", "广州知衡知识产权代理有限公司 "],
      ["统一社会信用代码", "91440106ma5an7qw7e"],
      ["专职人员数量", "９"],
      ["网点机构类别", "市场化服务机构类服务网点"],
      ["1.咨询服务类", "是"],
      ["3.代理服务类", "√"],
      ["企事业单位", "是"],
      ["高校", "否"],
      ["B01 知识产权培训", "是"],
      ["L01 知识产权特定信息检索", "是"],
      ["低成本专业化服务——上列以外的附件2事项", "market.L06、专利查新"],
      ["是否具有固定的一定面积的服务场所", "是"],
      ["服务场所占地面积（m²）", "320"],
      ["自购数据库名称（如有）", "incoPat、智慧芽（PatSnap）"],
      ["三、服务团队人员情况（1000字左右）", null],
      ["服务团队人员名单（主要负责人、专职人员至少5名、兼职人员）", null],
      ["姓名", "人员类别", "学历", "资格证书", "个人情况及工作经历简介（200字左右）"],
      ["陈立衡", "主要负责人", "硕士", "专利代理师资格证", "……"],
      [null, null, null, null, null],
      ["李专职", "专职", "本科", null, null],
      ["四、未来发展思路和支持措施（2000字左右）", null],
      ["是否已盖章", "是"],
      ...extra,
    ],
  });

  it("reads label/value pairs, checkboxes, lists and the team table back into an application", () => {
    const result = importWorkbook({ sheets: [form()], marker: { kind: "application", version: 1 } }, "申报书.xlsx");
    expect(result.findings).toEqual([]);
    const app = result.documents[0];
    expect(app?.kind).toBe("application");
    if (app?.kind !== "application") return;
    expect(app.doc).toMatchObject({
      year: 2026,
      submittedOn: "2026-05-18",
      org: { name: "广州知衡知识产权代理有限公司", creditCode: "91440106MA5AN7QW7E", staff: { fullTime: 9 } },
      category: "market",
      marketTypes: ["consulting", "agency"],
      serviceObjects: ["enterprise"],
      services: { basic: ["B01"], lowCost: ["L01", "market.L06", "library.L01"] },
      infrastructure: { venue: true, venueArea: 320, databases: ["incoPat", "智慧芽（PatSnap）"] },
      team: [
        { name: "陈立衡", role: "head", education: "硕士", credentials: ["专利代理师资格证"] },
        { name: "李专职", role: "fullTime" },
      ],
      declaration: { sealed: true },
    });
    expect(result).toMatchObject({ rowsRead: 1, rowsLoaded: 1, rowsRejected: 0 });
  });

  it("a value the schema refuses is a finding at its cell, naming the field", () => {
    const sheet = form();
    sheet.rows[1] = ["申报年度", "明年"];
    const result = importWorkbook({ sheets: [sheet], marker: { kind: "application", version: 1 } }, "申报书.xlsx");
    expect(result.documents).toEqual([]);
    expect(result.findings[0]).toMatchObject({
      path: "申报书!B2",
      document: "application",
      message: expect.stringMatching(/^“申报年度”：.*明年/u),
    });
    expect(result).toMatchObject({ rowsRead: 1, rowsLoaded: 0, rowsRejected: 1 });
  });

  it("an unreadable required field rejects the form; an unreadable optional one is left out with a warning", () => {
    const required = form();
    required.rows[4] = ["名称（法人单位名称）", { unreadable: "error", shown: "#REF!" }];
    const refused = importWorkbook({ sheets: [required], marker: { kind: "application", version: 1 } }, "申报书.xlsx");
    expect(refused.documents).toEqual([]);
    expect(refused.findings[0]).toMatchObject({
      severity: "error",
      path: "申报书!B5",
      message: "“名称（法人单位名称）”：单元格为错误值 #REF!，没有可用的值（公式出错或引用已失效），该申报书未载入",
    });
    const optional = form();
    optional.rows[17] = ["自购数据库名称（如有）", { unreadable: "formula-no-value", shown: "" }];
    const kept = importWorkbook({ sheets: [optional], marker: { kind: "application", version: 1 } }, "申报书.xlsx");
    expect(kept.documents).toHaveLength(1);
    expect(kept.findings).toEqual([
      expect.objectContaining({
        severity: "warning",
        path: "申报书!B18",
        message: expect.stringMatching(
          /^“自购数据库名称（如有）”：单元格是公式，但文件中没有保存它的计算结果.*；该项未读取$/u,
        ),
      }),
    ]);
  });

  it("a checkbox that is neither 是 nor 否 is a finding at its cell", () => {
    const sheet = form();
    sheet.rows[10] = ["企事业单位", "大概"];
    const result = importWorkbook({ sheets: [sheet], marker: null }, "申报书.xlsx");
    expect(result.findings[0]).toMatchObject({ path: "申报书!B11", message: expect.stringContaining("“企事业单位”") });
  });

  it("without a marker, a 工作总结表 is told from a 申报书 by its labels", () => {
    const sheet: RawSheet = {
      name: "总结",
      hidden: false,
      rows: [
        ["年度", 2025],
        ["名称（法人单位名称）", "广州市越秀区东湖图书馆"],
        ["统一社会信用代码", OUTLET_CODE],
        ["网点机构类别", "公共图书馆类服务网点"],
        ["社会公众", "是"],
        ["B01 知识产权培训", "是"],
        ["library.B04 知识产权信息素养教育", "否"],
        ["服务开展情况", "……"],
        ["创新亮点", "……"],
        ["典型案例", null],
        ["名称", "实施时间", "内容和效果"],
        ["世界知识产权日专题讲座", "2025年4月", "……"],
        ["（五）服务对象的反馈评价材料", "是"],
      ],
    };
    const result = importWorkbook({ sheets: [sheet], marker: null }, "总结.xlsx");
    expect(result.findings).toEqual([]);
    expect(result.documents[0]).toMatchObject({
      kind: "annualSummary",
      doc: {
        year: 2025,
        category: "library",
        serviceObjects: ["public"],
        services: { basic: ["B01"] },
        cases: [{ name: "世界知识产权日专题讲座", period: "2025年4月" }],
        evidence: { feedback: true },
      },
    });
  });
});
