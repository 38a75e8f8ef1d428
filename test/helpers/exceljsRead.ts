/**
 * exceljs's full reader as a baseline for the tests (the product reads with src/adapters/xlsx only): every sheet's
 * values as exceljs gives them, the marker, and which sheets are hidden. A second reader nobody here wrote, to
 * compare ours with cell by cell.
 */
import ExcelJS from "exceljs";
import {
  MARKER_SHEET,
  type CellValue,
  type RawSheet,
  type RawWorkbook,
  type WorkbookMarker,
} from "../../src/core/sheets/model";
import { parseMarker } from "../../src/core/sheets/marker";

export { parseMarker };

const MS_PER_DAY = 86400000;
/** Excel serial of 1970-01-01 in the 1900 date system (past the phantom 1900-02-29). */
const UNIX_EPOCH_SERIAL = 25569;

/** Parts of a sheet that hold no values: skipping them saves time and memory (validations expand per cell). */
const IGNORED_NODES = [
  "dataValidations",
  "conditionalFormatting",
  "hyperlinks",
  "mergeCells",
  "drawing",
  "picture",
  "tableParts",
  "rowBreaks",
  "extLst",
];

/**
 * Reads an .xlsx held in memory. Date cells come back as `{ date: "YYYY-MM-DD" }`, formula cells as their cached
 * result, rich text and hyperlinks as their text, errors as null.
 */
export async function readWorkbook(data: Buffer | Uint8Array | ArrayBuffer): Promise<RawWorkbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs accepts Buffer, Uint8Array and ArrayBuffer (JSZip underneath) but types only its own "Buffer".
    await workbook.xlsx.load(data as ArrayBuffer, { ignoreNodes: IGNORED_NODES });
  } catch (error) {
    throw notXlsx(error);
  }
  const collected: CollectedSheet[] = [];
  for (const ws of workbook.worksheets) {
    const values = new SheetValues();
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      // A formula cell's value object drops a falsy cached result (0, false): read the result itself.
      row.eachCell({ includeEmpty: false }, (cell, c) =>
        values.set(
          r,
          c,
          cell.type === ExcelJS.ValueType.Formula ? fromExcelValue(cell.result) : fromExcelValue(cell.value),
        ),
      );
    });
    collected.push({ name: ws.name, state: ws.state, values });
  }
  return assemble(collected);
}

/** A JS Date read from a date cell: the calendar day as `{ date }`; time-only or pre-1900 values as serial numbers. */
function dateToCell(date: Date): CellValue {
  const ms = date.getTime();
  if (!Number.isFinite(ms)) return null;
  if (date.getUTCFullYear() < 1900) return ms / MS_PER_DAY + UNIX_EPOCH_SERIAL;
  return { date: date.toISOString().slice(0, 10) };
}

/** Text as a cell can hold it: characters XML cannot hold become U+FFFD (the file would not open), cut to Excel's limit. */
/** An exceljs cell value (full or streaming reader) as a CellValue: what the cell holds, never a formula. */
export function fromExcelValue(value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  // "" is an empty cell (the streaming reader already gives null for it): both readers agree.
  if (typeof value === "string") return value === "" ? null : value;
  if (typeof value === "number") return Number.isFinite(value) ? value : null;
  if (typeof value === "boolean") return value;
  if (value instanceof Date) return dateToCell(value);
  if (typeof value !== "object") return null;
  const v = value as Record<string, unknown>;
  if (Array.isArray(v.richText)) {
    return (v.richText as { text?: unknown }[]).map((run) => (typeof run.text === "string" ? run.text : "")).join("");
  }
  // Formula cells give their cached result; a formula without one (never calculated) reads as empty.
  if ("formula" in v || "sharedFormula" in v) return "result" in v ? fromExcelValue(v.result) : null;
  if ("error" in v) return null;
  if ("hyperlink" in v || "text" in v) return fromExcelValue(v.text);
  return null;
}

export interface CollectedSheet {
  name: string;
  state: string | undefined;
  values: SheetValues;
}

export function assemble(collected: readonly CollectedSheet[]): RawWorkbook {
  let marker: WorkbookMarker | null = null;
  const sheets: RawSheet[] = [];
  for (const { name, state, values } of collected) {
    if (name === MARKER_SHEET) {
      marker = parseMarker(values.get(1, 1));
      continue;
    }
    sheets.push({ name, hidden: state === "hidden" || state === "veryHidden", rows: values.rows() });
  }
  return { sheets, marker };
}

/** Values of one sheet as they arrive (any order), then as dense rows padded with nulls to the used width. */
export class SheetValues {
  private readonly data: (CellValue | undefined)[][] = [];
  private width = 0;

  set(r: number, c: number, value: CellValue): void {
    if (value === null) return;
    const row = this.data[r - 1] ?? (this.data[r - 1] = []);
    row[c - 1] = value;
    if (c > this.width) this.width = c;
  }

  get(r: number, c: number): CellValue | undefined {
    return this.data[r - 1]?.[c - 1];
  }

  /** Rows 1 to the last row with a value; each row as wide as the sheet's last used column. Fills in place. */
  rows(): CellValue[][] {
    const { data, width } = this;
    const out = data as CellValue[][];
    for (let i = 0; i < data.length; i++) {
      const row = data[i];
      if (!row) {
        out[i] = new Array<CellValue>(width).fill(null);
        continue;
      }
      for (let c = 0; c < width; c++) if (row[c] === undefined) row[c] = null;
    }
    return out;
  }
}

/** The error for bytes that are not a readable .xlsx (as the exceljs adapter reported it). */
export function notXlsx(error: unknown): Error {
  return new Error(
    `无法读取 Excel 文件：不是有效的 .xlsx 工作簿（${reason(error)}）。如是 .xls、.csv 或加密的文件，请在 Excel 中另存为不加密的 .xlsx`,
    { cause: error },
  );
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
