/** Text normalisation shared by parsing and rules. Pure. */

/** Full-width ASCII variants (！ to ～, and the ideographic space) to their half-width forms. */
export function toHalfWidth(value: string): string {
  // Most text has nothing to convert: it is returned as is, not rebuilt character by character. Code units do
  // for code points here: no surrogate falls in the converted ranges.
  const n = value.length;
  let i = 0;
  while (i < n && !isFullWidth(value.charCodeAt(i))) i++;
  if (i === n) return value;
  let out = "";
  let from = 0;
  for (; i < n; i++) {
    const code = value.charCodeAt(i);
    if (!isFullWidth(code)) continue;
    out += value.slice(from, i) + (code === 0x3000 ? " " : String.fromCharCode(code - 0xfee0));
    from = i + 1;
  }
  return out + value.slice(from);
}

function isFullWidth(code: number): boolean {
  return code === 0x3000 || (code >= 0xff01 && code <= 0xff5e);
}

/** Whether a UTF-16 code unit is white space as `\s` and `trim()` see it (WhiteSpace and LineTerminator). */
export function isWhiteSpaceCode(code: number): boolean {
  if (code < 0x80) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  );
}

/** `value.replace(/\s+/gu, "")`, without the regex (and the copy) when there is no white space. */
export function removeWhiteSpace(value: string): string {
  for (let i = 0; i < value.length; i++) {
    if (isWhiteSpaceCode(value.charCodeAt(i))) return value.replace(/\s+/gu, "");
  }
  return value;
}

/** `value.toUpperCase()`, returning the string itself when it is ASCII without lower-case letters (codes). */
function upperCase(value: string): string {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0x80 || (code >= 0x61 && code <= 0x7a)) return value.toUpperCase();
  }
  return value;
}

/** Characters counted as a narrative's length: everything except white space (as 字数 is counted). */
export function countChars(value: string | undefined | null): number {
  if (!value) return 0;
  // By code units, a surrogate pair counting once (as `for…of` would): no regular expression per character.
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < value.length) {
      const low = value.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) i++;
      n++;
    } else if (!isWhiteSpaceCode(code)) n++;
  }
  return n;
}

export function isBlank(value: string | undefined | null): boolean {
  if (value === undefined || value === null || value === "") return true;
  // Fast path (a million ledger cells): one visible ASCII or CJK character at either end makes it not blank.
  if (isSolid(value.charCodeAt(0)) || isSolid(value.charCodeAt(value.length - 1))) return false;
  return value.trim() === "";
}

function isSolid(code: number): boolean {
  return (code > 0x20 && code < 0x7f) || (code >= 0x4e00 && code <= 0x9fff);
}

/** Codes (credit codes, item codes): half-width, no inner spaces, upper case where asked. */
export function normaliseCode(value: string, upper = false): string {
  const v = removeWhiteSpace(toHalfWidth(value));
  return upper ? upperCase(v) : v;
}

/** Phone numbers: half-width, no spaces; a leading +86 / 0086 country code is dropped. */
export function normalisePhone(value: string): string {
  const v = removeWhiteSpace(toHalfWidth(value));
  return v.startsWith("+86") || v.startsWith("0086") ? v.replace(/^(\+86|0086)-?/u, "") : v;
}

/**
 * A pure function of a string, remembered for the last few hundred distinct strings: for the columns that hold a
 * handful of values a million times (item, client type, district), which would be looked up afresh per row. The
 * memory stays bounded: the memory is forgotten when full.
 */
export function memoByText<T>(fn: (value: string) => T, limit = 512): (value: string) => T {
  const memory = new Map<string, T>();
  return (value) => {
    const hit = memory.get(value);
    if (hit !== undefined || memory.has(value)) return hit as T;
    const result = fn(value);
    if (memory.size >= limit) memory.clear();
    memory.set(value, result);
    return result;
  };
}

/** Show a value inside a Chinese message: quoted text, or 未填写 when absent. */
export function show(value: unknown): string {
  if (value === undefined || value === null || value === "") return "未填写";
  if (typeof value === "string") return `“${value}”`;
  return String(value);
}

/**
 * Whether code unit `code` at `i` of `text` starts a character XML 1.0 cannot hold (Char: tab, LF, CR, U+0020–U+D7FF,
 * U+E000–U+FFFD, U+10000–U+10FFFF): other C0 controls, U+FFFE, U+FFFF, and surrogates that are not a pair.
 */
function invalidXmlAt(text: string, i: number, code: number): boolean {
  if (code < 0x20) return code !== 0x09 && code !== 0x0a && code !== 0x0d;
  if (code < 0xd800) return false;
  if (code <= 0xdbff) {
    const next = text.charCodeAt(i + 1);
    return !(next >= 0xdc00 && next <= 0xdfff);
  }
  if (code <= 0xdfff) {
    const prev = text.charCodeAt(i - 1);
    return !(i > 0 && prev >= 0xd800 && prev <= 0xdbff);
  }
  return code === 0xfffe || code === 0xffff;
}

/** Candidates for invalidXmlAt, found by the regex engine (a surrogate found here may still be half of a pair). */
const XML_SUSPECT_UNITS = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uD800-\uDFFF\uFFFE\uFFFF]/;

/** Whether `text` holds a character XML 1.0 cannot hold (see invalidXmlAt); such text can never be written to a file. */
export function hasInvalidXmlChar(text: string): boolean {
  // Most text has no suspect at all: one native scan. (Without the u flag the class matches lone code units.)
  if (!XML_SUSPECT_UNITS.test(text)) return false;
  for (let i = 0; i < text.length; i++) if (invalidXmlAt(text, i, text.charCodeAt(i))) return true;
  return false;
}

/** `text` with every character XML 1.0 cannot hold replaced by U+FFFD, for outputs (never for source values). */
export function xmlSafe(text: string): string {
  if (!hasInvalidXmlChar(text)) return text;
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    out += invalidXmlAt(text, i, code) ? "\uFFFD" : text[i];
  }
  return out;
}

const ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t" };

/**
 * Whether a code unit must be escaped when shown on one line of a report: controls (C0, DEL, C1), line and paragraph
 * separators, the bidirectional marks and overrides that reorder what follows, non-characters, and surrogates
 * (a valid pair is kept; see escapeControls).
 */
function needsEscape(code: number): boolean {
  return (
    code < 0x20 ||
    (code >= 0x7f && code <= 0x9f) ||
    code === 0x200e ||
    code === 0x200f ||
    (code >= 0x2028 && code <= 0x202e) ||
    (code >= 0x2066 && code <= 0x2069) ||
    (code >= 0xd800 && code <= 0xdfff) ||
    code === 0xfffe ||
    code === 0xffff
  );
}

/**
 * `text` with what could forge or hide a line of a report escaped: `\n`, `\r`, `\t`, and `\u{…}` for the other
 * controls, separators, bidirectional overrides, non-characters and lone surrogates. Plain text is returned as is.
 */
export function escapeControls(text: string): string {
  let i = 0;
  while (i < text.length && !needsEscape(text.charCodeAt(i))) i++;
  if (i === text.length) return text;
  let out = text.slice(0, i);
  for (; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (!needsEscape(code)) {
      out += text[i];
      continue;
    }
    if (code >= 0xd800 && code <= 0xdbff) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out += text[i]! + text[i + 1]!;
        i++;
        continue;
      }
    }
    out += ESCAPES[text[i]!] ?? `\\u{${code.toString(16).toUpperCase().padStart(4, "0")}}`;
  }
  return out;
}
