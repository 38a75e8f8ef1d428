import { readFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { STREAMING_ROW_THRESHOLD, needsStreaming, writeWorkbookFile } from "../../../src/adapters/exceljs";
import { readXlsxFile } from "../../../src/adapters/xlsx/node";
import type { CellValue, TableSheet, WorkbookModel } from "../../../src/core/sheets/model";
import { LEDGER_COLUMNS, LONG_LIST, fullModel, loadExcel, partXml, tempDir, withWorkbookXml } from "./helpers";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const ROWS = 30000;

/** Row i of the big ledger: every cell type, dates walking through 2025. */
function bigRow(i: number): CellValue[] {
  const day = new Date(Date.UTC(2025, 0, 1 + (i % 365))).toISOString().slice(0, 10);
  return [
    i % 7 === 0 ? `=客户${i}` : `客户${i}`,
    i % 50,
    (i % 100) / 100,
    i * 1.5,
    (i % 10) / 10,
    { date: day },
    i % 2 === 0,
    i % 1000 === 0 ? "较长的服务内容。".repeat(10) : `内容${i}`,
    LONG_LIST[i % LONG_LIST.length]!,
    ["初级", "中级", "高级"][i % 3]!,
  ];
}

function bigModel(): WorkbookModel {
  const ledger: TableSheet = {
    kind: "table",
    name: "服务台账",
    title: "全市服务台账",
    columns: LEDGER_COLUMNS,
    rows: Array.from({ length: ROWS }, (_, i) => bigRow(i)),
    table: { name: "Ledger", totals: true },
    freeze: { cols: 1 },
    protect: true,
    inputRows: 2,
    marks: [{ row: 29999, col: 1, severity: "error", note: "最后一行有误" }],
    links: [{ row: 5, col: 0, sheet: "服务台账", cell: "A1" }],
  };
  return { title: "大台账", marker: { kind: "review", version: 1 }, sheets: [ledger, ...fullModel().sheets.slice(2)] };
}

/** The serial Excel stores for a date (1900 system). */
const serialOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / 86400000 + 25569;

describe("streaming writer", () => {
  const file = tmp.path("big.xlsx");
  let model: WorkbookModel;

  beforeAll(async () => {
    model = bigModel();
    expect(needsStreaming(model)).toBe(true);
    expect(ROWS).toBeGreaterThan(STREAMING_ROW_THRESHOLD);
    await writeWorkbookFile(model, file);
  });

  it("writes 30,000 rows that read back equal (booleans as 是/否)", async () => {
    const raw = await readXlsxFile(file);
    const ledger = raw.sheets[0]!;
    expect(ledger.name).toBe("服务台账");
    // What the reader gives for row i: booleans as 是/否 (what their drop-down offers).
    const expected = (i: number): CellValue[] => {
      const row = bigRow(i);
      row[6] = row[6] ? "是" : "否";
      return row;
    };
    for (let i = 0; i < ROWS; i++) {
      const got = ledger.rows[2 + i];
      // One expect per mismatch only: 30,000 expects would dominate the run time.
      if (JSON.stringify(got) !== JSON.stringify(expected(i)))
        expect({ row: i, got }).toEqual({ row: i, got: expected(i) });
    }
    expect(ledger.rows[2 + 63]![5]).toEqual({ date: "2025-03-05" });
    expect(serialOf("2025-03-05")).toBe(45721);
    // Title, header, rows, 2 input rows, totals.
    expect(ledger.rows).toHaveLength(2 + ROWS + 2 + 1);
    const sum = (c: number): number =>
      (model.sheets[0] as TableSheet).rows.reduce((s, r) => s + (typeof r[c] === "number" ? (r[c] as number) : 0), 0);
    expect(ledger.rows.at(-1)!.slice(0, 4)).toEqual(["合计", sum(1), sum(2), sum(3)]);
    expect(raw.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["服务台账", false],
      ["申报书", false],
      ["填写说明", false],
      ["隐藏表", true],
      ["_lists", true],
    ]);
    expect(raw.marker).toEqual({ kind: "review", version: 1 });
  });

  it("writes the sheet's elements in the schema's order (Excel refuses them otherwise)", async () => {
    const data = readFileSync(file);
    const xml = await partXml(data, "xl/worksheets/sheet1.xml");
    // The streaming writer cannot write Excel tables: filters over header, rows and input rows instead.
    expect(xml).toContain(`<autoFilter ref="A2:J${2 + ROWS + 2}"/>`);
    expect(xml).not.toContain("<tableParts");
    expect(xml).toMatch(/<pane xSplit="1" ySplit="2" topLeftCell="B3"[^>]*state="frozen"/u);
    expect(await partXml(data, "xl/comments1.xml")).toContain("最后一行有误");
    const order = [
      "</sheetData>",
      "<sheetProtection",
      "<autoFilter",
      "<mergeCells",
      "<dataValidations",
      "<hyperlinks",
      "<pageMargins",
      "<legacyDrawing",
    ].map((tag) => xml.indexOf(tag));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });
});

