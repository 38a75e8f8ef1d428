/**
 * 问题清单: one row per finding (rule, 级别, 条款, 网点, 文档, 文件, 位置, 说明), the 位置 cell linking to the cell the
 * finding is about; and the marks those findings leave on the document sheets. Pure.
 */
import { DOCUMENT_LABELS, SEVERITY_LABELS, type Finding } from "../../findings";
import type { CellLink, CellMark, CellValue, ColumnSpec, TableSheet } from "../model";
import { column, columnIndex, dataCellRef, mergeMarks, tableSheet, text } from "./common";
import type { Location } from "./documents";

export const FINDINGS_SHEET = "问题清单";

const FINDING_COLUMNS: readonly ColumnSpec[] = [
  column("number", "序号", "integer", 7, { numFmt: "0" }),
  column("severity", "级别", "text", 7),
  column("rule", "规则", "text", 28),
  column("article", "条款", "text", 16),
  column("outletName", "网点", "text", 28),
  column("outlet", "统一社会信用代码", "text", 22),
  column("document", "文档", "text", 10),
  column("file", "文件", "text", 30),
  column("path", "字段", "text", 26),
  column("entry", "台账条目", "integer", 9, { numFmt: "0" }),
  column("location", "位置", "text", 16),
  column("message", "说明", "text", 80),
];
export const LOCATION_COL = columnIndex(FINDING_COLUMNS, "location");

export interface FindingsSheet {
  sheet: TableSheet;
  /** Marks per document sheet name, one per cell (findings on one cell merged). */
  marks: Map<string, CellMark[]>;
}

/** 问题清单 of `findings`, in their order; `locate` (when the workbook has the document sheets) gives links and marks. */
export function findingsSheet(
  findings: readonly Finding[],
  locate: (f: Finding) => Location | null = () => null,
): FindingsSheet {
  const rows: CellValue[][] = [];
  const links: CellLink[] = [];
  const placed = new Map<string, { row: number; col: number; finding: Finding }[]>();
  findings.forEach((f, i) => {
    const at = locate(f);
    const ref = at ? dataCellRef(at.row, at.col) : null;
    rows.push([
      i + 1,
      SEVERITY_LABELS[f.severity],
      f.rule,
      text(f.article),
      text(f.outletName),
      text(f.outlet),
      f.document ? DOCUMENT_LABELS[f.document] : null,
      text(f.file),
      text(f.path),
      f.entry,
      at ? `${at.sheet} ${ref}` : null,
      f.message,
    ]);
    if (!at) return;
    links.push({ row: i, col: LOCATION_COL, sheet: at.sheet, cell: ref! });
    const list = placed.get(at.sheet);
    const mark = { row: at.row, col: at.col, finding: f };
    if (list) list.push(mark);
    else placed.set(at.sheet, [mark]);
  });
  const sheet: TableSheet = { ...tableSheet(FINDINGS_SHEET, "Findings", FINDING_COLUMNS, rows, 2), links };
  const marks = new Map<string, CellMark[]>();
  for (const [name, list] of placed) marks.set(name, mergeMarks(list));
  return { sheet, marks };
}
