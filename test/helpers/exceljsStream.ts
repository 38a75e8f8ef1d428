/**
 * exceljs's streaming reader (WorkbookReader) as a baseline for the tests and the benchmark, keeping values only.
 * The product reads with src/adapters/xlsx.
 */
import { Readable } from "node:stream";
import { StringDecoder } from "node:string_decoder";
import ExcelJS from "exceljs";
import type { RawWorkbook } from "../../src/core/sheets/model";
import { readFile } from "node:fs/promises";
import { assemble, fromExcelValue, notXlsx, readWorkbook, SheetValues, type CollectedSheet } from "./exceljsRead";

/**
 * Reads an .xlsx from a path or a readable stream. Styles are not read, so date cells arrive as Excel serial numbers
 * (45721 for 2025-03-05): the importer converts them in date columns with `serialToIso`. Formula cells give their
 * cached result (a boolean result as 1/0, an error as null).
 */
export async function readWorkbookStream(input: string | NodeJS.ReadableStream): Promise<RawWorkbook> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(input as string, {
    worksheets: "emit",
    sharedStrings: "cache",
    hyperlinks: "ignore",
    styles: "ignore",
    entries: "ignore",
  });
  decodeWholeCharacters(reader);
  const collected: CollectedSheet[] = [];
  try {
    for await (const sheet of reader) {
      // exceljs sets these on each worksheet reader from workbook.xml; its typings leave them out.
      const info = sheet as unknown as { name?: string; state?: string; id?: number | string };
      const values = new SheetValues();
      for await (const row of sheet) {
        row.eachCell({ includeEmpty: false }, (cell, c) => values.set(row.number, c, fromExcelValue(cell.value)));
      }
      collected.push({ name: info.name ?? `Sheet${info.id ?? collected.length + 1}`, state: info.state, values });
    }
  } catch (error) {
    // exceljs's streaming reader parses a worksheet as soon as shared strings and rels are in and then needs
    // workbook.xml, which some writers (exceljs's own, at times) store after the worksheets: it throws reading
    // `model.sheets`. Such a file is read in full instead (Excel itself stores workbook.xml first).
    if (typeof input === "string" && isLateWorkbookXml(error)) return readWorkbook(await readFile(input));
    throw notXlsx(error);
  }
  // Worksheets stream in zip order; put them back in the workbook's tab order.
  const order = ((reader as unknown as { model?: { sheets?: { name?: string }[] } }).model?.sheets ?? []).map(
    (s) => s.name,
  );
  const rank = (name: string): number => {
    const i = order.indexOf(name);
    return i < 0 ? order.length : i;
  };
  collected.sort((a, b) => rank(a.name) - rank(b.name));
  return assemble(collected);
}

type Chunks = AsyncIterable<Buffer | string>;

/**
 * exceljs 4.4's streaming reader decodes each inflated chunk to text on its own, so a Chinese character split
 * across two chunks turns into "��" (seen on a 30,000-row ledger). It parses shared strings, workbook.xml and each
 * worksheet from a stream or chunk iterator handed to these three methods: hand them text decoded with a
 * StringDecoder instead, which carries partial characters over (its SAX step takes strings as they are).
 */
function decodeWholeCharacters(reader: ExcelJS.stream.xlsx.WorkbookReader): void {
  const r = reader as unknown as Record<string, unknown>;
  const methods = ["_parseSharedStrings", "_parseWorkbook", "_parseWorksheet"];
  if (!methods.every((m) => typeof r[m] === "function")) {
    throw new Error("exceljs 的流式读取接口已变化：请检查 src/adapters/exceljs/stream.ts");
  }
  const [sharedStrings, workbook, worksheet] = methods.map((m) =>
    (r[m] as (...args: unknown[]) => unknown).bind(reader),
  );
  // These two take the zip entry (a stream); the worksheet one an iterator over the entry's chunks.
  r._parseSharedStrings = (entry: Chunks) => sharedStrings!(Readable.from(decoded(entry)));
  r._parseWorkbook = (entry: Chunks) => workbook!(Readable.from(decoded(entry)));
  r._parseWorksheet = (chunks: Chunks, sheetNo: string) => worksheet!(decoded(chunks), sheetNo);
}

async function* decoded(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new StringDecoder("utf8");
  for await (const chunk of chunks) {
    const text = typeof chunk === "string" ? chunk : decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

function isLateWorkbookXml(error: unknown): boolean {
  return error instanceof TypeError && /reading 'sheets'/u.test(error.message);
}
