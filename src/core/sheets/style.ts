/**
 * The look shared by every adapter (exceljs files, Office.js in Excel), so a review sheet looks the
 * same wherever it is written. Colours are RGB hex without alpha; each adapter adds its own prefix.
 */
import { hasInvalidXmlChar } from "../text";
import type { Severity } from "../findings";
import { columnLetter, MARKER_SHEET, type WorkbookModel } from "./model";

export const PALETTE = {
  header: "D6DCE4",
  heading: "EDF0F5",
  border: "9BA7B8",
  link: "0563C1",
  /** Fills of cells with findings: error light red, warning light yellow, info light blue. */
  severity: { error: "FFC7CE", warning: "FFEB9C", info: "DDEBF7" } satisfies Record<Severity, string>,
} as const;

/** Which fill wins when several findings share a cell. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 3, warning: 2, info: 1 };

/** Excel caps an inline list source ("a,b,c") at 255 characters; longer lists go on LISTS_SHEET. */
export const INLINE_LIST_LIMIT = 255;

/** Very hidden sheet holding drop-down lists too long to inline (one list per column). */
export const LISTS_SHEET = "_lists";

/** Sheet names Excel accepts (1–31 characters, none of : \\ / ? * [ ], no quote at either end), unique, not ours to
 * reserve: checked by both adapters before they write anything. */
export function checkSheetNames(model: WorkbookModel): void {
  const seen = new Set<string>();
  for (const { name } of model.sheets) {
    if (name.length === 0 || name.length > 31) throw new Error(`工作表名称须为 1 至 31 个字符：“${name}”`);
    if (/[:\\/?*[\]]/u.test(name) || name.startsWith("'") || name.endsWith("'") || hasInvalidXmlChar(name)) {
      throw new Error(`工作表名称不能含有 : \\ / ? * [ ] 或以单引号开头、结尾：“${name}”`);
    }
    const key = name.toLowerCase();
    if (key === LISTS_SHEET || key === MARKER_SHEET || key === "history")
      throw new Error(`工作表名称“${name}”为保留名称`);
    if (seen.has(key)) throw new Error(`工作表名称重复：“${name}”`);
    seen.add(key);
  }
}

/**
 * Drop-down lists too long to inline, one column each on LISTS_SHEET, stored by content so that a list shared by
 * many columns is stored once. Both adapters place their long lists here and write the sheet from `columns`.
 */
export class ListColumns {
  private readonly byContent = new Map<string, { index: number; values: readonly string[] }>();

  get size(): number {
    return this.byContent.size;
  }

  /** The stored lists, in column order (A, B, …). */
  columns(): (readonly string[])[] {
    return [...this.byContent.values()].map((entry) => entry.values);
  }

  /** Where `values` lie on the lists sheet (`'_lists'!$B$1:$B$12`), storing them on first use. */
  range(values: readonly string[]): string {
    const key = values.join("\u0000");
    let entry = this.byContent.get(key);
    if (!entry) {
      entry = { index: this.byContent.size, values };
      this.byContent.set(key, entry);
    }
    const col = columnLetter(entry.index);
    return `'${LISTS_SHEET}'!$${col}$1:$${col}$${Math.max(1, values.length)}`;
  }
}
