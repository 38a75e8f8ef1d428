/**
 * The reader against exceljs's readers, cell by cell: on every workbook the repo writes (templates, filled
 * workbooks, the demo's review workbooks, a ledger of thousands of rows, with the in-memory and the streaming
 * writer), on files SheetJS writes, and on hand-built packages for what writers may emit. Where exceljs is wrong
 * (and says so here), the expected values are spelled out; where exceljs gives a blank for a cell that holds
 * something (an error value, a formula without its result…), ours gives an unreadable cell (asExceljs maps them
 * back for the comparisons). Node's inflater, the browsers' (DecompressionStream) and the fallback (fflate) give
 * the same workbooks.
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import * as XLSX from "@e965/xlsx";
import JSZip from "jszip";
import { writeWorkbookFile } from "../../../src/adapters/exceljs";
import { readXlsxFile } from "../../../src/adapters/xlsx/node";
import { readXlsx } from "../../../src/adapters/xlsx/reader";
import { ReadError, type ReadProblem } from "../../../src/adapters/zip/errors";
import { fallbackInflater, webInflater } from "../../../src/adapters/zip/inflate";
import { parseDocumentValue } from "../../../src/core/parse";
import type { AnnualSummary, Application, Ledger, Registry } from "../../../src/core/schemas";
import type { ReviewerScores } from "../../../src/core/scoring/reviewers";
import { DEFAULT_RUBRICS } from "../../../src/core/scoring/rubrics";
import { MARKER_SHEET, type RawWorkbook, type WorkbookModel } from "../../../src/core/sheets/model";
import {
  applicationTemplate,
  applicationWorkbook,
  ledgerTemplate,
  ledgerWorkbook,
  registryTemplate,
  registryWorkbook,
  scoringTemplate,
  scoringWorkbook,
  summaryTemplate,
  summaryWorkbook,
} from "../../../src/core/sheets/templates";
import { runCli } from "../../helpers/cliHarness";
import { fullModel, readStreamSettled } from "../exceljs/helpers";
import {
  asExceljs,
  buildXlsx,
  countDates,
  datesAsSerials,
  readAll,
  readStreamInOrder,
  sst,
  tempDir,
  withCell,
  worksheet,
  type HandPackage,
} from "./helpers";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const SAMPLES = join(__dirname, "..", "..", "..", "samples");

const rowsOf = (raw: RawWorkbook, sheet = 0) => raw.sheets[sheet]!.rows;

function sample<T>(path: string): T {
  const parsed = parseDocumentValue(JSON.parse(readFileSync(join(SAMPLES, path), "utf8")), path);
  const doc = parsed.documents[0];
  if (!doc) throw new Error(`${path} did not parse`);
  return doc.doc as T;
}

function samples<T>(folder: string): T[] {
  return readdirSync(join(SAMPLES, folder))
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => sample<T>(join(folder, f)));
}

/** All sample ledgers' entries three times over, under the first ledger's outlet: a few thousand rows. */
function bigLedger(): Ledger {
  const ledgers = samples<Ledger>("ledgers");
  const entries = [1, 2, 3].flatMap(() => ledgers.flatMap((l) => l.entries));
  return { ...ledgers[0]!, entries };
}

function models(): [string, WorkbookModel][] {
  // Reviewers' score sheets are not documents: their JSON is what scoringWorkbook takes.
  const scores = readdirSync(join(SAMPLES, "scores"))
    .sort()
    .map((f) => JSON.parse(readFileSync(join(SAMPLES, "scores", f), "utf8")) as ReviewerScores)
    .filter((s) => s.scores.some((x) => x.criterion === "D1"));
  const subjects = [...new Set(scores.flatMap((s) => s.scores.map((x) => x.outlet)))].map((key) => ({
    key,
    name: null,
    auto: [],
  }));
  return [
    ["台账模板", ledgerTemplate({ category: "library", year: 2025 })],
    ["申报书模板", applicationTemplate({ category: "university" })],
    ["总结表模板", summaryTemplate()],
    ["名录模板", registryTemplate()],
    ["评分表模板", scoringTemplate({ rubric: DEFAULT_RUBRICS.annual, subjects, reviewers: ["专家甲", "专家乙"] })],
    ["台账", ledgerWorkbook(samples<Ledger>("ledgers")[0]!)],
    ["申报书", applicationWorkbook(samples<Application>("applications")[0]!)],
    ["总结表", summaryWorkbook(samples<AnnualSummary>("summaries")[0]!)],
    ["名录", registryWorkbook(sample<Registry>("registry.json"))],
    ["评分表", scoringWorkbook({ rubric: DEFAULT_RUBRICS.annual, subjects }, scores)],
    ["全功能", fullModel()],
  ];
}

/**
 * Ours equals exceljs's full reader exactly. (Not its streaming reader: on packages with several worksheets it
 * spools parts to temporary files and, depending on the temporary folder and on timing, names the sheets
 * "Sheet1"… and loses the marker; the tests must pass whatever TMPDIR is.)
 */
async function expectSameAsExceljs(path: string): Promise<RawWorkbook> {
  const { ours, full } = await readAll(path, readFileSync(path));
  expect(ours).toEqual(full);
  return ours;
}

