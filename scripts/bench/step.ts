/**
 * One bench step, run in its own process by index.ts: `node --import tsx --expose-gc scripts/bench/step.ts <step> <rows>
 * [file]`. Sends its figures to the parent (IPC) as one JSON object.
 */
import { readFileSync } from "node:fs";
import { inflateRawSync } from "node:zlib";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import { readWorkbookFile, writeWorkbookFile } from "../../src/adapters/exceljs";
import { DEFAULT_SETTINGS } from "../../src/core/config";
import { runChecks } from "../../src/core/engine";
import { parseDocumentValue, parseJsonText, type SourcedDocument } from "../../src/core/parse";
import { buildCheckReport } from "../../src/core/report";
import { runScoring } from "../../src/core/scoring/score";
import { importWorkbook } from "../../src/core/sheets/import";
import { reviewWorkbook } from "../../src/core/sheets/review";
import { LEDGER_SHEET, ledgerWorkbook } from "../../src/core/sheets/templates";
import { buildStatsReport } from "../../src/core/stats";
import { createExcelPort } from "../../src/office/excelPort";
import { createExcelRunner, type SyncEvent } from "../../src/office/runner";
import { FakeExcel } from "../../test/office/fakeExcel";
import { bigLedger, documentValues, generate, YEAR, type BenchData } from "./generate";
import { gc, measure, type StepResult } from "./measure";

function parseAll(data: BenchData): SourcedDocument[] {
  const documents: SourcedDocument[] = [];
  documentValues(data).forEach((value, i) => documents.push(...parseDocumentValue(value, `doc${i}.json`).documents));
  return documents;
}

/** The ledger workbook of all entries (one sheet), from the parsed big ledger. */
function ledgerModel(data: BenchData): ReturnType<typeof ledgerWorkbook> {
  const doc = parseDocumentValue(bigLedger(data), "ledger.json").documents[0];
  if (doc?.kind !== "ledger") throw new Error("bench ledger did not parse");
  return ledgerWorkbook(doc.doc);
}

function core(documents: readonly SourcedDocument[]): number {
  const check = runChecks(documents, { settings: DEFAULT_SETTINGS, today: `${YEAR + 1}-01-15` });
  const stats = buildStatsReport(documents, { year: YEAR });
  return check.findings.length + (stats.year ?? 0);
}

