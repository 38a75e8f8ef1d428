import ExcelJS from "exceljs";
import { writeWorkbook, LISTS_SHEET } from "../../../src/adapters/exceljs";
import { readXlsx } from "../../../src/adapters/xlsx/reader";
import { nodeInflater } from "../../../src/adapters/zip/nodeInflate";
import { MARKER_SHEET, type WorkbookModel } from "../../../src/core/sheets/model";
import { RISKY_TEXTS, LONG_LIST, cellXml, fullModel, loadExcel, partXml } from "./helpers";

/** Written workbooks read back with the product's reader. */
const readWorkbook = (data: Buffer | Uint8Array) => readXlsx(new Uint8Array(data), { inflate: nodeInflater });

let bytes: Buffer | Uint8Array;
let excel: ExcelJS.Workbook;

beforeAll(async () => {
  bytes = await writeWorkbook(fullModel());
  excel = await loadExcel(bytes);
});

const sheet = (name: string): ExcelJS.Worksheet => {
  const ws = excel.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};
const argb = (cell: ExcelJS.Cell): string | undefined =>
  cell.fill?.type === "pattern" ? (cell.fill.fgColor as { argb?: string } | undefined)?.argb : undefined;
/** exceljs's full reader keeps validations per cell. */
const validationAt = (ws: ExcelJS.Worksheet, address: string): ExcelJS.DataValidation | undefined =>
  (ws as unknown as { dataValidations: { find(a: string): ExcelJS.DataValidation | undefined } }).dataValidations.find(
    address,
  );

describe("writeWorkbook: values", () => {
  it("reads back every cell type as written (dates as { date }, booleans as 是/否)", async () => {
    const raw = await readWorkbook(bytes);
    const ledger = raw.sheets.find((s) => s.name === "服务台账")!;
    expect(ledger.hidden).toBe(false);
    expect(ledger.rows[0]).toEqual(["2025 年服务台账", null, null, null, null, null, null, null, null, null]);
    expect(ledger.rows[1]).toEqual(fullModel().sheets[0]!.kind === "table" ? LEDGER_HEADERS : []);
    expect(ledger.rows[2]).toEqual([
      "=1+1",
      3,
      0.5,
      1234.5,
      0.875,
      { date: "2025-03-05" },
      "是",
      "很长的服务内容说明。".repeat(12),
      LONG_LIST[0],
      "初级",
    ]);
    expect(ledger.rows[3]).toEqual([
      "+86 138 0013 8000",
      0,
      1,
      0,
      1,
      { date: "2024-12-31" },
      "否",
      "短",
      LONG_LIST[39],
      "高级",
    ]);
    expect(ledger.rows[4]).toEqual(["@SUM(A1)", null, null, null, null, null, null, null, null, null]);
    // Empty input rows hold formats only: no values, so no rows.
    expect(ledger.rows).toHaveLength(5);
  });

  it("reads back the form, the text sheet, hidden sheets and the marker", async () => {
    const raw = await readWorkbook(bytes);
    expect(raw.marker).toEqual({ kind: "ledgerTemplate", version: 2, options: { category: "高校" } });
    expect(raw.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["服务台账", false],
      ["问题清单", false],
      ["申报书", false],
      ["填写说明", false],
      ["隐藏表", true],
      [LISTS_SHEET, true],
    ]);
    const form = raw.sheets.find((s) => s.name === "申报书")!;
    const col = (i: number): unknown[] => form.rows.map((r) => r[i]);
    expect(col(0).slice(0, 8)).toEqual([
      "广州市知识产权信息公共服务网点申报书",
      "一、基本情况",
      "单位名称",
      "成立日期",
      "专职人员数",
      "是否收费",
      "单位简介",
      "以下表格请逐行填写。",
    ]);
    expect(form.rows[2]!.slice(0, 2)).toEqual(["单位名称", "某某大学"]);
    expect(form.rows[3]!.slice(0, 2)).toEqual(["成立日期", { date: "2001-09-01" }]);
    expect(form.rows[4]!.slice(0, 2)).toEqual(["专职人员数", 5]);
    expect(form.rows[5]!.slice(0, 2)).toEqual(["是否收费", "否"]);
    expect(form.rows[6]!.slice(0, 2)).toEqual(["单位简介", null]);
    // Table: title, header, one row, three input rows, one blank row; then the next heading.
    expect(form.rows[8]).toEqual(["人员名单", null, null]);
    expect(form.rows[9]).toEqual(["姓名", "学历", "年龄"]);
    expect(form.rows[10]).toEqual(["张三", "硕士", 35]);
    expect(form.rows.slice(11, 15)).toEqual(Array(4).fill([null, null, null]));
    expect(form.rows[15]![0]).toBe("二、承诺");
    expect(form.rows[16]!.slice(0, 2)).toEqual(["承诺", "是"]);
    const text = raw.sheets.find((s) => s.name === "填写说明")!;
    expect(text.rows).toEqual([["一、请逐项填写。"], [null], ["二、日期格式为 2025-03-05。"]]);
  });

  it("writes the marker as JSON in A1 of a very hidden sheet", () => {
    const ws = sheet(MARKER_SHEET);
    expect(ws.state).toBe("veryHidden");
    expect(JSON.parse(ws.getCell("A1").value as string)).toEqual(fullModel().marker);
  });

  it("writes no marker sheet without a marker", async () => {
    const model: WorkbookModel = { title: "t", sheets: [{ kind: "text", name: "说明", paragraphs: ["x"] }] };
    const raw = await readWorkbook(await writeWorkbook(model));
    expect(raw.marker).toBeNull();
    expect(raw.sheets.map((s) => s.name)).toEqual(["说明"]);
  });

  it("writes dates as real dates (serial 45721) formatted yyyy-mm-dd", async () => {
    const ws = sheet("服务台账");
    const cell = ws.getCell("F3");
    expect(cell.type).toBe(ExcelJS.ValueType.Date);
    expect((cell.value as Date).toISOString()).toBe("2025-03-05T00:00:00.000Z");
    expect(cell.numFmt).toBe("yyyy-mm-dd");
    expect(cellXml(await partXml(bytes, "xl/worksheets/sheet1.xml"), "F3")).toMatch(/<v>45721<\/v>/u);
  });
});

