/**
 * A ledger's rows go into the importer as the reader reads them (WorkbookImport as the reader's planner): the
 * documents, findings and counts are exactly those of the same workbook read whole and then imported, whatever the
 * order of its sheets, however many ledger sheets, bad rows, total rows and blank rows, and when rows come out of
 * order (the reader then reads the sheet again whole).
 */
import { writeWorkbook } from "../../src/adapters/exceljs";
import { nodeInflater } from "../../src/adapters/zip/nodeInflate";
import { readInput, type LoadedFile } from "../../src/app/readInput";
import { readXlsx } from "../../src/adapters/xlsx/reader";
import { WorkbookImport } from "../../src/core/sheets/import";
import { LEDGER_INFO_FORM } from "../../src/core/sheets/layouts";
import type { CellValue, SheetModel, TableSheet, WorkbookModel } from "../../src/core/sheets/model";
import { formSheet, ledgerWorkbook } from "../../src/core/sheets/templates";
import { sampleLedger } from "../../scripts/corpus/workbooks";
import { buildXlsx, sst, worksheet } from "../adapters/xlsx/helpers";

async function both(bytes: Uint8Array): Promise<[LoadedFile, LoadedFile]> {
  const file = { name: "台账.xlsx", bytes, sha256: null };
  const streamed = await readInput(file, { inflate: nodeInflater });
  const kept = await readInput(file, { inflate: nodeInflater, keepRows: true });
  return [streamed, kept];
}

/** What a reviewer gets from a file: documents (with where each entry points), findings, counts. */
function outcome(loaded: LoadedFile) {
  return {
    input: loaded.input,
    findings: loaded.findings,
    sheets: loaded.sheets,
    documents: loaded.documents.map((d) => {
      if (d.kind !== "ledger") return d;
      const { entryPath, ...rest } = d;
      return { ...rest, paths: d.doc.entries.map((_, i) => [entryPath!(i, "date"), entryPath!(i, null)]) };
    }),
  };
}

async function expectSame(model: WorkbookModel): Promise<LoadedFile> {
  const [streamed, kept] = await both(await writeWorkbook(model));
  expect(streamed.workbook).toBeUndefined();
  expect(kept.workbook).toBeDefined();
  expect(outcome(streamed)).toEqual(outcome(kept));
  return streamed;
}

function ledgerParts(entries: number) {
  const ledger = sampleLedger(entries);
  const model = ledgerWorkbook(ledger, { category: "library" });
  const [instructions, info, table] = model.sheets as [SheetModel, SheetModel, TableSheet];
  const col = (key: string) => table.columns.findIndex((c) => c.key === key);
  return { ledger, model, instructions, info, table, col };
}

/** The table with some rows changed (by 0-based data row). */
function editRows(table: TableSheet, edit: (row: CellValue[], i: number) => CellValue[] | null): TableSheet {
  return {
    ...table,
    rows: table.rows.flatMap((row, i) => {
      const out = edit([...row], i);
      return out ? [out] : [];
    }),
  };
}

const messages = (f: LoadedFile) => f.findings.map((x) => x.message);

