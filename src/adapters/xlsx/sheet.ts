/**
 * A worksheet part's `<sheetData>` read from inflated chunks as they come: cell values, numbers in a date format
 * (the styles part says which) as `{ date }`. Numbers and shared-string indexes are read straight from the bytes;
 * only text is decoded. A cell that holds something but no usable value — an error value, a formula saved without
 * its result, a number that is not finite, a shared-string index the table does not have, text XML cannot hold or
 * longer than the limit — is an UnreadableCell, never a blank. Everything after `</sheetData>` (validations,
 * merges, links…) is never looked at: the scanner says it is done.
 */
import type { CellValue, RowConsumer, SheetPlanner, UnreadableCell } from "../../core/sheets/model";
import { serialToIso } from "../../core/sheets/model";
import { escapeControls, hasInvalidXmlChar } from "../../core/text";
import { latin1, utf8 } from "../zip/bytes";
import {
  ChunkScanner,
  TagCursor,
  XmlError,
  after,
  cdataAt,
  decodeText,
  decodeXstring,
  normaliseLineEnds,
  skipMarkup,
} from "./xml";

/** A sheet with more cells than the limit allows (the reader reports it as the limit exceeded). */
export class CellLimitError extends Error {}

/** What a scanner is allowed to hold: see ReadLimits. */
export interface ScanLimits {
  maxCells: number;
  maxStringChars: number;
}

const NO_LIMITS: ScanLimits = { maxCells: Infinity, maxStringChars: Infinity };

/** The longest construct (tag or text) a scanner holds for a text of `maxStringChars` characters and its escapes. */
export function constructBytes(limits: ScanLimits): number {
  return limits.maxStringChars * 8 + 65536;
}

/** A text value as a cell: null when empty, unreadable when too long or not holdable in XML. */
export function textCell(text: string, maxChars: number): CellValue {
  if (text === "") return null;
  if (text.length > maxChars) return { unreadable: "too-long", shown: String(maxChars) };
  if (hasInvalidXmlChar(text)) return { unreadable: "invalid-text", shown: shownText(text) };
  return text;
}

/** What an unreadable text shows in a message: escaped, at most 40 characters. */
function shownText(text: string): string {
  const escaped = escapeControls(text);
  return escaped.length > 40 ? `${escaped.slice(0, 40)}…` : escaped;
}

function unreadable(reason: UnreadableCell["unreadable"], shown: string): UnreadableCell {
  return { unreadable: reason, shown: shownText(shown) };
}

/** Byte values, local on purpose (see xml.ts). */
const enum B {
  BANG = 0x21, // !
  DASH = 0x2d, // -
  DOT = 0x2e, // .
  LT = 0x3c, // <
  QUESTION = 0x3f, // ?
  SLASH = 0x2f, // /
  GT = 0x3e, // >
  COLON = 0x3a, // :
  DQUOTE = 0x22, // "
  EQUALS = 0x3d, // =
  T = 0x74, // t
}

/** Fixed parts of rows and cells as the fast path reads them: four (or two) bytes, little-endian. */
const enum W {
  RowStart = 0x776f723c, // <row
  RowEnd = 0x6f722f3c, // </ro
  RowEndTail = 0x3e77, // w>
  CellR = 0x7220633c, // <c r
  CellOpen = 0x633c, // <c
  Style = 0x223d7320, //  s="
  Type = 0x223d7420, //  t="
  TypeShared = 0x2273, // s"
  TypeNumber = 0x226e, // n"
  EmptyEnd = 0x3e2f, // />
  ValueStart = 0x3e763c3e, // ><v>
  ValueEnd = 0x3e762f3c, // </v>
  CellEnd = 0x3e632f3c, // </c>
}

/** Excel's limits: a cell address beyond them is a broken file, not a reason to allocate millions of nulls. */
export const MAX_ROWS = 1048576;
export const MAX_COLUMNS = 16384;

const enum Element {
  Other,
  SheetData,
  Row,
  Cell,
  Value,
  Formula,
  InlineString,
  Text,
  Phonetic,
}

/** The cell's `t`. Unknown types read as numbers, as exceljs reads them. */
const enum Kind {
  Number,
  Shared,
  Str,
  Inline,
  Bool,
  Error,
  Date,
}