describe("workbooks the repo writes: the same values as exceljs's readers", () => {
  it.each(models().flatMap(([name, model]) => [true, false].map((streaming) => [name, streaming, model] as const)))(
    "%s (streaming writer: %s)",
    async (name, streaming, model) => {
      const path = tmp.path(`${name}-${streaming}.xlsx`);
      await writeWorkbookFile(model, path, { streaming });
      const ours = await expectSameAsExceljs(path);
      expect(ours.sheets.length).toBeGreaterThan(0);
      expect(ours.marker).not.toBeNull();
      expect(ours.sheets.map((s) => s.name)).not.toContain(MARKER_SHEET);
    },
  );

  it("the demo's review workbooks (评审结果.xlsx, 服务统计.xlsx)", async () => {
    const out = tmp.path("demo");
    const run = await runCli(["demo", "--out", out], process.cwd());
    expect(run.code).toBe(0);
    const files = readdirSync(out).filter((f) => f.endsWith(".xlsx"));
    expect(files.sort()).toEqual(["服务统计.xlsx", "评审结果.xlsx"]);
    let rows = 0;
    for (const f of files) {
      const ours = await expectSameAsExceljs(join(out, f));
      rows += ours.sheets.reduce((n, s) => n + s.rows.length, 0);
    }
    expect(rows).toBeGreaterThan(1000);
  }, 60000);

  it("a ledger of a few thousand rows, dates as dates", async () => {
    const ledger = bigLedger();
    expect(ledger.entries.length).toBeGreaterThan(3000);
    const path = tmp.path("big-ledger.xlsx");
    await writeWorkbookFile(ledgerWorkbook(ledger), path, { streaming: true });
    const { ours, full } = await readAll(path, readFileSync(path));
    expect(countDates(full)).toBeGreaterThan(3000);
    expect(ours).toEqual(full);
    const rows = ours.sheets.find((s) => s.name === "服务台账")!.rows;
    expect(rows).toHaveLength(ledger.entries.length + 1);
    expect(rows[1]![0]).toEqual({ date: ledger.entries[0]!.date });
  }, 60000);

  it("the browsers' inflater and the fallback read the same workbook as Node's", async () => {
    const path = tmp.path("platforms.xlsx");
    await writeWorkbookFile(ledgerWorkbook(samples<Ledger>("ledgers")[1]!), path);
    const bytes = new Uint8Array(readFileSync(path));
    const node = await readXlsxFile(path);
    expect(await readXlsx(bytes, { inflate: webInflater()! })).toEqual(node);
    expect(await readXlsx(bytes, { inflate: fallbackInflater })).toEqual(node);
  });
});

describe("files SheetJS writes", () => {
  function sheetjsBook(): XLSX.WorkBook {
    const ws = XLSX.utils.aoa_to_sheet([
      ["名称", "数量", "是否", "日期", "备注"],
      ["广州&<知识>\"产权'", 1.5, true, new Date(Date.UTC(2025, 2, 5)), "  前后空格  "],
      ["第二行\n换行", -3, false, null, "=1+1"],
      [null, 0, null, null, "+86 138"],
      ["@SUM(A1)", 1e-7, true, new Date(Date.UTC(2024, 11, 31)), 123456789012345],
    ]);
    ws["F2"] = { t: "n", f: "B2*2", v: 3 };
    ws["G2"] = { t: "s", f: 'A2&"x"', v: "广州x" };
    ws["H2"] = { t: "b", f: "TRUE()", v: true };
    ws["I2"] = { t: "e", f: "1/0", v: 7 };
    ws["J9"] = { t: "s", v: "稀疏" };
    ws["!ref"] = "A1:J9";
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "数据");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["隐藏的值", 2]]), "隐藏");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([["很隐藏"]]), "很隐藏");
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet([]), "空表");
    wb.Workbook = { Sheets: [{}, { Hidden: 1 }, { Hidden: 2 }, {}] };
    return wb;
  }

  it.each([
    ["inline text (t=str)", {}],
    ["shared strings", { bookSST: true }],
    ["uncompressed", { compression: false }],
  ])(
    "%s: exceljs's values where exceljs reads them right (workbook.xml after the worksheets)",
    async (name, options) => {
      const bytes = XLSX.write(sheetjsBook(), { type: "buffer", bookType: "xlsx", ...options }) as Buffer;
      const path = tmp.path(`sheetjs-${name}.xlsx`);
      // Compared with exceljs's full reader only: its streaming reader unzips front to back (unzipper) and, on
      // SheetJS's zips, stops after the first worksheet or falls back to the full reader from run to run.
      const { ours, full } = await readAll(path, bytes);
      expect(countDates(full)).toBe(2);
      let expected = full;
      if ("bookSST" in options) {
        // SheetJS stores a formula's text result as a shared string (t="s"): exceljs gives the index.
        expect(typeof full.sheets[0]!.rows[1]![6]).toBe("number");
        expected = withCell(expected, [0, 1, 6], "广州x");
      }
      expect(asExceljs(ours)).toEqual(expected);
      expect(ours.sheets.map((s) => [s.name, s.hidden, s.rows.length])).toEqual([
        ["数据", false, 9],
        ["隐藏", true, 1],
        ["很隐藏", true, 1],
        ["空表", false, 0],
      ]);
      expect(ours.sheets[0]!.rows[1]).toEqual([
        "广州&<知识>\"产权'",
        1.5,
        true,
        { date: "2025-03-05" },
        "  前后空格  ",
        3,
        "广州x",
        true,
        // exceljs: a blank.
        { unreadable: "error", shown: "#DIV/0!" },
        null,
      ]);
      expect(ours.sheets[0]!.rows[8]![9]).toBe("稀疏");
    },
  );

  it('t="d" cells (ISO dates, cellDates): dates, where exceljs reads the year as the value', async () => {
    const ws = XLSX.utils.aoa_to_sheet(
      [
        ["日期", new Date(Date.UTC(2025, 2, 5)), new Date(Date.UTC(2024, 11, 31, 12))],
        ["文字", "x", 1],
      ],
      { cellDates: true },
    );
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, ws, "日期");
    const bytes = XLSX.write(wb, { type: "buffer", bookType: "xlsx", cellDates: true }) as Buffer;
    const xml = await (await JSZip.loadAsync(bytes)).file("xl/worksheets/sheet1.xml")!.async("string");
    expect(xml).toContain('t="d"><v>2025-03-05T00:00:00.000Z</v>');
    const path = tmp.path("sheetjs-dates.xlsx");
    const { ours, full } = await readAll(path, bytes);
    // exceljs's streaming reader loses parts of some SheetJS zips at random: read it on a repacked copy.
    const stream = await readStreamInOrder(path);
    // In a date format, as SheetJS writes them: the day (the time of 45657.5 is dropped, as exceljs drops it).
    expect(rowsOf(ours)).toEqual([
      ["日期", { date: "2025-03-05" }, { date: "2024-12-31" }],
      ["文字", "x", 1],
    ]);
    // exceljs: parseFloat("2025-03-05T…") is 2025, which the full reader then shows as a date (1905-07-17).
    expect(rowsOf(stream)[0]).toEqual(["日期", 2025, 2024]);
    expect(rowsOf(full)[0]).toEqual(["日期", { date: "1905-07-17" }, { date: "1905-07-16" }]);
    expect(rowsOf(ours)[1]).toEqual(rowsOf(full)[1]);
  });

  it("a ledger rewritten by SheetJS (a different writer of the same data)", async () => {
    const path = tmp.path("ledger-for-sheetjs.xlsx");
    await writeWorkbookFile(ledgerWorkbook(samples<Ledger>("ledgers")[2]!), path);
    const book = XLSX.read(readFileSync(path), { cellStyles: false });
    for (const bookSST of [false, true]) {
      const rewritten = tmp.path(`ledger-sheetjs-${bookSST}.xlsx`);
      const { ours, full } = await readAll(rewritten, XLSX.write(book, { type: "buffer", bookType: "xlsx", bookSST }));
      expect(ours).toEqual(datesAsSerials(full));
      // SheetJS drops the number formats it was not asked to keep: dates stay serials everywhere.
      expect(ours.sheets.find((s) => s.name === "服务台账")!.rows.length).toBeGreaterThan(500);
    }
  });
});

