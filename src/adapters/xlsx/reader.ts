/**
 * The one .xlsx reader, for every size, in Node and in browsers: cell values, numbers in a date format as `{ date }`,
 * unusable cells as UnreadableCell. The zip layer (../zip) reads each part from its source (memory, or a file piece
 * by piece) and inflates it through the platform's inflater as a stream; the package relationships (`_rels/.rels`, workbook.xml.rels) locate the
 * parts, whatever their order in the zip and their names; sheets and shared strings are scanned chunk by chunk
 * (./strings, ./sheet) in bounded memory. Sheets come in tab order; the marker sheet gives the marker and is not
 * listed. Every part read is read to its end, so that its CRC-32 is checked.
 *
 * Where exceljs's readers are wrong (each case is a test in test/adapters/xlsx), this reader gives what the file
 * holds: phonetic readings (rPh) are left out and `_xHHHH_` escapes decoded in every string item, entities are
 * decoded once, CDATA text is kept, inline rich text keeps every run, a formula's cached false or 0 is kept and a
 * boolean result is a boolean, a `t="s"` formula result is looked up, `t="d"` (ISO) cells are dates, and namespace
 * prefixes (`<x:c>`), cells and rows without `r`, and stored entries are read.
 *
 * Whatever makes the file unreadable is a ReadError (../zip/limits): a damaged zip, a part that does not match its
 * checksum, a DOCTYPE, XML that is not well-formed where it matters, a missing or misdirected part, a limit.
 */
import { parseMarker } from "../../core/sheets/marker";
import {
  MARKER_SHEET,
  type CellValue,
  type RawSheet,
  type RawWorkbook,
  type SheetPlanner,
  type WorkbookMarker,
} from "../../core/sheets/model";
import { utf8 } from "../zip/bytes";
import { ZipArchive } from "../zip/archive";
import type { Inflater } from "../zip/inflate";
import { memorySource, type ByteSource } from "../zip/source";
import { DEFAULT_READ_LIMITS, limitError, ReadError, type ReadLimits } from "../zip/errors";
import { CellLimitError, RowOrderError, SheetScanner, type ScanLimits, type SheetPlanning } from "./sheet";
import { SharedStringsScanner } from "./strings";
import { dateStyles } from "./styles";
import {
  ChunkScanner,
  DoctypeError,
  prefixedAttribute,
  startTags,
  StringLimitError,
  XmlError,
  type StartTag,
} from "./xml";

const DEFAULT_WORKBOOK = "xl/workbook.xml";
const DEFAULT_SHARED_STRINGS = "xl/sharedStrings.xml";
const DEFAULT_STYLES = "xl/styles.xml";
/** Small parts (rels, workbook.xml, styles) are read whole; none is anywhere near this. */
const MAX_SMALL_PART_BYTES = 64 * 1024 * 1024;

export interface XlsxReadOptions {
  inflate: Inflater;
  limits?: ReadLimits;
  /** Hand the scanners chunks of at most this many bytes (tests: tags and characters split anywhere). */
  chunkBytes?: number;
  /**
   * Given the marker (read first), the planner that takes the rows of some sheets one by one as they are read:
   * those sheets come with their head rows only.
   */
  stream?: (marker: WorkbookMarker | null) => SheetPlanner;
}

interface Relationship {
  type: string;
  /** Part name in the package, resolved against the source part; null when it points outside the package. */
  target: string | null;
  /** The target as written. */
  written: string;
  external: boolean;
}

/** Reads every sheet's values and the marker of the .xlsx in `bytes` (or read from `source`). */
export async function readXlsx(bytes: Uint8Array | ByteSource, options: XlsxReadOptions): Promise<RawWorkbook> {
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const source = ArrayBuffer.isView(bytes) ? memorySource(bytes) : bytes;
  return readXlsxArchive(await ZipArchive.open(source, { inflate: options.inflate, limits }), options);
}

