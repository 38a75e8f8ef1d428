/**
 * What a file is, from its bytes (never its name): a zip (then by its parts: an .xlsx workbook, a .docx document,
 * an .xlsb, a presentation, OpenDocument, OFD, or a plain archive), a Compound File (an encrypted Office file, .xls
 * or WPS 表格, .doc or WPS 文字, .ppt), PDF, an image, another archive, or text (UTF-8 with or without BOM, UTF-16,
 * GB18030/GBK) that is JSON, CSV, an HTML table, an XML spreadsheet, RTF or plain text; or nothing at all. The same
 * code in Node and in browsers; only the zip's inflater comes from the platform.
 */
import { ZipArchive } from "../zip/archive";
import { latin1, startsWithAscii, utf8, utf8Strict } from "../zip/bytes";
import { ReadError, type ReadLimits, type ReadProblem } from "../zip/errors";
import type { Inflater } from "../zip/inflate";
import { readAll, type ByteSource } from "../zip/source";
import { hasType, resolvePart } from "../xlsx/reader";
import { startTags } from "../xlsx/xml";
import { cfbEntryNames, isCfb } from "./cfb";

export type TextEncoding = "utf-8" | "utf-8-bom" | "utf-16le" | "utf-16be" | "gb18030";

export type Recognised =
  | { kind: "empty" }
  | { kind: "json"; text: string; encoding: TextEncoding }
  | { kind: "csv"; encoding: TextEncoding }
  | { kind: "html-table" }
  | { kind: "xml-spreadsheet" }
  | { kind: "word-xml" }
  | { kind: "rtf" }
  | { kind: "plain-text" }
  | { kind: "xlsx"; archive: ZipArchive }
  | { kind: "docx"; archive: ZipArchive }
  | { kind: "xlsb" }
  | { kind: "pptx" }
  | { kind: "ods" }
  | { kind: "odt" }
  | { kind: "ofd" }
  | { kind: "zip"; files: number }
  | { kind: "damaged-zip"; problem: ReadProblem }
  | { kind: "encrypted-office" }
  | { kind: "xls" }
  | { kind: "doc" }
  | { kind: "ppt" }
  | { kind: "cfb-other" }
  | { kind: "damaged-cfb" }
  | { kind: "pdf" }
  | { kind: "image"; format: string }
  | { kind: "archive"; format: string }
  | { kind: "executable" }
  | { kind: "binary" };

export interface RecogniseOptions {
  inflate: Inflater;
  limits: ReadLimits;
}