const enum Capture {
  None,
  Value,
  Text,
}

const enum Got {
  Nothing,
  /** `vNum` holds what parseFloat/parseInt would give for the `<v>` text. */
  Number,
  /** `vText` holds the decoded `<v>` text. */
  Text,
}

/** Rows that go back up the sheet after its rows began to be handed over one by one (see RowsBuilder). */
export class RowOrderError extends Error {}

/** The sheet a planner is asked about, and the planner. */
export interface SheetPlanning {
  planner: SheetPlanner;
  sheet: { name: string; hidden: boolean };
}

/**
 * Rows of values, 1-based sheet row r at index r − 1, each padded with nulls to the widest row: SheetValues' shape.
 * With a planner, the first `headRows` rows are shown to it; when it answers with a consumer, every row from then
 * on goes to the consumer as soon as the next one starts, in one reused array, and only the head rows are kept.
 */
export class RowsBuilder {
  private readonly rows: (CellValue[] | undefined)[] = [];
  private width = 0;
  private lastR = 0;
  private lastRow: CellValue[] | undefined;
  private cells = 0;
  /** A row of nulls as wide as the widest row so far: new rows start as its copy, at their final size. */
  private blank: CellValue[] = [];
  /** Makes a new row like `blank` (see rowFactory). */
  private makeRow: () => CellValue[] = () => [];
  private consumer: RowConsumer | null = null;
  /** The array rows are handed over in, once they are (the current row). */
  private streamRow: CellValue[] | null = null;

  constructor(
    private readonly maxCells = Infinity,
    private planning: SheetPlanning | null = null,
  ) {}

  /** Sets a non-null value; a later value for the same cell wins. */
  set(r: number, c: number, value: CellValue): void {
    if (++this.cells > this.maxCells) throw new CellLimitError();
    let row = r === this.lastR ? this.lastRow : undefined;
    if (row === undefined) row = this.rowAt(r);
    while (row.length < c - 1) row.push(null);
    row[c - 1] = value;
    if (c > this.width) {
      this.width = c;
      // Capped: a row that only a stray far cell made wide is not every row's size.
      if (c <= 64) {
        while (this.blank.length < c) this.blank.push(null);
        this.makeRow = rowFactory(this.blank);
      }
    }
  }

  /** The array of row `r`, a row other than the last one set. */
  private rowAt(r: number): CellValue[] {
    if (this.planning !== null && r > this.planning.planner.headRows) this.plan();
    let row: CellValue[] | undefined;
    if (this.consumer !== null) {
      if (this.streamRow === null) row = this.streamRow = this.makeRow();
      else {
        if (r < this.lastR) throw new RowOrderError();
        row = this.streamRow;
        this.consumer.row(this.lastR, row);
        row.fill(null);
      }
    } else {
      const rows = this.rows;
      row = rows[r - 1];
      if (row === undefined) {
        while (rows.length < r - 1) rows.push(undefined);
        row = this.makeRow();
        rows[r - 1] = row;
      }
    }
    this.lastR = r;
    this.lastRow = row;
    return row;
  }

  /** Shows the rows so far to the planner; with a consumer, hands them over. */
  private plan(): void {
    const { planner, sheet } = this.planning!;
    this.planning = null;
    const head = this.padded();
    const consumer = planner.plan(sheet, head);
    if (consumer === null) return;
    this.consumer = consumer;
    head.forEach((cells, i) => consumer.row(i + 1, cells));
  }

  /** The rows given up on: the consumer is told, and the sheet is to be read again without a planner. */
  abandon(): void {
    this.consumer?.abandon();
    this.consumer = null;
  }

  /**
   * Rows 1 to the last row with a value, every row as wide as the last used column; for a sheet whose rows went to
   * a consumer, its head rows (the consumer has had the last row and `end`).
   */
  result(): CellValue[][] {
    if (this.planning !== null) this.plan();
    const consumer = this.consumer;
    if (consumer !== null) {
      if (this.streamRow !== null) consumer.row(this.lastR, this.streamRow);
      this.consumer = null;
      this.streamRow = null;
      consumer.end();
    }
    return this.padded();
  }