/** Reads a workbook from a zip already opened (the caller looked at its parts to recognise it). */
export async function readXlsxArchive(archive: ZipArchive, options: XlsxReadOptions): Promise<RawWorkbook> {
  const { chunkBytes } = options;
  if (chunkBytes !== undefined && !(Number.isInteger(chunkBytes) && chunkBytes > 0)) {
    throw new RangeError(`chunkBytes must be a positive integer, not ${chunkBytes}`);
  }
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const scanLimits: ScanLimits = { maxCells: limits.maxCellsPerSheet, maxStringChars: limits.maxStringChars };
  const reader = new PartReader(archive, chunkBytes);

  const workbookPart = officeDocument(await reader.relationships(""), archive);
  const workbookRels = await reader.relationships(workbookPart);
  const sheets = await sheetList(reader, workbookPart, workbookRels);

  const stylesPart = partOf(workbookRels, "styles") ?? (archive.has(DEFAULT_STYLES) ? DEFAULT_STYLES : undefined);
  const dates = stylesPart !== undefined && archive.has(stylesPart) ? dateStyles(await reader.text(stylesPart)) : [];

  const stringsPart =
    partOf(workbookRels, "sharedStrings") ?? (archive.has(DEFAULT_SHARED_STRINGS) ? DEFAULT_SHARED_STRINGS : undefined);
  let strings: readonly CellValue[] = [];
  if (stringsPart !== undefined && archive.has(stringsPart)) {
    const scanner = new SharedStringsScanner(true, scanLimits);
    await reader.scan(stringsPart, scanner);
    strings = scanner.strings;
  }

  const readSheet = async (part: string, planning: SheetPlanning | null = null): Promise<CellValue[][]> => {
    const scanner = new SheetScanner(strings, true, dates, scanLimits, planning);
    try {
      await reader.scan(part, scanner, () => limitError("maxCellsPerSheet", limits, archive.nameOf(part)));
    } catch (error) {
      if (!(error instanceof RowOrderError)) throw error;
      // Rows out of order (no writer we know does it): the planner's consumer gives up and the sheet is read whole.
      scanner.values.abandon();
      return readSheet(part);
    }
    return scanner.values.result();
  };

  // The marker first: it says what the workbook is, which the planner needs before the first sheet.
  let marker: RawWorkbook["marker"] = null;
  for (const { name, part } of sheets) {
    if (name === MARKER_SHEET) marker = parseMarker((await readSheet(part))[0]?.[0]);
  }
  const planner = options.stream?.(marker) ?? null;
  const out: RawSheet[] = [];
  for (const { name, hidden, part } of sheets) {
    if (name === MARKER_SHEET) continue;
    const rows = await readSheet(part, planner && { planner, sheet: { name, hidden } });
    out.push({ name, hidden, rows });
  }
  return { sheets: out, marker };
}

/** Reads parts of the package: small ones whole, big ones through a scanner; XML problems as ReadErrors. */
class PartReader {
  constructor(
    private readonly archive: ZipArchive,
    private readonly chunkBytes: number | undefined,
  ) {}