/** Reads the central directory of a zip and inflates the named entries (no objects per cell: the physical floor). */
function inflateEntries(buffer: Buffer, wanted: (name: string) => boolean): Buffer[] {
  let eocd = buffer.length - 22;
  while (eocd >= 0 && buffer.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip file");
  const count = buffer.readUInt16LE(eocd + 10);
  let p = buffer.readUInt32LE(eocd + 16);
  const out: Buffer[] = [];
  for (let i = 0; i < count; i++) {
    const method = buffer.readUInt16LE(p + 10);
    const size = buffer.readUInt32LE(p + 20);
    const nameLength = buffer.readUInt16LE(p + 28);
    const extra = buffer.readUInt16LE(p + 30);
    const comment = buffer.readUInt16LE(p + 32);
    const local = buffer.readUInt32LE(p + 42);
    const name = buffer.toString("utf8", p + 46, p + 46 + nameLength);
    p += 46 + nameLength + extra + comment;
    if (!wanted(name)) continue;
    const start = local + 30 + buffer.readUInt16LE(local + 26) + buffer.readUInt16LE(local + 28);
    const body = buffer.subarray(start, start + size);
    out.push(method === 8 ? inflateRawSync(body) : body);
  }
  return out;
}

async function main(): Promise<void> {
  const [step, rowsArg, file] = process.argv.slice(2);
  const rows = Number(rowsArg);
  let result: StepResult;
  switch (step) {
    case "core": {
      const documents = parseAll(generate(rows));
      gc();
      const m = await measure(() => core(documents));
      result = { seconds: m.seconds, peakHeap: m.peakHeap, peakRss: m.peakRss, perSecond: rows / m.seconds };
      break;
    }
    case "parse": {
      const texts = documentValues(generate(rows)).map((v) => JSON.stringify(v));
      gc();
      const m = await measure(() => {
        const documents: SourcedDocument[] = [];
        texts.forEach((t, i) => documents.push(...parseJsonText(t, `doc${i}.json`).documents));
        return core(documents);
      });
      result = { seconds: m.seconds, peakHeap: m.peakHeap, peakRss: m.peakRss, perSecond: rows / m.seconds };
      break;
    }
    case "prepare-xlsx": {
      const m = await measure(() => writeWorkbookFile(ledgerModel(generate(rows)), file!, { streaming: true }));
      result = { seconds: m.seconds, peakRss: m.peakRss };
      break;
    }
    case "import-ours": {
      const m = await measure(async () => {
        const raw = await readWorkbookFile(file!, { streaming: true });
        const imported = importWorkbook(raw, file!);
        return imported.rowsRead;
      });
      result = { seconds: m.seconds, peakRss: m.peakRss, rowsRead: m.value };
      break;
    }
    case "import-exceljs": {
      const m = await measure(async () => {
        const reader = new ExcelJS.stream.xlsx.WorkbookReader(file!, {
          worksheets: "emit",
          sharedStrings: "cache",
          hyperlinks: "ignore",
          styles: "ignore",
          entries: "ignore",
        });
        let cells = 0;
        for await (const sheet of reader)
          for await (const row of sheet) row.eachCell({ includeEmpty: false }, () => void cells++);
        return cells;
      });
      result = { seconds: m.seconds, peakRss: m.peakRss, cells: m.value };
      break;
    }
    case "import-sheetjs": {
      const m = await measure(() => {
        const wb = XLSX.readFile(file!, { dense: true, cellStyles: false });
        const ws = wb.Sheets[LEDGER_SHEET];
        return ws ? XLSX.utils.decode_range(ws["!ref"] ?? "A1").e.r : 0;
      });
      result = { seconds: m.seconds, peakRss: m.peakRss, lastRow: m.value };
      break;
    }
    case "import-floor": {
      const m = await measure(() => {
        const parts = inflateEntries(
          readFileSync(file!),
          (n) => /^xl\/worksheets\/sheet\d+\.xml$/u.test(n) || n === "xl/sharedStrings.xml",
        );
        const cell = /<c[ >]|<si>/gu;
        let cells = 0;
        for (const part of parts) cells += part.toString("latin1").match(cell)?.length ?? 0;
        return cells;
      });
      result = { seconds: m.seconds, peakRss: m.peakRss, cells: m.value };
      break;
    }
    case "export": {
      const data = generate(rows);
      const parsed = documentValues(data).map((v, i) => parseDocumentValue(v, `doc${i}.json`));
      const documents = parsed.flatMap((p) => p.documents);
      const findings = parsed.flatMap((p) => p.findings);
      gc();
      const m = await measure(async () => {
        const check = runChecks(documents, { settings: DEFAULT_SETTINGS, today: `${YEAR + 1}-01-15` });
        const stats = buildStatsReport(documents, { year: YEAR });
        const scoring = runScoring(documents, { settings: DEFAULT_SETTINGS, sheets: data.sheets });
        const checkReport = buildCheckReport(documents, findings, check, []);
        const model = reviewWorkbook({
          documents,
          check,
          checkReport,
          stats,
          scoring,
          inputs: [],
          generatedAt: "2026-01-15 09:00",
          versions: { app: "bench" },
        });
        await writeWorkbookFile(model, file!, { streaming: true });
      });
      result = { seconds: m.seconds, peakRss: m.peakRss };
      break;
    }
    case "office": {
      const model = ledgerModel(generate(rows));
      const run = async (task: (port: ReturnType<typeof createExcelPort>) => Promise<unknown>) => {
        const fake = new FakeExcel();
        const events: SyncEvent[] = [];
        const port = createExcelPort(
          createExcelRunner({
            run: (batch) => batch(fake.context()),
            onSync: (e) => events.push(e),
            supports: () => true,
          }),
        );
        await task(port);
        return { fake, port, events };
      };
      const write = await measure(() => run((port) => port.writeModel(model)));
      const { fake, events: writeEvents } = write.value;
      const readEvents: SyncEvent[] = [];
      const readPort = createExcelPort(
        createExcelRunner({
          run: (batch) => batch(fake.context()),
          onSync: (e) => readEvents.push(e),
          supports: () => true,
        }),
      );
      const read = await measure(() => readPort.readSheets([LEDGER_SHEET]));
      const maxBytes = (events: SyncEvent[]): number => events.reduce((m, e) => Math.max(m, e.payloadBytes), 0);
      result = {
        writeSyncs: writeEvents.length,
        writeMaxPayload: maxBytes(writeEvents),
        writeSeconds: write.seconds,
        readSyncs: readEvents.length,
        readMaxPayload: maxBytes(readEvents),
        readSeconds: read.seconds,
      };
      break;
    }
    case "scoring": {
      const data = generate(rows);
      const documents = parseAll(data);
      const times: number[] = [];
      for (let i = 0; i < 3; i++) {
        const m = await measure(() => runScoring(documents, { settings: DEFAULT_SETTINGS, sheets: data.sheets }));
        times.push(m.seconds * 1000);
      }
      times.sort((a, b) => a - b);
      result = { ms: times[1]! };
      break;
    }
    default:
      throw new Error(`unknown step ${step}`);
  }
  process.send?.(result);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
