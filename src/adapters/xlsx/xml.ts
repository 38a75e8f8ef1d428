/**
 * Just enough XML for SpreadsheetML parts, in two forms: a byte scanner base for the big parts (sheets, shared
 * strings), fed inflated chunks as they come, and a start-tag reader for the small ones (rels, workbook.xml).
 * Both skip comments, CDATA (the byte scanners keep its text) and processing instructions, refuse a DOCTYPE (no
 * entity is ever expanded), accept any namespace prefix and either quote, decode the five entities and character
 * references, and normalise line ends as XML requires (CR LF and lone CR become LF before entities are decoded, so
 * `&#13;` stays a CR). Bytes are plain Uint8Array: the same code runs in Node and in browsers.
 */
import { ascii, concatBytes, indexOfAscii, utf8 } from "../zip/bytes";

/**
 * Byte values. A const enum in every file that scans, never imported: tsx and jest compile modules one by one, and an
 * imported constant would be a property (or getter) load per byte in the scanning loops.
 */
const enum B {
  LT = 0x3c, // <
  GT = 0x3e, // >
  SLASH = 0x2f, // /
  BANG = 0x21, // !
  QUESTION = 0x3f, // ?
  EQUALS = 0x3d, // =
  DQUOTE = 0x22, // "
  SQUOTE = 0x27, // '
  COLON = 0x3a, // :
  DASH = 0x2d, // -
  R = 0x72, // r
  S = 0x73, // s
  T = 0x74, // t
}

function isSpace(ch: number | undefined): boolean {
  return ch === 0x20 || ch === 0x0a || ch === 0x09 || ch === 0x0d;
}

/** A part that is not well-formed where the scanner needs it to be (the message is the Chinese detail). */
export class XmlError extends Error {}

/** A part with a document type declaration: Excel and Word never write one, and entities are never expanded. */
export class DoctypeError extends XmlError {
  constructor() {
    super("含有 DOCTYPE 声明");
  }
}

const ENTITY = /&(?:#x([0-9a-fA-F]+)|#([0-9]+)|(lt|gt|amp|quot|apos));/gu;
const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Entities and character references decoded; anything else after `&` is kept as written. */
export function decodeEntities(text: string): string {
  if (!text.includes("&")) return text;
  return text.replace(ENTITY, (whole, hex: string | undefined, dec: string | undefined, name: string | undefined) => {
    if (name !== undefined) return NAMED[name] ?? whole;
    const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec ?? "", 10);
    // References to what XML forbids (NUL, surrogates, beyond Unicode) stay as written.
    return code > 0 && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) ? String.fromCodePoint(code) : whole;
  });
}

/** XML end-of-line handling: CR LF and lone CR read as LF. */
export function normaliseLineEnds(text: string): string {
  return text.includes("\r") ? text.replace(/\r\n?/gu, "\n") : text;
}

/** Character data between tags, bytes [start, end) of UTF-8 (always whole characters: it ends before a `<`). */
export function decodeText(buf: Uint8Array, start: number, end: number): string {
  return decodeEntities(normaliseLineEnds(utf8(buf, start, end)));
}

/**
 * SpreadsheetML's `_xHHHH_` escapes in string items (Excel writes `_x000D_` for a CR it keeps, `_x005F_` for a
 * literal underscore that would start one). Decoded as exceljs's full reader decodes shared strings: upper-case hex,
 * left to right, so `_x005F_x000D_` reads as the text `_x000D_`.
 */
export function decodeXstring(text: string): string {
  return text.includes("_x")
    ? text.replace(/_x([0-9A-F]{4})_/gu, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)))
    : text;
}

/**
 * Feeds a byte scanner whole constructs: `scan` consumes what it can and returns where it stopped (the start of a
 * tag or of text cut by the chunk's end); the rest is carried over. A short carry is joined with the head of the
 * next chunk only, and scanning goes on in the chunk itself once the carried construct is through; a long one (a
 * construct longer than the head) waits for at least as many new bytes as it holds, so that even a huge construct
 * costs linear time. Multi-byte characters split across chunks are never decoded in halves: text is decoded only
 * once the `<` after it has arrived.
 */
export abstract class ChunkScanner {
  private carry: Uint8Array | null = null;
  private pending: Uint8Array[] = [];
  private pendingBytes = 0;
  /** Set by `scan` when nothing more of the part is needed. */
  done = false;