describe("streaming writer on request", () => {
  const small = tmp.path("small-stream.xlsx");
  beforeAll(() => writeWorkbookFile(fullModel(), small, { streaming: true }));

  it("writes the same values as the in-memory writer", async () => {
    const full = tmp.path("small-full.xlsx");
    await writeWorkbookFile(fullModel(), full);
    const [a, b] = await Promise.all([readXlsxFile(small), readXlsxFile(full)]);
    // The in-memory writer's Excel table has the same range and totals as the streaming writer's filters.
    expect(a).toEqual(b);
  });

  it("keeps formats, validations, notes, links, protection, frozen panes and merges", async () => {
    const excel = await loadExcel(readFileSync(small));
    const ws = excel.getWorksheet("服务台账")!;
    expect(ws.getCell("F3").numFmt).toBe("yyyy-mm-dd");
    expect(ws.getCell("D10").numFmt).toBe("#,##0.00"); // the last input row
    expect(ws.getCell("D11").numFmt).toBeUndefined();
    expect(ws.getCell("B3").note).toBe("次数与明细不符");
    expect(ws.getCell("A2").note).toBe("填写服务对象全称");
    expect(ws.getCell("A3").type).toBe(ExcelJS.ValueType.String); // "=1+1"
    expect((ws as unknown as { sheetProtection: { sheet?: boolean } }).sheetProtection.sheet).toBe(true);
    expect(ws.getCell("B3").protection?.locked).not.toBe(false);
    expect(ws.getCell("C3").protection?.locked).toBe(false);
    expect(ws.getCell("C10").protection?.locked).toBe(false);
    expect(ws.views[0]).toEqual(expect.objectContaining({ state: "frozen", xSplit: 1, ySplit: 2 }));
    expect(ws.getCell("J1").master.address).toBe("A1");
    const dv = (ws as unknown as { dataValidations: { find(a: string): unknown } }).dataValidations;
    expect(dv.find("I10")).toEqual(expect.objectContaining({ formulae: ["'_lists'!$A$1:$A$40"] }));
    expect(dv.find("I11")).toBeUndefined();
    const findings = excel.getWorksheet("问题清单")!;
    expect(findings.getTables()).toHaveLength(0);
    expect(findings.autoFilter).toBe("A1:E3");
    expect(findings.getCell("C2").value).toEqual(expect.objectContaining({ hyperlink: "#'服务台账'!$B$4" }));
    expect(findings.getCell("D4").value).toEqual({ formula: "SUBTOTAL(109,D2:D3)", result: 5 });
    expect(excel.getWorksheet("隐藏表")!.state).toBe("hidden");
    expect(excel.getWorksheet("_lists")!.state).toBe("veryHidden");
    expect(excel.getWorksheet("申报书")!.getCell("C3").master.address).toBe("B3");
  });

  it("writes protection, filters, merges, validations and links in the schema's order", async () => {
    const xml = await partXml(readFileSync(small), "xl/worksheets/sheet1.xml");
    const order = ["<sheetProtection", "<mergeCells", "<dataValidations"].map((tag) => xml.indexOf(tag));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    const findings = await partXml(readFileSync(small), "xl/worksheets/sheet2.xml");
    expect(findings.indexOf("<autoFilter")).toBeLessThan(findings.indexOf("<hyperlinks"));
  });

  it("keeps a mark on an empty cell of an otherwise empty row", async () => {
    const file = tmp.path("empty-mark.xlsx");
    const model: WorkbookModel = {
      title: "t",
      sheets: [
        {
          kind: "table",
          name: "数据",
          columns: [
            { key: "a", header: "名称", type: "text", width: 10 },
            { key: "d", header: "日期", type: "date", width: 12 },
          ],
          rows: [
            ["甲", { date: "2025-01-02" }],
            [null, null],
          ],
          marks: [{ row: 1, col: 1, severity: "error", note: "缺少服务日期" }],
        },
      ],
    };
    await writeWorkbookFile(model, file, { streaming: true });
    const ws = (await loadExcel(readFileSync(file))).getWorksheet("数据")!;
    expect(ws.getCell("B3").note).toBe("缺少服务日期");
    expect(ws.getCell("B3").numFmt).toBe("yyyy-mm-dd");
  });

  it("reports a path it cannot write to, naming it", async () => {
    const bad = tmp.path("no-such-dir/out.xlsx");
    await expect(writeWorkbookFile(fullModel(), bad, { streaming: true })).rejects.toThrow(`无法写入文件 ${bad}`);
    await expect(writeWorkbookFile(fullModel(), bad)).rejects.toThrow("无法写入文件");
  });
});

describe("reading back: zip entry order", () => {
  it("names and hides worksheets correctly when xl/workbook.xml comes after them in the zip", async () => {
    // exceljs's own writer sometimes stores workbook.xml last; its streaming reader then threw.
    const ExcelJS = (await import("exceljs")).default;
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet("数据").getCell("A1").value = "广州";
    const hidden = wb.addWorksheet("隐藏");
    hidden.state = "hidden";
    hidden.getCell("A1").value = 1;
    const bytes = await withWorkbookXml(Buffer.from(await wb.xlsx.writeBuffer()), "last");
    const { mkdtempSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const { join } = await import("node:path");
    const file = join(mkdtempSync(join(tmpdir(), "outlet-review-order-")), "late-workbook.xlsx");
    writeFileSync(file, bytes);
    const raw = await readXlsxFile(file);
    expect(raw.sheets.map((s) => [s.name, s.hidden])).toEqual([
      ["数据", false],
      ["隐藏", true],
    ]);
    expect(raw.sheets[0]!.rows[0]).toEqual(["广州"]);
  });
});
