/**
 * Reading a form-like sheet (申报书, 工作总结表, a ledger's 网点信息) back into a raw document. Fields are found by
 * their label, wherever they sit: the value is the cell to the right of the label (cells repeating the label, as
 * a merged label reads, are skipped). The small tables (团队, 典型案例) start at their title and are read by their
 * header, like any table. Pure.
 */
import { resolveItem } from "../catalog";
import {
  CellProblem,
  CODECS,
  cellRef,
  headerKey,
  isBlankCell,
  itemFromText,
  matchHeader,
  setPath,
  yesNo,
  type Codec,
  type CodecContext,
  type Column,
  type FormFieldLayout,
  type FormLayout,
  type FormTableLayout,
  unreadableMessage,
} from "./layouts";
import { isUnreadable, type CellValue, type RawSheet } from "./model";

/** Where a document path came from: for findings that name the cell. */
export interface CellInfo {
  ref: string;
  label: string;
}

export interface CellIssue extends CellInfo {
  message: string;
}

export interface FormRead {
  raw: Record<string, unknown>;
  /** Document path (as zod reports it: `org.staff.fullTime`, `team[2].role`) → cell. */
  cells: Map<string, CellInfo>;
  problems: CellIssue[];
  /** Unreadable cells of optional fields (an error value, a formula without its result): left out, to be warned of. */
  unread: CellIssue[];
  /** Fields found by their label. */
  found: number;
}

/** Finds the cell of a document path, or of the nearest enclosing path that has one. */
export function lookupCell(cells: ReadonlyMap<string, CellInfo>, path: string | null): CellInfo | undefined {
  let p = path ?? "";
  while (p) {
    const hit = cells.get(p);
    if (hit) return hit;
    const cut = p.search(/(\.[^.[\]]+|\[\d+\])$/u);
    if (cut <= 0) break;
    p = p.slice(0, cut);
  }
  return undefined;
}

function textKey(cell: CellValue | undefined): string {
  return typeof cell === "string" ? headerKey(cell) : "";
}

/** A checkbox label "B01 知识产权培训" of any list, when the layout has no field of its own for it. */
function itemCheckbox(key: string): FormFieldLayout | undefined {
  const m = /^((?:[a-z]+\.)?[blv]\d{2})(.*)$/u.exec(key);
  if (!m) return undefined;
  const item = resolveItem(m[1]!);
  if (!item || (m[2] !== "" && headerKey(item.name) !== m[2])) return undefined;
  return {
    kind: "field",
    key: `services.${item.tier}[${item.code}]`,
    label: `${item.code} ${item.name}`,
    type: "boolean",
    codec: CODECS.boolean,
    bind: { kind: "member", path: `services.${item.tier}`, code: item.code },
  };
}

interface Index {
  fields: Map<string, FormFieldLayout>;
  headings: Set<string>;
  tables: Map<string, FormTableLayout>;
}

function indexLayout(layout: FormLayout): Index {
  const index: Index = { fields: new Map(), headings: new Set(), tables: new Map() };
  for (const item of layout.items) {
    if (item.kind === "field") index.fields.set(headerKey(item.label), item);
    else if (item.kind === "heading") index.headings.add(headerKey(item.text));
    else if (item.kind === "table") index.tables.set(headerKey(item.title), item);
  }
  return index;
}

function fieldAt(index: Index, key: string): FormFieldLayout | undefined {
  return key ? (index.fields.get(key) ?? itemCheckbox(key)) : undefined;
}

/** How many of the layout's labels the sheet holds: recognises a form without a marker. */
export function countFormLabels(sheet: RawSheet, layout: FormLayout): number {
  const index = indexLayout(layout);
  const seen = new Set<string>();
  for (const row of sheet.rows) {
    for (const cell of row ?? []) {
      const k = textKey(cell);
      if (k && (index.fields.has(k) || index.tables.has(k))) seen.add(k);
    }
  }
  return seen.size;
}

interface TableState {
  layout: FormTableLayout;
  columns: (Column | undefined)[] | null;
  rows: { values: Record<string, unknown>; row: number; cols: Map<string, number> }[];
}

