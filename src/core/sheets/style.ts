/**
 * The look shared by every adapter (exceljs files, Office.js in Excel), so a review sheet looks the
 * same wherever it is written. Colours are RGB hex without alpha; each adapter adds its own prefix.
 */
import type { Severity } from "../findings";

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
