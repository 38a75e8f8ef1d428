/**
 * One bench step, run in its own process by index.ts: `node --import tsx --expose-gc scripts/bench/step.ts <step> <rows>
 * [file]`. Sends its figures to the parent (IPC) as one JSON object.
 *
 * The measured code is the shipped build (lib/, what `outlet-review` runs; index.ts builds it first), not the sources
 * through tsx's on-the-fly transform, which runs the core ~1.5× slower. The bench's own glue (data, fakes) is TS.
 */
import { createReadStream, openSync, readSync, closeSync, fstatSync } from "node:fs";
import { createInflateRaw } from "node:zlib";
import ExcelJS from "exceljs";
import * as XLSX from "@e965/xlsx";
import type { SourcedDocument } from "../../src/core/parse";
import { createExcelPort } from "../../src/office/excelPort";
import { createExcelRunner, type SyncEvent } from "../../src/office/runner";
import { FakeExcel } from "../../test/office/fakeExcel";
import { bigLedger, documentValues, generate, YEAR, type BenchData } from "./generate";
import { gc, measure, median, type StepResult } from "./measure";

/** A module of the shipped build, typed by its source. */
function shipped<T>(path: string): T {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the build is CommonJS, chosen at run time
  return require(`../../lib/${path}`) as T;
}
const { writeWorkbookFile } = shipped<typeof import("../../src/adapters/exceljs")>("adapters/exceljs");
const { readInput } = shipped<typeof import("../../src/app/readInput")>("app/readInput");
const { openInputFile } = shipped<typeof import("../../src/cli/walk")>("cli/walk");
const { nodeInflater } = shipped<typeof import("../../src/adapters/zip/nodeInflate")>("adapters/zip/nodeInflate");
const { fallbackInflater, webInflater } =
  shipped<typeof import("../../src/adapters/zip/inflate")>("adapters/zip/inflate");
const { DEFAULT_SETTINGS } = shipped<typeof import("../../src/core/config")>("core/config");
const { runChecks } = shipped<typeof import("../../src/core/engine")>("core/engine");
const { parseDocumentValue, parseJsonText } = shipped<typeof import("../../src/core/parse")>("core/parse");
const { buildCheckReport } = shipped<typeof import("../../src/core/report")>("core/report");
const { runScoring } = shipped<typeof import("../../src/core/scoring/score")>("core/scoring/score");
const { reviewWorkbook } = shipped<typeof import("../../src/core/sheets/review")>("core/sheets/review");
const { LEDGER_SHEET, ledgerWorkbook } =
  shipped<typeof import("../../src/core/sheets/templates")>("core/sheets/templates");
const { buildStatsReport } = shipped<typeof import("../../src/core/stats")>("core/stats");

/**
 * The documents as the CLI holds them after reading JSON files: values go through JSON text first, so that strings
 * are the flat strings JSON.parse makes (the generator's template strings are ropes, slower to hash and compare).
 */