export function readForm(sheet: RawSheet, layout: FormLayout, ctx: CodecContext = {}): FormRead {
  const index = indexLayout(layout);
  const out: FormRead = { raw: {}, cells: new Map(), problems: [], unread: [], found: 0 };
  const placed = new Map<string, { field: FormFieldLayout; cell: CellValue; ref: string }>();
  const tables: TableState[] = [];
  let table: TableState | null = null;

  sheet.rows.forEach((row = [], r) => {
    const keys = row.map(textKey);
    const title = keys.find((k) => k && index.tables.has(k));
    if (title) {
      table = { layout: index.tables.get(title)!, columns: null, rows: [] };
      tables.push(table);
      return;
    }
    const heading = keys.some((k) => k && index.headings.has(k));
    // A table ends at the next heading or label in its first filled cell (a cell inside a row, such as a
    // team member's role 主要负责人, does not end it).
    const first = keys.find((k, i) => !isBlankCell(row[i] ?? null)) ?? "";
    if (table && (index.headings.has(first) || fieldAt(index, first) !== undefined)) table = null;
    if (table) {
      readTableRow(table, row, r + 1, sheet.name, ctx, out);
      return;
    }
    if (heading) return;
    // Fields: a label, then its value to the right; several pairs may share a row.
    for (let c = 0; c < row.length; c++) {
      const field = fieldAt(index, keys[c]!);
      if (!field) continue;
      let v = c + 1;
      while (v < row.length && keys[v] === keys[c]) v++;
      if (!placed.has(field.key)) {
        placed.set(field.key, { field, cell: row[v] ?? null, ref: cellRef(sheet.name, v, r + 1) });
      }
      c = v;
    }
  });
  out.found = placed.size;

  // Values and checkboxes first, then the items typed in the 上列以外 fields, so lists keep the form's order.
  const ordered = [...placed.values()].sort(
    (a, b) => Number(a.field.bind.kind === "extraItems") - Number(b.field.bind.kind === "extraItems"),
  );
  for (const { field, cell, ref } of ordered) {
    const info = { ref, label: field.label };
    if (isUnreadable(cell)) {
      (field.required ? out.problems : out.unread).push({ ...info, message: unreadableMessage(cell) });
      continue;
    }
    const bind = field.bind;
    if (bind.kind === "value") {
      const value = decode(field, cell, ctx, info, out);
      if (value !== undefined) setPath(out.raw, field.key, value);
      // Blank too: "缺少必填字段" then points at the empty cell to fill.
      out.cells.set(field.key, info);
    } else if (bind.kind === "member") {
      const yes = yesNo(cell);
      if (yes === null) out.problems.push({ ...info, message: `应填“是”或“否”，实为“${String(cell)}”` });
      else if (yes) addToList(out, bind.path, bind.code, info);
    } else {
      const values = CODECS.list.fromCell(cell) as string[] | undefined;
      for (const value of values ?? []) addToList(out, bind.path, itemFromText(value, ctx.category), info);
    }
  }

  for (const t of tables) {
    if (!t.rows.length) continue;
    setPath(
      out.raw,
      t.layout.key,
      t.rows.map((r) => r.values),
    );
    t.rows.forEach((r, i) => {
      const at = `${t.layout.key}[${i}]`;
      const first = Math.min(...r.cols.values());
      out.cells.set(at, { ref: cellRef(sheet.name, first, r.row), label: `${t.layout.title}第 ${i + 1} 行` });
      for (const column of t.layout.columns) {
        const c = r.cols.get(column.key);
        if (c !== undefined)
          out.cells.set(`${at}.${column.key}`, { ref: cellRef(sheet.name, c, r.row), label: column.header });
      }
    });
  }
  return out;
}

function decode(
  column: { codec: Codec; required?: boolean },
  cell: CellValue,
  ctx: CodecContext,
  info: CellInfo,
  out: FormRead,
): unknown {
  if (isBlankCell(cell)) return undefined;
  if (isUnreadable(cell)) {
    (column.required ? out.problems : out.unread).push({ ...info, message: unreadableMessage(cell) });
    return undefined;
  }
  const value = column.codec.fromCell(cell, ctx);
  if (value instanceof CellProblem) {
    out.problems.push({ ...info, message: value.message });
    return undefined;
  }
  return value;
}

function addToList(out: FormRead, path: string, code: string, info: CellInfo): void {
  const list = getList(out.raw, path) ?? [];
  if (list.includes(code)) return;
  list.push(code);
  setPath(out.raw, path, list);
  out.cells.set(`${path}[${list.length - 1}]`, info);
}

function getList(raw: Record<string, unknown>, path: string): string[] | undefined {
  let cur: unknown = raw;
  for (const part of path.split(".")) cur = (cur as Record<string, unknown> | undefined)?.[part];
  return Array.isArray(cur) ? (cur as string[]) : undefined;
}

function readTableRow(
  table: TableState,
  row: readonly CellValue[],
  rowNumber: number,
  sheet: string,
  ctx: CodecContext,
  out: FormRead,
): void {
  if (row.every((c) => isBlankCell(c))) return;
  if (!table.columns) {
    const columns: (Column | undefined)[] = [];
    const seen = new Set<string>();
    row.forEach((cell, i) => {
      const column = typeof cell === "string" ? matchHeader(cell, table.layout.columns) : undefined;
      if (column && !seen.has(column.key)) {
        seen.add(column.key);
        columns[i] = column;
      }
    });
    // The header row of the table; without one its columns cannot be told apart, so nothing is guessed.
    table.columns = seen.size ? columns : [];
    if (!seen.size) {
      out.problems.push({
        ref: cellRef(sheet, null, rowNumber),
        label: table.layout.title,
        message: `“${table.layout.title}”下面应为表头（${table.layout.columns.map((c) => c.header).join("、")}），未找到`,
      });
    }
    return;
  }
  const values: Record<string, unknown> = {};
  const cols = new Map<string, number>();
  table.columns.forEach((column, i) => {
    if (!column) return;
    const info = { ref: cellRef(sheet, i, rowNumber), label: column.header };
    const value = decode(column, row[i] ?? null, ctx, info, out);
    cols.set(column.key, i);
    if (value !== undefined) setPath(values, column.key, value);
  });
  if (Object.keys(values).length) table.rows.push({ values, row: rowNumber, cols });
}
