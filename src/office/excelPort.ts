/* eslint-disable office-addins/no-navigational-load -- isNullObject is a scalar, not a navigation property */
/**
 * The workbook port over the open workbook (Office.js). Writing: one sync to find the sheets, one to read our
 * registry (when the workbook has one), then values in chunks of at most 5,000 rows and ~4 MB (one sync each; the
 * first also creates the sheets), then the formats, which share the last value request when they fit. Reading:
 * used ranges in chunks, values only. Only sheets listed in our registry are ever replaced.
 */
import { addStatsCharts } from "./charts";
import {
  MARKER_SHEET,
  columnLetter,
  type CellValue,
  type RawSheet,
  type RawWorkbook,
  type WorkbookModel,
} from "../core/sheets/model";
import { ListBook, layoutSheet, type OfficeCell, type SheetLayout, type StyleOp } from "./layout";
import { checkSheetNames } from "../core/sheets/style";
import {
  addMarkerSheet,
  emptyRegistry,
  loadRegistryRange,
  parseMarker,
  registryFrom,
  writeRegistryHead,
} from "./registry";
import { utf8Length, type ExcelRunner, type ExcelSession } from "./runner";

export const LIMITS = {
  /** Rows per request (the guide: about 5,000). */
  rows: 5000,
  /** Estimated bytes per request: Excel on the web refuses requests over 5 MB; keep a margin. */
  bytes: 4_000_000,
  /** Cells per read request (responses have a limit too: ~16 bytes a cell keeps it near 4 MB). */
  readCells: 250_000,
};

export interface Progress {
  phase: "values" | "formats" | "read";
  sheet: string;
  done: number;
  total: number;
}

export interface WriteOptions {
  onProgress?: (progress: Progress) => void;
  /** Checked between chunks: an abort stops before the next request (sheets written so far stay, and are ours). */
  signal?: AbortSignal;
}

export interface ExcelPort {
  writeModel(model: WorkbookModel, options?: WriteOptions): Promise<void>;
  readSheets(names?: readonly string[], options?: WriteOptions): Promise<RawWorkbook>;
  /** Shows a finding's cell: activates its sheet and selects the cell (e.g. "服务台账", "F176"). */
  selectCell(sheet: string, cell: string): Promise<void>;
  /**
   * Brings a filled template into the open workbook: its own sheets (formats, drop-downs) with
   * insertWorksheetsFromBase64 where ExcelApi 1.13 is there; else the values read by exceljs
   * (`raw`), written as plain sheets. Gives which way it went.
   */
  insertWorkbook(bytes: Uint8Array, raw: RawWorkbook, options?: WriteOptions): Promise<"sheets" | "values">;
}

/** Pending rows and bytes of the current request; flushes (one sync) when the next piece would not fit. */
class Batcher {
  private rows = 0;
  constructor(
    private readonly session: ExcelSession,
    private readonly signal: AbortSignal | undefined,
  ) {}

  get roomRows(): number {
    return LIMITS.rows - this.rows;
  }
  get roomBytes(): number {
    return LIMITS.bytes - this.session.pendingBytes;
  }
  get empty(): boolean {
    return this.rows === 0 && this.session.pendingBytes === 0;
  }
  add(bytes: number, rows = 0): void {
    this.session.queued(bytes);
    this.rows += rows;
  }
  /** Makes room for a piece of `bytes` (and `rows`), syncing first if needed. */
  async fit(bytes: number, rows = 0, label = ""): Promise<void> {
    if (!this.empty && (bytes > this.roomBytes || rows > this.roomRows)) await this.flush(label);
  }
  async flush(label = ""): Promise<void> {
    if (this.empty) return;
    await this.session.sync(label);
    this.rows = 0;
  }
  checkAbort(): void {
    this.signal?.throwIfAborted();
  }
}

function rowBytes(layout: SheetLayout, r: number): number {
  return utf8Length(JSON.stringify(layout.values[r])) + utf8Length(JSON.stringify(layout.formats[r])) + 2;
}

function opBytes(op: unknown): number {
  // The JSON of the op plus the object path and method envelope of each action.
  return utf8Length(JSON.stringify(op)) + 150;
}

export function createExcelPort(runner: ExcelRunner): ExcelPort {
  return {
    writeModel: async (model, options = {}) => {
      await writeModel(runner, model, options);
      // 服务统计 sheets get their charts (tier mix, monthly trend, by category); no-op for other models.
      await addStatsCharts(runner, model);
    },
    readSheets: (names, options = {}) => readSheets(runner, names, options),
    selectCell: (sheet, cell) => selectCell(runner, sheet, cell),
    insertWorkbook: (bytes, raw, options = {}) => insertWorkbook(runner, bytes, raw, options),
  };
}