  /** The rows kept, padded in place. */
  private padded(): CellValue[][] {
    const { rows, width } = this;
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i];
      if (row === undefined) rows[i] = new Array<CellValue>(width).fill(null);
      else while (row.length < width) row.push(null);
    }
    return rows as CellValue[][];
  }
}

/**
 * A function that makes a row of `blank.length` nulls. An array literal where code can be made (a literal has an
 * allocation site: V8 sees that its arrays live long and places them straight in the old generation, instead of
 * copying a million rows from young to old), else a copy of `blank`.
 */
function rowFactory(blank: readonly CellValue[]): () => CellValue[] {
  try {
    return new Function(`return [${"null,".repeat(blank.length)}];`) as () => CellValue[];
  } catch {
    return () => blank.slice();
  }
}

export class SheetScanner extends ChunkScanner {
  readonly values: RowsBuilder;
  private readonly tag = new TagCursor();
  private style = 0;
  private inData = false;
  private row = 0;
  private col = 0;
  private inCell = false;
  private kind = Kind.Number;
  private hasFormula = false;
  private got = Got.Nothing;
  private vNum = 0;
  private vText = "";
  private hasInline = false;
  private inInline = false;
  private inPhonetic = false;
  private inlineText = "";
  private tText = "";
  private capture = Capture.None;
  private view: DataView = new DataView(new ArrayBuffer(0));

  /** Where `fastRun` last stopped: the construct there is not for it (an offset into the current chunk). */
  private slowAt = -1;

  private readonly maxChars: number;

  /**
   * `strings`: the shared strings table, entries as cell values (empty items as null). `fast`: false reads
   * everything the general way (tests pin the fast paths to it). `dateStyles`: for each style index (`s`),
   * whether its number format shows a date (then a number reads as `{ date }`). `planning`: see RowsBuilder.
   */
  constructor(
    private readonly strings: readonly CellValue[],
    private readonly fast = true,
    private readonly dateStyles: readonly boolean[] = [],
    limits: ScanLimits = NO_LIMITS,
    planning: SheetPlanning | null = null,
  ) {
    super(constructBytes(limits));
    this.values = new RowsBuilder(limits.maxCells, planning);
    this.maxChars = limits.maxStringChars;
  }

  protected scan(buf: Uint8Array, start: number): number {
    const n = buf.length;
    const tag = this.tag;
    let i = start;
    while (i < n) {
      if (buf[i] !== B.LT) {
        let j = i + 1;
        while (j < n && buf[j] !== B.LT) j++;
        if (this.capture !== Capture.None) {
          // Text is decoded whole, once the `<` after it is in: never half a character.
          if (j >= n) return i;
          this.append(decodeText(buf, i, j));
        }
        i = j;
        continue;
      }
      if (i + 1 >= n) return i;
      const next = buf[i + 1];
      if (next === B.BANG || next === B.QUESTION) {
        const cdata = next === B.BANG ? cdataAt(buf, i) : false;
        if (cdata === null) return i;
        if (cdata) {
          const end = after(buf, i + 9, "]]>");
          if (end < 0) return i;
          if (this.capture !== Capture.None) this.append(normaliseLineEnds(utf8(buf, i + 9, end - 3)));
          i = end;
          continue;
        }
        const end = skipMarkup(buf, i);
        if (end < 0) return i;
        i = end;
        continue;
      }
      // Runs of rows and cells in the shape writers emit go the fast way (see fastRun), the rest the general way;
      // start tags of cells and rows in the usual layout still skip `read`'s general loops.
      let plain = false;
      if (this.fast && this.inData) {
        if (i !== this.slowAt) {
          const j = this.fastRun(buf, i);
          if (j !== i) {
            this.slowAt = j;
            i = j;
            continue;
          }
        }
        if (next === 0x63 /* c */) plain = tag.readPlain(buf, i, 2);
        else if (next === 0x72 /* r */)
          plain = buf[i + 2] === 0x6f /* o */ && buf[i + 3] === 0x77 /* w */ && tag.readPlain(buf, i, 4);
      }
      if (!plain && !tag.read(buf, i)) return i;
      i = tag.end;
      const element = this.element(buf);
      if (element === Element.Other) continue;
      if (tag.closing) {
        this.close(element);
        if (this.done) return n;
        continue;
      }
      if (element === Element.Value && this.inCell && !tag.selfClosing) {
        i = this.value(buf, i);
        continue;
      }
      this.open(element, buf);
      if (this.done) return n;
      // A cell's usual `<v>` right after its start tag: straight to the value.
      if (element === Element.Cell && this.inCell && i + 2 < n && buf[i] === B.LT && buf[i + 1] === 0x76 /* v */) {
        if (buf[i + 2] === B.GT) i = this.value(buf, i + 3);
      }
    }
    return n;
  }

