/** The adapter for browser bundles (task pane standalone mode): in memory only, nothing from Node. */
export { readWorkbook, parseMarker } from "./read";
export { writeWorkbook } from "./write";
export { LISTS_SHEET } from "./render";

import type { WorkbookPort } from "../../core/sheets/model";
import { readWorkbook as read } from "./read";
import { writeWorkbook as write } from "./write";

/** The workbook port over .xlsx bytes (in memory: Node and the browser alike). */
export const xlsxPort: WorkbookPort<Uint8Array> = {
  write: async (model) => new Uint8Array(await write(model)),
  read: (bytes) => read(bytes),
};