function toBase64(bytes: Uint8Array): string {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

async function insertWorkbook(
  runner: ExcelRunner,
  bytes: Uint8Array,
  raw: RawWorkbook,
  options: WriteOptions,
): Promise<"sheets" | "values"> {
  const inserted = await runner.run(async (context) => {
    if (!context.supports("1.13")) return false;
    context.workbook.insertWorksheetsFromBase64(toBase64(bytes), {
      positionType: "End",
    });
    await context.sync("insertWorksheetsFromBase64");
    return true;
  });
  if (inserted) return "sheets";
  // Older Excel: the values as read, one plain sheet each (header = first row), never formulas.
  const sheets = raw.sheets
    .filter((s) => !s.hidden && s.rows.length > 0)
    .map((s) => {
      const width = Math.max(1, ...s.rows.map((r) => r.length));
      const header = s.rows[0] ?? [];
      return {
        kind: "table" as const,
        name: s.name,
        columns: Array.from({ length: width }, (_, c) => ({
          key: `c${c}`,
          header: header[c] === null || header[c] === undefined ? "" : String(header[c]),
          type: "text" as const,
          width: 14,
        })),
        rows: s.rows.slice(1).map((r) => Array.from({ length: width }, (_, c) => r[c] ?? null)),
      };
    });
  await writeModel(runner, { title: "导入", sheets }, options);
  return "values";
}

async function selectCell(runner: ExcelRunner, sheet: string, cell: string): Promise<void> {
  if (!/^\$?[A-Z]{1,3}\$?[1-9]\d*$/u.test(cell)) throw new Error(`单元格地址无效：“${cell}”`);
  await runner.run(async (context) => {
    const ws = context.workbook.worksheets.getItemOrNullObject(sheet);
    ws.load("isNullObject");
    await context.sync("selectCell: find sheet");
    if (ws.isNullObject) throw new Error(`工作表“${sheet}”不在当前工作簿中，请先写入审核工作表`);
    ws.activate();
    ws.getRange(cell).select();
    await context.sync("selectCell: select");
  });
}

async function writeModel(runner: ExcelRunner, model: WorkbookModel, options: WriteOptions): Promise<void> {
  checkSheetNames(model);
  const firstVisible = model.sheets.findIndex((s) => s.kind !== "table" || !s.hidden);
  if (firstVisible < 0) throw new Error("工作簿至少需要一个可见的工作表");
  const lists = new ListBook();
  const layouts = model.sheets.map((s) => layoutSheet(s, lists));
  const listsLayout = lists.layout();
  if (listsLayout) layouts.push(listsLayout);
  const totalRows = layouts.reduce((n, l) => n + l.values.length, 0);

  await runner.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const batcher = new Batcher(context, options.signal);
    batcher.checkAbort();

    // 1. Which of the model's sheets exist already, and does the workbook have our marker sheet?
    const markerWs = sheets.getItemOrNullObject(MARKER_SHEET);
    markerWs.load("isNullObject");
    const existing = layouts.map((l) => {
      const ws = sheets.getItemOrNullObject(l.name);
      ws.load("isNullObject");
      return ws;
    });
    await context.sync("probe");

    // 2. Our registry: only sheets listed there may be replaced.
    let registry = emptyRegistry();
    if (!markerWs.isNullObject) {
      const used = loadRegistryRange(markerWs);
      await context.sync("registry");
      registry = registryFrom(used);
    }
    const foreign = layouts.filter((l, i) => !existing[i]!.isNullObject && !registry.sheets.includes(l.name));
    if (foreign.length > 0) {
      throw new Error(
        `工作簿中已有同名工作表：${foreign.map((l) => `“${l.name}”`).join("、")}，且不是本工具生成的。` +
          "为免覆盖您的数据，未做任何修改：请重命名或删除这些工作表后重试。",
      );
    }

    // 3. Queued with the first chunk: the marker sheet and registry, then each sheet replaced by a fresh one.
    const marker = markerWs.isNullObject ? addMarkerSheet(context) : markerWs;
    registry.marker = model.marker ?? registry.marker;
    registry.sheets = [...new Set([...registry.sheets, ...layouts.map((l) => l.name)])];
    // Marks recorded on sheets we now recreate are gone with those sheets.
    registry.marks = registry.marks.filter((m) => !layouts.some((l) => l.name === m.sheet));
    batcher.add(writeRegistryHead(marker, registry));
    const targets = layouts.map((l, i) => {
      const old = existing[i]!;
      // Rename, add, then delete: the workbook never lacks a visible sheet, and the new sheet gets the name.
      if (!old.isNullObject) old.name = `~old${i}_${Date.now() % 100000}`;
      const ws = sheets.add(l.name);
      if (!old.isNullObject) old.delete();
      batcher.add(200);
      return ws;
    });

    // 4. Values: number formats first ("@" keeps text text), then values, whole 2-D arrays, ≤ 5,000 rows a request.
    let done = 0;
    for (const [i, layout] of layouts.entries()) {
      const ws = targets[i]!;
      let r = 0;
      const total = layout.values.length;
      while (r < total) {
        let n = 0;
        let bytes = 0;
        let b = rowBytes(layout, r);
        await batcher.fit(b, 1, `values:${layout.name}`);
        batcher.checkAbort();
        const roomRows = batcher.roomRows;
        const roomBytes = batcher.roomBytes;
        while (r + n < total && n < roomRows) {
          if (n > 0) b = rowBytes(layout, r + n);
          if (n > 0 && bytes + b > roomBytes) break;
          bytes += b;
          n++;
        }
        const range = ws.getRangeByIndexes(r, 0, n, layout.width);
        range.numberFormat = layout.formats.slice(r, r + n);
        range.values = layout.values.slice(r, r + n) as OfficeCell[][];
        batcher.add(bytes + 200, n);
        r += n;
        done += n;
        options.onProgress?.({ phase: "values", sheet: layout.name, done, total: totalRows });
      }
    }

    // 5. Formats, scoped to the used rows; they share the last value request when they fit.
    const notes = context.supports("1.18") ? "note" : context.supports("1.10") ? "comment" : null;
    for (const [i, layout] of layouts.entries()) {
      const ws = targets[i]!;
      for (const op of layout.styles) {
        if (op.t === "note" && !notes) continue;
        const bytes = opBytes(op);
        await batcher.fit(bytes, 0, `formats:${layout.name}`);
        batcher.checkAbort();
        applyStyle(context, ws, op, notes);
        batcher.add(bytes);
      }
      await batcher.fit(1000, 0, `formats:${layout.name}`);
      applySheetOptions(ws, layout);
      batcher.add(1000);
      options.onProgress?.({ phase: "formats", sheet: layout.name, done: i + 1, total: layouts.length });
    }
    targets[firstVisible]?.activate();
    await batcher.flush("formats");
  });
}

