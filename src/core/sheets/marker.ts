/** The marker that recognises a workbook as one of ours (JSON in A1 of the marker sheet). Pure. */
import type { CellValue, WorkbookMarker } from "./model";

/** A marker read from the marker sheet's A1: JSON of { kind, version, options? }, else null. */
export function parseMarker(value: CellValue | unknown): WorkbookMarker | null {
  if (typeof value !== "string") return null;
  let data: unknown;
  try {
    data = JSON.parse(value);
  } catch {
    return null;
  }
  if (!data || typeof data !== "object" || Array.isArray(data)) return null;
  const { kind, version, options } = data as Record<string, unknown>;
  if (typeof kind !== "string" || kind === "" || typeof version !== "number" || !Number.isFinite(version)) return null;
  if (options === undefined) return { kind, version };
  if (!options || typeof options !== "object" || Array.isArray(options)) return null;
  const entries = Object.entries(options);
  if (entries.some(([, v]) => typeof v !== "string")) return null;
  return { kind, version, options: Object.fromEntries(entries) as Record<string, string> };
}
