/**
 * Damaged and hostile workbooks for the corpus, each made from a real ledger workbook (the sample ledger written by
 * the product's writer) by changing the one thing it is about: a cell, a part, the zip around them.
 */
import JSZip from "jszip";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { constants as zlibConstants, deflateRawSync } from "node:zlib";
import { writeWorkbook } from "../../src/adapters/exceljs";
import { parseDocumentValue } from "../../src/core/parse";
import type { Ledger } from "../../src/core/schemas";
import { columnLetter } from "../../src/core/sheets/model";
import { ledgerColumns } from "../../src/core/sheets/layouts";
import { ledgerWorkbook } from "../../src/core/sheets/templates";
import { crc32 } from "../../src/adapters/zip/crc32";
import { buildZip } from "./zip";

const SAMPLES = join(__dirname, "..", "..", "samples");

/** The sample ledger of 东湖图书馆, its entries repeated to `entries` (dates kept in the year). */
export function sampleLedger(entries?: number): Ledger {
  const raw = JSON.parse(readFileSync(join(SAMPLES, "ledgers", "donghu-library.json"), "utf8")) as unknown;
  const doc = parseDocumentValue(raw, "donghu-library.json").documents[0];
  if (doc?.kind !== "ledger") throw new Error("the sample ledger did not parse");
  const ledger = doc.doc;
  if (entries === undefined) return ledger;
  // Repeated entries are told apart by their client's name, as a real year's entries are (so the file is as big).
  const out = Array.from({ length: entries }, (_, i) => {
    const entry = ledger.entries[i % ledger.entries.length]!;
    return i < ledger.entries.length
      ? entry
      : { ...entry, client: { ...entry.client, name: `${entry.client.name}${i}` } };
  });
  return { ...ledger, entries: out };
}

/** The ledger sheet's column letter of a field (`fee` → "H"). */
export function columnOf(key: string): string {
  const i = ledgerColumns("library").findIndex((c) => c.key === key);
  if (i < 0) throw new Error(`no ledger column ${key}`);
  return columnLetter(i);
}

/** A ledger workbook of the sample, as the product writes it. */
export async function ledgerXlsx(entries?: number): Promise<Buffer> {
  return Buffer.from(await writeWorkbook(ledgerWorkbook(sampleLedger(entries), { category: "library" })));
}

/** The part name of the sheet called `name` (through workbook.xml and its relationships). */
async function sheetPart(zip: JSZip, name: string): Promise<string> {
  const workbook = await zip.file("xl/workbook.xml")!.async("string");
  const rels = await zip.file("xl/_rels/workbook.xml.rels")!.async("string");
  const sheet = new RegExp(`<sheet [^>]*name="${name}"[^>]*r:id="([^"]+)"`, "u").exec(workbook);
  const rel = sheet && new RegExp(`<Relationship [^>]*Id="${sheet[1]}"[^>]*Target="([^"]+)"`, "u").exec(rels);
  if (!rel) throw new Error(`no sheet ${name}`);
  return `xl/${rel[1]!.replace(/^\/?xl\//u, "")}`;
}

/** The `<c>` element of `ref` in a sheet's XML replaced by `cell` (the whole element). */
export function replaceCell(xml: string, ref: string, cell: string): string {
  const re = new RegExp(`<c r="${ref}"(?: [^>]*)?(?:/>|>.*?</c>)`, "u");
  if (!re.test(xml)) throw new Error(`no cell ${ref}`);
  return xml.replace(re, cell);
}

/** A copy of `bytes` with the ledger sheet's XML changed by `edit` (every part deflated, or stored if asked). */
export async function editLedgerSheet(
  bytes: Buffer,
  edit: (xml: string) => string,
  options: { store?: boolean } = {},
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  const part = await sheetPart(zip, "服务台账");
  zip.file(part, edit(await zip.file(part)!.async("string")));
  // Fast deflate, as writers that favour speed use: the copy stays about the size of the original.
  return zip.generateAsync({
    type: "nodebuffer",
    compression: options.store ? "STORE" : "DEFLATE",
    compressionOptions: { level: 1 },
  });
}