  /**
   * `maxConstructBytes`: the longest tag or text the scanner will hold while waiting for its end (a text of
   * `maxStringChars` characters takes at most four bytes each, and its escapes); anything longer is a StringLimitError.
   */
  constructor(private readonly maxConstructBytes = Infinity) {}

  /** Consumes complete constructs from `buf`, from `start` on; returns the offset of the first byte not consumed. */
  protected abstract scan(buf: Uint8Array, start: number): number;
  /** Called once at the end of the part, after the last chunk. */
  protected abstract finish(): void;

  write(chunk: Uint8Array): void {
    if (this.done) return;
    const carry = this.carry;
    if (carry === null) {
      this.feed(chunk, 0);
      return;
    }
    let rest = carry;
    if (this.pending.length === 0 && carry.length < SEAM_BYTES) {
      const seam = concatBytes([carry, chunk.subarray(0, SEAM_BYTES)]);
      const stop = this.scan(seam, 0);
      if (this.done) return;
      if (stop >= carry.length) {
        this.carry = null;
        this.feed(chunk, stop - carry.length);
        return;
      }
      rest = this.carry = carry.subarray(stop);
    }
    this.pending.push(chunk);
    this.pendingBytes += chunk.length;
    if (rest.length + this.pendingBytes > this.maxConstructBytes) throw new StringLimitError();
    if (this.pendingBytes >= rest.length) this.flushPending();
  }

  end(): void {
    if (!this.done && this.carry !== null) this.flushPending();
    if (!this.done && this.carry !== null) throw new XmlError("XML 不完整（在标记或文字中途结束）");
    this.finish();
  }

  private flushPending(): void {
    const buf = concatBytes([this.carry!, ...this.pending]);
    this.carry = null;
    this.pending = [];
    this.pendingBytes = 0;
    this.feed(buf, 0);
  }

  private feed(buf: Uint8Array, start: number): void {
    const stop = this.scan(buf, start);
    if (!this.done && stop < buf.length) this.carry = buf.subarray(stop);
  }
}

/** A tag or text longer than the scanner may hold (ChunkScanner's `maxConstructBytes`). */
export class StringLimitError extends Error {}

/** How much of the next chunk a short carry is joined with (see ChunkScanner). */
const SEAM_BYTES = 16 * 1024;

/**
 * Where the comment or processing instruction starting with `<!` or `<?` at `i` ends (the offset after it), or -1
 * when it is not all in `buf` yet; any other `<!` declaration (DOCTYPE) throws DoctypeError. CDATA sections are not
 * handled here: scanners keep their text.
 */
export function skipMarkup(buf: Uint8Array, i: number): number {
  const n = buf.length;
  if (i + 1 >= n) return -1;
  if (buf[i + 1] === B.QUESTION) return after(buf, i + 2, "?>");
  if (i + 3 >= n) return -1;
  if (buf[i + 2] === B.DASH && buf[i + 3] === B.DASH) return after(buf, i + 4, "-->");
  // <!DOCTYPE …> (or any other declaration): never in a part Excel or Word writes, and the door to entity
  // expansion; refused.
  throw new DoctypeError();
}

const CDATA_OPEN = ascii("<![CDATA[");

/** Whether `<![CDATA[` starts at `i`; null (wait for more) when `buf` ends before that is known. */
export function cdataAt(buf: Uint8Array, i: number): boolean | null {
  for (let k = 0; k < CDATA_OPEN.length; k++) {
    if (i + k >= buf.length) return null;
    if (buf[i + k] !== CDATA_OPEN[k]) return false;
  }
  return true;
}

/** The offset just after `marker`, searching from `from`, or -1. */
export function after(buf: Uint8Array, from: number, marker: string): number {
  const at = indexOfAscii(buf, marker, from);
  return at < 0 ? -1 : at + marker.length;
}

/** A start tag of a small part: local name and attributes (names as written, prefix included). */
export interface StartTag {
  name: string;
  attributes: Map<string, string>;
}

/**
 * The start tags of a small part (rels, workbook.xml), in document order. For parts of a few hundred kilobytes at
 * most: it works on the whole text.
 */