describe("writeWorkbook: text XML cannot hold", () => {
  it("never reaches the file: such characters are written as U+FFFD, and the workbook opens", async () => {
    const texts = ["控制\u0001字符", "非字符\uFFFE", "单独的代理项\uD800", "成对的😀代理项", "制表\t换行\n回车\r"];
    const model: WorkbookModel = {
      title: "t",
      sheets: [
        {
          kind: "table",
          name: "数据",
          columns: [{ key: "v", header: "值", type: "text", width: 20 }],
          rows: texts.map((t) => [t]),
        },
      ],
    };
    const data = await writeWorkbook(model);
    const raw = await readWorkbook(data);
    expect(raw.sheets[0]!.rows.slice(1).map((r) => r[0])).toEqual([
      "控制\uFFFD字符",
      "非字符\uFFFD",
      "单独的代理项\uFFFD",
      "成对的😀代理项",
      "制表\t换行\n回车\n",
    ]);
    // A second reader nobody here wrote opens it too.
    expect((await loadExcel(data)).getWorksheet("数据")!.getCell("A2").value).toBe("控制\uFFFD字符");
  });
});

describe("writeWorkbook: formula injection", () => {
  it("keeps =, +, - and @ texts as strings, never formulas", async () => {
    const model: WorkbookModel = {
      title: "t",
      sheets: [
        {
          kind: "table",
          name: "数据",
          columns: [{ key: "v", header: "值", type: "text", width: 20 }],
          rows: RISKY_TEXTS.map((t) => [t]),
          links: [{ row: 0, col: 0, sheet: "数据", cell: "A1" }],
        },
        {
          kind: "form",
          name: "表单",
          title: "=TITLE()",
          blocks: [{ kind: "field", field: { key: "k", label: "+label", type: "text", value: "-1+2" } }],
        },
        { kind: "text", name: "说明", paragraphs: ["@para"] },
      ],
    };
    const data = await writeWorkbook(model);
    const wb = await loadExcel(data);
    const ws = wb.getWorksheet("数据")!;
    RISKY_TEXTS.forEach((text, i) => {
      const cell = ws.getCell(`A${i + 2}`);
      expect(cell.formula).toBeUndefined();
      if (i === 0) {
        // The linked cell is a hyperlink whose text is the value.
        expect(cell.value).toEqual(expect.objectContaining({ text }));
      } else {
        expect(cell.type).toBe(ExcelJS.ValueType.String);
        expect(cell.value).toBe(text);
      }
    });
    expect(wb.getWorksheet("表单")!.getCell("A1").type).toBe(ExcelJS.ValueType.String);
    expect(wb.getWorksheet("表单")!.getCell("B2").value).toBe("-1+2");
    // In the XML: shared strings (t="s"), and no <f> anywhere in these sheets.
    for (const part of ["xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"]) {
      const xml = await partXml(data, part);
      expect(xml).not.toMatch(/<f[ >]/u);
    }
    const sheetXml = await partXml(data, "xl/worksheets/sheet1.xml");
    RISKY_TEXTS.forEach((_t, i) => expect(cellXml(sheetXml, `A${i + 2}`)).toMatch(/ t="s"/u));
    const shared = await partXml(data, "xl/sharedStrings.xml");
    expect(shared).toContain("=1+1");
    expect(shared).toContain("<t>=cmd|&apos; /C calc&apos;!A0</t>");
    const raw = await readWorkbook(data);
    expect(raw.sheets[0]!.rows.slice(1).map((r) => r[0])).toEqual(RISKY_TEXTS);
  });

  it("writes an invalid date as its text rather than another day", async () => {
    const model: WorkbookModel = {
      title: "t",
      sheets: [
        {
          kind: "table",
          name: "数据",
          columns: [{ key: "d", header: "日期", type: "date", width: 12 }],
          rows: [[{ date: "2025-02-30" }], [{ date: "1899-12-31" }], [{ date: "2025-02-28" }]],
        },
      ],
    };
    const raw = await readWorkbook(await writeWorkbook(model));
    expect(raw.sheets[0]!.rows.slice(1)).toEqual([["2025-02-30"], ["1899-12-31"], [{ date: "2025-02-28" }]]);
  });
});

