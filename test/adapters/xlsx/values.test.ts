/**
 * The reader on a workbook as a user (or another program) leaves it: every kind of value, where exceljs's readers
 * agree with it and where they give a blank for a cell that holds something.
 */
import { writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import { readXlsxFile } from "../../../src/adapters/xlsx/node";
import { readXlsx } from "../../../src/adapters/xlsx/reader";
import { nodeInflater } from "../../../src/adapters/zip/nodeInflate";
import { parseMarker } from "../../../src/core/sheets/marker";
import { MARKER_SHEET, serialToIso, type CellValue } from "../../../src/core/sheets/model";
import { readWorkbook } from "../../helpers/exceljsRead";
import { readStreamSettled, tempDir, withWorkbookXml } from "../exceljs/helpers";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const read = (bytes: Uint8Array) => readXlsx(bytes, { inflate: nodeInflater });

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

/** Row 1 as exceljs's full reader gives it: blanks for the error values and the formula never calculated. */
const ROW1_EXCELJS = [
  "  留着空格  ",
  42,
  true,
  { date: "2025-03-05" },
  "粗体",
  "官网",
  84,
  "结果",
  null,
  null,
  null,
  0.5,
];

/** Row 1 as the reader gives it: what each cell holds, an unreadable cell where there is no usable value. */
const ROW1: CellValue[] = [
  ...ROW1_EXCELJS.slice(0, 8),
  { unreadable: "error", shown: "#DIV/0!" },
  { unreadable: "error", shown: "#N/A" },
  { unreadable: "formula-no-value", shown: "" },
  0.5,
];

describe("the reader on a user's workbook", () => {
  it("reads values: dates, rich text, links, formula results; error values and uncalculated formulas are unreadable, not blank", async () => {
    const raw = await read(await userWorkbook(null));
    const data = raw.sheets[0]!;
    expect(data.rows[0]).toEqual(ROW1);
    expect(data.rows[4]).toEqual([null, null, null, "稀疏", ...Array(8).fill(null)]);
    // Merged cells: the value once, in the master cell.
    expect(data.rows[6]!.slice(0, 3)).toEqual(["合并", null, null]);
    // Rows padded to the sheet's width; trailing formatted-but-empty rows dropped.
    expect(data.rows).toHaveLength(7);
    expect(data.rows.every((r) => r.length === 12)).toBe(true);
    expect(data.rows[1]).toEqual(Array(12).fill(null));
  });

  it("agrees with exceljs's full reader on every cell exceljs reads, and is not blank where exceljs is", async () => {
    const bytes = await userWorkbook(null);
    const [ours, theirs] = [await read(bytes), await readWorkbook(bytes)];
    expect(theirs.sheets[0]!.rows[0]).toEqual(ROW1_EXCELJS);
    ours.sheets.forEach((sheet, s) =>
      sheet.rows.forEach((row, r) =>
        row.forEach((value, c) => {
          const other = theirs.sheets[s]!.rows[r]![c];
          if (other !== null) expect(value).toEqual(other);
        }),
      ),
    );
  });

  it("reports hidden states, empty sheets and no marker", async () => {
    const raw = await read(await userWorkbook(null));
    expect(raw.sheets.map((s) => [s.name, s.hidden, s.rows.length])).toEqual([
      ["数据", false, 7],
      ["隐藏", true, 1],
      ["很隐藏", true, 1],
      ["空表", false, 0],
    ]);
    expect(raw.marker).toBeNull();
  });

  it("finds the marker and leaves its sheet out", async () => {
    const raw = await read(new Uint8Array(await userWorkbook('{"kind":"t","version":1}')));
    expect(raw.marker).toEqual({ kind: "t", version: 1 });
    expect(raw.sheets.map((s) => s.name)).not.toContain(MARKER_SHEET);
  });
});

describe("exceljs's streaming reader as a baseline", () => {
  it("gives the same values, but date cells as serial numbers and blanks for the unreadable cells", async () => {
    const file = tmp.path("user.xlsx");
    // workbook.xml first, as Excel stores it: else exceljs's streaming reader cannot stream (see stream.test.ts).
    const bytes = await userWorkbook('{"kind":"ledgerTemplate","version":3,"options":{"category":"图书馆"}}');
    writeFileSync(file, await withWorkbookXml(bytes, "first"));
    const raw = await readStreamSettled(file);
    const row1 = [...ROW1_EXCELJS];
    row1[3] = 45721;
    expect(raw.sheets[0]!.rows[0]).toEqual(row1);
    expect(raw.sheets[0]!.rows[4]![3]).toBe("稀疏");
    const ours = await readXlsxFile(file);
    expect(ours.sheets.map((s) => [s.name, s.hidden, s.rows.length])).toEqual(
      raw.sheets.map((s) => [s.name, s.hidden, s.rows.length]),
    );
    expect(ours.marker).toEqual({ kind: "ledgerTemplate", version: 3, options: { category: "图书馆" } });
    expect(raw.marker).toEqual(ours.marker);
    expect(serialToIso(raw.sheets[0]!.rows[0]![3] as number)).toBe("2025-03-05");
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
    expect((await read(await userWorkbook("garbage"))).marker).toBeNull();
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
