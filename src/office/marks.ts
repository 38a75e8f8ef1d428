/**
 * Marks findings on the reviewer's sheets (fill by severity, and a note where Excel has notes or comments), and on a
 * re-run first clears the marks this add-in made. Every mark is recorded in the registry on the marker sheet with
 * the fill the cell had before; a cell is restored only if it still has our fill (if the reviewer recoloured it,
 * it is theirs now). Values are never changed, and cells we did not mark are never touched.
 */
import type { Severity } from "../core/findings";
import { COLORS } from "./layout";
import { addMarkerSheet, readRegistry, writeMarkRows, writeRegistryHead, type MarkRecord } from "./registry";
import type { ExcelRunner } from "./runner";

export interface MarkRequest {
  sheet: string;
  /** One cell, A1 style ("D12"). */
  address: string;
  severity: Severity;
  note: string;
}

export interface MarkResult {
  marked: number;
  cleared: number;
  /** Sheets named in requests that the workbook does not have. */
  missingSheets: string[];
}

const WHITE = "#FFFFFF";
const key = (sheet: string, address: string): string => `${sheet}!${address.toUpperCase()}`;
const same = (a: string | null | undefined, b: string): boolean => (a ?? "").toUpperCase() === b.toUpperCase();

/** Clears our previous marks, then marks `requests` (one cell each; the worst severity wins on a cell). */
export async function markCells(runner: ExcelRunner, requests: readonly MarkRequest[]): Promise<MarkResult> {
  return runner.run(async (context) => {
    const { ws: markerWs, registry } = await readRegistry(context);
    const previousCount = registry.marks.length;

    const names = [...new Set([...registry.marks.map((m) => m.sheet), ...requests.map((r) => r.sheet)])];
    const sheets = new Map(names.map((n) => [n, context.workbook.worksheets.getItemOrNullObject(n)]));
    for (const ws of sheets.values()) ws.load("isNullObject");
    await context.sync("marks:sheets");

    const notes = context.supports("1.18") ? "note" : context.supports("1.10") ? "comment" : "";
    const live = (name: string): Excel.Worksheet | null => {
      const ws = sheets.get(name);
      return ws && !ws.isNullObject ? ws : null;
    };
    // Current fill of every cell involved (old marks and new ones), and our old notes/comments.
    const old = registry.marks
      .map((m) => ({ m, ws: live(m.sheet) }))
      .filter((o): o is { m: MarkRecord; ws: Excel.Worksheet } => o.ws !== null)
      .map(({ m, ws }) => {
        const cell = ws.getRange(m.address);
        cell.load("format/fill/color");
        const comment =
          m.noteKind === "comment" && m.noteId ? context.workbook.comments.getItemOrNullObject(m.noteId) : null;
        comment?.load("isNullObject");
        const note = m.noteKind === "note" ? ws.notes.getItemOrNullObject(m.address) : null;
        note?.load("isNullObject");
        return { m, cell, comment, note };
      });
    const worst = new Map<string, MarkRequest & { notes: string[] }>();
    const rank: Record<Severity, number> = { error: 3, warning: 2, info: 1 };
    for (const r of requests) {
      const k = key(r.sheet, r.address);
      const prev = worst.get(k);
      if (!prev) worst.set(k, { ...r, notes: [r.note] });
      else {
        prev.notes.push(r.note);
        if (rank[r.severity] > rank[prev.severity]) prev.severity = r.severity;
      }
    }
    const missing = new Set<string>();
    const fresh = [...worst.values()].flatMap((r) => {
      const ws = live(r.sheet);
      if (!ws) {
        missing.add(r.sheet);
        return [];
      }
      const cell = ws.getRange(r.address);
      cell.load("format/fill/color");
      return [{ r, ws, cell }];
    });
    await context.sync("marks:cells");

    // Clear: only cells that still carry our fill; restore the fill they had before.
    let cleared = 0;
    const originals = new Map<string, string>();
    for (const { m, cell, comment, note } of old) {
      if (same(cell.format.fill.color, m.color)) {
        if (m.original === "" || same(m.original, WHITE)) cell.format.fill.clear();
        else cell.format.fill.color = m.original;
        originals.set(key(m.sheet, m.address), m.original);
        cleared++;
      }
      if (comment && !comment.isNullObject) comment.delete();
      if (note && !note.isNullObject) note.delete();
    }

    // Mark.
    const records: MarkRecord[] = [];
    const commentIds: { record: MarkRecord; comment: Excel.Comment }[] = [];
    for (const { r, ws, cell } of fresh) {
      const k = key(r.sheet, r.address);
      const current = cell.format.fill.color ?? "";
      const original = originals.get(k) ?? (same(current, WHITE) ? "" : current);
      const color = COLORS.severity[r.severity];
      cell.format.fill.color = color;
      const noteId = "";
      if (notes === "note") ws.notes.add(cell, r.notes.join("\n"));
      else if (notes === "comment") {
        const comment = context.workbook.comments.add(cell, r.notes.join("\n"));
        comment.load("id");
        records.push({ sheet: r.sheet, address: r.address.toUpperCase(), color, original, noteKind: notes, noteId });
        // The id is known after the sync below; patch the record then.
        const record = records[records.length - 1]!;
        commentIds.push({ record, comment });
        continue;
      }
      records.push({ sheet: r.sheet, address: r.address.toUpperCase(), color, original, noteKind: notes, noteId });
    }
    if (commentIds.length > 0) {
      await context.sync("marks:apply");
      for (const { record, comment } of commentIds) record.noteId = comment.id;
    }

    const marker = markerWs ?? addMarkerSheet(context);
    registry.marks = records;
    if (!markerWs) writeRegistryHead(marker, registry);
    writeMarkRows(marker, records, previousCount);
    await context.sync("marks:registry");
    return { marked: records.length, cleared, missingSheets: [...missing] };
  });
}

/** Removes every mark this add-in made (the fills it set, its notes), leaving all other cells as they are. */
export function clearMarks(runner: ExcelRunner): Promise<MarkResult> {
  return markCells(runner, []);
}