export function startTags(xml: string): StartTag[] {
  const tags: StartTag[] = [];
  const n = xml.length;
  let i = xml.indexOf("<");
  while (i >= 0 && i < n) {
    const next = xml.charCodeAt(i + 1);
    if (next === B.BANG || next === B.QUESTION) {
      const end = xml.startsWith("<!--", i)
        ? textAfter(xml, i + 4, "-->")
        : xml.startsWith("<![CDATA[", i)
          ? textAfter(xml, i + 9, "]]>")
          : next === B.QUESTION
            ? textAfter(xml, i + 2, "?>")
            : declarationEnd();
      if (end < 0) throw new XmlError("XML 不完整");
      i = xml.indexOf("<", end);
      continue;
    }
    if (next === B.SLASH) {
      const end = xml.indexOf(">", i);
      if (end < 0) throw new XmlError("XML 不完整");
      i = xml.indexOf("<", end);
      continue;
    }
    let j = i + 1;
    while (j < n && !isSpace(xml.charCodeAt(j)) && xml[j] !== ">" && xml[j] !== "/") j++;
    const qname = xml.slice(i + 1, j);
    const attributes = new Map<string, string>();
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) throw new XmlError("XML 不完整");
      if (xml[j] === ">" || xml[j] === "/") break;
      const nameStart = j;
      while (j < n && xml[j] !== "=" && !isSpace(xml.charCodeAt(j))) j++;
      const name = xml.slice(nameStart, j);
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml[j] !== "=") throw new XmlError(`XML 属性 ${name} 缺少取值`);
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const q = xml[j];
      if (q !== '"' && q !== "'") throw new XmlError(`XML 属性 ${name} 的取值缺少引号`);
      const close = xml.indexOf(q, j + 1);
      if (close < 0) throw new XmlError("XML 不完整");
      // Attribute-value normalisation: literal tabs and line ends read as spaces (character references do not).
      attributes.set(name, decodeEntities(xml.slice(j + 1, close).replace(/\r\n|[\t\n\r]/gu, " ")));
      j = close + 1;
    }
    tags.push({ name: qname.slice(qname.indexOf(":") + 1), attributes });
    const end = xml.indexOf(">", j);
    if (end < 0) throw new XmlError("XML 不完整");
    i = xml.indexOf("<", end);
  }
  return tags;
}

function textAfter(xml: string, from: number, marker: string): number {
  const at = xml.indexOf(marker, from);
  return at < 0 ? -1 : at + marker.length;
}

function declarationEnd(): never {
  throw new DoctypeError();
}

/** An attribute by local name whatever its prefix, e.g. `r:id` (relationships) under any prefix. */
export function prefixedAttribute(tag: StartTag, local: string): string | undefined {
  for (const [name, value] of tag.attributes) {
    const colon = name.indexOf(":");
    if (colon > 0 && name.slice(colon + 1) === local && !name.startsWith("xmlns")) return value;
  }
  return undefined;
}

/**
 * Reads one tag of a byte buffer without allocating: where its local name is, whether it is an end tag or
 * self-closing, where it ends, and where the values of its unprefixed `r`, `s` and `t` attributes are (the only
 * ones the scanners need: cell and row references, cell styles, cell types). Bytes up to 0x20 count as white space: XML allows no
 * other control characters there.
 */
export class TagCursor {
  /** Offset just after the tag's `>`. */
  end = 0;
  closing = false;
  selfClosing = false;
  /** The local name (after any `prefix:`), bytes [localStart, localEnd). */
  localStart = 0;
  localEnd = 0;
  /** Value of `r`, bytes [rStart, rEnd); rStart is -1 when the tag has none. */
  rStart = -1;
  rEnd = -1;
  /** Value of `t`, likewise. */
  tStart = -1;
  tEnd = -1;
  /** Value of `s`, likewise. */
  sStart = -1;
  sEnd = -1;