/** A copy with one part replaced (or added) as given. */
export async function withPart(bytes: Buffer, part: string, content: string): Promise<Buffer> {
  const zip = await JSZip.loadAsync(bytes);
  zip.file(part, content);
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The sheet part's name of the ledger sheet, for tests that look at it. */
export async function ledgerSheetPart(bytes: Buffer): Promise<string> {
  return sheetPart(await JSZip.loadAsync(bytes), "服务台账");
}

/**
 * A stored package in which one digit of the ledger sheet was changed after the CRC was computed, as a damaged
 * copy might carry it: a fee of 0 reads as 9 unless the checksum is checked.
 */
export async function flippedDigit(bytes: Buffer): Promise<Buffer> {
  const stored = await editLedgerSheet(bytes, (xml) => xml, { store: true });
  const ref = `${columnOf("fee")}2`;
  const at = stored.indexOf(Buffer.from(`<c r="${ref}"`));
  const value = stored.indexOf(Buffer.from("<v>0</v>"), at);
  if (at < 0 || value < 0 || value - at > 80) throw new Error("no fee of 0 in row 2");
  stored[value + 3] = 0x39; // "9"
  return stored;
}

/** Every `r` attribute of rows and cells removed (valid: cells then follow one another). */
export function withoutReferences(xml: string): string {
  return xml.replace(/<(row|c) r="[A-Z]*\d+"/gu, "<$1");
}

/**
 * A zip bomb: a worksheet whose deflate stream is one compressed segment of `segmentBytes` of row XML repeated
 * `repeats` times (each segment ends with a full flush, so the copies stand on their own), declaring honestly the
 * gigabytes it inflates to. A few megabytes on disk.
 */
export function bomb(repeats: number, segmentBytes = 32 * 1024 * 1024): Buffer {
  const row = "<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c><c><v>4</v></c><c><v>5</v></c></row>";
  const segment = Buffer.from(row.repeat(Math.ceil(segmentBytes / row.length)));
  const open = '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  const head = deflateRawSync(Buffer.from(open), { finishFlush: zlibConstants.Z_FULL_FLUSH });
  const body = deflateRawSync(segment, { finishFlush: zlibConstants.Z_FULL_FLUSH, level: 9 });
  const tail = deflateRawSync(Buffer.from("</sheetData></worksheet>"));
  const compressed = Buffer.concat([head, ...Array.from({ length: repeats }, () => body), tail]);
  const size = open.length + segment.length * repeats + "</sheetData></worksheet>".length;
  return workbookAround({ compressed, size, crc: 0 });
}

/**
 * A zip bomb of many parts: `parts` sheets, each inflating to `partBytes` (under the per-part grace of the ratio
 * limit) from the same few compressed kilobytes, gigabytes in all.
 */
export function manyPartsBomb(parts: number, partBytes = 15 * 1024 * 1024): Buffer {
  const row = "<row><c><v>7</v></c></row>";
  const xml = `<worksheet><sheetData>${row.repeat(Math.ceil(partBytes / row.length))}</sheetData></worksheet>`;
  const bytes = Buffer.from(xml);
  const sheet = { compressed: deflateRawSync(bytes, { level: 9 }), size: bytes.length, crc: crc32(bytes) };
  const names = Array.from({ length: parts }, (_, i) => i + 1);
  const [types, rootRels] = workbookParts();
  return buildZip([
    types!,
    rootRels!,
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets>${names.map((n) => `<sheet name="表${n}" sheetId="${n}" r:id="rId${n}"/>`).join("")}</sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names.map((n) => `<Relationship Id="rId${n}" Type="${REL}/worksheet" Target="worksheets/sheet${n}.xml"/>`).join("")}</Relationships>`,
    },
    ...names.map((n) => ({ name: `xl/worksheets/sheet${n}.xml`, data: "", raw: sheet })),
  ]);
}

/** A minimal workbook whose one sheet part is given raw (compressed bytes, the size and CRC to declare). */
export function workbookAround(sheet: { compressed: Uint8Array; size: number; crc: number }): Buffer {
  return buildZip([...workbookParts(), { name: "xl/worksheets/sheet1.xml", data: "", raw: sheet }]);
}

/** A minimal workbook with one sheet of the given XML, every part deflated; the sheet flagged encrypted if asked. */
export function minimalWorkbook(sheetXml: string, options: { encrypted?: boolean } = {}): Buffer {
  return buildZip([
    ...workbookParts(),
    { name: "xl/worksheets/sheet1.xml", data: sheetXml, ...(options.encrypted ? { encrypted: true } : {}) },
  ]);
}

const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function workbookParts(target = "worksheets/sheet1.xml"): { name: string; data: string }[] {
  return [
    {
      name: "[Content_Types].xml",
      data:
        '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
        '<Default Extension="xml" ContentType="application/xml"/></Types>',
    },
    {
      name: "_rels/.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    },
    {
      name: "xl/workbook.xml",
      data: `<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="${REL}"><sheets><sheet name="服务台账" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    },
    {
      name: "xl/_rels/workbook.xml.rels",
      data: `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="${target}"/></Relationships>`,
    },
  ];
}

/** A workbook whose sheet's relationship points outside the package. */
export function outsideTarget(): Buffer {
  return buildZip(workbookParts("../../../../etc/passwd"));
}

/** A zip holding `xl/workbook.xml` twice (the second with other sheets). */
export function duplicatePart(): Buffer {
  const parts = workbookParts();
  return buildZip([...parts, parts[2]!, { name: "xl/worksheets/sheet1.xml", data: "<worksheet/>" }]);
}
