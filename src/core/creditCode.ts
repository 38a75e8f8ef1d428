/**
 * 统一社会信用代码, GB 32100-2015: 18 characters from a 31-character set (digits and upper-case
 * letters without I, O, Z, S, V); position 18 is a check character over the first 17 with weights
 * 3^(i−1) mod 31.
 */
import { normaliseCode } from "./text";

export const CREDIT_CODE_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";
const VALUE = new Map<string, number>([...CREDIT_CODE_CHARSET].map((ch, i) => [ch, i]));
/** 3^(i−1) mod 31 for i = 1…17: 1 3 9 27 19 26 16 17 20 29 25 13 8 24 10 30 28. */
export const CREDIT_CODE_WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k++) w = (w * 3) % 31;
  return w;
});

export type CreditCodeProblem = "missing" | "length" | "charset" | "checksum";

export interface CreditCodeCheck {
  ok: boolean;
  problem?: CreditCodeProblem;
  /** The code as normalised (half-width, upper case, no spaces). */
  code: string;
  /** Characters outside the GB 32100 set, in order of appearance. */
  badChars?: string[];
  /** The check character the first 17 characters call for. */
  expected?: string;
}

/** The check character for 17 characters of the set, or null if any is outside it. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = VALUE.get(first17[i]!);
    if (v === undefined) return null;
    sum += v * CREDIT_CODE_WEIGHTS[i]!;
  }
  const c = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_CHARSET[c]!;
}

export function checkCreditCode(raw: string | undefined | null): CreditCodeCheck {
  const code = raw ? normaliseCode(raw, true) : "";
  if (code === "") return { ok: false, problem: "missing", code };
  const badChars = [...code].filter((ch) => !VALUE.has(ch));
  if ([...code].length !== 18) {
    return { ok: false, problem: "length", code, ...(badChars.length ? { badChars } : {}) };
  }
  if (badChars.length) return { ok: false, problem: "charset", code, badChars };
  const expected = creditCodeCheckChar(code.slice(0, 17))!;
  if (expected !== code[17]) return { ok: false, problem: "checksum", code, expected };
  return { ok: true, code };
}

/** 登记管理机关行政区划码: characters 3–8, or null when the code is too short. */
export function divisionOf(code: string): string | null {
  const c = normaliseCode(code, true);
  return c.length >= 8 ? c.slice(2, 8) : null;
}

/**
 * Guangzhou registrations: any 4401xx division (current districts and former codes such as
 * 440116 萝岗区, 440183 增城市, 440184 从化市), or province-level 440000 / central-level 100000,
 * whose registrants may sit anywhere in the province or country.
 */
export function isGuangzhouOrHigherDivision(division: string): boolean {
  return /^4401\d\d$/u.test(division) || division === "440000" || division === "100000";
}

/** GB 11714 check character of the 9-character organisation code inside a credit code. */
export function organisationCodeCheckChar(first8: string): string | null {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) {
    const ch = first8[i];
    if (ch === undefined) return null;
    const v = /\d/u.test(ch) ? Number(ch) : ch.charCodeAt(0) - 55;
    if (v < 0 || v > 35) return null;
    sum += v * weights[i]!;
  }
  const c = 11 - (sum % 11);
  return c === 10 ? "X" : c === 11 ? "0" : String(c);
}

/** Builds a valid credit code from its parts (for samples, templates and tests). */
export function makeCreditCode(prefix2: string, division: string, orgCode8: string): string {
  const org = orgCode8 + organisationCodeCheckChar(orgCode8)!;
  const first17 = prefix2 + division + org;
  return first17 + creditCodeCheckChar(first17)!;
}
