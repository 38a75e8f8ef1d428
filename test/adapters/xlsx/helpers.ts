/** Shared by the xlsx reader tests: hand-built packages, temp files, and the comparisons with exceljs's readers. */
import { readFileSync, writeFileSync } from "node:fs";
import JSZip from "jszip";
import { readXlsxFile } from "../../../src/adapters/xlsx/node";
import { isDateValue, isUnreadable, type CellValue, type RawWorkbook } from "../../../src/core/sheets/model";
import { readWorkbook } from "../../helpers/exceljsRead";
import { readStreamSettled, withWorkbookXml } from "../exceljs/helpers";

export { tempDir } from "../exceljs/helpers";

const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

export interface HandSheet {
  name: string;
  state?: "visible" | "hidden" | "veryHidden";
  /** The whole worksheet part (see `worksheet`). */
  xml: string;
  /** Part name; `xl/worksheets/sheet<n>.xml` by default. */
  part?: string;
}

export interface HandPackage {
  sheets: HandSheet[];
  /** The whole shared strings part, if any (see `sst`). */
  sharedStrings?: string;
  /** Zip entries in this order (others after them, in the default order). */
  order?: string[];
  /** Targets in workbook.xml.rels written as absolute part names (`/xl/worksheets/sheet1.xml`). */
  absoluteTargets?: boolean;
  /** Namespace prefix for workbook.xml's elements (`x` → `<x:sheet>`). */
  workbookPrefix?: string;
  /** Extra entries, written as they are. */
  extra?: Record<string, string | Uint8Array>;
}

/** A worksheet part around `sheetData` (its content); `prefix` puts every SpreadsheetML element under `prefix:`. */
export function worksheet(sheetData: string, prefix = ""): string {
  const p = prefix ? `${prefix}:` : "";
  const ns = prefix ? `xmlns:${prefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<${p}worksheet ${ns} xmlns:r="${REL}"><${p}dimension ref="A1"/>` +
    `<${p}sheetData>${sheetData}</${p}sheetData><${p}pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></${p}worksheet>`
  );
}