describe("a ledger read row by row gives what the workbook read whole gives", () => {
  it("the template as filled: entries, and the rows' findings after the ledger's", async () => {
    const { model, table, col } = ledgerParts(600);
    const fee = col("fee");
    const bad = editRows(table, (row, i) => {
      if (i % 2 === 0 && i < 520) row[fee] = "很多";
      if (i === 300) return row.map(() => null); // even: not counted among the bad
      return row;
    });
    const total: CellValue[] = bad.columns.map(() => null);
    total[0] = "合计";
    const sheets = [model.sheets[0]!, model.sheets[1]!, { ...bad, rows: [...bad.rows, total] }];
    const loaded = await expectSame({ ...model, sheets });
    expect(loaded.input.rejected).toBe(259);
    expect(messages(loaded).some((m) => m.includes("另有 59 行无法读取"))).toBe(true);
    expect(messages(loaded).some((m) => m.includes("为“合计”行"))).toBe(true);
    const ledger = loaded.documents[0]!;
    expect(ledger.kind === "ledger" && ledger.doc.entries.length).toBe(599 - 259);
  });

  it("网点信息 after two ledger sheets, no year anywhere: the year from the dates, the outlet in every finding", async () => {
    const { ledger, model, table, col } = ledgerParts(120);
    const info = formSheet(LEDGER_INFO_FORM, { ...ledger, year: undefined });
    const second = editRows({ ...table, name: "服务台账（二）", table: undefined }, (row, i) => {
      if (i < 3) row[col("fee")] = "不是数字";
      return row;
    });
    const marker = { ...model.marker!, options: { category: "library" } };
    const loaded = await expectSame({ ...model, marker, sheets: [model.sheets[0]!, table, second, info] });
    expect(messages(loaded).some((m) => m.includes("按服务日期推定为"))).toBe(true);
    const rows = loaded.findings.filter((f) => f.message.includes("不是数字"));
    expect(rows).toHaveLength(3);
    for (const f of rows) expect(f.outletName).toBe(ledger.outlet.name);
    expect(loaded.input.rejected).toBe(3);
  });

  it("a ledger whose 网点信息 is wrong: no entry loaded, its rows counted", async () => {
    const { ledger, model, table } = ledgerParts(40);
    const info = formSheet(LEDGER_INFO_FORM, { ...ledger, year: "明年" });
    const loaded = await expectSame({ ...model, sheets: [table, info] });
    expect(loaded.documents).toHaveLength(0);
    expect(loaded.input.rejected).toBe(40);
  });
});

/** A hand-made ledger sheet: title rows, the header, data rows (dates as text). */
function handLedger(order: number[]): Promise<Buffer> {
  const header = ["服务日期", "服务对象", "服务对象类型", "服务事项", "服务渠道"];
  const strings = [...header, "广州某公司", "企业", "专利检索", "线下", "某地台账"];
  const si = (i: number) => `<c t="s"><v>${i}</v></c>`;
  const rows = [`<row r="1">${si(9)}</row>`, `<row r="3">${header.map((_, i) => si(i)).join("")}</row>`];
  for (const n of order) {
    rows.push(
      `<row r="${n}"><c t="str"><v>2025-03-${String(n % 28 || 1).padStart(2, "0")}</v></c>${si(5)}${si(6)}${si(7)}${si(8)}</row>`,
    );
  }
  return buildXlsx({
    sheets: [{ name: "Sheet1", xml: worksheet(rows.join("")) }],
    sharedStrings: sst(strings.map((s) => `<t>${s}</t>`)),
  });
}

describe("rows out of order", () => {
  it("are read again whole, with what they would give in order", async () => {
    const inOrder = await both(await handLedger([4, 5, 6, 7, 40, 41]));
    const shuffled = await both(await handLedger([4, 5, 40, 6, 41, 7]));
    expect(outcome(shuffled[0])).toEqual(outcome(shuffled[1]));
    // The documents are those of the rows in order (entries follow the sheet's rows as read, so compare as sets).
    const rows = (l: LoadedFile) =>
      l.documents.flatMap((d) => (d.kind === "ledger" ? d.entryNumbers.slice().sort() : []));
    expect(rows(shuffled[0])).toEqual(rows(inOrder[0]));
  });

  it("the importer is told its rows are void, and gets the sheet whole", async () => {
    const bytes = await handLedger([4, 5, 40, 6]);
    let run: WorkbookImport | undefined;
    const raw = await readXlsx(bytes, { inflate: nodeInflater, stream: (m) => (run = new WorkbookImport("x", m)) });
    expect(raw.sheets[0]!.rows).toHaveLength(40);
    const result = run!.finish(raw.sheets);
    expect(result.rowsRead).toBe(4);
  });
});
