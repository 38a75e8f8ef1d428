/**
 * Which cell styles show a date: the styles part's cell formats (`cellXfs`, indexed by a cell's `s`) and their
 * number formats, built-in or custom. A number in such a cell is a date the user typed or picked, and reads as
 * `{ date }`, as exceljs's full reader gives it, whatever the size of the file.
 */
import { DoctypeError, startTags } from "./xml";

/**
 * Built-in number formats that show a date or a time: 14–22 and 45–47 everywhere, 27–36 and 50–58 in the Chinese,
 * Japanese and Korean locales (yyyy"年"m"月" and the like).
 */
function builtInDate(id: number): boolean {
  return (id >= 14 && id <= 22) || (id >= 27 && id <= 36) || (id >= 45 && id <= 47) || (id >= 50 && id <= 58);
}

/** Whether a custom format code shows a date or time: a d, m, y, h or s outside quotes, escapes and brackets. */
export function isDateFormat(code: string): boolean {
  const section = code.split(";")[0] ?? "";
  const bare = section
    .replace(/"[^"]*"/gu, "")
    .replace(/\\./gu, "")
    .replace(/[_*]./gu, "")
    // Colours, conditions and locales go; elapsed time ([h], [mm], [ss]) is time.
    .replace(/\[(?![hms]+\])[^\]]*\]/giu, "");
  if (/^general$/iu.test(bare.trim())) return false;
  return /[dmyhs]/iu.test(bare);
}

/** The part between `<…cellXfs>` and `</…cellXfs>` (any prefix), or "" when there is none. */
function section(xml: string, name: string): string {
  const open = new RegExp(`<(?:[\\w.-]+:)?${name}[\\s>/]`, "u").exec(xml);
  if (!open) return "";
  const close = new RegExp(`</(?:[\\w.-]+:)?${name}\\s*>`, "u");
  const rest = xml.slice(open.index);
  const end = close.exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}

/** For each cell style index, whether it shows a date. A styles part that cannot be read shows none. */
export function dateStyles(xml: string): boolean[] {
  const custom = new Map<number, boolean>();
  try {
    for (const tag of startTags(section(xml, "numFmts"))) {
      if (tag.name !== "numFmt") continue;
      const id = Number(tag.attributes.get("numFmtId"));
      const code = tag.attributes.get("formatCode");
      if (Number.isInteger(id) && code !== undefined) custom.set(id, isDateFormat(code));
    }
    const styles: boolean[] = [];
    for (const tag of startTags(section(xml, "cellXfs"))) {
      if (tag.name !== "xf") continue;
      const id = Number(tag.attributes.get("numFmtId") ?? 0);
      styles.push(custom.get(id) ?? builtInDate(id));
    }
    return styles;
  } catch (error) {
    // Dates then read as numbers, which every date column's codec still reads; a DOCTYPE is refused all the same.
    if (error instanceof DoctypeError) throw error;
    return [];
  }
}
