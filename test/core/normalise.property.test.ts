/**
 * The text and date normalisers, made faster (char codes instead of regexes, nothing rebuilt when there is nothing
 * to change), against the implementations they replaced, kept here as the oracle: on random strings of the
 * characters that matter (full-width forms and their neighbours, the ideographic and no-break spaces and every
 * other white space, CJK, 年月日, surrogate pairs and lone surrogates) and on every code unit where that is cheap.
 */
import fc from "fast-check";
import { isValidYmd, parseDate } from "../../src/core/dates";
import { ledgerEntrySchema } from "../../src/core/schemas";
import {
  countChars,
  isWhiteSpaceCode,
  memoByText,
  normaliseCode,
  normalisePhone,
  removeWhiteSpace,
  toHalfWidth,
} from "../../src/core/text";

const RUNS = 3000;

// ---------------------------------------------------------------- the oracle (the code before)

function oldToHalfWidth(value: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code >= 0xff01 && code <= 0xff5e) out += String.fromCodePoint(code - 0xfee0);
    else if (code === 0x3000) out += " ";
    else out += ch;
  }
  return out;
}

function oldNormaliseCode(value: string, upper = false): string {
  const v = oldToHalfWidth(value).replace(/\s+/gu, "");
  return upper ? v.toUpperCase() : v;
}

function oldNormalisePhone(value: string): string {
  return oldToHalfWidth(value)
    .replace(/\s+/gu, "")
    .replace(/^(\+86|0086)-?/u, "");
}

const PATTERNS: RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/u,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/u,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/u,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/u,
];

function oldIsValidYmd(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

function oldParseDate(value: string): string | null {
  const v = oldToHalfWidth(value).trim();
  for (const re of PATTERNS) {
    const m = re.exec(v);
    if (!m) continue;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (!oldIsValidYmd(y, mo, d)) return null;
    return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  }
  return null;
}

// ---------------------------------------------------------------- arbitraries

const CHARS = [
  ..."abcxyzABCXYZ0123456789ßﬀ +-_./:@,，、",
  "\u3000",
  "\u00a0",
  "\t",
  "\n",
  "\r",
  "\u000b",
  "\u000c",
  "\u1680",
  "\u2000",
  "\u200a",
  "\u200b",
  "\u2028",
  "\u2029",
  "\u202f",
  "\u205f",
  "\ufeff",
  "\u0085",
  "\uff00",
  "\uff01",
  "\uff10",
  "\uff19",
  "\uff21",
  "\uff41",
  "\uff0d",
  "\uff0f",
  "\uff0e",
  "\uff5e",
  "\uff5f",
  "\uff61",
  "\u2fff",
  "\u3001",
  ..."年月日号区广州市天河越秀网点",
  "😀",
  "\ud83d",
  "\ude00",
];

const char = fc.constantFrom(...CHARS);
const text = fc.array(char, { maxLength: 24 }).map((cs) => cs.join(""));
/** Strings mixing the above with whole code points of any plane. */
const anyText = fc.oneof(text, fc.string({ unit: "binary", maxLength: 16 }), fc.string({ maxLength: 16 }));

/** Dates in every form people write, with the separators, digits and spaces mixed up now and then. */
const digits = (min: number, max: number) =>
  fc.array(fc.constantFrom(..."0123456789０１２９"), { minLength: min, maxLength: max }).map((d) => d.join(""));
const space = fc.constantFrom("", " ", "\u3000", "\t", "\u00a0", "\ufeff");
const date = fc
  .tuple(
    space,
    digits(3, 5),
    fc.constantFrom("-", "/", ".", "年", "－", "／", "．", " ", ""),
    digits(0, 3),
    fc.constantFrom("-", "/", ".", "月", "－"),
    digits(0, 3),
    fc.constantFrom("", "日", "号", " ", "-"),
    space,
  )
  .map((parts) => parts.join(""));

// ---------------------------------------------------------------- tests

function oldCountChars(value: string | undefined | null): number {
  if (!value) return 0;
  let n = 0;
  for (const ch of value) if (!/\s/u.test(ch)) n++;
  return n;
}

describe("text normalisers are unchanged", () => {
  it("countChars, on random strings (surrogate pairs and lone halves included)", () => {
    fc.assert(
      fc.property(fc.oneof(anyText, fc.string({ unit: "grapheme", maxLength: 16 })), (s) =>
        expect(countChars(s)).toBe(oldCountChars(s)),
      ),
      { numRuns: RUNS },
    );
    expect([countChars("\ud83d\ude00 a\u3000\ud83d"), countChars(undefined)]).toEqual([3, 0]);
  });

  it("white space is what \\s and trim() say, for every code unit", () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      const expected = /\s/u.test(ch);
      if (isWhiteSpaceCode(code) !== expected) throw new Error(`U+${code.toString(16)}: expected ${expected}`);
      if (expected !== (ch.trim() === "")) throw new Error(`U+${code.toString(16)}: trim() disagrees`);
    }
  });

  it("toHalfWidth, for every code unit and on random strings", () => {
    for (let code = 0; code <= 0xffff; code++) {
      const ch = String.fromCharCode(code);
      if (toHalfWidth(ch) !== oldToHalfWidth(ch)) throw new Error(`U+${code.toString(16)}`);
    }
    fc.assert(
      fc.property(anyText, (s) => expect(toHalfWidth(s)).toBe(oldToHalfWidth(s))),
      { numRuns: RUNS },
    );
  });

  it("removeWhiteSpace, normaliseCode and normalisePhone", () => {
    const phone = fc
      .tuple(fc.constantFrom("", "+86", "0086", "＋８６", " +86 ", "+8", "086", "0086-", "+86-", "+86 -"), text)
      .map(([a, b]) => a + b);
    fc.assert(
      fc.property(anyText, phone, fc.boolean(), (s, p, upper) => {
        expect(removeWhiteSpace(s)).toBe(s.replace(/\s+/gu, ""));
        expect(normaliseCode(s, upper)).toBe(oldNormaliseCode(s, upper));
        expect(normaliseCode(s)).toBe(oldNormaliseCode(s));
        expect(normalisePhone(s)).toBe(oldNormalisePhone(s));
        expect(normalisePhone(p)).toBe(oldNormalisePhone(p));
      }),
      { numRuns: RUNS },
    );
  });
});

