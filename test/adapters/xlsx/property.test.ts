/**
 * Property: random cell values (text with CJK, characters that need entities, leading = + - @, white space and
 * line ends; integers and doubles; booleans) written by exceljs — in-memory writer, streaming writer with shared
 * strings, streaming writer with inline text — read back by this reader (in one pass and in random small chunks)
 * as written, and by exceljs's two readers alike.
 */
import { readFileSync, writeFileSync } from "node:fs";
import ExcelJS from "exceljs";
import fc from "fast-check";
import { readXlsxFile } from "../../../src/adapters/xlsx/node";
import { readWorkbook, SheetValues } from "../../helpers/exceljsRead";
import type { CellValue, RawWorkbook } from "../../../src/core/sheets/model";
import { readStreamSettled } from "../exceljs/helpers";
import { tempDir } from "./helpers";

const tmp = tempDir();
afterAll(() => tmp.cleanup());

const RUNS = 25;

const UNITS = [
  ..."广州知识产权信息服务网点台账",
  "😀",
  ..."aZ09.,;#%_",
  ..."<>&\"'",
  "&amp;",
  "&lt;",
  "&#65;",
  "]]>",
  " ",
  "  ",
  "\n",
  "\t",
  "\r\n",
  "\r",
];

const text = fc
  .tuple(
    fc.constantFrom("", "", "=", "+", "-", "@", " ", "\n"),
    fc.array(fc.constantFrom(...UNITS), { maxLength: 12 }).map((units) => units.join("")),
  )
  .map(([lead, rest]) => lead + rest);

const number = fc.oneof(
  fc.integer({ min: -2_000_000_000, max: 2_000_000_000 }),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(0, 45721, 0.1, 0.30000000000000004, 1e-7, 1e21, -1.5, 123456789012345.6, 2 ** 53),
);

const value: fc.Arbitrary<CellValue> = fc.oneof(
  { arbitrary: fc.constant(null), weight: 2 },
  { arbitrary: text, weight: 4 },
  { arbitrary: number, weight: 3 },
  { arbitrary: fc.boolean(), weight: 1 },
);

const grid = fc.array(fc.array(value, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 8 });
const book = fc.array(grid, { minLength: 1, maxLength: 2 });

type Writer = "memory" | "stream-shared" | "stream-inline";

async function write(path: string, sheets: CellValue[][][], writer: Writer): Promise<void> {
  if (writer === "memory") {
    const wb = new ExcelJS.Workbook();
    sheets.forEach((rows, s) => {
      const ws = wb.addWorksheet(`表${s + 1}`);
      rows.forEach((row, r) => row.forEach((v, c) => v !== null && (ws.getCell(r + 1, c + 1).value = v as string)));
    });
    writeFileSync(path, Buffer.from(await wb.xlsx.writeBuffer()));
    return;
  }
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: writer === "stream-shared" });
  sheets.forEach((rows, s) => {
    const ws = wb.addWorksheet(`表${s + 1}`);
    rows.forEach((row, r) => {
      const out = ws.getRow(r + 1);
      row.forEach((v, c) => v !== null && (out.getCell(c + 1).value = v as string));
      out.commit();
    });
    ws.commit();
  });
  await wb.commit();
}

/** What a reader should give for the values written: "" empty, line ends as XML reads them, -0 as 0. */
function expected(sheets: CellValue[][][], text: (t: string) => string = (t) => t): RawWorkbook {
  return {
    marker: null,
    sheets: sheets.map((rows, s) => {
      const values = new SheetValues();
      rows.forEach((row, r) =>
        row.forEach((v, c) => {
          let cell = v;
          if (typeof v === "string") cell = v === "" ? null : text(v.replace(/\r\n?/gu, "\n"));
          if (typeof v === "number" && Object.is(v, -0)) cell = 0;
          values.set(r + 1, c + 1, cell);
        }),
      );
      return { name: `表${s + 1}`, hidden: false, rows: values.rows() };
    }),
  };
}

/** exceljs decodes a `t="str"` value's entities a second time (utils.xmlDecode): `&amp;lt;` reads as `<`. */
function decodedTwice(t: string): string {
  const named: Record<string, string> = { "&lt;": "<", "&gt;": ">", "&amp;": "&", "&apos;": "'", "&quot;": '"' };
  return t.replace(/&([a-z]*);/gu, (m) => named[m] ?? m);
}

describe("random values written by exceljs read back as written", () => {
  it.each<Writer>(["memory", "stream-shared", "stream-inline"])(
    "writer: %s",
    async (writer) => {
      let n = 0;
      await fc.assert(
        fc.asyncProperty(book, fc.integer({ min: 1, max: 40 }), async (sheets, chunkBytes) => {
          const path = tmp.path(`${writer}-${n++}.xlsx`);
          await write(path, sheets, writer);
          const want = expected(sheets);
          expect(await readXlsxFile(path)).toEqual(want);
          expect(await readXlsxFile(path, { chunkBytes })).toEqual(want);
          const exceljs = writer === "stream-inline" ? expected(sheets, decodedTwice) : want;
          expect(await readStreamSettled(path)).toEqual(exceljs);
          expect(await readWorkbook(readFileSync(path))).toEqual(exceljs);
        }),
        { numRuns: RUNS },
      );
    },
    120000,
  );

  it("the inline-text writer does write entities that exceljs decodes twice", async () => {
    const path = tmp.path("twice.xlsx");
    await write(path, [[["a &amp; b", "&lt;x&gt;"]]], "stream-inline");
    expect((await readXlsxFile(path)).sheets[0]!.rows).toEqual([["a &amp; b", "&lt;x&gt;"]]);
    expect((await readStreamSettled(path)).sheets[0]!.rows).toEqual([["a & b", "<x>"]]);
  });
});
