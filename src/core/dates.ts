/** Calendar dates as ISO `YYYY-MM-DD` strings, without the clock: "today" is always passed in. */
import { toHalfWidth } from "./text";

const MONTH_DAYS: readonly number[] = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = month === 2 && isLeap(year) ? 29 : MONTH_DAYS[month - 1]!;
  return day <= days;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const YEAR_MARK = 0x5e74; // 年
const MONTH_MARK = 0x6708; // 月
const DAY_MARK = 0x65e5; // 日

/** The ASCII digit at `at`, or -1. */
function digitAt(s: string, at: number): number {
  const d = s.charCodeAt(at) - 48;
  return d >= 0 && d <= 9 ? d : -1;
}

/**
 * Parses the date forms people write (2025-3-5, 2025/3/5, 2025.3.5, 2025年3月5日) to ISO, or null. Read by char
 * codes rather than by regexes, as `^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})$` and `^(\d{4})年(\d{1,2})月(\d{1,2})日?$`.
 */
export function parseDate(value: string): string | null {
  const v = toHalfWidth(value).trim();
  const n = v.length;
  if (n < 8) return null;
  let y = 0;
  for (let i = 0; i < 4; i++) {
    const d = digitAt(v, i);
    if (d < 0) return null;
    y = y * 10 + d;
  }
  const sep = v.charCodeAt(4);
  const cjk = sep === YEAR_MARK;
  if (!cjk && sep !== 0x2d && sep !== 0x2f && sep !== 0x2e) return null;
  let at = 5;
  // One or two digits, as \d{1,2}: the month, then (after its mark) the day.
  let mo = digitAt(v, at);
  if (mo < 0) return null;
  const mo2 = digitAt(v, ++at);
  if (mo2 >= 0) {
    mo = mo * 10 + mo2;
    at++;
  }
  if (v.charCodeAt(at) !== (cjk ? MONTH_MARK : sep)) return null;
  let d = digitAt(v, ++at);
  if (d < 0) return null;
  const d2 = digitAt(v, ++at);
  if (d2 >= 0) {
    d = d * 10 + d2;
    at++;
  }
  if (cjk && at === n - 1 && v.charCodeAt(at) === DAY_MARK) at++;
  if (at !== n || !isValidYmd(y, mo, d)) return null;
  // Already ISO (what a JSON file holds): the very string, not a copy.
  if (n === 10 && sep === 0x2d) return v;
  return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
}

/** ISO date plus whole years (29 February falls back to 28 February). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  const year = y + years;
  const day = m === 2 && d === 29 && !isValidYmd(year, 2, 29) ? 28 : d;
  return `${String(year).padStart(4, "0")}-${String(m).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

export function yearOf(iso: string): number {
  return Number(iso.slice(0, 4));
}

function twoDigits(s: string, at: number): number {
  const a = s.charCodeAt(at) - 48;
  const b = s.charCodeAt(at + 1) - 48;
  return a >= 0 && a <= 9 && b >= 0 && b <= 9 ? a * 10 + b : -1;
}

/**
 * `parseDate(value) === value`, without parseDate's normalising and allocating: parseDate always gives YYYY-MM-DD,
 * so only that shape with a valid day can equal it. Checked by char codes: ledgers hold a million dates.
 */
export function isIsoDate(value: string | undefined): value is string {
  if (value === undefined || value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45)
    return false;
  const century = twoDigits(value, 0);
  const yy = twoDigits(value, 2);
  const month = twoDigits(value, 5);
  const day = twoDigits(value, 8);
  if (century < 0 || yy < 0 || month < 0 || day < 0) return false;
  return isValidYmd(century * 100 + yy, month, day);
}
