/**
 * Writing a WorkbookModel as .xlsx in memory (Node and browser). Files, and the streaming writer for big
 * workbooks, are in ./file (Node only).
 */
import ExcelJS from "exceljs";
import type { WorkbookModel } from "../../core/sheets/model";
import { renderWorkbook } from "./render";

/** Above this many rows in one table sheet, files are written with the streaming writer (see writeWorkbookFile). */
export const STREAMING_ROW_THRESHOLD = 20000;

/** Whether a model is big enough to need the streaming writer. */
export function needsStreaming(model: WorkbookModel): boolean {
  return model.sheets.some((s) => s.kind === "table" && s.rows.length > STREAMING_ROW_THRESHOLD);
}

/**
 * The .xlsx bytes of `model`, built in memory (every Excel feature, Excel tables included). Costs a few hundred
 * bytes per cell: in Node, write big workbooks with writeWorkbookFile, which streams.
 */
export async function writeWorkbook(model: WorkbookModel): Promise<Buffer | Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await renderWorkbook(workbook, model, { streaming: false });
  // exceljs types its result as its own ArrayBuffer-like "Buffer"; it is a Node Buffer (a Uint8Array in browsers).
  return (await workbook.xlsx.writeBuffer()) as unknown as Buffer | Uint8Array;
}
