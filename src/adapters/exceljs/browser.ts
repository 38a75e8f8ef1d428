/**
 * The workbook port for browser bundles (task pane standalone mode): in memory only, nothing from Node. exceljs
 * writes; reading is the one .xlsx reader of src/adapters/xlsx, under the browser's inflater.
 */
import type { WorkbookPort } from "../../core/sheets/model";
import { readXlsx } from "../xlsx/reader";
import { browserInflater } from "../zip/inflate";
import { writeWorkbook as write } from "./write";

export { writeWorkbook } from "./write";
export { LISTS_SHEET } from "./render";

/** The workbook port over .xlsx bytes (in memory: Node and the browser alike). */
export const xlsxPort: WorkbookPort<Uint8Array> = {
  write: async (model) => new Uint8Array(await write(model)),
  read: (bytes) => readXlsx(bytes, { inflate: browserInflater() }),
};
