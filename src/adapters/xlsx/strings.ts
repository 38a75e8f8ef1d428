/**
 * The shared strings part (`sst`) read from inflated chunks as they come: one entry per `<si>`, the text of its
 * `<t>` elements joined (plain or rich-text runs), phonetic readings (`<rPh>`) left out as Excel shows them and as
 * exceljs's full reader reads them, `_xHHHH_` escapes decoded. An item with no text is null (an empty cell).
 */
import type { CellValue } from "../../core/sheets/model";
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

  /** `fast`: false reads everything the general way (tests pin the fast path to it). */
  constructor(private readonly fast = true) {
    super();
  }

  protected scan(buf: Buffer, start: number): number {
    const n = buf.length;
    const tag = this.tag;
    let i = start;
    while (i < n) {
      if (buf[i] !== B.LT) {
        let j = i + 1;
        while (j < n && buf[j] !== B.LT) j++;
        if (this.capturing) {
          if (j >= n) return i;
          this.text += decodeText(buf, i, j);
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
          if (this.capturing) this.text += normaliseLineEnds(buf.toString("utf8", i + 9, end - 3));
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
            this.item += decodeXstring(this.text);
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
  private plainItem(buf: Buffer, i: number): number {
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
    this.strings.push(text === "" ? null : text);
    return j + 9;
  }

  protected finish(): void {
    if (this.inItem) throw new XmlError("共享字符串 XML 不完整（缺少 </si>）");
  }

  private push(): void {
    this.strings.push(this.item === "" ? null : this.item);
    this.item = "";
    this.inItem = false;
    this.inPhonetic = false;
    this.capturing = false;
  }
}