  /** A small part as text (UTF-8, byte order mark dropped). */
  async text(part: string): Promise<string> {
    const text = utf8(await this.archive.bytesOf(part, MAX_SMALL_PART_BYTES));
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /** The start tags of a small part. */
  async tags(part: string): Promise<StartTag[]> {
    const text = await this.text(part);
    try {
      return startTags(text);
    } catch (error) {
      throw this.xmlProblem(error, part);
    }
  }

  /**
   * Streams a part into `scanner` to the end of the part (so that its checksum is checked), feeding the scanner
   * until it is done. `tooManyCells` is the error for a scanner that holds more cells than allowed.
   */
  async scan(part: string, scanner: ChunkScanner, tooManyCells?: () => ReadError): Promise<void> {
    const { chunkBytes } = this;
    try {
      for await (const chunk of this.archive.chunks(part)) {
        if (scanner.done) continue;
        if (chunkBytes === undefined) scanner.write(chunk);
        else
          for (let i = 0; i < chunk.length && !scanner.done; i += chunkBytes)
            scanner.write(chunk.subarray(i, i + chunkBytes));
      }
      scanner.end();
    } catch (error) {
      if (error instanceof CellLimitError && tooManyCells) throw tooManyCells();
      throw this.xmlProblem(error, part);
    }
  }

  /** The relationships of `source` ("" for the package), by id, resolved to part names. */
  async relationships(source: string): Promise<Map<string, Relationship>> {
    const slash = source.lastIndexOf("/");
    const dir = source.slice(0, slash + 1);
    const relsPart = `${dir}_rels/${source.slice(slash + 1)}.rels`;
    const rels = new Map<string, Relationship>();
    if (!this.archive.has(relsPart)) return rels;
    for (const tag of await this.tags(relsPart)) {
      if (tag.name !== "Relationship") continue;
      const id = tag.attributes.get("Id");
      const type = tag.attributes.get("Type");
      const target = tag.attributes.get("Target");
      if (id === undefined || type === undefined || target === undefined) continue;
      const external = tag.attributes.get("TargetMode") === "External";
      rels.set(id, { type, target: external ? null : resolvePart(dir, target), written: target, external });
    }
    return rels;
  }

  /** An error of the scanners or of a small part's XML as the ReadError that names the part. */
  private xmlProblem(error: unknown, part: string): unknown {
    const name = this.archive.nameOf(part);
    if (error instanceof DoctypeError) return new ReadError({ code: "xml-doctype", part: name });
    if (error instanceof StringLimitError) return limitError("maxStringChars", this.limitsOf(), name);
    if (error instanceof CellLimitError) return limitError("maxCellsPerSheet", this.limitsOf(), name);
    if (error instanceof XmlError) return new ReadError({ code: "xml-malformed", part: name, detail: error.message });
    return error;
  }

  private limitsOf(): ReadLimits {
    return this.archive.limits;
  }

  /** Fails with a ReadError naming `what` when the package has no `part`. */
  require(part: string, what: string): void {
    this.archive.require(part, what);
  }
}

interface SheetEntry {
  name: string;
  hidden: boolean;
  part: string;
}

/** Worksheets in tab order (workbook.xml); chart and macro sheets have no cells and are left out. */
async function sheetList(
  reader: PartReader,
  workbookPart: string,
  rels: ReadonlyMap<string, Relationship>,
): Promise<SheetEntry[]> {
  const sheets: SheetEntry[] = [];
  for (const tag of await reader.tags(workbookPart)) {
    if (tag.name !== "sheet") continue;
    const name = tag.attributes.get("name");
    const id = prefixedAttribute(tag, "id");
    if (name === undefined || id === undefined) continue;
    const rel = rels.get(id);
    const what = `工作表“${name}”的内容`;
    if (!rel)
      throw new ReadError({ code: "missing-part", part: id, what: `工作表“${name}”在 workbook.xml.rels 中的关系` });
    if (!hasType(rel, "worksheet")) continue;
    if (rel.target === null) {
      throw new ReadError({ code: "part-outside", what, target: rel.written.slice(0, 80), external: rel.external });
    }
    reader.require(rel.target, what);
    sheets.push({ name, hidden: isHidden(tag.attributes.get("state")), part: rel.target });
  }
  return sheets;
}

function isHidden(state: string | undefined): boolean {
  return state === "hidden" || state === "veryHidden";
}

/** The workbook part named by the package relationships, else where every writer puts it. */
function officeDocument(rels: ReadonlyMap<string, Relationship>, archive: ZipArchive): string {
  for (const rel of rels.values()) {
    if (hasType(rel, "officeDocument") && rel.target !== null && archive.has(rel.target)) return rel.target;
  }
  if (archive.has(DEFAULT_WORKBOOK)) return DEFAULT_WORKBOOK;
  throw new ReadError({ code: "missing-part", part: DEFAULT_WORKBOOK, what: "工作簿的主部件" });
}

/** The part of the first relationship of `kind`, if any. */
function partOf(rels: ReadonlyMap<string, Relationship>, kind: string): string | undefined {
  for (const rel of rels.values()) if (hasType(rel, kind) && rel.target !== null) return rel.target;
  return undefined;
}

/**
 * Whether a relationship is of `kind`: the type's last path segment, so transitional and strict OOXML both match
 * (`…/2006/relationships/worksheet`, `http://purl.oclc.org/ooxml/officeDocument/relationships/worksheet`).
 */
export function hasType(rel: { type: string }, kind: string): boolean {
  return rel.type.slice(rel.type.lastIndexOf("/") + 1) === kind;
}

/**
 * A relationship target as a part name: absolute (`/xl/…`) or relative to the source's folder, dot segments gone;
 * null when `..` climbs above the package root (the target is outside the package).
 */
export function resolvePart(dir: string, target: string): string | null {
  const path = target.startsWith("/") ? target : dir + target;
  const out: string[] = [];
  for (const segment of path.split("/")) {
    if (segment === "" || segment === ".") continue;
    if (segment === "..") {
      if (out.length === 0) return null;
      out.pop();
    } else out.push(segment);
  }
  return out.join("/");
}