  /**
   * The fast path: a run of rows and cells in the shape writers emit, read in one loop —
   * `<row r="2" spans="1:3">`, `</row>`, and cells `<c r="B2" s="3" t="s"><v>12</v></c>`: `r` (letters then
   * digits), `s` and `t` (`s` or `n`) each optional but in that order, one space before each, a number or a
   * shared-string index as plain digits, end tags right after; or the same start tag self-closing. Reads them as
   * the general path would and returns the offset of the first construct of any other shape (or not all in
   * `buf`), which the general path then reads.
   */
  private fastRun(buf: Uint8Array, i: number): number {
    const n = buf.length;
    const strings = this.strings;
    let row = this.row;
    let col = this.col;
    let cells = false;
    const view = this.viewOf(buf);
    for (;;) {
      // Every fixed part is compared four bytes at a time; at least that many must follow each.
      if (i + 8 > n) break;
      const head = view.getUint32(i, true);
      if (head === W.RowEnd) {
        // `</row>` means nothing to the scanner.
        if (view.getUint16(i + 4, true) !== W.RowEndTail) break;
        i += 6;
        continue;
      }
      if (head === W.RowStart) {
        const tag = this.tag;
        if (!tag.readPlain(buf, i, 4)) break;
        const r = tag.rStart < 0 ? row + 1 : digits(buf, tag.rStart, tag.rEnd);
        if (!(r >= 1 && r <= MAX_ROWS)) break;
        row = r;
        col = 0;
        i = tag.end;
        continue;
      }
      let j = i + 4;
      let c = 0;
      if (head === W.CellR) {
        if (buf[j] !== B.EQUALS || buf[j + 1] !== B.DQUOTE) break;
        j += 2;
        // Letters (at most three: XFD is the last column), then digits; the general path ignores the digits.
        const letters = j;
        while (j < n && buf[j]! >= 0x41 && buf[j]! <= 0x5a) c = c * 26 + buf[j++]! - 0x40;
        if (j === letters || j - letters > 3 || c > MAX_COLUMNS) break;
        while (j < n && buf[j]! >= 0x30 && buf[j]! <= 0x39) j++;
        if (j >= n || buf[j] !== B.DQUOTE) break;
        j++;
      } else if ((head & 0xffff) === W.CellOpen) {
        j = i + 2;
        c = col + 1;
        if (c > MAX_COLUMNS) break;
      } else {
        break;
      }
      if (j + 12 > n) break;
      let word = view.getUint32(j, true);
      let style = 0;
      if (word === W.Style) {
        j += 4;
        const from = j;
        while (j < n && buf[j]! >= 0x30 && buf[j]! <= 0x39) style = style * 10 + buf[j++]! - 0x30;
        if (j === from || j - from > 9 || j >= n || buf[j] !== B.DQUOTE) break;
        j++;
        if (j + 12 > n) break;
        word = view.getUint32(j, true);
      }
      let shared = false;
      if (word === W.Type) {
        const type = view.getUint16(j + 4, true);
        if (type === W.TypeShared) shared = true;
        else if (type !== W.TypeNumber) break;
        j += 6;
        word = view.getUint32(j, true);
      }
      let value: CellValue = null;
      if ((word & 0xffff) === W.EmptyEnd) {
        j += 2;
      } else {
        if (word !== W.ValueStart) break;
        const start = j + 4;
        j = start;
        if (shared) {
          // The index's digits as `digits` reads them, in the same pass that finds the `<`.
          let index = 0;
          while (j < n && buf[j]! >= 0x30 && buf[j]! <= 0x39) index = index * 10 + buf[j++]! - 0x30;
          if (j === start || j - start > 15) break;
          value = index < strings.length ? strings[index]! : unreadable("bad-string-index", String(index));
        } else {
          while (j < n && buf[j] !== B.LT) j++;
          const num = plainNumber(buf, start, j);
          if (Number.isNaN(num)) break;
          value = this.dateStyles[style] === true ? dateCell(num) : num;
        }
        if (j + 8 > n || view.getUint32(j, true) !== W.ValueEnd || view.getUint32(j + 4, true) !== W.CellEnd) break;
        j += 8;
      }
      col = c;
      cells = true;
      if (value !== null && row > 0) this.values.set(row, c, value);
      i = j;
    }
    this.row = row;
    this.col = col;
    if (cells) {
      // The state the general path leaves after such a cell.
      this.inCell = false;
      this.capture = Capture.None;
      this.inInline = false;
      this.inPhonetic = false;
    }
    return i;
  }

