/** Plain-text layout shared by the readable reports: terminal widths (CJK takes two columns) and tables. */

/** Columns a string takes in a terminal: CJK characters and full-width forms take two. */
export function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\uffef]/u.test(ch) ? 2 : 1;
  return w;
}

/** Pads on the right to `width` terminal columns. */
export function padDisplay(text: string, width: number): string {
  return text + " ".repeat(Math.max(0, width - displayWidth(text)));
}

/** Pads on the left to `width` terminal columns (numbers). */
export function padDisplayStart(text: string, width: number): string {
  return " ".repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** A number with thousands separators (1,234; 12,345.5). */
export function formatNumber(value: number): string {
  return value.toLocaleString("zh-CN", { maximumFractionDigits: 2 });
}

export type Align = "left" | "right";

/**
 * A table as lines: a header, a rule, the rows and, when given, a rule and a footer row (合计). Columns are as wide
 * as their widest cell; `align` per column (default: the first left, the others right, as numbers).
 */
export function formatTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  options: { align?: readonly Align[]; footer?: readonly string[]; indent?: string } = {},
): string[] {
  const indent = options.indent ?? "  ";
  const all = [headers, ...rows, ...(options.footer ? [options.footer] : [])];
  const widths = headers.map((_, c) => Math.max(...all.map((r) => displayWidth(r[c] ?? ""))));
  const alignOf = (c: number): Align => options.align?.[c] ?? (c === 0 ? "left" : "right");
  const line = (cells: readonly string[]) =>
    indent +
    widths
      .map((w, c) => (alignOf(c) === "left" ? padDisplay(cells[c] ?? "", w) : padDisplayStart(cells[c] ?? "", w)))
      .join("  ")
      .trimEnd();
  const rule = indent + widths.map((w) => "-".repeat(w)).join("  ");
  const out = [line(headers), rule, ...rows.map(line)];
  if (options.footer) out.push(rule, line(options.footer));
  return out;
}
