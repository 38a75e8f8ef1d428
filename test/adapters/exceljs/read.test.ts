import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { parseMarker, readWorkbook, readWorkbookFile } from "../../../src/adapters/exceljs";
import { MARKER_SHEET, serialToIso } from "../../../src/core/sheets/model";
import { readStreamSettled, tempDir, withWorkbookXml } from "./helpers";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

/** A workbook as a user (or another program) might leave it, built with exceljs directly. */
async function userWorkbook(marker: string | null): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet("数据");
  ws.getCell("A1").value = "  留着空格  ";
  ws.getCell("B1").value = 42;
  ws.getCell("C1").value = true;
  ws.getCell("D1").value = new Date(Date.UTC(2025, 2, 5));
  ws.getCell("D1").numFmt = "yyyy/m/d";
  ws.getCell("E1").value = { richText: [{ text: "粗", font: { bold: true } }, { text: "体" }] };
  ws.getCell("F1").value = { text: "官网", hyperlink: "https://example.org" };
  ws.getCell("G1").value = { formula: "B1*2", result: 84 };
  ws.getCell("H1").value = { formula: 'A1&"x"', result: "结果" };
  ws.getCell("I1").value = { formula: "1/0", result: { error: "#DIV/0!" } };
  ws.getCell("J1").value = { error: "#N/A" };
  ws.getCell("K1").value = { formula: "NOW()" };
  ws.getCell("L1").value = new Date(Date.UTC(1899, 11, 30, 12));
  ws.getCell("L1").numFmt = "hh:mm";
  ws.getCell("D5").value = "稀疏";
  ws.getCell("A7").value = "合并";
  ws.mergeCells("A7:C7");
  ws.getCell("A9").style = { numFmt: "0.00" }; // formatted, empty: not a row
  const hidden = wb.addWorksheet("隐藏", { state: "hidden" });
  hidden.getCell("A1").value = 1;
  const vh = wb.addWorksheet("很隐藏", { state: "veryHidden" });
  vh.getCell("A1").value = 2;
  wb.addWorksheet("空表");
  if (marker !== null) {
    const m = wb.addWorksheet(MARKER_SHEET, { state: "veryHidden" });
    m.getCell("A1").value = marker;
  }
  return (await wb.xlsx.writeBuffer()) as unknown as Buffer;
}

const ROW1_FULL = ["  留着空格  ", 42, true, { date: "2025-03-05" }, "粗体", "官网", 84, "结果", null, null, null, 0.5];

describe("readWorkbook (full reader)", () => {
  it("normalises values: dates, rich text, links, formula results, errors; keeps text as left", async () => {
    const raw = await readWorkbook(await userWorkbook(null));
    const data = raw.sheets[0]!;
    expect(data.rows[0]).toEqual(ROW1_FULL);
    expect(data.rows[4]).toEqual([null, null, null, "稀疏", ...Array(8).fill(null)]);
    // Merged cells: the value once, in the master cell.
    expect(data.rows[6]!.slice(0, 3)).toEqual(["合并", null, null]);
    // Rows padded to the sheet's width; trailing formatted-but-empty rows dropped.
    expect(data.rows).toHaveLength(7);
    expect(data.rows.every((r) => r.length === 12)).toBe(true);
    expect(data.rows[1]).toEqual(Array(12).fill(null));
  });

  it("reports hidden states, empty sheets and no marker", async () => {
    const raw = await readWorkbook(await userWorkbook(null));
    expect(raw.sheets.map((s) => [s.name, s.hidden, s.rows.length])).toEqual([
      ["数据", false, 7],
      ["隐藏", true, 1],
      ["很隐藏", true, 1],
      ["空表", false, 0],
    ]);
    expect(raw.marker).toBeNull();
  });

  it("accepts a Uint8Array and an ArrayBuffer", async () => {
    const buf = await userWorkbook('{"kind":"t","version":1}');
    const u8 = new Uint8Array(buf);
    const ab = u8.buffer.slice(u8.byteOffset, u8.byteOffset + u8.byteLength);
    for (const input of [u8, ab]) {
      const raw = await readWorkbook(input);
      expect(raw.marker).toEqual({ kind: "t", version: 1 });
      expect(raw.sheets.map((s) => s.name)).not.toContain(MARKER_SHEET);
    }
  });

  it("refuses what is not an xlsx with a clear message", async () => {
    await expect(readWorkbook(Buffer.from("名称,数量\n甲,1\n"))).rejects.toThrow("不是有效的 .xlsx 工作簿");
  });
});