  /** A DataView of `buf`, kept while the chunk is scanned. */
  private viewOf(buf: Uint8Array): DataView {
    const view = this.view;
    if (view.buffer === buf.buffer && view.byteOffset === buf.byteOffset && view.byteLength === buf.length) return view;
    return (this.view = new DataView(buf.buffer, buf.byteOffset, buf.length));
  }

  /**
   * The `<v>` content starting at `i`. The common `<v>123</v></c>` is read in place, cell and all, when its end
   * tags follow the text directly; anything else (a value cut by the chunk's end, a comment inside) is captured
   * as text by the general loop. Returns where to go on.
   */
  private value(buf: Uint8Array, i: number): number {
    const n = buf.length;
    let j = i;
    while (j < n && buf[j] !== B.LT) j++;
    this.vText = "";
    if (j + 1 >= n || buf[j + 1] !== B.SLASH) {
      this.got = Got.Text;
      this.capture = Capture.Value;
      return i;
    }
    this.readValue(buf, i, j);
    const afterValue = endTag(buf, j, 0x76 /* v */);
    const afterCell = afterValue < 0 ? -1 : endTag(buf, afterValue, 0x63 /* c */);
    if (afterCell < 0) return j;
    this.close(Element.Cell);
    return afterCell;
  }

  protected finish(): void {
    if (this.inData && !this.done) throw new XmlError("工作表 XML 不完整（缺少 </sheetData>）");
  }

  private element(buf: Uint8Array): Element {
    const tag = this.tag;
    const start = tag.localStart;
    switch (tag.localEnd - start) {
      case 1:
        switch (buf[start]) {
          case 0x63: // c
            return Element.Cell;
          case 0x76: // v
            return Element.Value;
          case 0x66: // f
            return Element.Formula;
          case 0x74: // t
            return Element.Text;
          default:
            return Element.Other;
        }
      case 2:
        return tag.is(buf, "is") ? Element.InlineString : Element.Other;
      case 3:
        return tag.is(buf, "row") ? Element.Row : tag.is(buf, "rPh") ? Element.Phonetic : Element.Other;
      case 9:
        return tag.is(buf, "sheetData") ? Element.SheetData : Element.Other;
      default:
        return Element.Other;
    }
  }

  private open(element: Element, buf: Uint8Array): void {
    const tag = this.tag;
    if (element === Element.SheetData) {
      this.inData = true;
      if (tag.selfClosing) this.done = true;
      return;
    }
    if (!this.inData) return;
    switch (element) {
      case Element.Row: {
        const r = tag.rStart < 0 ? this.row + 1 : rowNumber(buf, tag.rStart, tag.rEnd);
        if (!(r >= 1 && r <= MAX_ROWS)) throw new XmlError(`工作表中的行号无效（${this.row + 1} 行之后）`);
        this.row = r;
        this.col = 0;
        return;
      }
      case Element.Cell: {
        const c = tag.rStart < 0 ? 0 : column(buf, tag.rStart, tag.rEnd);
        this.col = c > 0 ? c : this.col + 1;
        if (this.col > MAX_COLUMNS) throw new XmlError(`工作表第 ${this.row} 行的单元格地址超出 Excel 的列数`);
        this.kind = tag.tStart < 0 ? Kind.Number : kind(buf, tag.tStart, tag.tEnd);
        this.style = tag.sStart < 0 ? 0 : digits(buf, tag.sStart, tag.sEnd);
        this.hasFormula = false;
        this.got = Got.Nothing;
        this.vText = "";
        this.hasInline = false;
        this.inInline = false;
        this.inPhonetic = false;
        this.inlineText = "";
        this.overLength = 0;
        this.capture = Capture.None;
        this.inCell = !tag.selfClosing;
        return;
      }
      case Element.Value:
        // Only a self-closing `<v/>` comes here (see scan): a value of "".
        if (this.inCell) {
          this.got = Got.Text;
          this.vText = "";
        }
        return;
      case Element.Formula:
        if (this.inCell) this.hasFormula = true;
        return;
      case Element.InlineString:
        if (this.inCell) {
          this.hasInline = true;
          this.inInline = !tag.selfClosing;
        }
        return;
      case Element.Phonetic:
        if (this.inInline && !tag.selfClosing) this.inPhonetic = true;
        return;
      case Element.Text:
        if (this.inInline && !this.inPhonetic && !tag.selfClosing) {
          this.tText = "";
          this.capture = Capture.Text;
        }
        return;
      default:
        return;
    }
  }

