/**
 * The shared strings part (`sst`) read from inflated chunks as they come: one entry per `<si>`, the text of its
 * `<t>` elements joined (plain or rich-text runs), phonetic readings (`<rPh>`) left out as Excel shows them and as
 * exceljs's full reader reads them, `_xHHHH_` escapes decoded. An item with no text is null (an empty cell); one
 * with text XML cannot hold, or longer than the limit, is an UnreadableCell (every cell that uses it reads so).
 */
import type { CellValue } from "../../core/sheets/model";
import { utf8 } from "../zip/bytes";
import { CellLimitError, constructBytes, textCell, type ScanLimits } from "./sheet";
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

/** Byte values, local on purpose (see xml.ts). */
const enum B {
  BANG = 0x21, // !
  GT = 0x3e, // >
  LT = 0x3c, // <
  SLASH = 0x2f, // /
  QUESTION = 0x3f, // ?
}

export class SharedStringsScanner extends ChunkScanner {
  readonly strings: CellValue[] = [];
  private readonly tag = new TagCursor();
  private inItem = false;
  private inPhonetic = false;
  private capturing = false;
  private item = "";
  private text = "";
  /** 1 once the item went past the limit (its text is no longer kept), else 0. */
  private overLength = 0;
  private readonly maxChars: number;
  private readonly maxItems: number;

  /**
   * `fast`: false reads everything the general way (tests pin the fast path to it). `limits`: characters per item,
   * and items in all (no sheet can use more strings than it has cells).
   */
  constructor(
    private readonly fast = true,
    limits: ScanLimits = { maxCells: Infinity, maxStringChars: Infinity },
  ) {
    super(constructBytes(limits));
    this.maxChars = limits.maxStringChars;
    this.maxItems = limits.maxCells;
  }

  protected scan(buf: Uint8Array, start: number): number {
    const n = buf.length;
    const tag = this.tag;
    let i = start;
    while (i < n) {
      if (buf[i] !== B.LT) {
        let j = i + 1;
        while (j < n && buf[j] !== B.LT) j++;
        if (this.capturing) {
          if (j >= n) return i;
          this.text = this.capped(this.text, decodeText(buf, i, j));
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
          if (this.capturing) this.text = this.capped(this.text, normaliseLineEnds(utf8(buf, i + 9, end - 3)));
          i = end;
          continue;
        }
        const end = skipMarkup(buf, i);
        if (end < 0) return i;
        i = end;
        continue;
      }
      if (this.fast && next === 0x73 /* s */ && !this.inItem && !this.inPhonetic && !this.capturing) {
        const j = this.plainItem(buf, i);
        if (j >= 0) {
          i = j;
          continue;
        }
      }
      if (!tag.read(buf, i)) return i;
      i = tag.end;
      const len = tag.localEnd - tag.localStart;
      if (len === 1 && buf[tag.localStart] === 0x74 /* t */) {
        if (tag.closing) {
          if (this.capturing) {
            this.item = this.capped(this.item, decodeXstring(this.text));
            this.capturing = false;
          }
        } else if (this.inItem && !this.inPhonetic && !tag.selfClosing) {
          this.text = "";
          this.capturing = true;
        }
      } else if (len === 2 && tag.is(buf, "si")) {
        if (tag.closing) {
          if (this.inItem) this.push();
        } else {
          this.item = "";
          this.inItem = !tag.selfClosing;
          if (tag.selfClosing) this.push();
        }
      } else if (len === 3 && tag.is(buf, "rPh")) {
        this.inPhonetic = !tag.closing && !tag.selfClosing;
      }
    }
    return n;
  }

  /**
   * A whole item in the shape writers emit, `<si><t>text</t></si>` (`<t>` may have attributes, such as
   * `xml:space`), read as the general path would, outside any item. Returns the offset after it, or -1 for
   * anything else, or an item not all in `buf`, having changed nothing: the general path then reads it.
   */
  private plainItem(buf: Uint8Array, i: number): number {
    const n = buf.length;
    if (i + 5 >= n || buf[i + 2] !== 0x69 /* i */ || buf[i + 3] !== B.GT || buf[i + 4] !== B.LT) return -1;
    if (buf[i + 5] !== 0x74 /* t */ || !this.tag.readPlain(buf, i + 4, 2) || this.tag.selfClosing) return -1;
    const start = this.tag.end;
    let j = start;
    while (j < n && buf[j] !== B.LT) j++;
    if (
      j + 8 >= n ||
      buf[j + 1] !== B.SLASH ||
      buf[j + 2] !== 0x74 /* t */ ||
      buf[j + 3] !== B.GT ||
      buf[j + 4] !== B.LT ||
      buf[j + 5] !== B.SLASH ||
      buf[j + 6] !== 0x73 /* s */ ||
      buf[j + 7] !== 0x69 /* i */ ||
      buf[j + 8] !== B.GT
    ) {
      return -1;
    }
    const text = start === j ? "" : decodeXstring(decodeText(buf, start, j));
    this.add(textCell(text, this.maxChars));
    return j + 9;
  }

  protected finish(): void {
    if (this.inItem) throw new XmlError("共享字符串 XML 不完整（缺少 </si>）");
  }

  /** `held` + `text`, unless that goes past the limit: then the item is marked too long and no longer grows. */
  private capped(held: string, text: string): string {
    if (held.length + text.length <= this.maxChars && this.overLength === 0) return held + text;
    this.overLength = 1;
    return held;
  }

  private add(value: CellValue): void {
    if (this.strings.length >= this.maxItems) throw new CellLimitError();
    this.strings.push(value);
  }

  private push(): void {
    this.add(
      this.overLength > 0
        ? { unreadable: "too-long", shown: String(this.maxChars) }
        : textCell(this.item, this.maxChars),
    );
    this.overLength = 0;
    this.item = "";
    this.inItem = false;
    this.inPhonetic = false;
    this.capturing = false;
  }
}