/** A shared strings part of the given `<si>` items' content. */
export function sst(items: string[]): string {
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<sst xmlns="${MAIN}" count="${items.length}" uniqueCount="${items.length}">` +
    items.map((item) => `<si>${item}</si>`).join("") +
    `</sst>`
  );
}

/** The bytes of a minimal but complete package, as Excel would lay it out unless `order` says otherwise. */
export async function buildXlsx(pkg: HandPackage): Promise<Buffer> {
  const parts = new Map<string, string | Uint8Array>();
  const wp = pkg.workbookPrefix ? `${pkg.workbookPrefix}:` : "";
  const wns = pkg.workbookPrefix ? `xmlns:${pkg.workbookPrefix}="${MAIN}"` : `xmlns="${MAIN}"`;
  const sheetParts = pkg.sheets.map((s, i) => s.part ?? `xl/worksheets/sheet${i + 1}.xml`);
  const overrides = sheetParts
    .map(
      (p) =>
        `<Override PartName="/${p}" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
    )
    .join("");
  parts.set(
    "[Content_Types].xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
      `<Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>` +
      overrides +
      (pkg.sharedStrings !== undefined
        ? `<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>`
        : "") +
      `</Types>`,
  );
  parts.set(
    "_rels/.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  parts.set(
    "xl/workbook.xml",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<${wp}workbook ${wns} xmlns:r="${REL}"><${wp}sheets>` +
      pkg.sheets
        .map(
          (s, i) =>
            `<${wp}sheet name="${escapeAttribute(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ""} r:id="rId${i + 1}"/>`,
        )
        .join("") +
      `</${wp}sheets></${wp}workbook>`,
  );
  const target = (part: string) => (pkg.absoluteTargets ? `/${part}` : part.replace(/^xl\//u, ""));
  parts.set(
    "xl/_rels/workbook.xml.rels",
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      sheetParts
        .map((p, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="${target(p)}"/>`)
        .join("") +
      (pkg.sharedStrings !== undefined
        ? `<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="${target("xl/sharedStrings.xml")}"/>`
        : "") +
      `</Relationships>`,
  );
  if (pkg.sharedStrings !== undefined) parts.set("xl/sharedStrings.xml", pkg.sharedStrings);
  pkg.sheets.forEach((s, i) => parts.set(sheetParts[i]!, s.xml));
  for (const [name, content] of Object.entries(pkg.extra ?? {})) parts.set(name, content);

  const zip = new JSZip();
  const names = [...(pkg.order ?? []), ...[...parts.keys()].filter((n) => !pkg.order?.includes(n))];
  for (const name of names) {
    const content = parts.get(name);
    if (content === undefined) throw new Error(`no part ${name}`);
    zip.file(name, content);
  }
  return zip.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

function escapeAttribute(text: string): string {
  return text.replace(/&/gu, "&amp;").replace(/</gu, "&lt;").replace(/"/gu, "&quot;");
}

/** Writes `bytes` to `path` and reads it with the reader under test, exceljs's streaming reader and its full one. */
export async function readAll(
  path: string,
  bytes: Buffer | Uint8Array,
): Promise<{ ours: RawWorkbook; stream: RawWorkbook; full: RawWorkbook }> {
  writeFileSync(path, bytes);
  const [ours, stream, full] = await Promise.all([readXlsxFile(path), readStreamSettled(path), readWorkbook(bytes)]);
  return { ours, stream, full };
}

/**
 * exceljs's streaming reader on `path` repacked with xl/workbook.xml first (as Excel stores it). exceljs's own writers
 * store it first or last at random, and when it comes last readWorkbookStream falls back to the full reader (dates
 * as `{ date }`): comparing with the streaming reader must not depend on that draw.
 */
export async function readStreamInOrder(path: string): Promise<RawWorkbook> {
  const copy = `${path}.in-order.xlsx`;
  writeFileSync(copy, await withWorkbookXml(readFileSync(path), "first"));
  return readStreamSettled(copy);
}

const MS_PER_DAY = 86400000;
const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** `{ date }` cells as the serial numbers exceljs's streaming reader gives (whole days). */
export function datesAsSerials(raw: RawWorkbook): RawWorkbook {
  const serial = (value: CellValue): CellValue => {
    if (!isDateValue(value)) return value;
    const [y, m, d] = value.date.split("-").map(Number);
    const days = (Date.UTC(y!, m! - 1, d!) - EXCEL_EPOCH) / MS_PER_DAY;
    return days < 61 ? days - 1 : days;
  };
  return {
    marker: raw.marker,
    sheets: raw.sheets.map((s) => ({ ...s, rows: s.rows.map((row) => row.map(serial)) })),
  };
}

/** Whether a workbook holds any `{ date }` cell (so that a comparison through datesAsSerials compares something). */
export function countDates(raw: RawWorkbook): number {
  let n = 0;
  for (const s of raw.sheets) for (const row of s.rows) for (const v of row) if (isDateValue(v)) n++;
  return n;
}

/** Our workbook as exceljs's readers give it: a blank for every unreadable cell (exceljs drops them silently). */
export function asExceljs(raw: RawWorkbook): RawWorkbook {
  return {
    marker: raw.marker,
    sheets: raw.sheets.map((s) => {
      let rows = s.rows.map((row) => row.map((v) => (isUnreadable(v) ? null : v)));
      // A row or column left with only blanks is not there for exceljs.
      while (rows.length && rows.at(-1)!.every((v) => v === null)) rows.pop();
      const used = (row: readonly CellValue[]): number => {
        let n = row.length;
        while (n > 0 && row[n - 1] === null) n--;
        return n;
      };
      const width = Math.max(0, ...rows.map(used));
      rows = rows.map((row) => row.slice(0, width));
      return { ...s, rows };
    }),
  };
}

/** A copy of `raw` with the cell at sheet index `s`, row index `r`, column index `c` set to `value`. */
export function withCell(raw: RawWorkbook, [s, r, c]: [number, number, number], value: CellValue): RawWorkbook {
  return {
    marker: raw.marker,
    sheets: raw.sheets.map((sheet, si) =>
      si !== s
        ? sheet
        : {
            ...sheet,
            rows: sheet.rows.map((row, ri) => (ri !== r ? row : row.map((v, ci) => (ci === c ? value : v)))),
          },
    ),
  };
}