  private close(element: Element): void {
    switch (element) {
      case Element.SheetData:
        if (this.inData) this.done = true;
        return;
      case Element.Value:
        if (this.capture === Capture.Value) this.capture = Capture.None;
        return;
      case Element.Text:
        if (this.capture === Capture.Text) {
          this.inlineText = this.capped(this.inlineText, decodeXstring(this.tText));
          this.capture = Capture.None;
        }
        return;
      case Element.Phonetic:
        this.inPhonetic = false;
        return;
      case Element.InlineString:
        this.inInline = false;
        return;
      case Element.Cell:
        if (this.inCell) {
          this.inCell = false;
          this.capture = Capture.None;
          if (this.row > 0) {
            const value = this.cellValue();
            if (value !== null) this.values.set(this.row, this.col, value);
          }
        }
        return;
      default:
        return;
    }
  }

  /** Captured text; beyond the string limit only its length grows (the cell reads as too long). */
  private append(text: string): void {
    if (this.capture === Capture.Value) this.vText = this.capped(this.vText, text);
    else this.tText = this.capped(this.tText, text);
  }

  private capped(held: string, text: string): string {
    if (held.length + text.length <= this.maxChars) return held + text;
    this.overLength = 1;
    return held;
  }

  /** 1 once a text of the current cell went past the limit (its text is no longer kept), else 0. */
  private overLength = 0;

  /** The `<v>` text in bytes [start, end): numbers and indexes parsed in place, anything else decoded. */
  private readValue(buf: Uint8Array, start: number, end: number): void {
    const mode = valueMode(this.kind, this.hasFormula);
    const num =
      mode === Mode.Integer ? plainInteger(buf, start, end) : mode === Mode.Float ? plainNumber(buf, start, end) : NaN;
    if (!Number.isNaN(num)) {
      this.got = Got.Number;
      this.vNum = num;
    } else {
      this.got = Got.Text;
      this.vText = decodeText(buf, start, end);
    }
  }

  /**
   * The cell's value as fromExcelValue gives exceljs's, where exceljs reads it right (see reader.ts); where it
   * would give a blank for a cell that holds something, an UnreadableCell.
   */
  private cellValue(): CellValue {
    const kind = this.kind;
    if (this.overLength > 0) return { unreadable: "too-long", shown: String(this.maxChars) };
    if (kind === Kind.Inline && !this.hasFormula) {
      const text = this.hasInline ? this.inlineText : this.got === Got.Nothing ? "" : this.valueText();
      return textCell(text, this.maxChars);
    }
    if (this.got === Got.Nothing) {
      // A formula saved without its result; a text formula may leave out an empty result.
      if (this.hasFormula && kind !== Kind.Str) return unreadable("formula-no-value", "");
      return kind === Kind.Error ? unreadable("error", "#错误") : null;
    }
    switch (valueMode(kind, this.hasFormula)) {
      case Mode.Integer:
        return this.indexValue();
      case Mode.Float: {
        if (this.got === Got.Number) return this.number(this.vNum);
        if (this.vText.trim() === "") return this.hasFormula ? unreadable("formula-no-value", "") : null;
        const num = parseFloat(this.vText);
        return Number.isFinite(num) ? this.number(num) : unreadable("not-a-number", this.vText);
      }
      case Mode.Text: {
        const text = this.valueText();
        if (kind === Kind.Date) {
          const serial = isoToSerial(text);
          return serial === null ? unreadable("bad-value", text) : this.number(serial);
        }
        return textCell(text, this.maxChars);
      }
      default:
        return unreadable("error", this.valueText() || "#错误");
    }
  }

