/** Text normalisation shared by parsing and rules. Pure. */

/** Full-width ASCII variants (！ to ～, and the ideographic space) to their half-width forms. */
export function toHalfWidth(value: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

/** Characters counted as a narrative's length: everything except white space (as 字数 is counted). */
export function countChars(value: string | undefined | null): number {
  if (!value) return 0;
  let n = 0;
  for (const ch of value) if (!/\s/u.test(ch)) n++;
  return n;
}

export function isBlank(value: string | undefined | null): boolean {
  return value === undefined || value === null || value.trim() === "";
}

/** Codes (credit codes, item codes): half-width, no inner spaces, upper case where asked. */
export function normaliseCode(value: string, upper = false): string {
  const v = toHalfWidth(value).replace(/\s+/gu, "");
  return upper ? v.toUpperCase() : v;
}

/** Phone numbers: half-width, no spaces; a leading +86 / 0086 country code is dropped. */
export function normalisePhone(value: string): string {
  return toHalfWidth(value)
    .replace(/\s+/gu, "")
    .replace(/^(\+86|0086)-?/u, "");
}

/** Show a value inside a Chinese message: quoted text, or 未填写 when absent. */
export function show(value: unknown): string {
  if (value === undefined || value === null || value === "") return "未填写";
  if (typeof value === "string") return `“${value}”`;
  return String(value);
}
