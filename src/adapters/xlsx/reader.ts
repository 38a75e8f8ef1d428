/**
 * A lean streaming .xlsx reader of cell values (Node only): the values readWorkbookStream (exceljs's WorkbookReader)
 * gives, several times faster and in bounded memory. Styles are not read, so date cells are Excel serial numbers.
 * The zip's central directory (yauzl) and the package relationships (`_rels/.rels`, workbook.xml.rels) locate the
 * parts, whatever their order in the zip (workbook.xml after the worksheets included) and their names; each part
 * is inflated and scanned chunk by chunk (./zip, ./strings, ./sheet). Sheets come in tab order; the marker sheet
 * gives the marker and is not listed.
 *
 * Where exceljs's readers are wrong (each case is a test in test/adapters/xlsx), this reader gives what the file
 * holds: phonetic readings (rPh) are left out and `_xHHHH_` escapes decoded in every string item, entities are
 * decoded once, CDATA text is kept, inline rich text keeps every run, a formula's cached false or 0 is kept and a
 * boolean result is a boolean, a `t="s"` formula result is looked up, `t="d"` (ISO) cells become serials, and
 * namespace prefixes (`<x:c>`), cells and rows without `r`, and stored entries are read.
 */
import { MARKER_SHEET, type CellValue, type RawSheet, type RawWorkbook } from "../../core/sheets/model";
import { notXlsx, parseMarker } from "../exceljs/read";
import { SheetScanner } from "./sheet";
import { SharedStringsScanner } from "./strings";
import { prefixedAttribute, startTags } from "./xml";
import { XlsxPackage } from "./zip";

const DEFAULT_WORKBOOK = "xl/workbook.xml";
const DEFAULT_SHARED_STRINGS = "xl/sharedStrings.xml";

export interface XlsxReadOptions {
  /** Hand the scanners chunks of at most this many bytes (tests: tags and characters split anywhere). */
  chunkBytes?: number;
}

interface Relationship {
  type: string;
  /** Part name in the package, resolved against the source part. */
  target: string;
}

/** Reads every sheet's values and the marker of the .xlsx at `path`. */
export async function readXlsxFile(path: string, options: XlsxReadOptions = {}): Promise<RawWorkbook> {
  const { chunkBytes } = options;
  if (chunkBytes !== undefined && !(Number.isInteger(chunkBytes) && chunkBytes > 0)) {
    throw new RangeError(`chunkBytes must be a positive integer, not ${chunkBytes}`);
  }
  let pkg: XlsxPackage | undefined;
  try {
    pkg = await XlsxPackage.open(path);
    const workbookPart = officeDocument(await relationships(pkg, ""), pkg);
    const workbookRels = await relationships(pkg, workbookPart);
    const sheets = await sheetList(pkg, workbookPart, workbookRels);

    const stringsPart =
      [...workbookRels.values()].find((rel) => hasType(rel, "sharedStrings"))?.target ??
      (pkg.has(DEFAULT_SHARED_STRINGS) ? DEFAULT_SHARED_STRINGS : undefined);
    let strings: readonly CellValue[] = [];
    if (stringsPart !== undefined && pkg.has(stringsPart)) {
      const scanner = new SharedStringsScanner();
      await pkg.scan(stringsPart, scanner, chunkBytes);
      strings = scanner.strings;
    }

    const out: RawSheet[] = [];
    let marker: RawWorkbook["marker"] = null;
    for (const { name, hidden, part } of sheets) {
      const scanner = new SheetScanner(strings);
      await pkg.scan(part, scanner, chunkBytes);
      const rows = scanner.values.result();
      if (name === MARKER_SHEET) marker = parseMarker(rows[0]?.[0]);
      else out.push({ name, hidden, rows });
    }
    return { sheets: out, marker };
  } catch (error) {
    throw notXlsx(error);
  } finally {
    pkg?.close();
  }
}

interface SheetEntry {
  name: string;
  hidden: boolean;
  part: string;
}

/** Worksheets in tab order (workbook.xml); chart and macro sheets have no cells and are left out. */
async function sheetList(
  pkg: XlsxPackage,
  workbookPart: string,
  rels: ReadonlyMap<string, Relationship>,
): Promise<SheetEntry[]> {
  const sheets: SheetEntry[] = [];
  for (const tag of startTags(await pkg.text(workbookPart))) {
    if (tag.name !== "sheet") continue;
    const name = tag.attributes.get("name");
    const id = prefixedAttribute(tag, "id");
    if (name === undefined || id === undefined) continue;
    const rel = rels.get(id);
    if (!rel) throw new Error(`工作表“${name}”在 workbook.xml.rels 中没有对应的关系 ${id}`);
    if (!hasType(rel, "worksheet")) continue;
    if (!pkg.has(rel.target)) throw new Error(`缺少工作表“${name}”的内容 ${rel.target}`);
    const state = tag.attributes.get("state");
    sheets.push({ name, hidden: state === "hidden" || state === "veryHidden", part: rel.target });
  }
  return sheets;
}

/** The workbook part named by the package relationships, else where every writer puts it. */
function officeDocument(rels: ReadonlyMap<string, Relationship>, pkg: XlsxPackage): string {
  for (const rel of rels.values()) if (hasType(rel, "officeDocument") && pkg.has(rel.target)) return rel.target;
  if (pkg.has(DEFAULT_WORKBOOK)) return DEFAULT_WORKBOOK;
  throw new Error("缺少 xl/workbook.xml");
}

/**
 * Whether a relationship is of `kind`: the type's last path segment, so transitional and strict OOXML both match
 * (`…/2006/relationships/worksheet`, `http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet`).
 */
function hasType(rel: Relationship, kind: string): boolean {
  return rel.type.slice(rel.type.lastIndexOf("/") + 1) === kind;
}

/** The relationships of `source` ("" for the package), by id; internal targets only, resolved to part names. */
async function relationships(pkg: XlsxPackage, source: string): Promise<Map<string, Relationship>> {
  const slash = source.lastIndexOf("/");
  const dir = source.slice(0, slash + 1);
  const relsPart = `${dir}_rels/${source.slice(slash + 1)}.rels`;
  const rels = new Map<string, Relationship>();
  if (!pkg.has(relsPart)) return rels;
  for (const tag of startTags(await pkg.text(relsPart))) {
    if (tag.name !== "Relationship") continue;
    const id = tag.attributes.get("Id");
    const type = tag.attributes.get("Type");
    const target = tag.attributes.get("Target");
    if (id === undefined || type === undefined || target === undefined) continue;
    if (tag.attributes.get("TargetMode") === "External") continue;
    rels.set(id, { type, target: resolvePart(dir, target) });
  }
  return rels;
}

/** A relationship target as a part name: absolute (`/xl/…`) or relative to the source's folder, dot segments gone. */
export function resolvePart(dir: string, target: string): string {
  const path = target.startsWith("/") ? target : dir + target;
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") out.pop();
    else out.push(segment);
  }
  return out.join("/");
}