describe("readWorkbookStream (streaming reader)", () => {
  it("gives the same values, but date cells as serial numbers", async () => {
    const file = tmp.path("user.xlsx");
    // workbook.xml first, as Excel stores it: else exceljs's streaming reader cannot stream (see stream.test.ts).
    const bytes = await userWorkbook('{"kind":"ledgerTemplate","version":3,"options":{"category":"图书馆"}}');
    writeFileSync(file, await withWorkbookXml(bytes, "first"));
    const raw = await readStreamSettled(file);
    const row1 = [...ROW1_FULL];
    row1[3] = 45721;
    expect(raw.sheets[0]!.rows[0]).toEqual(row1);
    expect(raw.sheets[0]!.rows[4]![3]).toBe("稀疏");
    expect(raw.sheets.map((s) => [s.name, s.hidden, s.rows.length])).toEqual([
      ["数据", false, 7],
      ["隐藏", true, 1],
      ["很隐藏", true, 1],
      ["空表", false, 0],
    ]);
    expect(raw.marker).toEqual({ kind: "ledgerTemplate", version: 3, options: { category: "图书馆" } });
    expect(await readWorkbookFile(file, { streaming: true })).toEqual(raw);
    expect(serialToIso(raw.sheets[0]!.rows[0]![3] as number)).toBe("2025-03-05");
  });
});

describe("readWorkbookFile", () => {
  it("names a missing file", async () => {
    const missing = tmp.path("missing.xlsx");
    await expect(readWorkbookFile(missing)).rejects.toThrow(`无法读取文件 ${missing}：文件或目录不存在`);
  });

  it("names a file that is not an xlsx, with either reader", async () => {
    const file = tmp.path("fake.xlsx");
    writeFileSync(file, "not a zip at all");
    await expect(readWorkbookFile(file)).rejects.toThrow(`${file}：无法读取 Excel 文件`);
    await expect(readWorkbookFile(file, { streaming: true })).rejects.toThrow(`${file}：无法读取 Excel 文件`);
  });
});

describe("parseMarker", () => {
  it("accepts { kind, version, options? }", () => {
    expect(parseMarker('{"kind":"a","version":1}')).toEqual({ kind: "a", version: 1 });
    expect(parseMarker('{"kind":"a","version":2,"options":{"x":"y"},"extra":true}')).toEqual({
      kind: "a",
      version: 2,
      options: { x: "y" },
    });
  });
  it.each([
    ["not JSON", "{kind"],
    ["an array", "[1]"],
    ["no kind", '{"version":1}'],
    ["an empty kind", '{"kind":"","version":1}'],
    ["a string version", '{"kind":"a","version":"1"}'],
    ["options not strings", '{"kind":"a","version":1,"options":{"x":1}}'],
    ["options an array", '{"kind":"a","version":1,"options":["x"]}'],
    ["null", "null"],
  ])("refuses %s", (_what, text) => expect(parseMarker(text)).toBeNull());
  it("refuses a non-string cell", () => {
    expect(parseMarker(5)).toBeNull();
    expect(parseMarker(null)).toBeNull();
  });
  it("gives null for a malformed marker sheet", async () => {
    expect((await readWorkbook(await userWorkbook("garbage"))).marker).toBeNull();
  });
});

describe("serialToIso", () => {
  it.each([
    [1, "1900-01-01"],
    [59, "1900-02-28"],
    // 60 is Excel's phantom 1900-02-29: it folds onto 1 March, as 61 does.
    [60, "1900-03-01"],
    [61, "1900-03-01"],
    [43832, "2020-01-02"],
    [45658, "2025-01-01"],
    [45721, "2025-03-05"],
    [45721.99, "2025-03-05"],
    [2958465, "9999-12-31"],
  ])("%d → %s", (serial, iso) => expect(serialToIso(serial)).toBe(iso));
  it.each([0, -1, 2958466, Number.NaN])("%d → null", (serial) => expect(serialToIso(serial)).toBeNull());
});