function applyStyle(context: ExcelSession, ws: Excel.Worksheet, op: StyleOp, notes: "note" | "comment" | null): void {
  const range = ws.getRange(op.address);
  switch (op.t) {
    case "font": {
      if (op.bold !== undefined) range.format.font.bold = op.bold;
      if (op.size !== undefined) range.format.font.size = op.size;
      if (op.color !== undefined) range.format.font.color = op.color;
      if (op.underline) range.format.font.underline = "Single";
      break;
    }
    case "fill":
      range.format.fill.color = op.color;
      break;
    case "wrap":
      range.format.wrapText = true;
      range.format.verticalAlignment = "Top";
      break;
    case "merge":
      range.merge(false);
      break;
    case "width":
      range.format.columnWidth = op.points;
      break;
    case "unlock":
      range.format.protection.locked = false;
      break;
    case "validation": {
      const { rule } = op;
      if (rule.list !== undefined) {
        range.dataValidation.rule = { list: { inCellDropDown: true, source: rule.list } };
      } else {
        const bounds =
          rule.min !== undefined && rule.max !== undefined
            ? { formula1: rule.min, formula2: rule.max, operator: "Between" as const }
            : rule.min !== undefined
              ? { formula1: rule.min, operator: "GreaterThanOrEqualTo" as const }
              : { formula1: rule.max ?? 0, operator: "LessThanOrEqualTo" as const };
        range.dataValidation.rule = rule.whole ? { wholeNumber: bounds } : { decimal: bounds };
      }
      range.dataValidation.ignoreBlanks = true;
      range.dataValidation.errorAlert = {
        showAlert: true,
        style: rule.strict ? "Stop" : "Warning",
        title: "输入有误",
        message: rule.error,
      };
      break;
    }
    case "note":
      if (notes === "note") ws.notes.add(range, op.text);
      else if (notes === "comment") context.workbook.comments.add(range, op.text);
      break;
    case "link":
      range.hyperlink = { documentReference: op.target, textToDisplay: op.text, screenTip: op.tip };
      break;
  }
}

