/** Calendar dates as ISO `YYYY-MM-DD` strings, without the clock: "today" is always passed in. */
import { toHalfWidth } from "./text";

const PATTERNS: RegExp[] = [
  /^(\d{4})-(\d{1,2})-(\d{1,2})$/u,
  /^(\d{4})\/(\d{1,2})\/(\d{1,2})$/u,
  /^(\d{4})\.(\d{1,2})\.(\d{1,2})$/u,
  /^(\d{4})年(\d{1,2})月(\d{1,2})日?$/u,
];

export function isValidYmd(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const days = [31, isLeap(year) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
  return day <= days;
}

function isLeap(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Parses the date forms people write (2025-3-5, 2025/3/5, 2025.3.5, 2025年3月5日) to ISO, or null. */
export function parseDate(value: string): string | null {
  const v = toHalfWidth(value).trim();
  for (const re of PATTERNS) {
    const m = re.exec(v);
    if (!m) continue;
    const y = Number(m[1]);
    const mo = Number(m[2]);
    const d = Number(m[3]);
    if (!isValidYmd(y, mo, d)) return null;
    return `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  }
  return null;
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