  /** A shared-string index or a boolean (0 or 1), as read; an empty value of a cell without a formula is a blank. */
  private indexValue(): CellValue {
    const text = this.valueText();
    if (this.got === Got.Text && text.trim() === "") {
      return this.hasFormula ? unreadable("formula-no-value", "") : null;
    }
    const index = this.got === Got.Number ? this.vNum : /^\s*\d+\s*$/u.test(text) ? parseInt(text, 10) : NaN;
    // Digits shown as the number they are, however the bytes arrived ("007" and "7" are the same index).
    const shown = Number.isNaN(index) ? text : String(index);
    if (this.kind === Kind.Bool) {
      return index === 0 ? false : index === 1 ? true : unreadable("bad-value", shown);
    }
    return index < this.strings.length ? this.strings[index]! : unreadable("bad-string-index", shown);
  }

  /** A number, or the date it shows when the cell's style has a date format. */
  private number(num: number): CellValue {
    return this.dateStyles[this.style] === true ? dateCell(num) : num;
  }

  private valueText(): string {
    return this.got === Got.Number ? String(this.vNum) : this.vText;
  }
}

/** Date cells by serial: a ledger's million rows hold a few hundred distinct days (the cells share one object). */
const dateCells = new Map<number, CellValue>();
const DATE_CELLS_LIMIT = 4096;

/**
 * A number in a date format as the date it shows, `{ date }` (the day; a time of day is dropped, as exceljs drops
 * it); a time alone (under 1) or a serial beyond Excel's calendar stays a number.
 */
export function dateCell(serial: number): CellValue {
  let cell = dateCells.get(serial);
  if (cell === undefined) {
    const iso = serialToIso(serial);
    cell = iso === null ? serial : { date: iso };
    if (dateCells.size >= DATE_CELLS_LIMIT) dateCells.clear();
    dateCells.set(serial, cell);
  }
  return cell;
}

const enum Mode {
  /** parseInt(text, 10): shared-string indexes, booleans. */
  Integer,
  /** parseFloat(text): numbers, and formula results other than text and booleans. */
  Float,
  Text,
  /** Errors: no value. */
  None,
}

/**
 * How the `<v>` text of a cell of `kind` is read. For formulas as for values, so a cached 0 or false stays a value
 * (exceljs reads a formula whose result is falsy as an empty cell: its FormulaValue drops falsy fields).
 */
function valueMode(kind: Kind, formula: boolean): Mode {
  switch (kind) {
    case Kind.Bool:
    // Also for formulas: SheetJS writes a text result as a shared string (exceljs reads the index as a number).
    case Kind.Shared:
      return Mode.Integer;
    case Kind.Str:
    case Kind.Date:
      return Mode.Text;
    case Kind.Inline:
      return formula ? Mode.Float : Mode.Text;
    case Kind.Error:
      return Mode.None;
    default:
      return Mode.Float;
  }
}

function kind(buf: Uint8Array, start: number, end: number): Kind {
  const len = end - start;
  const c0 = buf[start];
  if (len === 1) {
    switch (c0) {
      case 0x73: // s
        return Kind.Shared;
      case 0x62: // b
        return Kind.Bool;
      case 0x65: // e
        return Kind.Error;
      case 0x64: // d
        return Kind.Date;
      default:
        return Kind.Number;
    }
  }
  const name = latin1(buf, start, end);
  return name === "str" ? Kind.Str : name === "inlineStr" ? Kind.Inline : Kind.Number;
}

/** Column number of a cell reference's letters ("AB12" → 28; `$` ignored), 0 when it has none. */
function column(buf: Uint8Array, start: number, end: number): number {
  let col = 0;
  let i = start;
  while (i < end && buf[i]! <= 0x20) i++;
  for (; i < end; i++) {
    const ch = buf[i]!;
    if (ch >= 0x41 && ch <= 0x5a) col = col * 26 + ch - 0x40;
    else if (ch >= 0x61 && ch <= 0x7a) col = col * 26 + ch - 0x60;
    else if (ch !== 0x24) break;
    if (col > MAX_COLUMNS) return col;
  }
  return col;
}