function applySheetOptions(ws: Excel.Worksheet, layout: SheetLayout): void {
  if (layout.freeze) {
    const { rows, cols } = layout.freeze;
    if (cols > 0) ws.freezePanes.freezeAt(ws.getRange(`A1:${columnLetter(cols - 1)}${rows}`));
    else ws.freezePanes.freezeRows(rows);
  }
  if (layout.table) {
    const table = ws.tables.add(ws.getRange(layout.table.address), true);
    table.name = layout.table.name;
    table.style = "TableStyleLight9";
  } else if (layout.filter) {
    ws.autoFilter.apply(ws.getRange(layout.filter));
  }
  if (layout.protect) {
    ws.protection.protect({ allowFormatColumns: true, allowFormatRows: true, allowAutoFilter: true, allowSort: true });
  }
  if (layout.visibility !== "Visible") ws.visibility = layout.visibility;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading

/**
 * Excel's error values as Office.js gives them in `values` (as text). Typing one of these into a cell makes it the
 * error value, so a cell showing one holds no usable value.
 */
const EXCEL_ERRORS = new Set([
  "#NULL!",
  "#DIV/0!",
  "#VALUE!",
  "#REF!",
  "#NAME?",
  "#NUM!",
  "#N/A",
  "#GETTING_DATA",
  "#SPILL!",
  "#CALC!",
  "#FIELD!",
  "#BLOCKED!",
  "#CONNECT!",
  "#BUSY!",
  "#UNKNOWN!",
  "#PYTHON!",
]);

/**
 * An Office.js value as a CellValue: "" is empty; numbers stay numbers (dates arrive as serials); an error value is
 * an unreadable cell, as the file reader gives it, never a blank.
 */
export function fromOfficeValue(value: unknown): CellValue {
  if (value === null || value === undefined || value === "") return null;
  if (typeof value === "number") {
    return Number.isFinite(value) ? value : { unreadable: "not-a-number", shown: String(value) };
  }
  if (typeof value === "string") return EXCEL_ERRORS.has(value) ? { unreadable: "error", shown: value } : value;
  if (typeof value === "boolean") return value;
  return null;
}

async function readSheets(
  runner: ExcelRunner,
  names: readonly string[] | undefined,
  options: WriteOptions,
): Promise<RawWorkbook> {
  return runner.run(async (context) => {
    const sheets = context.workbook.worksheets;
    const batcher = new Batcher(context, options.signal);
    const markerWs = sheets.getItemOrNullObject(MARKER_SHEET);
    markerWs.load("isNullObject");
    let found: Excel.Worksheet[];
    if (names) {
      found = names.map((name) => {
        const ws = sheets.getItemOrNullObject(name);
        ws.load("isNullObject,name,visibility");
        return ws;
      });
    } else {
      sheets.load("items/name,items/visibility");
      found = [];
    }
    await context.sync("read:sheets");
    if (!names) found = sheets.items.filter((ws) => ws.name !== MARKER_SHEET);
    found = found.filter((ws) => !ws.isNullObject);

    const used = found.map((ws) => {
      const range = ws.getUsedRangeOrNullObject(true);
      range.load("isNullObject,rowIndex,columnIndex,rowCount,columnCount");
      return range;
    });
    const markerCell = markerWs.isNullObject ? null : markerWs.getRange("A1");
    markerCell?.load("values");
    await context.sync("read:used");

    const out: RawSheet[] = found.map((ws) => ({ name: ws.name, hidden: ws.visibility !== "Visible", rows: [] }));
    const total = used.reduce((n, u) => n + (u.isNullObject ? 0 : u.rowCount), 0);
    let done = 0;
    let pending: { sheet: RawSheet; row: number; col: number; range: Excel.Range }[] = [];
    const harvest = (): void => {
      for (const p of pending) {
        p.range.values.forEach((values, i) => {
          const row: CellValue[] = new Array<CellValue>(p.col).fill(null);
          for (const v of values) row.push(fromOfficeValue(v));
          p.sheet.rows[p.row + i] = row;
        });
      }
      pending = [];
    };
    for (const [i, u] of used.entries()) {
      const sheet = out[i]!;
      if (u.isNullObject) continue;
      // Rows above the used range are empty: RawSheet rows are indexed by sheet row.
      for (let r = 0; r < u.rowIndex; r++) sheet.rows.push([]);
      const step = Math.max(1, Math.min(LIMITS.rows, Math.floor(LIMITS.readCells / Math.max(1, u.columnCount))));
      for (let r = 0; r < u.rowCount; r += step) {
        const n = Math.min(step, u.rowCount - r);
        if (!batcher.empty && n > batcher.roomRows) {
          await batcher.flush(`read:${sheet.name}`);
          harvest();
        }
        batcher.checkAbort();
        const range = found[i]!.getRangeByIndexes(u.rowIndex + r, u.columnIndex, n, u.columnCount);
        range.load("values");
        batcher.add(100, n);
        pending.push({ sheet, row: u.rowIndex + r, col: u.columnIndex, range });
        done += n;
        options.onProgress?.({ phase: "read", sheet: sheet.name, done, total });
      }
    }
    await batcher.flush("read:values");
    harvest();
    return { sheets: out, marker: markerCell ? parseMarker(markerCell.values[0]?.[0]) : null };
  });
}
