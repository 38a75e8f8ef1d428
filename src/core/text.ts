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
