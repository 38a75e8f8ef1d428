/** @jest-environment jsdom */
import { TextDecoder, TextEncoder } from "node:util";
import { xlsxPort } from "../../src/adapters/exceljs/browser";
import { parseDocumentValue, type SourcedLedger } from "../../src/core/parse";
import { ledgerWorkbook } from "../../src/core/sheets/templates";
import { ExcelHost, type ExcelAdapter } from "../../src/taskpane/host";
import { loadFiles } from "../../src/taskpane/session";
import { ledger } from "../helpers/fixtures";

// jsdom lacks the encoders the session uses.
Object.assign(globalThis, { TextEncoder, TextDecoder });

describe("loading a filled template in Excel", () => {
  it("hands the xlsx to the host so it lands in the open workbook; JSON files do not", async () => {
    const doc = (parseDocumentValue(ledger(), "l.json").documents[0] as SourcedLedger).doc;
    const bytes = await xlsxPort.write(ledgerWorkbook(doc));
    const inserted: { size: number; sheets: string[] }[] = [];
    const adapter: ExcelAdapter = {
      writeModel: async () => {},
      readSheets: async () => ({ sheets: [], marker: null }),
      insertWorkbook: async (b, raw) => {
        inserted.push({ size: b.length, sheets: raw.sheets.map((s) => s.name) });
        return "sheets";
      },
    };
    const host = new ExcelHost(adapter);
    const files = await loadFiles(
      [
        { name: "台账.xlsx", bytes: async () => bytes },
        { name: "l.json", bytes: async () => new TextEncoder().encode(JSON.stringify(ledger())) },
      ],
      { onWorkbook: (b, raw) => host.insertWorkbook!(b, raw) },
    );
    expect(files.map((f) => [f.documents.length, f.findings.map((x) => x.message)])).toEqual([
      [1, []],
      [1, []],
    ]);
    expect(inserted).toHaveLength(1);
    expect(inserted[0]!.size).toBe(bytes.length);
    expect(inserted[0]!.sheets).toContain("服务台账");
  });
});
