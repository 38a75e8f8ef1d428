import { DEFAULT_SETTINGS } from "../../src/core/config";
import { runChecks, type AnnualVerdict } from "../../src/core/engine";
import { parseDocumentValue, type SourcedDocument } from "../../src/core/parse";
import { OUTLET_CODE, ledger, registry, summary } from "../helpers/fixtures";
import type { Doc } from "../helpers/fixtures";

function load(...docs: Doc[]): SourcedDocument[] {
  return docs.flatMap((d) => parseDocumentValue(d, null).documents);
}

describe("engine: the evaluation year", () => {
  const lastYear = ledger((l) => {
    l.year = 2024;
    for (const e of l.entries) e.date = e.date.replace("2025", "2024");
    l.entries[0].fee = 100; // a basic service charged in 2024
  });

  it("reports a previous year's ledger but does not let it veto this year's evaluation", () => {
    const docs = load(summary(), ledger(), lastYear, registry());
    const result = runChecks(docs, { settings: DEFAULT_SETTINGS });
    expect(result.year).toBe(2025);
    const fee = result.findings.filter((f) => f.rule === "ledger/basic-fee");
    expect(fee).toHaveLength(1);
    const verdict = result.verdicts.find((v) => v.outlet === OUTLET_CODE) as AnnualVerdict;
    expect(verdict).toMatchObject({ document: "annualSummary", year: 2025, vetoed: false, errors: 0 });
  });

  it("the same error in this year's ledger vetoes", () => {
    const docs = load(
      summary(),
      ledger((l) => (l.entries[0].fee = 100)),
      registry(),
    );
    const verdict = runChecks(docs, { settings: DEFAULT_SETTINGS }).verdicts.find((v) => v.outlet === OUTLET_CODE);
    expect(verdict).toMatchObject({ vetoed: true, errors: 1 });
  });

  it("indexes every finding by the document it was raised on, even without file names", () => {
    const docs = load(
      summary(),
      ledger((l) => (l.entries[0].fee = 100)),
      lastYear,
      registry(),
    );
    const result = runChecks(docs, { settings: DEFAULT_SETTINGS });
    const indexed = [...result.bySource.values()].flat();
    expect(indexed).toHaveLength(result.findings.length);
    expect(result.bySource.get(docs[1]!)!.map((f) => f.entry)).toEqual([1]);
    expect(result.bySource.get(docs[2]!)!.map((f) => f.entry)).toEqual([1]);
  });
});

describe("engine: how ledger findings name their entry", () => {
  it("says 第 N 条 for JSON entries and 第 N 行 for sheet rows", () => {
    const [json] = load(ledger((l) => (l.entries[0].fee = 100))) as [SourcedDocument];
    const fromJson = runChecks([json], { settings: DEFAULT_SETTINGS }).findings.find(
      (f) => f.rule === "ledger/basic-fee",
    )!;
    expect(fromJson.message.startsWith("第 1 条：")).toBe(true);
    if (json.kind !== "ledger") throw new Error("expected a ledger");
    const asSheet: SourcedDocument = {
      ...json,
      entryNumbers: json.entryNumbers.map((n) => n + 1),
      entryUnit: "row",
      entryPath: (i, field) => `服务台账!${field === "fee" ? "H" : "A"}${i + 2}`,
    };
    const fromSheet = runChecks([asSheet], { settings: DEFAULT_SETTINGS }).findings.find(
      (f) => f.rule === "ledger/basic-fee",
    )!;
    expect(fromSheet).toMatchObject({ entry: 2, path: "服务台账!H2" });
    expect(fromSheet.message.startsWith("第 2 行：")).toBe(true);
  });
});