describe("writeWorkbook: table sheets", () => {
  it("styles the title and header rows and sets column widths", () => {
    const ws = sheet("服务台账");
    const title = ws.getCell("A1");
    expect(title.font?.bold).toBe(true);
    expect(title.font?.size).toBe(14);
    expect(title.isMerged).toBe(true);
    expect(ws.getCell("J1").master.address).toBe("A1");
    const header = ws.getCell("B2");
    expect(header.value).toBe("次数");
    expect(header.font?.bold).toBe(true);
    expect(argb(header)).toBe("FFD6DCE4");
    expect(header.border?.bottom?.style).toBe("thin");
    expect(header.alignment).toEqual(expect.objectContaining({ horizontal: "center", wrapText: true }));
    expect(ws.getColumn(1).width).toBe(24);
    expect(ws.getColumn(8).width).toBe(30);
  });

  it("formats values by type on data and input rows only", () => {
    const ws = sheet("服务台账");
    const fmt = (a: string): string | undefined => ws.getCell(a).numFmt;
    expect([fmt("A3"), fmt("B3"), fmt("C3"), fmt("D3"), fmt("E3"), fmt("F3"), fmt("G3")]).toEqual([
      "@",
      "0",
      "0.00",
      "#,##0.00",
      "0.0%",
      "yyyy-mm-dd",
      "@",
    ]);
    // 3 data rows + 5 input rows: rows 3–10 formatted, row 11 not.
    expect(fmt("D10")).toBe("#,##0.00");
    expect(fmt("D11")).toBeUndefined();
    expect(ws.getCell("H3").alignment?.wrapText).toBe(true);
    expect(ws.getRow(3).height).toBeGreaterThan(15);
  });

  it("freezes the header and the first columns", () => {
    const [view] = sheet("服务台账").views as ExcelJS.WorksheetViewFrozen[];
    expect(view).toEqual(expect.objectContaining({ state: "frozen", xSplit: 1, ySplit: 2, topLeftCell: "B3" }));
    const [plain] = sheet("问题清单").views as ExcelJS.WorksheetViewFrozen[];
    expect(plain).toEqual(expect.objectContaining({ state: "frozen", xSplit: 0, ySplit: 1 }));
  });

  it("adds validations over data and input rows only: short lists inline, long lists on the lists sheet", () => {
    const ws = sheet("服务台账");
    const tier = validationAt(ws, "J3");
    expect(tier).toEqual(expect.objectContaining({ type: "list", formulae: ['"初级,中级,高级"'], allowBlank: true }));
    expect(validationAt(ws, "J10")).toEqual(tier);
    expect(validationAt(ws, "J11")).toBeUndefined();
    expect(validationAt(ws, "J2")).toBeUndefined();
    expect(validationAt(ws, "G3")).toEqual(expect.objectContaining({ type: "list", formulae: ['"是,否"'] }));
    const item = validationAt(ws, "I5")!;
    expect(item).toEqual(expect.objectContaining({ type: "list", error: "请选择服务项目", errorStyle: "stop" }));
    expect(item.formulae).toEqual([`'${LISTS_SHEET}'!$A$1:$A$40`]);
    expect(validationAt(ws, "B3")).toEqual(
      expect.objectContaining({ type: "whole", operator: "between", formulae: [0, 1000], errorStyle: "stop" }),
    );
    expect(validationAt(ws, "C3")).toEqual(
      expect.objectContaining({ type: "decimal", formulae: [0, 1.5], errorStyle: "warning" }),
    );
    const lists = sheet(LISTS_SHEET);
    expect(lists.state).toBe("veryHidden");
    expect(lists.getColumn(1).values.slice(1)).toEqual(LONG_LIST);
  });

  it("marks cells by severity with a note, worst severity first", () => {
    const ws = sheet("服务台账");
    expect(argb(ws.getCell("B3"))).toBe("FFFFC7CE");
    expect(ws.getCell("B3").note).toBe("次数与明细不符");
    expect(argb(ws.getCell("D4"))).toBe("FFFFEB9C");
    expect(ws.getCell("D4").note).toBe("收费为 0\n请核对");
    expect(argb(ws.getCell("A5"))).toBe("FFDDEBF7");
    // A mark keeps the column's format.
    expect(ws.getCell("D4").numFmt).toBe("#,##0.00");
    expect(ws.getCell("C3").note).toBeUndefined();
    expect(argb(ws.getCell("C3"))).toBeUndefined();
  });

  it("puts column notes on the header", () => {
    expect(sheet("服务台账").getCell("A2").note).toBe("填写服务对象全称");
  });

  it("links cells to other sheets, keeping their text", async () => {
    const ws = sheet("问题清单");
    expect(ws.getCell("C2").value).toEqual(
      expect.objectContaining({ text: "服务台账!B4", hyperlink: "#'服务台账'!$B$4" }),
    );
    // A linked empty cell shows its target.
    expect(ws.getCell("C3").value).toEqual(
      expect.objectContaining({ text: "服务台账!D5", hyperlink: "#'服务台账'!$D$5" }),
    );
    const raw = await readWorkbook(bytes);
    expect(raw.sheets.find((s) => s.name === "问题清单")!.rows[1]).toEqual([
      "L01",
      "次数与明细不符",
      "服务台账!B4",
      2,
      10.5,
    ]);
  });

  it("makes an Excel table with filters and a totals row when asked (and the sheet has no notes)", async () => {
    const ws = sheet("问题清单");
    const table = ws.getTable("Findings") as unknown as { table: { tableRef: string; totalsRow: boolean } };
    expect(table.table.tableRef).toBe("A1:E4");
    expect(table.table.totalsRow).toBe(true);
    const xml = await partXml(bytes, "xl/tables/table1.xml");
    expect(xml).toContain('name="Findings"');
    expect(xml).toContain('<autoFilter ref="A1:E3"');
    expect(xml).toContain('totalsRowFunction="sum"');
    const raw = await readWorkbook(bytes);
    // Totals read back as their cached results.
    expect(raw.sheets.find((s) => s.name === "问题清单")!.rows[3]).toEqual(["合计", null, null, 5, 30.5]);
  });

  it("falls back to an autoFilter when a table sheet has notes (exceljs cannot write both)", async () => {
    const model: WorkbookModel = {
      title: "t",
      sheets: [
        {
          kind: "table",
          name: "数据",
          columns: [
            { key: "a", header: "名称", type: "text", width: 10, note: "说明" },
            { key: "b", header: "数量", type: "integer", width: 10 },
          ],
          rows: [
            ["x", 1],
            ["y", 2],
          ],
          table: { name: "Data", totals: true },
        },
      ],
    };
    const data = await writeWorkbook(model);
    const wb = await loadExcel(data);
    const ws = wb.getWorksheet("数据")!;
    expect(ws.getTables()).toHaveLength(0);
    expect(ws.autoFilter).toBe("A1:B3");
    expect(ws.getCell("B4").value).toEqual({ formula: "SUBTOTAL(109,B2:B3)", result: 3 });
    expect((await readWorkbook(data)).sheets[0]!.rows[3]).toEqual(["合计", 3]);
  });

  it("protects the sheet without a password, locking only the locked columns", async () => {
    const ws = sheet("服务台账");
    const protection = (ws as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    expect(protection).toEqual(expect.objectContaining({ sheet: true }));
    expect(protection.hashValue).toBeUndefined();
    expect(ws.getCell("A3").protection?.locked).toBe(false);
    expect(ws.getCell("A10").protection?.locked).toBe(false);
    expect(ws.getCell("C3").protection?.locked).toBe(false);
    // Locked: the `locked: true` column (marked or not), the title and the header.
    expect(ws.getCell("B3").protection?.locked).not.toBe(false);
    expect(ws.getCell("B4").protection?.locked).not.toBe(false);
    expect(ws.getCell("A2").protection?.locked).not.toBe(false);
    expect(ws.getCell("A1").protection?.locked).not.toBe(false);
    const xml = await partXml(bytes, "xl/worksheets/sheet1.xml");
    expect(xml).toMatch(/<sheetProtection sheet="1"/u);
    expect(xml).not.toMatch(/hashValue|password/u);
  });

  it("hides sheets marked hidden and opens on the first visible sheet", () => {
    expect(sheet("隐藏表").state).toBe("hidden");
    expect(sheet("服务台账").state).toBe("visible");
    expect(excel.views[0]?.activeTab).toBe(0);
  });
});

describe("writeWorkbook: form and text sheets", () => {
  it("lays the form out in a label column and a merged value column", () => {
    const ws = sheet("申报书");
    expect(ws.getColumn(1).width).toBe(28);
    // With a 3-column table the value spans B:C, about 80 wide together.
    expect((ws.getColumn(2).width ?? 0) + (ws.getColumn(3).width ?? 0)).toBeCloseTo(80, 0);
    expect(ws.getCell("A1").font?.bold).toBe(true);
    expect(ws.getCell("C1").master.address).toBe("A1");
    expect(ws.getCell("A2").font?.bold).toBe(true);
    expect(ws.getCell("C2").master.address).toBe("A2");
    expect(ws.getCell("A3").font?.bold).toBe(true); // required
    expect(ws.getCell("A3").note).toBe("必填");
    expect(ws.getCell("A5").note).toBe("人");
    expect(ws.getCell("C3").master.address).toBe("B3");
    expect(ws.getCell("B4").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("B4").type).toBe(ExcelJS.ValueType.Date);
  });

  it("gives fields their validations (booleans as 是/否) and long text a taller wrapped row", () => {
    const ws = sheet("申报书");
    expect(validationAt(ws, "B5")).toEqual(
      expect.objectContaining({ type: "whole", operator: "greaterThanOrEqual", formulae: [0] }),
    );
    expect(validationAt(ws, "B6")).toEqual(expect.objectContaining({ type: "list", formulae: ['"是,否"'] }));
    expect(ws.getCell("B7").alignment?.wrapText).toBe(true);
    expect(ws.getRow(7).height).toBeGreaterThanOrEqual(60);
  });

  it("writes small tables with a title, a header and validated input rows", () => {
    const ws = sheet("申报书");
    expect(ws.getCell("A9").value).toBe("人员名单");
    expect(ws.getCell("B10").font?.bold).toBe(true);
    expect(argb(ws.getCell("B10"))).toBe("FFD6DCE4");
    expect(validationAt(ws, "B11")).toEqual(expect.objectContaining({ type: "list", formulae: ['"本科,硕士,博士"'] }));
    expect(validationAt(ws, "C14")).toEqual(expect.objectContaining({ type: "whole", formulae: [18, 80] }));
    expect(validationAt(ws, "C15")).toBeUndefined();
  });

  it("protects the form: labels locked, values and table cells editable", () => {
    const ws = sheet("申报书");
    expect((ws as unknown as { sheetProtection: { sheet?: boolean } }).sheetProtection.sheet).toBe(true);
    expect(ws.getCell("A3").protection?.locked).not.toBe(false);
    expect(ws.getCell("B3").protection?.locked).toBe(false);
    expect(ws.getCell("A14").protection?.locked).toBe(false);
  });

  it("writes text sheets as wrapped paragraphs in column A", () => {
    const ws = sheet("填写说明");
    expect(ws.getColumn(1).width).toBe(90);
    expect(ws.getCell("A1").alignment?.wrapText).toBe(true);
    expect(ws.getCell("A3").value).toBe("二、日期格式为 2025-03-05。");
  });
});

describe("writeWorkbook: refusals", () => {
  const text = (name: string) => ({ kind: "text" as const, name, paragraphs: [] });
  it.each([
    ["a/b", "不能含有"],
    ["x".repeat(32), "1 至 31"],
    [MARKER_SHEET, "保留"],
    [LISTS_SHEET, "保留"],
  ])("refuses the sheet name %s", async (name, message) => {
    await expect(writeWorkbook({ title: "t", sheets: [text(name)] })).rejects.toThrow(message);
  });
  it("refuses duplicate sheet names and workbooks without a visible sheet", async () => {
    await expect(writeWorkbook({ title: "t", sheets: [text("说明"), text("说明")] })).rejects.toThrow("重复");
    await expect(
      writeWorkbook({
        title: "t",
        sheets: [{ kind: "table", name: "a", columns: [], rows: [], hidden: true }],
      }),
    ).rejects.toThrow("可见");
  });
});

const LEDGER_HEADERS = [
  "服务对象",
  "次数",
  "比例",
  "收费（元）",
  "满意率",
  "服务日期",
  "是否免费",
  "服务内容",
  "服务项目",
  "层级",
];

describe("the workbook port", () => {
  it("writes a model and reads it back through the same interface", async () => {
    const { xlsxPort } = await import("../../../src/adapters/exceljs");
    const bytes = await xlsxPort.write({
      title: "端口",
      marker: { kind: "ledger", version: 1 },
      sheets: [
        {
          kind: "table",
          name: "表",
          columns: [{ key: "a", header: "名称", type: "text", width: 20 }],
          rows: [["=危险"], ["广州"]],
        },
      ],
    });
    expect(bytes).toBeInstanceOf(Uint8Array);
    const raw = await xlsxPort.read(bytes);
    expect(raw.marker).toEqual({ kind: "ledger", version: 1 });
    expect(raw.sheets.find((s) => s.name === "表")!.rows.slice(1)).toEqual([["=危险"], ["广州"]]);
  });
});
