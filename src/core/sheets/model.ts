/**
 * Workbooks as data. Core code builds a WorkbookModel (templates, the review workbook) and reads
 * RawWorkbooks (what an adapter found in a file or in Excel); the adapters — exceljs for files and
 * the browser, Office.js inside Excel — only render and read these shapes. Nothing here knows a
 * spreadsheet library.
 */
import type { Severity } from "../findings";

/**
 * What a cell holds. Dates travel as ISO strings in `{ date }` so the core never builds Date objects. A cell that
 * holds something but no usable value is an UnreadableCell: never a blank, so that the importer reports it.
 */
export type CellValue = string | number | boolean | null | { date: string } | UnreadableCell;

/** Why a cell's content cannot be used as a value. */
export type UnreadableReason =
  /** An error value: #N/A, #REF!, #DIV/0!, #VALUE!… */
  | "error"
  /** A formula saved without its result (never calculated). */
  | "formula-no-value"
  /** A number that is not one: NaN, INF, or beyond what a number holds. */
  | "not-a-number"
  /** A shared-string index that the workbook's table does not have. */
  | "bad-string-index"
  /** Text with characters XML cannot hold (control characters, U+FFFE, lone surrogates). */
  | "invalid-text"
  /** Text longer than the reading limit. */
  | "too-long"
  /** A boolean or date cell whose stored value is neither. */
  | "bad-value";

/**
 * A cell with content but no usable value (plain data: it crosses to a worker as it is). `shown` is what the file
 * holds there, escaped for display (e.g. "#N/A", "1E+999"), or "" when there is nothing to show.
 */
export interface UnreadableCell {
  unreadable: UnreadableReason;
  shown: string;
}

/** A cell value the codecs take: everything but an unreadable cell (the importer reports those first). */
export type UsableCellValue = Exclude<CellValue, UnreadableCell>;

export function isUnreadable(cell: CellValue | undefined): cell is UnreadableCell {
  return typeof cell === "object" && cell !== null && "unreadable" in cell;
}

export function isDateValue(cell: CellValue | undefined): cell is { date: string } {
  return typeof cell === "object" && cell !== null && "date" in cell;
}

export type CellType =
  /** Free text; written as a value, never a formula, even when it starts with = + - @. */
  | "text"
  /** Long text (narratives): wrapped, taller rows. */
  | "longText"
  | "integer"
  | "number"
  /** 元, two decimals, thousands separators. */
  | "money"
  /** A share 0–1 shown as a percentage. */
  | "percent"
  | "date"
  /** 是/否 drop-down, read back as boolean. */
  | "boolean";

/** Input rule of a column or form field (Excel data validation). */
export interface Validation {
  /** Drop-down values, as displayed (e.g. "B01 知识产权培训"). */
  list?: readonly string[];
  /** When the list is long, the adapter may keep it on a hidden sheet and refer to it by this name. */
  listName?: string;
  /** Whole numbers or decimals within bounds. */
  min?: number;
  max?: number;
  /** Message shown when the input is refused. */
  error?: string;
  /** Whether a value outside the list is refused (true) or only warned about (false). */
  strict?: boolean;
}

export interface ColumnSpec {
  /** Key path of the value in the document row ("client.name"); also the column's identity. */
  key: string;
  /** Chinese header: what people see and what imports match on. */
  header: string;
  type: CellType;
  /** Width in characters. */
  width: number;
  /** Excel number format, when not implied by the type. */
  numFmt?: string;
  validation?: Validation;
  required?: boolean;
  /** Locked when the sheet is protected (auto criteria on a scoring sheet, for example). */
  locked?: boolean;
  /** Help shown as a note on the header cell. */
  note?: string;
}

/** A mark on a cell: fill by severity and a note with the message (findings on the review workbook). */
export interface CellMark {
  /** 0-based data row (0 is the first row under the header). */
  row: number;
  /** 0-based column. */
  col: number;
  severity: Severity;
  note: string;
}

/** A hyperlink inside the workbook: from a cell to another sheet's cell. */
export interface CellLink {
  row: number;
  col: number;
  sheet: string;
  /** A1 reference in the target sheet, e.g. "D12". */
  cell: string;
}

