/**
 * Reading .xlsx into a RawWorkbook: every sheet's values as the user left them (no trimming, no type coercion
 * beyond what the file says), the marker, and which sheets are hidden. In memory (Node and browser) with exceljs's
 * full reader; big files stream through ./stream (Node only).
 */
import ExcelJS from "exceljs";
import {
  MARKER_SHEET,
  type CellValue,
  type RawSheet,
  type RawWorkbook,
  type WorkbookMarker,
} from "../../core/sheets/model";
import { fromExcelValue } from "./values";

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

/** A marker read from the marker sheet's A1: JSON of { kind, version, options? }, else null. */
export function parseMarker(value: CellValue | undefined): WorkbookMarker | null {
  if (typeof value !== "string") return null;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return null;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const { kind, version, options } = data as Record<string, unknown>;
  if (typeof kind !== "string" || kind === "" || typeof version !== "number" || !Number.isFinite(version)) return null;
  if (options === undefined) return { kind, version };
  if (!options || typeof options !== "object" || Array.isArray(options)) return null;
  const entries = Object.entries(options);
  if (entries.some(([, v]) => typeof v !== "string")) return null;
  return { kind, version, options: Object.fromEntries(entries) as Record<string, string> };
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

/** The error for bytes that are not a readable .xlsx. */
export function notXlsx(error: unknown): Error {
  return new Error(
    `无法读取 Excel 文件：不是有效的 .xlsx 工作簿（${reason(error)}）。如是 .xls、.csv 或加密的文件，请在 Excel 中另存为不加密的 .xlsx`,
    { cause: error },
  );
}

function reason(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