function parseAll(data: BenchData): SourcedDocument[] {
  const documents: SourcedDocument[] = [];
  documentValues(data).forEach((value, i) =>
    documents.push(...parseDocumentValue(JSON.parse(JSON.stringify(value)), `doc${i}.json`).documents),
  );
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

/**
 * The physical floor: the zip's central directory read by hand, the sheet and shared-strings parts inflated by zlib as
 * a stream, and one regular expression counting cells and strings in each chunk, building no objects. Streamed, as
 * the readers are: a million rows' sheet XML (~600 MB) would not fit one string.
 */
async function floorScan(path: string): Promise<number> {
  const fd = openSync(path, "r");
  const size = fstatSync(fd).size;
  const read = (at: number, length: number): Buffer => {
    const b = Buffer.alloc(length);
    readSync(fd, b, 0, length, at);
    return b;
  };
  const tail = read(Math.max(0, size - 65_557), Math.min(size, 65_557));
  let eocd = tail.length - 22;
  while (eocd >= 0 && tail.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error("not a zip file");
  const count = tail.readUInt16LE(eocd + 10);
  const directory = read(tail.readUInt32LE(eocd + 16), tail.readUInt32LE(eocd + 12));
  const parts: { start: number; size: number; method: number }[] = [];
  for (let i = 0, p = 0; i < count; i++) {
    const method = directory.readUInt16LE(p + 10);
    const compressed = directory.readUInt32LE(p + 20);
    const nameLength = directory.readUInt16LE(p + 28);
    const local = directory.readUInt32LE(p + 42);
    const name = directory.toString("utf8", p + 46, p + 46 + nameLength);
    p += 46 + nameLength + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
    if (!/^xl\/worksheets\/sheet\d+\.xml$/u.test(name) && name !== "xl/sharedStrings.xml") continue;
    const header = read(local, 30);
    parts.push({ start: local + 30 + header.readUInt16LE(26) + header.readUInt16LE(28), size: compressed, method });
  }
  closeSync(fd);
  const cell = /<c[ >]|<si>/gu;
  let cells = 0;
  for (const part of parts) {
    const raw = createReadStream(path, { start: part.start, end: part.start + part.size - 1 });
    let carry = "";
    for await (const chunk of part.method === 8 ? raw.pipe(createInflateRaw()) : raw) {
      // A tag cut by the chunk's end is counted in the next chunk: carry from a "<" among the last three bytes.
      const text = carry + (chunk as Buffer).toString("latin1");
      const cut = text.lastIndexOf("<");
      const whole = cut >= 0 && cut > text.length - 4 ? cut : text.length;
      cells += text.slice(0, whole).match(cell)?.length ?? 0;
      carry = text.slice(whole);
    }
  }
  return cells;
}

/**
 * Median seconds (and entries/s) of `runs` measurements, each after a full GC, after one unmeasured warm-up run (so
 * that the figures are of optimised code, not of the JIT compiling it); the largest peaks of all.
 */
async function repeated(runs: number, fn: () => unknown, rows: number): Promise<StepResult> {
  const seconds: number[] = [];
  let peakHeap = 0;
  let peakRss = 0;
  fn();
  for (let i = 0; i < runs; i++) {
    gc();
    const m = await measure(fn);
    seconds.push(m.seconds);
    peakHeap = Math.max(peakHeap, m.peakHeap);
    peakRss = Math.max(peakRss, m.peakRss);
  }
  const s = median(seconds);
  return { seconds: s, peakHeap, peakRss, perSecond: rows / s, runs, all: seconds.map((x) => x.toFixed(3)).join(" ") };
}

async function main(): Promise<void> {
  const [step, rowsArg, file, runsArg] = process.argv.slice(2);
  const rows = Number(rowsArg);
  const runs = Number(runsArg ?? 1) || 1;
  let result: StepResult;
  switch (step) {
    case "core": {
      // One data set, `runs` measurements in this process (generating a million entries takes longer than checking).
      const documents = parseAll(generate(rows));
      result = await repeated(runs, () => core(documents), rows);
      break;
    }
    case "parse": {
      const texts = documentValues(generate(rows)).map((v) => JSON.stringify(v));
      result = await repeated(
        runs,
        () => {
          const documents: SourcedDocument[] = [];
          texts.forEach((t, i) => documents.push(...parseJsonText(t, `doc${i}.json`).documents));
          return core(documents);
        },
        rows,
      );
      break;
    }
    case "prepare-xlsx": {
      const m = await measure(() => writeWorkbookFile(ledgerModel(generate(rows)), file!, { streaming: true }));
      result = { seconds: m.seconds, peakRss: m.peakRss };
      break;
    }
    case "import-ours":
    case "import-web":
    case "import-fallback": {
      // The one reader (src/app/readInput: recognise, read, import), on the file's bytes, under the platform's
      // inflater: zlib (the CLI), DecompressionStream (the browsers' API; Node's implementation here), fflate.
      const inflate = step === "import-ours" ? nodeInflater : step === "import-web" ? webInflater()! : fallbackInflater;
      const m = await measure(async () => {
        // As the command line opens a file (read piece by piece as the reader asks), without the hash of the audit
        // log (the floor has none either).
        const opened = await openInputFile(file!, Number.MAX_SAFE_INTEGER);
        try {
          const loaded = await readInput({ name: file!, bytes: opened.source, sha256: null }, { inflate });
          return loaded.documents.reduce((n, d) => n + (d.kind === "ledger" ? d.entriesRead : 0), 0);
        } finally {
          await opened.close();
        }
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
        return ws ? XLSX.utils.decode_range(ws["!ref"] ?? "A1").e.r : null;
      });
      // SheetJS reads a part as one string: past V8's ~512 MB limit (a million rows) it skips the sheet silently.
      result = { seconds: m.seconds, peakRss: m.peakRss, lastRow: m.value, failed: m.value === null ? 1 : 0 };
      break;
    }
    case "import-floor": {
      const m = await measure(() => floorScan(file!));
      result = { seconds: m.seconds, peakRss: m.peakRss, cells: m.value };
      break;
    }
    case "export": {
      const data = generate(rows);
      const parsed = documentValues(data).map((v, i) =>
        parseDocumentValue(JSON.parse(JSON.stringify(v)), `doc${i}.json`),
      );
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