describe("dates are read as before", () => {
  it("parseDate on dates in every form, and on anything", () => {
    fc.assert(
      fc.property(date, anyText, (d, s) => {
        expect(parseDate(d)).toBe(oldParseDate(d));
        expect(parseDate(s)).toBe(oldParseDate(s));
      }),
      { numRuns: RUNS * 3 },
    );
  });

  it("parseDate on every day of four years, in each form", () => {
    for (const y of [1900, 2000, 2024, 2025]) {
      for (let m = 0; m <= 13; m++) {
        for (let d = 0; d <= 32; d++) {
          for (const form of [
            `${y}-${m}-${d}`,
            `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`,
            `${y}/${m}/${d}`,
            `${y}.${m}.${d}`,
            `${y}年${m}月${d}日`,
            `${y}年${m}月${d}`,
            ` ${y}-${m}-${d}\u3000`,
          ]) {
            if (parseDate(form) !== oldParseDate(form)) throw new Error(form);
          }
        }
      }
    }
  });

  it("a ledger entry's date, remembered, as read afresh", () => {
    fc.assert(
      fc.property(fc.oneof(date, anyText), (d) => {
        const expected = oldParseDate(d) ?? toHalfWidth(d).trim();
        // Twice: the second answer is the remembered one.
        for (let i = 0; i < 2; i++) expect(ledgerEntrySchema.parse({ date: d }).date).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("isValidYmd", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -5, max: 2500 }),
        fc.integer({ min: -1, max: 14 }),
        fc.integer({ min: -1, max: 33 }),
        (y, m, d) => expect(isValidYmd(y, m, d)).toBe(oldIsValidYmd(y, m, d)),
      ),
      { numRuns: RUNS },
    );
    expect(isValidYmd(2025, 1.5, 1)).toBe(oldIsValidYmd(2025, 1.5, 1));
    expect(isValidYmd(2025, Number.NaN, 1)).toBe(oldIsValidYmd(2025, Number.NaN, 1));
  });
});

describe("memoByText", () => {
  it("answers as the function does, and forgets when full", () => {
    const calls: string[] = [];
    const upper = memoByText((s) => {
      calls.push(s);
      return s === "none" ? undefined : s.toUpperCase();
    }, 3);
    expect(upper("a")).toBe("A");
    expect(upper("a")).toBe("A");
    expect(upper("none")).toBeUndefined();
    expect(upper("none")).toBeUndefined();
    expect(calls).toEqual(["a", "none"]);
    // Past the limit the memory starts afresh, and the answers stay right.
    for (const s of ["b", "c", "d", "a", "b"]) expect(upper(s)).toBe(s.toUpperCase());
    expect(calls).toEqual(["a", "none", "b", "c", "d", "a", "b"]);
  });
});
