/**
 * The import of workbooks and the parsing of JSON files give exactly what they gave before they were made faster
 * (generated parsers, fast normalisers, rows validated as they are read): every finding (rule, severity, path,
 * entry, message, in order), every document, every entry number and cell path, every count. The snapshot was
 * written by the code before that change, on the inputs of test/helpers/messyInputs.ts and the samples; a change
 * of output on purpose means a new snapshot (`npx jest test/core/equivalence -u`), looked over line by line.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parseJsonText, type ParsedInput, type SourcedDocument } from "../../src/core/parse";
import { importWorkbook, type ImportResult } from "../../src/core/sheets/import";
import { messyJsonTexts, messyWorkbooks } from "../helpers/messyInputs";

/** The fields of the findings (each order they come in), then one line per finding: its values, as JSON. */
function findingLines(result: { findings: readonly object[] }): string[] {
  const orders = [...new Set(result.findings.map((f) => Object.keys(f).join(",")))];
  return [`fields ${orders.join(" | ")}`, ...result.findings.map((f) => JSON.stringify(Object.values(f)))];
}

/** A document as JSON, with where its entries came from: numbers, and the path of a few fields of each. */
function documentLines(document: SourcedDocument): string[] {
  if (document.kind !== "ledger") return [JSON.stringify(document)];
  const { doc, entryPath, ...rest } = document;
  const { entries, ...head } = doc;
  return [
    JSON.stringify({ ...rest, doc: head }),
    ...entries.map(
      (entry, i) =>
        `${JSON.stringify(entry)} @ ${[null, "date", "client.name", "fee"].map((f) => entryPath(i, f)).join(" ")}`,
    ),
  ];
}

function counts(result: ImportResult | ParsedInput): string {
  const { documents: _d, findings: _f, sheets, ...rest } = result;
  return JSON.stringify({ ...rest, sheets: sheets.length });
}

function samples(): Record<string, unknown> {
  const root = join(__dirname, "..", "..", "samples");
  const out: Record<string, unknown> = {};
  for (const folder of ["applications", "summaries", "ledgers"]) {
    for (const name of readdirSync(join(root, folder)).sort()) {
      out[`${folder}/${name}`] = JSON.parse(readFileSync(join(root, folder, name), "utf8"));
    }
  }
  out["registry.json"] = JSON.parse(readFileSync(join(root, "registry.json"), "utf8"));
  return out;
}

describe("importing workbooks gives what it gave", () => {
  it.each(messyWorkbooks().map((b) => [b.name, b.raw] as const))("%s", (_name, raw) => {
    const result = importWorkbook(raw, "填好的模板.xlsx");
    const lines = [counts(result), ...findingLines(result), ...result.documents.flatMap(documentLines)];
    expect(lines.join("\n")).toMatchSnapshot();
  });
});

describe("parsing JSON gives what it gave", () => {
  it.each(messyJsonTexts(samples()).map((t) => [t.name, t.text] as const))("%s", (name, text) => {
    const result = parseJsonText(text, name);
    // The documents of a file are long (the sample ledgers): by digest, with the findings and counts in full.
    const documents = createHash("sha256").update(result.documents.flatMap(documentLines).join("\n")).digest("hex");
    const lines = [counts(result), ...findingLines(result), `documents ${result.documents.length} ${documents}`];
    expect(lines.join("\n")).toMatchSnapshot();
  });
});