const MAGIC: readonly [kind: "image" | "archive" | "executable", format: string, bytes: readonly number[]][] = [
  ["image", "PNG", [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ["image", "JPEG", [0xff, 0xd8, 0xff]],
  ["image", "GIF", [0x47, 0x49, 0x46, 0x38]],
  ["image", "TIFF", [0x49, 0x49, 0x2a, 0x00]],
  ["image", "TIFF", [0x4d, 0x4d, 0x00, 0x2a]],
  ["archive", "RAR", [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07]],
  ["archive", "7z", [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ["archive", "gzip", [0x1f, 0x8b]],
  ["archive", "xz", [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00]],
  ["archive", "bzip2", [0x42, 0x5a, 0x68]],
  ["executable", "", [0x4d, 0x5a]],
  ["executable", "", [0x7f, 0x45, 0x4c, 0x46]],
];

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);
}

/** The first bytes looked at for magic numbers (a PDF header may come after up to a kilobyte of junk). */
const HEAD_BYTES = 1024;

/**
 * What the file in `source` is. A zip is read through its directory only (its parts when they are read); anything
 * else is read whole, which the limit on a file's size bounds.
 */
export async function recognise(source: ByteSource, options: RecogniseOptions): Promise<Recognised> {
  if (source.size === 0) return { kind: "empty" };
  const head = await source.read(0, Math.min(source.size, HEAD_BYTES));
  if (head[0] === 0x50 && head[1] === 0x4b && (head[2] === 3 || head[2] === 5 || head[2] === 7)) {
    return recogniseZip(source, options);
  }
  const bytes = await readAll(source);
  if (isCfb(bytes)) return recogniseCfb(bytes);
  // A PDF may start after a little junk; its header is always within the first kilobyte.
  if (latin1(bytes, 0, Math.min(bytes.length, 1024)).includes("%PDF-")) return { kind: "pdf" };
  if (startsWithAscii(bytes, "RIFF") && startsWithAscii(bytes, "WEBP", 8)) return { kind: "image", format: "WebP" };
  if (startsWithAscii(bytes, "ftyp", 4) && /^(heic|heix|mif1|avif)/u.test(latin1(bytes, 8, 12))) {
    return { kind: "image", format: "HEIC" };
  }
  for (const [kind, format, magic] of MAGIC) {
    if (!startsWith(bytes, magic)) continue;
    return kind === "executable" ? { kind } : { kind, format };
  }
  if (startsWithAscii(bytes, "BM") && bytes.length >= 26 && bytes[14]! >= 12 && bytes[15] === 0) {
    return { kind: "image", format: "BMP" };
  }
  return recogniseText(bytes);
}

// ---------------------------------------------------------------- zip

async function recogniseZip(source: ByteSource, options: RecogniseOptions): Promise<Recognised> {
  let archive: ZipArchive;
  try {
    archive = await ZipArchive.open(source, options);
  } catch (error) {
    if (error instanceof ReadError) return { kind: "damaged-zip", problem: error.problem };
    throw error;
  }
  if (archive.has("mimetype")) {
    const type = await smallText(archive, "mimetype");
    if (type?.includes("opendocument.spreadsheet")) return { kind: "ods" };
    if (type?.includes("opendocument.text")) return { kind: "odt" };
  }
  if (archive.has("OFD.xml")) return { kind: "ofd" };
  const main = (await mainPart(archive)) ?? guessMainPart(archive);
  if (main !== null) {
    const lower = main.toLowerCase();
    if (lower.startsWith("xl/") || lower.endsWith("workbook.xml") || lower.endsWith("workbook.bin")) {
      return lower.endsWith(".bin") ? { kind: "xlsb" } : { kind: "xlsx", archive };
    }
    if (lower.startsWith("word/") || lower.endsWith("document.xml")) return { kind: "docx", archive };
    if (lower.startsWith("ppt/") || lower.endsWith("presentation.xml")) return { kind: "pptx" };
  }
  return { kind: "zip", files: archive.entries.filter((e) => !e.name.endsWith("/")).length };
}

/** A small part as text, or null when it cannot be read. */
async function smallText(archive: ZipArchive, part: string): Promise<string | null> {
  try {
    return utf8(await archive.bytesOf(part, 1024 * 1024));
  } catch {
    return null;
  }
}

/** The part the package relationships name as the office document, or null. */
async function mainPart(archive: ZipArchive): Promise<string | null> {
  if (!archive.has("_rels/.rels")) return null;
  const xml = await smallText(archive, "_rels/.rels");
  if (xml === null) return null;
  try {
    for (const tag of startTags(xml)) {
      const target = tag.attributes.get("Target");
      if (tag.name !== "Relationship" || target === undefined) continue;
      if (hasType({ type: tag.attributes.get("Type") ?? "" }, "officeDocument")) return resolvePart("", target);
    }
  } catch {
    return null;
  }
  return null;
}

/** Without relationships: the main part where every writer puts it. */
function guessMainPart(archive: ZipArchive): string | null {
  for (const part of ["xl/workbook.xml", "xl/workbook.bin", "word/document.xml", "ppt/presentation.xml"]) {
    if (archive.has(part)) return part;
  }
  return null;
}

// ---------------------------------------------------------------- Compound File

function recogniseCfb(bytes: Uint8Array): Recognised {
  const names = cfbEntryNames(bytes);
  if (names === null) return { kind: "damaged-cfb" };
  const has = (name: string): boolean => names.some((n) => n.toLowerCase() === name.toLowerCase());
  if (has("EncryptedPackage") || has("EncryptionInfo")) return { kind: "encrypted-office" };
  if (has("Workbook") || has("Book")) return { kind: "xls" };
  if (has("WordDocument")) return { kind: "doc" };
  if (has("PowerPoint Document")) return { kind: "ppt" };
  return { kind: "cfb-other" };
}

// ---------------------------------------------------------------- text

function decodeAs(bytes: Uint8Array, encoding: "utf-16le" | "utf-16be" | "gb18030"): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** The file as text and its encoding, or null when it is not text. */
export function decodeTextFile(bytes: Uint8Array): { text: string; encoding: TextEncoding } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = utf8Strict(bytes, 3);
    return text === null ? null : { text, encoding: "utf-8-bom" };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodeAs(bytes.subarray(2), "utf-16le");
    return text === null ? null : { text, encoding: "utf-16le" };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodeAs(bytes.subarray(2), "utf-16be");
    return text === null ? null : { text, encoding: "utf-16be" };
  }
  // NUL bytes: binary (UTF-16 without a byte order mark is not something Windows tools write).
  if (bytes.subarray(0, 8192).includes(0)) return null;
  const text = utf8Strict(bytes);
  if (text !== null) return { text, encoding: "utf-8" };
  const gb = decodeAs(bytes, "gb18030");
  return gb === null ? null : { text: gb, encoding: "gb18030" };
}

/** Whether text is mostly readable: few control characters other than white space. */
function looksLikeText(text: string): boolean {
  const sample = text.slice(0, 8192);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0xfffd) controls++;
  }
  return controls <= sample.length / 100;
}

function recogniseText(bytes: Uint8Array): Recognised {
  const decoded = decodeTextFile(bytes);
  if (decoded === null || !looksLikeText(decoded.text)) return { kind: "binary" };
  const { text, encoding } = decoded;
  const head = text.trimStart().slice(0, 4096);
  if (head === "") return { kind: "empty" };
  const lower = head.toLowerCase();
  if (lower.startsWith("{\\rtf")) return { kind: "rtf" };
  if (head.startsWith("{") || head.startsWith("[")) return { kind: "json", text, encoding };
  if (head.startsWith("<")) {
    if (lower.includes("urn:schemas-microsoft-com:office:spreadsheet")) return { kind: "xml-spreadsheet" };
    if (lower.includes('progid="word.document"') || lower.includes("schemas.microsoft.com/office/word/2003")) {
      return { kind: "word-xml" };
    }
    if (/<(html|table|!doctype html|meta|head|body)\b/u.test(lower)) return { kind: "html-table" };
    return { kind: "plain-text" };
  }
  return isCsv(head) ? { kind: "csv", encoding } : { kind: "plain-text" };
}

/**
 * Two or more lines whose first two hold the same number (at least one) of a delimiter Excel and WPS write: comma,
 * tab or semicolon. (A full-width comma is prose, not a delimiter.)
 */
function isCsv(head: string): boolean {
  const lines = head.split(/\r?\n/u).filter((l) => l.trim() !== "");
  if (lines.length < 2) return false;
  return [",", "\t", ";"].some((d) => {
    const count = (l: string): number => l.split(d).length - 1;
    return count(lines[0]!) > 0 && count(lines[0]!) === count(lines[1]!);
  });
}