  /** Reads the tag starting with `<` at `i` (not `<!` or `<?`); false when it does not end within `buf`. */
  read(buf: Uint8Array, i: number): boolean {
    const n = buf.length;
    let j = i + 1;
    const closing = buf[j] === B.SLASH;
    if (closing) j++;
    let local = j;
    for (;;) {
      if (j >= n) return false;
      const ch = buf[j]!;
      if (ch === B.GT || ch === B.SLASH || ch <= 0x20) break;
      if (ch === B.COLON) local = j + 1;
      j++;
    }
    if (j === local) throw new XmlError("XML 标记缺少名称");
    this.closing = closing;
    this.localStart = local;
    this.localEnd = j;
    this.rStart = -1;
    this.tStart = -1;
    this.sStart = -1;
    for (;;) {
      while (j < n && buf[j]! <= 0x20) j++;
      if (j >= n) return false;
      const ch = buf[j];
      if (ch === B.GT) {
        this.selfClosing = false;
        this.end = j + 1;
        return true;
      }
      if (ch === B.SLASH) {
        if (j + 1 >= n) return false;
        if (buf[j + 1] !== B.GT || closing) throw new XmlError("XML 标记格式有误");
        this.selfClosing = true;
        this.end = j + 2;
        return true;
      }
      if (closing) throw new XmlError("XML 结束标记格式有误");
      const nameStart = j;
      for (;;) {
        if (j >= n) return false;
        const c = buf[j]!;
        if (c === B.EQUALS || c <= 0x20 || c === B.GT || c === B.SLASH) break;
        j++;
      }
      const nameLength = j - nameStart;
      while (j < n && buf[j]! <= 0x20) j++;
      if (j >= n) return false;
      if (buf[j] !== B.EQUALS || nameLength === 0) throw new XmlError("XML 属性格式有误");
      j++;
      while (j < n && buf[j]! <= 0x20) j++;
      if (j >= n) return false;
      const quote = buf[j];
      if (quote !== B.DQUOTE && quote !== B.SQUOTE) throw new XmlError("XML 属性取值缺少引号");
      const valueStart = ++j;
      while (j < n && buf[j] !== quote) j++;
      if (j >= n) return false;
      if (nameLength === 1) {
        const name = buf[nameStart];
        if (name === B.R) {
          this.rStart = valueStart;
          this.rEnd = j;
        } else if (name === B.T) {
          this.tStart = valueStart;
          this.tEnd = j;
        } else if (name === B.S) {
          this.sStart = valueStart;
          this.sEnd = j;
        }
      }
      j++;
    }
  }

  /**
   * `read` for the shape writers emit, without its general loops: an unprefixed start tag whose `<name`
   * (`nameLength` bytes, `<` included) the caller has matched, attributes each after one space, no white space
   * around `=`. Reads it as `read` would and returns true; false for any other shape or a tag not all in `buf`,
   * having changed nothing: `read` then reads it.
   */
  readPlain(buf: Uint8Array, i: number, nameLength: number): boolean {
    const n = buf.length;
    let j = i + nameLength;
    let rStart = -1;
    let rEnd = -1;
    let tStart = -1;
    let tEnd = -1;
    let sStart = -1;
    let sEnd = -1;
    let selfClosing = false;
    for (;;) {
      if (j >= n) return false;
      let ch = buf[j]!;
      if (ch !== 0x20) {
        if (ch === B.GT) {
          j++;
        } else if (ch === B.SLASH && buf[j + 1] === B.GT) {
          selfClosing = true;
          j += 2;
        } else {
          return false;
        }
        break;
      }
      const nameStart = ++j;
      for (;;) {
        if (j >= n) return false;
        ch = buf[j]!;
        if (ch === B.EQUALS) break;
        if (ch <= 0x20 || ch === B.GT || ch === B.SLASH) return false;
        j++;
      }
      if (j === nameStart) return false;
      const quote = buf[++j];
      if (quote !== B.DQUOTE && quote !== B.SQUOTE) return false;
      const valueStart = ++j;
      while (j < n && buf[j] !== quote) j++;
      if (j >= n) return false;
      if (valueStart - nameStart === 3) {
        const name = buf[nameStart];
        if (name === B.R) {
          rStart = valueStart;
          rEnd = j;
        } else if (name === B.T) {
          tStart = valueStart;
          tEnd = j;
        } else if (name === B.S) {
          sStart = valueStart;
          sEnd = j;
        }
      }
      j++;
    }
    this.closing = false;
    this.selfClosing = selfClosing;
    this.end = j;
    this.localStart = i + 1;
    this.localEnd = i + nameLength;
    this.rStart = rStart;
    this.rEnd = rEnd;
    this.tStart = tStart;
    this.tEnd = tEnd;
    this.sStart = sStart;
    this.sEnd = sEnd;
    return true;
  }

  /** Whether the local name is `name` (ASCII). */
  is(buf: Uint8Array, name: string): boolean {
    const len = this.localEnd - this.localStart;
    if (len !== name.length) return false;
    for (let k = 0; k < len; k++) if (buf[this.localStart + k] !== name.charCodeAt(k)) return false;
    return true;
  }
}