/**
 * The offset after the end tag `</letter>` (any prefix, white space before `>`) starting at `i`, or -1 when
 * something else is there or it is not all in `buf`: the caller then reads it the general way.
 */
function endTag(buf: Uint8Array, i: number, letter: number): number {
  const n = buf.length;
  if (i + 3 >= n || buf[i] !== B.LT || buf[i + 1] !== B.SLASH) return -1;
  let j = i + 2;
  let local = j;
  for (;;) {
    if (j >= n) return -1;
    const ch = buf[j]!;
    if (ch === B.GT || ch <= 0x20) break;
    if (ch === B.COLON) local = j + 1;
    j++;
  }
  if (j - local !== 1 || buf[local] !== letter) return -1;
  while (j < n && buf[j]! <= 0x20) j++;
  return j < n && buf[j] === B.GT ? j + 1 : -1;
}

/** A row's `r`: plain digits, else as parseInt reads it (white space around is allowed there). */
function rowNumber(buf: Uint8Array, start: number, end: number): number {
  const r = digits(buf, start, end);
  return Number.isNaN(r) ? parseInt(latin1(buf, start, end), 10) : r;
}

/** A run of ASCII digits as a number; NaN if anything else (or nothing) is there. */
function digits(buf: Uint8Array, start: number, end: number): number {
  if (end <= start || end - start > 15) return NaN;
  let v = 0;
  for (let i = start; i < end; i++) {
    const d = buf[i]! - 0x30;
    if (d < 0 || d > 9) return NaN;
    v = v * 10 + d;
  }
  return v;
}

/** parseInt(text, 10) when the text is plain digits (then the two agree), else NaN: the caller decodes. */
function plainInteger(buf: Uint8Array, start: number, end: number): number {
  return digits(buf, start, end);
}

/** 10^0 … 10^22, each parsed from its literal: exact. */
const POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => Number(`1e${k}`));

/**
 * parseFloat(text) for plain decimals `-?d*(.d*)?` with at most 15 digits, else NaN (the caller falls back to
 * parseFloat). Exact: the digits form an integer below 2^53 and 10^k (k ≤ 22) is exact, so the one division is
 * correctly rounded, as parseFloat is.
 */
function plainNumber(buf: Uint8Array, start: number, end: number): number {
  let i = start;
  const negative = buf[i] === B.DASH;
  if (negative) i++;
  let mantissa = 0;
  let count = 0;
  let point = -1;
  for (; i < end; i++) {
    const ch = buf[i]!;
    const d = ch - 0x30;
    if (d >= 0 && d <= 9) {
      mantissa = mantissa * 10 + d;
      count++;
    } else if (ch === B.DOT && point < 0) point = i;
    else return NaN;
  }
  if (count === 0 || count > 15) return NaN;
  const value = point < 0 ? mantissa : mantissa / POWERS_OF_TEN[end - point - 1]!;
  return negative ? -value : value;
}

const MS_PER_DAY = 86400000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);
const ISO = /^\s*(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2}(?:\.\d+)?))?)?/u;

/**
 * A `t="d"` cell (ISO 8601 text, written by some tools instead of a serial) as the Excel serial the streaming
 * contract gives for dates; the clock time as the fraction, any zone ignored (Excel keeps none). Text that is not
 * ISO reads as exceljs reads it, with parseFloat (null when that is no number either).
 */
export function isoToSerial(text: string): number | null {
  const m = ISO.exec(text);
  if (!m) {
    const num = parseFloat(text);
    return Number.isFinite(num) ? num : null;
  }
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const day = Date.UTC(y, mo - 1, d);
  const date = new Date(day);
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== mo - 1 || date.getUTCDate() !== d) return null;
  let serial = (day - EXCEL_EPOCH) / MS_PER_DAY;
  // Excel counts the phantom 1900-02-29 (serial 60): days before it are one less.
  if (serial < 61) serial -= 1;
  const seconds = Number(m[4] ?? 0) * 3600 + Number(m[5] ?? 0) * 60 + Number(m[6] ?? 0);
  return serial + seconds / 86400;
}
