/**
 * exceljs adapter: renders WorkbookModels to .xlsx (reading is src/adapters/xlsx, the one reader for every size).
 * This entry is for Node (CLI); browser bundles import ./browser, which leaves out the file functions.
 *
 * Decisions, in short:
 * - Text is always written as a value (a shared string), never a formula: "=1+1", "+86…", "-5", "@x" open as text.
 * - Dates are real Excel dates (UTC midnight) shown as yyyy-mm-dd, in tables and forms alike; an invalid
 *   `{ date }` is written as its text. Booleans in boolean columns and fields are written as 是/否 (what their
 *   drop-down offers); the importer reads them back as booleans.
 * - Drop-down lists are inlined when short (under 255 characters, no comma or quote in a value), else kept on the
 *   very hidden sheet `_lists` (one column per distinct list) and referenced as `'_lists'!$A$1:$A$n`.
 * - Validations and formats cover the data rows plus `inputRows`, never whole columns. On a protected sheet the
 *   columns with `locked: true`, the title, the header and form labels are locked; everything else is editable.
 * - The header row is always frozen (plus `freeze.cols` columns).
 * - `table` becomes an Excel table with filters (and a 合计 row with SUBTOTAL sums of the integer, number and money
 *   columns when `totals`), except with the streaming writer, or on a sheet with notes (header notes or marks:
 *   exceljs cannot write both), where it becomes an autoFilter over the same range with the same 合计 row.
 * - Internal links are `#'Sheet'!$D$12` (the absolute form avoids an exceljs bug that breaks `#'Sheet'!D12`).
 */
export { writeWorkbook, needsStreaming, STREAMING_ROW_THRESHOLD } from "./write";
export { writeWorkbookFile, type FileOptions } from "./file";
export { LISTS_SHEET } from "./render";
export { NUMBER_FORMATS, YES, NO } from "./values";
export { xlsxPort } from "./browser";