/** Reads a hand-built package with every reader. */
async function hand(name: string, pkg: Parameters<typeof buildXlsx>[0]) {
  return readAll(tmp.path(`${name}.xlsx`), await buildXlsx(pkg));
}

async function oursOf(name: string, pkg: Parameters<typeof buildXlsx>[0]): Promise<RawWorkbook> {
  const path = tmp.path(`${name}.xlsx`);
  const { writeFileSync } = await import("node:fs");
  writeFileSync(path, await buildXlsx(pkg));
  return readXlsxFile(path);
}

describe("hand-built packages: what SpreadsheetML writers may emit", () => {
  it("reads cell types as exceljs does: shared, inline, str, numbers, booleans, errors, formulas", async () => {
    const { ours, stream, full } = await hand("types", {
      sheets: [
        {
          name: "类型",
          xml: worksheet(
            `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>行内</t></is></c>` +
              `<c r="C1" t="str"><v>公式文字</v></c><c r="D1"><v>42</v></c><c r="E1" t="n"><v>-0.25</v></c>` +
              `<c r="F1" t="b"><v>1</v></c><c r="G1" t="b"><v>0</v></c><c r="H1" t="e"><v>#N/A</v></c>` +
              `<c r="I1"><f>1+1</f><v>2</v></c><c r="J1" t="str"><f>A1</f><v>共享</v></c><c r="K1"><f>NOW()</f></c>` +
              `<c r="L1" t="e"><f>1/0</f><v>#DIV/0!</v></c><c r="M1"><v>1.5E+300</v></c><c r="N1"><v>0.30000000000000004</v></c>` +
              `<c r="O1"><v>1e999</v></c><c r="P1" t="s"><v>1</v></c><c r="Q1" t="str"><v>文字</v></c><c r="R1"><v>+7</v></c>` +
              `<c r="S1"><v> 12 </v></c><c r="T1"><f t="shared" ref="T1:T2" si="0">S1*2</f><v>24</v></c></row>` +
              `<row r="2"><c r="T2"><f t="shared" si="0"/><v>26</v></c><c r="U2" t="str"><v></v></c><c r="V2"><v/></c></row>`,
          ),
        },
      ],
      sharedStrings: sst(["<t>共享</t>", "<t/>"]),
    });
    expect(rowsOf(ours)[0]).toEqual([
      "共享",
      "行内",
      "公式文字",
      42,
      -0.25,
      true,
      false,
      { unreadable: "error", shown: "#N/A" },
      2,
      "共享",
      { unreadable: "formula-no-value", shown: "" },
      { unreadable: "error", shown: "#DIV/0!" },
      1.5e300,
      0.30000000000000004,
      { unreadable: "not-a-number", shown: "1e999" },
      null,
      "文字",
      7,
      12,
      24,
    ]);
    // U2 and V2 hold nothing: the sheet is as wide as its last value (T).
    expect(rowsOf(ours)[1]).toEqual([...Array<null>(19).fill(null), 26]);
    // exceljs gives blanks for the five cells that hold something but no usable value.
    expect(asExceljs(ours)).toEqual(stream);
    expect(asExceljs(ours)).toEqual(full);
  });

  it("formula results: booleans stay booleans, a cached 0 or false is kept (exceljs's streaming reader loses them)", async () => {
    const { ours, stream, full } = await hand("formula-results", {
      sheets: [
        {
          name: "S",
          xml: worksheet(
            `<row r="1"><c r="A1" t="b"><f>TRUE()</f><v>1</v></c><c r="B1" t="b"><f>1=2</f><v>0</v></c>` +
              `<c r="C1"><f>SUBTOTAL(109,D2:D3)</f><v>0</v></c><c r="D1" t="str"><f>""</f><v></v></c><c r="E1"><f>1+1</f><v>2</v></c></row>`,
          ),
        },
      ],
    });
    expect(rowsOf(ours)).toEqual([[true, false, 0, null, 2]]);
    // The full reader reads cell.result (exceljs's FormulaValue drops falsy fields from the value object).
    expect(rowsOf(full)).toEqual([[true, false, 0, null, 2]]);
    expect(rowsOf(stream)).toEqual([[1, null, null, null, 2]]);
  });

  it("a shared-string index out of range is an unreadable cell (exceljs: a blank, or its full reader throws)", async () => {
    const path = tmp.path("bad-index.xlsx");
    writeFileSync(
      path,
      await buildXlsx({
        sheets: [
          { name: "S", xml: worksheet(`<row r="1"><c r="A1" t="s"><v>99</v></c><c r="B1" t="s"><v>0</v></c></row>`) },
        ],
        sharedStrings: sst(["<t>有</t>"]),
      }),
    );
    expect(rowsOf(await readXlsxFile(path))).toEqual([[{ unreadable: "bad-string-index", shown: "99" }, "有"]]);
    expect(rowsOf(await readStreamSettled(path))).toEqual([[null, "有"]]);
  });

  it("rich text: every run, shared or inline (exceljs's streaming reader keeps only an inline string's last run)", async () => {
    const { ours, stream, full } = await hand("rich", {
      sheets: [
        {
          name: "S",
          xml: worksheet(
            `<row r="1"><c r="A1" t="s"><v>0</v></c>` +
              `<c r="B1" t="inlineStr"><is><r><rPr><b/></rPr><t>粗</t></r><r><t xml:space="preserve"> 体</t></r></is></c></row>`,
          ),
        },
      ],
      sharedStrings: sst([`<r><rPr><b/><sz val="11"/><rFont val="宋体"/></rPr><t>知识</t></r><r><t>产权</t></r>`]),
    });
    expect(rowsOf(ours)).toEqual([["知识产权", "粗 体"]]);
    expect(ours).toEqual(full);
    expect(rowsOf(stream)).toEqual([["知识产权", " 体"]]);
  });

  it("phonetic readings (rPh) are left out, as exceljs's full reader and Excel do", async () => {
    const { ours, stream, full } = await hand("rph", {
      sheets: [
        {
          name: "S",
          xml: worksheet(
            `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c>` +
              `<c r="C1" t="inlineStr"><is><t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh></is></c></row>`,
          ),
        },
      ],
      sharedStrings: sst([
        `<t>東京</t><rPh sb="0" eb="2"><t>トウキョウ</t></rPh><phoneticPr fontId="1" type="noConversion"/>`,
        `<r><t>大</t></r><r><rPr><b/></rPr><t>阪</t></r><rPh sb="0" eb="1"><t>オオ</t></rPh>`,
      ]),
    });
    expect(rowsOf(ours)).toEqual([["東京", "大阪", "東京"]]);
    // exceljs's full reader drops the inline cell with a reading altogether; its streaming one keeps the reading.
    expect(rowsOf(full)).toEqual([["東京", "大阪"]]);
    expect(rowsOf(stream)).toEqual([["トウキョウ", "大阪", "トウキョウ"]]);
  });

  it("_xHHHH_ escapes: decoded in string items as exceljs's full reader decodes shared strings", async () => {
    const { ours, stream, full } = await hand("xescape", {
      sheets: [
        {
          name: "S",
          xml: worksheet(
            `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>e_x000D_</t></r><r><t>f</t></r></is></c>` +
              `<c r="C1" t="inlineStr"><is><t>a_x000D_b</t></is></c><c r="D1" t="str"><v>c_x000D_d</v></c></row>`,
          ),
        },
      ],
      sharedStrings: sst([`<t>x_x000D_y_x005F_x000D_z_x000d__x4E2D_</t>`]),
    });
    // Upper-case hex only; _x005F_ is a literal underscore, so the text _x000D_ survives.
    expect(rowsOf(ours)).toEqual([["x\ry_x000D_z_x000d_中", "e\rf", "a\rb", "c_x000D_d"]]);
    expect(rowsOf(full)[0]!.slice(0, 2)).toEqual(rowsOf(ours)[0]!.slice(0, 2));
    expect(rowsOf(full)[0]!.slice(2)).toEqual(["a_x000D_b", "c_x000D_d"]);
    expect(rowsOf(stream)[0]![0]).toBe("x_x000D_y_x005F_x000D_z_x000d__x4E2D_");
  });

  it("entities and character references are decoded once (exceljs decodes str and inline text twice)", async () => {
    const { ours, stream, full } = await hand("entities", {
      sheets: [
        {
          name: "S",
          xml: worksheet(
            `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="str"><v>&amp;lt; &#x4E2D;&#25991;</v></c>` +
              `<c r="C1" t="inlineStr"><is><t>&amp;amp; &quot;&apos;&#x1F600;</t></is></c><c r="D1" t="str"><f>A1</f><v>&amp;gt;</v></c></row>`,
          ),
        },
      ],
      sharedStrings: sst([`<t>&lt;&gt;&amp;&quot;&apos;&#65;&#x42;&#x4e2d;&amp;lt;</t>`]),
    });
    expect(rowsOf(ours)).toEqual([["<>&\"'AB中&lt;", "&lt; 中文", "&amp; \"'😀", "&gt;"]]);
    expect(rowsOf(full)).toEqual([["<>&\"'AB中&lt;", "< 中文", "&amp; \"'😀", ">"]]);
    expect(rowsOf(stream)).toEqual([["<>&\"'AB中&lt;", "< 中文", "& \"'😀", ">"]]);
  });

  it("an undefined entity or a bad character reference is kept as written (exceljs refuses the file)", async () => {
    const ours = await oursOf("bad-entities", {
      sheets: [
        {
          name: "S",
          xml: worksheet(
            `<row r="1"><c r="A1" t="inlineStr"><is><t>&unknown; &#xZZ; &#1114112; &amp</t></is></c></row>`,
          ),
        },
      ],
    });
    expect(rowsOf(ours)).toEqual([["&unknown; &#xZZ; &#1114112; &amp"]]);
  });

  it("any namespace prefix, in sheets and workbook.xml (exceljs cannot read these)", async () => {
    const ours = await oursOf("prefixed", {
      sheets: [
        {
          name: "前缀",
          xml: worksheet(
            `<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:r><x:t>前</x:t></x:r><x:r><x:t>缀</x:t></x:r></x:is></x:c>` +
              `<x:c r="B1" t="s"><x:v>0</x:v></x:c><x:c r="C1"><x:f>1+1</x:f><x:v>2</x:v></x:c></x:row>` +
              `<x:row r="3"><x:c r="B3" t="str"><x:v>三</x:v></x:c></x:row>`,
            "x",
          ),
        },
        { name: "隐藏", state: "hidden", xml: worksheet(`<row r="1"><c r="A1"><v>1</v></c></row>`) },
      ],
      sharedStrings: sst(["<t>共享</t>"])
        .replace(/<(\/?)(sst|si|t)\b/gu, "<$1s:$2")
        .replace("xmlns=", "xmlns:s="),
      workbookPrefix: "x",
    });
    expect(ours.sheets.map((s) => [s.name, s.hidden, s.rows])).toEqual([
      [
        "前缀",
        false,
        [
          ["前缀", "共享", 2],
          [null, null, null],
          [null, "三", null],
        ],
      ],
      ["隐藏", true, [[1]]],
    ]);
  });

  it("cells and rows without r follow the previous ones (exceljs fails)", async () => {
    const ours = await oursOf("no-r", {
      sheets: [
        {
          name: "S",
          xml: worksheet(
            `<row><c><v>1</v></c><c><v>2</v></c><c r="E1"><v>5</v></c><c><v>6</v></c></row>` +
              `<row><c r="B2"><v>7</v></c></row><row r="5"><c><v>8</v></c></row><row><c t="inlineStr"><is><t>九</t></is></c></row>`,
          ),
        },
      ],
    });
    expect(rowsOf(ours)).toEqual([
      [1, 2, null, null, 5, 6],
      [null, 7, null, null, null, null],
      [null, null, null, null, null, null],
      [null, null, null, null, null, null],
      [8, null, null, null, null, null],
      ["九", null, null, null, null, null],
    ]);
  });

  it("attributes in any order, either quote, white space in tags, self-closing cells and values", async () => {
    const { ours, stream, full } = await hand("attributes", {
      sheets: [
        {
          name: "S",
          xml: worksheet(
            `<row spans='1:4' r='1' ><c s="2" t='s' r='A1' ><v>0</v ></c ><c r="B1" s="3"/><c t="n" r="C1"\n><v>3</v></c>` +
              `<c\tr="D1"\tt="inlineStr"><is><t xml:space="preserve">  四  </t></is></c></row><row r="2" customHeight="1" ht="20"/>` +
              `<row r="3"><c r="A3" s="1"/></row>`,
          ),
        },
      ],
      sharedStrings: sst([`<t>单引号</t>`]),
    });
    expect(rowsOf(ours)).toEqual([["单引号", null, 3, "  四  "]]);
    expect(ours).toEqual(stream);
    expect(ours).toEqual(full);
  });

  it("comments, processing instructions and CDATA (exceljs loses CDATA text)", async () => {
    const ours = await oursOf("markup", {
      sheets: [
        {
          name: "S",
          xml: worksheet(
            `<!-- a <row> in a comment --><?pi <c r="Z9"><v>1</v></c>?><row r="1"><!-- c -->` +
              `<c r="A1" t="inlineStr"><is><t><![CDATA[<b>&amp;</b>]]>!</t></is></c><c r="B1"><v>1<!-- x -->2</v></c>` +
              `<c r="C1" t="str"><v><![CDATA[a]]]]><![CDATA[>b]]></v></c><c r="D1" t="s"><v>0</v></c></row>`,
          ),
        },
      ],
      // A comment shorter than "<![CDATA[" at the very end.
      sharedStrings: sst(["<!--x--><t>共<!-- 注 -->享</t>"]) + "<!---->",
    });
    expect(rowsOf(ours)).toEqual([["<b>&amp;</b>!", 12, "a]]>b", "共享"]]);
    for (const chunkBytes of [1, 4]) {
      const path = tmp.path(`markup-${chunkBytes}.xlsx`);
      writeFileSync(path, readFileSync(tmp.path("markup.xlsx")));
      expect(await readXlsxFile(path, { chunkBytes })).toEqual(ours);
    }
  });

  it("a DOCTYPE, in any part, is refused: entities are never expanded", async () => {
    const doctype = '<!DOCTYPE sst [<!ENTITY a "b>">]>';
    const sheet = worksheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`);
    for (const [name, pkg, part] of [
      [
        "doctype-sst",
        { sheets: [{ name: "S", xml: sheet }], sharedStrings: sst(["<t>a</t>"]).replace("<sst", `${doctype}<sst`) },
        "xl/sharedStrings.xml",
      ],
      [
        "doctype-sheet",
        { sheets: [{ name: "S", xml: sheet.replace("<worksheet", "<!DOCTYPE worksheet><worksheet") }] },
        "xl/worksheets/sheet1.xml",
      ],
      [
        "entity-decl",
        { sheets: [{ name: "S", xml: sheet.replace("<sheetData>", '<sheetData><!ENTITY x "y">') }] },
        "xl/worksheets/sheet1.xml",
      ],
    ] as [string, HandPackage, string][]) {
      const path = tmp.path(`${name}.xlsx`);
      writeFileSync(path, await buildXlsx(pkg));
      await expect(readXlsxFile(path)).rejects.toMatchObject({ problem: { code: "xml-doctype", part } });
    }
    const rels = tmp.path("doctype-rels.xlsx");
    const zip = await JSZip.loadAsync(await buildXlsx({ sheets: [{ name: "S", xml: sheet }] }));
    const relsXml = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file("xl/_rels/workbook.xml.rels", relsXml.replace("<Relationships", "<!DOCTYPE r><Relationships"));
    writeFileSync(rels, await zip.generateAsync({ type: "nodebuffer" }));
    await expect(readXlsxFile(rels)).rejects.toMatchObject({ problem: { code: "xml-doctype" } });
  });

  it("line ends normalised as XML requires; &#13; stays a CR", async () => {
    const { ours, stream, full } = await hand("crlf", {
      sheets: [
        {
          name: "S",
          xml: worksheet(
            `<row r="1"><c r="A1" t="inlineStr"><is><t>a\r\nb\rc&#13;d</t></is></c><c r="B1" t="s"><v>0</v></c></row>`,
          ),
        },
      ],
      sharedStrings: sst(["<t>x\r\ny</t>"]),
    });
    expect(rowsOf(ours)).toEqual([["a\nb\nc\rd", "x\ny"]]);
    expect(ours).toEqual(stream);
    expect(ours).toEqual(full);
  });

  it("pretty-printed parts: only text inside <v> and <t> counts (exceljs's streaming reader adds the indent)", async () => {
    const { ours, full } = await hand("pretty", {
      sheets: [
        {
          name: "S",
          xml: worksheet(
            `\n  <row r="1">\n    <c r="A1" t="s">\n      <v>0</v>\n    </c>\n    <c r="B1" t="str">\n      <v>  a  </v>\n    </c>\n  </row>\n`,
          ),
        },
      ],
      sharedStrings: sst([`\n    <t xml:space="preserve">  p  </t>\n  `]),
    });
    expect(rowsOf(ours)).toEqual([["  p  ", "  a  "]]);
    expect(ours).toEqual(full);
  });

  it("workbook.xml and its rels after the worksheets in the zip: names, order and hidden states right", async () => {
    const { ours, full } = await hand("late-workbook", {
      sheets: [
        { name: "数据", xml: worksheet(`<row r="1"><c r="A1" t="s"><v>0</v></c></row>`) },
        { name: "隐藏", state: "hidden", xml: worksheet(`<row r="1"><c r="A1"><v>2</v></c></row>`) },
        { name: "很隐藏", state: "veryHidden", xml: worksheet(`<row r="1"><c r="A1"><v>3</v></c></row>`) },
        {
          name: MARKER_SHEET,
          state: "veryHidden",
          xml: worksheet(
            `<row r="1"><c r="A1" t="inlineStr"><is><t>{"kind":"ledgerTemplate","version":1}</t></is></c></row>`,
          ),
        },
      ],
      sharedStrings: sst(["<t>广州</t>"]),
      order: [
        "xl/worksheets/sheet3.xml",
        "xl/worksheets/sheet1.xml",
        "xl/worksheets/sheet4.xml",
        "xl/worksheets/sheet2.xml",
        "xl/sharedStrings.xml",
      ],
    });
    expect(ours.sheets.map((s) => [s.name, s.hidden, s.rows])).toEqual([
      ["数据", false, [["广州"]]],
      ["隐藏", true, [[2]]],
      ["很隐藏", true, [[3]]],
    ]);
    expect(ours.marker).toEqual({ kind: "ledgerTemplate", version: 1 });
    // Not compared with exceljs's streaming reader: on this part order it parks the sheets in temp files and names
    // them right or as "SheetN" depending on a race inside exceljs (both seen on the same file).
    expect(ours).toEqual(full);
  });

  it("follows the relationships: absolute targets, other part names, chart sheets left out", async () => {
    const ours = await oursOf("rels", {
      sheets: [
        { name: "甲", xml: worksheet(`<row r="1"><c r="A1"><v>1</v></c></row>`), part: "xl/worksheets/data.xml" },
        { name: "乙", xml: worksheet(`<row r="1"><c r="A1"><v>2</v></c></row>`), part: "xl/Other Sheet.xml" },
      ],
      absoluteTargets: true,
    });
    expect(ours.sheets.map((s) => [s.name, s.rows])).toEqual([
      ["甲", [[1]]],
      ["乙", [[2]]],
    ]);

    const bytes = await buildXlsx({
      sheets: [{ name: "数据", xml: worksheet(`<row r="1"><c r="A1"><v>1</v></c></row>`) }],
    });
    // Add a chart sheet to workbook.xml and its rels by hand.
    const zip = await JSZip.loadAsync(bytes);
    const wb = await zip.file("xl/workbook.xml")!.async("string");
    zip.file("xl/workbook.xml", wb.replace("</sheets>", `<sheet name="图表" sheetId="9" r:id="rIdC"/></sheets>`));
    const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
    zip.file(
      "xl/_rels/workbook.xml.rels",
      rels.replace(
        "</Relationships>",
        `<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>`,
      ),
    );
    zip.file("xl/chartsheets/sheet1.xml", "<chartsheet/>");
    const path = tmp.path("chartsheet.xlsx");
    writeFileSync(path, await zip.generateAsync({ type: "nodebuffer" }));
    expect((await readXlsxFile(path)).sheets.map((s) => s.name)).toEqual(["数据"]);
  });

  it("strict OOXML namespaces and relationship types; no package rels (workbook where every writer puts it)", async () => {
    const bytes = await buildXlsx({
      sheets: [{ name: "严格", xml: worksheet(`<row r=" 2 "><c r=" B2" t="s"><v>0</v></c></row>`) }],
      sharedStrings: sst(["<t>严格</t>"]),
    });
    const source = await JSZip.loadAsync(bytes);
    const strict = new JSZip();
    for (const file of Object.values(source.files)) {
      if (file.dir || file.name === "_rels/.rels") continue;
      const text = await file.async("string");
      strict.file(
        file.name,
        text
          .replaceAll(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
            "http://purl.oclc.org/ooxml/officeDocument/relationships",
          )
          .replaceAll(
            "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
            "http://purl.oclc.org/ooxml/spreadsheetml/main",
          ),
      );
    }
    const path = tmp.path("strict.xlsx");
    writeFileSync(path, await strict.generateAsync({ type: "nodebuffer", compression: "DEFLATE" }));
    expect((await readXlsxFile(path)).sheets.map((s) => [s.name, s.rows])).toEqual([
      [
        "严格",
        [
          [null, null],
          [null, "严格"],
        ],
      ],
    ]);
  });

  it("stored (uncompressed) entries, sheet names with entities, an empty sheetData", async () => {
    const source = await JSZip.loadAsync(
      await buildXlsx({
        sheets: [
          { name: "A&B <c>", xml: worksheet(`<row r="2"><c r="B2" t="inlineStr"><is><t>存储</t></is></c></row>`) },
          { name: "空", xml: worksheet("").replace("<sheetData></sheetData>", "<sheetData/>") },
          { name: "三", xml: worksheet(`<row r="1"><c r="A1"><v>3</v></c></row>`) },
        ],
      }),
    );
    const stored = new JSZip();
    for (const file of Object.values(source.files)) {
      if (!file.dir) stored.file(file.name, await file.async("uint8array"));
    }
    const path = tmp.path("stored.xlsx");
    writeFileSync(path, await stored.generateAsync({ type: "nodebuffer", compression: "STORE" }));
    const { ours, stream, full } = await readAll(path, readFileSync(path));
    expect(ours.sheets.map((s) => [s.name, s.rows])).toEqual([
      [
        "A&B <c>",
        [
          [null, null],
          [null, "存储"],
        ],
      ],
      ["空", []],
      ["三", [[3]]],
    ]);
    expect(ours).toEqual(full);
    // exceljs's streaming reader (unzipper) cannot find the end of a stored entry written with a data descriptor:
    // it stops after the first worksheet.
    expect(stream.sheets.map((s) => s.name)).toEqual(["A&B <c>"]);
  });
});