export interface TableSheet {
  kind: "table";
  name: string;
  /** Optional title row(s) above the header (the header row follows them). */
  title?: string;
  columns: readonly ColumnSpec[];
  rows: readonly (readonly CellValue[])[];
  /** An Excel table with filters over header and rows (name: letters, digits, underscores). */
  table?: { name: string; totals?: boolean };
  /** Freeze the header (and the first `cols` columns). */
  freeze?: { cols: number };
  marks?: readonly CellMark[];
  links?: readonly CellLink[];
  /** Protect the sheet: only unlocked columns can be edited (no password: it guards against slips). */
  protect?: boolean;
  hidden?: boolean;
  /** Rows of input rules beyond the data (templates: how many empty rows get drop-downs). */
  inputRows?: number;
}

export interface FormField {
  /** Key path in the document ("org.staff.fullTime"). */
  key: string;
  label: string;
  type: CellType;
  value: CellValue;
  validation?: Validation;
  required?: boolean;
  note?: string;
}

/** A form-like sheet (申报书, 工作总结表): section headings, label/value rows, and small tables. */
export interface FormSheet {
  kind: "form";
  name: string;
  title: string;
  blocks: readonly (
    | { kind: "heading"; text: string }
    | { kind: "field"; field: FormField }
    | {
        kind: "table";
        key: string;
        title: string;
        columns: readonly ColumnSpec[];
        rows: readonly (readonly CellValue[])[];
        inputRows: number;
      }
    | { kind: "text"; text: string }
  )[];
  protect?: boolean;
}

/** A sheet of plain text paragraphs (填写说明). */
export interface TextSheet {
  kind: "text";
  name: string;
  paragraphs: readonly string[];
  width?: number;
}

export type SheetModel = TableSheet | FormSheet | TextSheet;

/** Recognises a workbook as one of ours: which template or output, and its version. */
export interface WorkbookMarker {
  kind: string;
  version: number;
  /** e.g. the outlet category a ledger template was made for. */
  options?: Record<string, string>;
}

export interface WorkbookModel {
  title: string;
  sheets: readonly SheetModel[];
  marker?: WorkbookMarker;
}

/** Name of the very hidden sheet that carries the marker (JSON in A1). */
export const MARKER_SHEET = "_outlet_review";

/** What an adapter reads back: every sheet's values, as the user left them. */
export interface RawSheet {
  name: string;
  hidden: boolean;
  /** Rows of cell values, 1-based sheet row r at index r − 1; dates as `{ date }` or Excel serials. */
  rows: (readonly CellValue[])[];
}

export interface RawWorkbook {
  sheets: RawSheet[];
  marker: WorkbookMarker | null;
}

/**
 * Takes a sheet's rows one at a time as a reader reads them, so that a million rows need not be held: each row is
 * handed over once, in order, and its array is reused for the next one (a consumer keeps nothing of it).
 */
export interface RowConsumer {
  /** Sheet row `row` (1-based); blank rows may be skipped or given as blanks. */
  row(row: number, cells: readonly CellValue[]): void;
  /** The sheet's last row was given. */
  end(): void;
  /** The reader cannot give this sheet's rows in order after all: what was given is void, the sheet comes whole. */
  abandon(): void;
}

/**
 * Decides, from a sheet's first rows, whether its rows are to be handed over one by one (a ledger) or kept with the
 * sheet (everything else). `plan` is called once per sheet but the marker sheet, in tab order.
 */
export interface SheetPlanner {
  readonly headRows: number;
  plan(sheet: { name: string; hidden: boolean }, head: readonly (readonly CellValue[])[]): RowConsumer | null;
}

/** Converts an Excel date serial (1900 system, with its phantom 29 February 1900) to ISO. */
export function serialToIso(serial: number): string | null {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return null;
  const whole = Math.floor(serial);
  // Serial 60 is the non-existent 1900-02-29; day 1 is 1900-01-01.
  const days = whole > 60 ? whole - 1 : whole;
  const ms = Date.UTC(1899, 11, 31) + days * 86400000;
  const d = new Date(ms);
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;
}

/** Column letters of a 0-based column index (0 → A, 26 → AA). */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = "";
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/**
 * The workbook port: what the task pane and the CLI ask of a spreadsheet, whatever holds it. The
 * exceljs adapter implements it over .xlsx bytes (files, the browser); the Office.js adapter will
 * implement it over the open workbook (writing sheets in chunks, reading the user's sheets).
 */
export interface WorkbookPort<Target = Uint8Array> {
  /** Renders a model: sheets, formats, input rules, notes, marks, links, protection and the marker. */
  write(model: WorkbookModel): Promise<Target>;
  /** Reads every sheet's values and the marker, as the user left them. */
  read(source: Target): Promise<RawWorkbook>;
}
