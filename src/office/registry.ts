/* eslint-disable office-addins/no-navigational-load -- isNullObject is a scalar, not a navigation property */
/**
 * What this add-in remembers inside the workbook, on the very hidden marker sheet: A1 the workbook marker (JSON, as
 * the exceljs adapter writes it), A2 the registry (the sheets we created, JSON), and from row 4 one row per cell we
 * marked (sheet, address, our fill, the fill it had before, our note or comment). A sheet or cell is ours only if it
 * is listed here: everything else in the workbook is the user's and is never changed.
 */
import { parseMarker } from "../core/sheets/marker";
import { MARKER_SHEET, type WorkbookMarker } from "../core/sheets/model";
import type { ExcelSession } from "./runner";

export const REGISTRY_ROW = 2;
export const MARKS_FIRST_ROW = 4;
export const MARK_COLUMNS = 6;

export interface MarkRecord {
  sheet: string;
  address: string;
  /** The fill we set (#RRGGBB). */
  color: string;
  /** The fill the cell had before (#RRGGBB, or "" for none). */
  original: string;
  /** "note", "comment" or "" (none added). */
  noteKind: string;
  /** Comment id, for comments. */
  noteId: string;
}

export interface Registry {
  marker: WorkbookMarker | null;
  sheets: string[];
  marks: MarkRecord[];
}

export const emptyRegistry = (): Registry => ({ marker: null, sheets: [], marks: [] });

export { parseMarker };

/** The registry from the marker sheet's used range values (row 1 at index 0). */
export function parseRegistry(values: readonly (readonly unknown[])[]): Registry {
  const out = emptyRegistry();
  out.marker = parseMarker(values[0]?.[0]);
  const head = values[REGISTRY_ROW - 1]?.[0];
  if (typeof head === "string" && head !== "") {
    try {
      const data = JSON.parse(head) as { sheets?: unknown };
      if (Array.isArray(data.sheets)) out.sheets = data.sheets.filter((s): s is string => typeof s === "string");
    } catch {
      // A damaged registry owns nothing: we then refuse to replace sheets rather than guess.
    }
  }
  for (let r = MARKS_FIRST_ROW - 1; r < values.length; r++) {
    const row = values[r] ?? [];
    const [sheet, address, color, original, noteKind, noteId] = row.map((v) => (typeof v === "string" ? v : ""));
    if (sheet && address && color) {
      out.marks.push({
        sheet,
        address,
        color,
        original: original ?? "",
        noteKind: noteKind ?? "",
        noteId: noteId ?? "",
      });
    }
  }
  return out;
}

/** Queues a load of the marker sheet's registry; call `parseRegistry(range.values)` after the next sync. */
export function loadRegistryRange(ws: Excel.Worksheet): Excel.Range {
  const used = ws.getUsedRangeOrNullObject(true);
  used.load("values,rowIndex,columnIndex,isNullObject");
  return used;
}

export function registryFrom(used: Excel.Range): Registry {
  if (used.isNullObject) return emptyRegistry();
  // The used range starts at its first non-empty cell (A1 is empty when there is no marker): re-align to A1.
  const pad = new Array<unknown>(used.columnIndex).fill("");
  const rows: unknown[][] = Array.from({ length: used.rowIndex }, () => []);
  for (const row of used.values) rows.push([...pad, ...row]);
  return parseRegistry(rows);
}

/** Reads the registry (one sync), or an empty one when the workbook has no marker sheet. */
export async function readRegistry(context: ExcelSession): Promise<{ ws: Excel.Worksheet | null; registry: Registry }> {
  const ws = context.workbook.worksheets.getItemOrNullObject(MARKER_SHEET);
  ws.load("isNullObject");
  await context.sync("registry:probe");
  if (ws.isNullObject) return { ws: null, registry: emptyRegistry() };
  const used = loadRegistryRange(ws);
  await context.sync("registry:read");
  return { ws, registry: registryFrom(used) };
}

/** Creates the very hidden marker sheet (queued). */
export function addMarkerSheet(context: ExcelSession): Excel.Worksheet {
  const ws = context.workbook.worksheets.add(MARKER_SHEET);
  ws.visibility = "VeryHidden";
  return ws;
}

/** Queues A1 (marker) and A2 (sheets) as text; returns the estimated payload. */
export function writeRegistryHead(ws: Excel.Worksheet, registry: Registry): number {
  const values = [
    [registry.marker ? JSON.stringify(registry.marker) : ""],
    [JSON.stringify({ sheets: registry.sheets })],
  ];
  const range = ws.getRange(`A1:A${REGISTRY_ROW}`);
  range.numberFormat = [["@"], ["@"]];
  range.values = values;
  return JSON.stringify(values).length * 3 + 100;
}

/** Queues the mark rows (replacing the previous ones); returns the estimated payload. */
export function writeMarkRows(ws: Excel.Worksheet, marks: readonly MarkRecord[], previousCount: number): number {
  let bytes = 0;
  if (previousCount > marks.length) {
    ws.getRangeByIndexes(MARKS_FIRST_ROW - 1 + marks.length, 0, previousCount - marks.length, MARK_COLUMNS).clear(
      "Contents",
    );
    bytes += 100;
  }
  if (marks.length > 0) {
    const values = marks.map((m) => [m.sheet, m.address, m.color, m.original, m.noteKind, m.noteId]);
    const range = ws.getRangeByIndexes(MARKS_FIRST_ROW - 1, 0, marks.length, MARK_COLUMNS);
    range.numberFormat = values.map((row) => row.map(() => "@"));
    range.values = values;
    bytes += JSON.stringify(values).length * 2 + 100;
  }
  return bytes;
}