describe("chunks cut anywhere: tags, entities and multi-byte characters split", () => {
  const pkg = () =>
    buildXlsx({
      sheets: [
        {
          name: "切分",
          xml: worksheet(
            `<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><r><t>知识</t></r><r><t>产权&amp;😀</t></r></is></c>` +
              `<c r="C1"><v>123456.789</v></c><c r="D1" t="str"><v>&lt;广州&gt;</v></c><!-- 注释 --><c r="E1" t="b"><v>1</v></c></row>` +
              `<row r="2"><c r="A2" t="inlineStr"><is><t>${"长文本".repeat(5000)}</t></is></c><c r="B2"><f>1</f><v>-1E-3</v></c></row>`,
          ),
        },
      ],
      sharedStrings: sst([`<t>共享&#x4E2D;</t><rPh sb="0" eb="1"><t>きょう</t></rPh>`, "<t>二</t>"]),
    });

  it.each([1, 2, 3, 5, 7, 64, 1000])("chunks of %d bytes give what one pass gives", async (chunkBytes) => {
    const path = tmp.path(`chunks-${chunkBytes}.xlsx`);
    writeFileSync(path, await pkg());
    const whole = await readXlsxFile(path);
    expect(rowsOf(whole)).toEqual([
      ["共享中", "知识产权&😀", 123456.789, "<广州>", true],
      ["长文本".repeat(5000), -0.001, null, null, null],
    ]);
    expect(await readXlsxFile(path, { chunkBytes })).toEqual(whole);
  });

  it("a repo workbook read in 3-byte chunks", async () => {
    const path = tmp.path("chunks-ledger.xlsx");
    await writeWorkbookFile(ledgerWorkbook(samples<Ledger>("ledgers")[0]!), path, { streaming: true });
    expect(await readXlsxFile(path, { chunkBytes: 3 })).toEqual(await readXlsxFile(path));
  });

  it("refuses a chunk size that is not a positive integer", async () => {
    const bytes = new Uint8Array(await pkg());
    await expect(readXlsx(bytes, { inflate: fallbackInflater, chunkBytes: 0 })).rejects.toThrow(RangeError);
  });
});

describe("what is not a readable xlsx: ReadErrors, as data", () => {
  async function write(name: string, bytes: Buffer | Uint8Array | string): Promise<string> {
    const path = tmp.path(name);
    writeFileSync(path, bytes);
    return path;
  }

  /** The problem the reader reports for the file at `path`. */
  async function problemOf(path: string): Promise<ReadProblem> {
    try {
      await readXlsxFile(path);
    } catch (error) {
      if (error instanceof ReadError) return error.problem;
      throw error;
    }
    throw new Error(`${path} was read`);
  }

  /** `xml` up to the middle of `marker`. */
  const cut = (xml: string, marker: string) => xml.slice(0, xml.indexOf(marker) + 2);

  it("text, an empty file, an OLE (encrypted or .xls) file: no zip directory", async () => {
    for (const [name, bytes] of [
      ["csv.xlsx", "名称,数量\n甲,1\n"],
      ["empty.xlsx", ""],
      ["ole.xlsx", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(600)])],
    ] as const) {
      expect(await problemOf(await write(name, bytes))).toEqual({ code: "zip-no-directory" });
    }
  });

  it("a truncated zip, and corrupted data: the checksum or the inflate says so", async () => {
    const good = await buildXlsx({
      sheets: [{ name: "S", xml: worksheet(`<row r="1"><c r="A1"><v>1</v></c></row>`) }],
    });
    expect((await problemOf(await write("truncated.xlsx", good.subarray(0, good.length - 30)))).code).toMatch(
      /^zip-(no-directory|truncated)$/u,
    );
    // Flip bytes inside the compressed worksheet: inflate fails or the checksum disagrees with the directory.
    const zip = await JSZip.loadAsync(good);
    const rows = Array.from(
      { length: 2000 },
      (_, i) => `<row r="${i + 1}"><c r="A${i + 1}"><v>${(i * 7919) % 100003}</v></c></row>`,
    );
    zip.file("xl/worksheets/sheet1.xml", worksheet(rows.join("")));
    const bytes = await zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
    const header = bytes.indexOf(Buffer.from("xl/worksheets/sheet1.xml")) - 30;
    expect(bytes.readUInt32LE(header)).toBe(0x04034b50);
    const data = header + 30 + bytes.readUInt16LE(header + 26) + bytes.readUInt16LE(header + 28);
    expect(bytes.readUInt32LE(header + 18)).toBeGreaterThan(1000);
    for (let i = data + 500; i < data + 540; i++) bytes[i] = bytes[i]! ^ 0x5a;
    const problem = await problemOf(await write("corrupt.xlsx", bytes));
    expect(problem.code).toMatch(/^zip-(corrupt-data|checksum|size-mismatch)$/u);
    expect(problem).toMatchObject({ part: "xl/worksheets/sheet1.xml" });
  });

  it("a zip that is not a workbook, a sheet without its part, XML cut short", async () => {
    const other = new JSZip();
    other.file("word/document.xml", "<w:document/>");
    expect(await problemOf(await write("docx.xlsx", await other.generateAsync({ type: "nodebuffer" })))).toEqual({
      code: "missing-part",
      part: "xl/workbook.xml",
      what: "工作簿的主部件",
    });

    const zip = await JSZip.loadAsync(
      await buildXlsx({ sheets: [{ name: "S", xml: worksheet(`<row r="1"><c r="A1"><v>1</v></c></row>`) }] }),
    );
    zip.remove("xl/worksheets/sheet1.xml");
    expect(await problemOf(await write("no-part.xlsx", await zip.generateAsync({ type: "nodebuffer" })))).toEqual({
      code: "missing-part",
      part: "xl/worksheets/sheet1.xml",
      what: "工作表“S”的内容",
    });

    for (const [name, xml] of [
      ["cut-tag.xlsx", cut(worksheet(`<row r="1"><c r="A1"><v>1</v></c></row>`), "<v>1")],
      ["no-end.xlsx", worksheet(`<row r="1"><c r="A1"><v>1</v></c></row>`).replace(/<\/sheetData>.*$/su, "")],
      ["bad-attribute.xlsx", worksheet(`<row r="1"><c r=A1><v>1</v></c></row>`)],
      ["huge-column.xlsx", worksheet(`<row r="1"><c r="ZZZZ1"><v>1</v></c></row>`)],
      ["huge-row.xlsx", worksheet(`<row r="99999999"><c r="A1"><v>1</v></c></row>`)],
    ] as const) {
      const path = await write(name, await buildXlsx({ sheets: [{ name: "S", xml }] }));
      expect(await problemOf(path)).toMatchObject({ code: "xml-malformed", part: "xl/worksheets/sheet1.xml" });
    }
  });
});
