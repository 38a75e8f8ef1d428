/**
 * Round trips through the real exceljs adapter: a template written, filled programmatically as a person would
 * (picking from the drop-downs, typing dates and numbers), read back and compared with the source document; and
 * every sample written as a filled workbook, read back (also with the streaming reader) and compared.
 */
import { readdirSync, readFileSync } from "node:fs";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { writeWorkbook, writeWorkbookFile } from "../../../src/adapters/exceljs";
import { readXlsxFile } from "../../../src/adapters/xlsx/node";
import { readXlsx } from "../../../src/adapters/xlsx/reader";
import { nodeInflater } from "../../../src/adapters/zip/nodeInflate";

import { datesAsSerials } from "../../adapters/xlsx/helpers";

/** The product's reader on bytes. */
const readWorkbook = (data: Buffer | Uint8Array) => readXlsx(new Uint8Array(data), { inflate: nodeInflater });
import { parseSettings } from "../../../src/core/config";
import { getItem, resolveItem } from "../../../src/core/catalog";
import { runChecks } from "../../../src/core/engine";
import { parseDocumentValue, parseJsonText, type SourcedDocument } from "../../../src/core/parse";
import { ruleIds } from "../../../src/core/rules";
import type { AnnualSummary, Application, Ledger, Registry } from "../../../src/core/schemas";
import { parseReviewerScores, type ReviewerScores } from "../../../src/core/scoring/reviewers";
import { DEFAULT_RUBRICS } from "../../../src/core/scoring/rubrics";
import { importWorkbook, type ImportResult } from "../../../src/core/sheets/import";
import {
  applicationForm,
  CODECS,
  getPath,
  ledgerColumns,
  REGISTRY_COLUMNS,
  summaryForm,
  type FormLayout,
} from "../../../src/core/sheets/layouts";
import { isDateValue, type CellValue, type WorkbookModel } from "../../../src/core/sheets/model";
import {
  applicationTemplate,
  applicationWorkbook,
  ledgerTemplate,
  ledgerWorkbook,
  registryTemplate,
  registryWorkbook,
  scoringTemplate,
  scoringWorkbook,
  summaryTemplate,
  summaryWorkbook,
} from "../../../src/core/sheets/templates";
import { application, ledger, OUTLET_CODE, registry, summary } from "../../helpers/fixtures";

const SAMPLES = join(__dirname, "..", "..", "..", "samples");

function parse<T>(raw: unknown): T {
  const parsed = parseDocumentValue(raw, null);
  expect(parsed.findings).toEqual([]);
  return parsed.documents[0]!.doc as T;
}

function sampleDocs(folder: string): [string, unknown][] {
  const dir = join(SAMPLES, folder);
  return readdirSync(dir)
    .filter((f) => f.endsWith(".json"))
    .map((f) => [f, JSON.parse(readFileSync(join(dir, f), "utf8"))]);
}

const code = (item: string) => resolveItem(item)?.code ?? item;

/**
 * What a workbook does not keep: checkbox lists come back in the form's order, items named in a JSON file come
 * back as their codes, and an empty text is an empty cell.
 */
function normalise<T>(doc: T): T {
  const copy = JSON.parse(JSON.stringify(doc, (_k, v: unknown) => (v === "" ? undefined : v))) as Record<
    string,
    unknown
  >;
  for (const key of ["marketTypes", "qualifications", "serviceObjects"]) {
    if (Array.isArray(copy[key])) (copy[key] as string[]).sort();
  }
  const services = copy.services as Record<string, string[]> | undefined;
  for (const tier of ["basic", "lowCost", "valueAdded"]) {
    if (services?.[tier]) services[tier] = services[tier].map(code).sort();
  }
  for (const entry of (copy.entries as { item?: string }[] | undefined) ?? []) {
    if (entry.item) entry.item = code(entry.item);
  }
  return copy as T;
}

async function roundTrip(model: WorkbookModel, file = "x.xlsx"): Promise<ImportResult> {
  return importWorkbook(await readWorkbook(await writeWorkbook(model)), file);
}

function only<K extends SourcedDocument["kind"]>(result: ImportResult, kind: K) {
  expect(result.findings.filter((f) => f.severity !== "info")).toEqual([]);
  expect(result.documents).toHaveLength(1);
  expect(result.documents[0]!.kind).toBe(kind);
  expect(result.rowsRead).toBe(result.rowsLoaded + result.rowsRejected);
  return result.documents[0] as Extract<SourcedDocument, { kind: K }>;
}

// ---------------------------------------------------------------- filling templates as a person would

/** What a person puts in a cell for a model value: dates as dates, the rest as shown. */
function typed(value: CellValue): ExcelJS.CellValue {
  if (isDateValue(value)) return new Date(`${value.date}T00:00:00Z`);
  return value as ExcelJS.CellValue;
}

async function open(model: WorkbookModel): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await writeWorkbook(model)) as unknown as ArrayBuffer);
  return wb;
}

async function save(wb: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Writes rows under a table sheet's header, by header text (so the test does not know column positions). */
function fillTable(ws: ExcelJS.Worksheet, rows: Record<string, ExcelJS.CellValue>[]): void {
  let headerRow = 0;
  const cols = new Map<string, number>();
  ws.eachRow((row, r) => {
    if (headerRow) return;
    const texts: [string, number][] = [];
    row.eachCell((cell, c) => typeof cell.value === "string" && texts.push([cell.value, c]));
    if (texts.length > 2) {
      headerRow = r;
      for (const [t, c] of texts) cols.set(t, c);
    }
  });
  rows.forEach((values, i) => {
    const row = ws.getRow(headerRow + 1 + i);
    for (const [header, value] of Object.entries(values)) {
      const c = cols.get(header);
      if (c === undefined) throw new Error(`no column ${header}`);
      row.getCell(c).value = value;
    }
  });
}

/** Fills a form sheet: each field's value beside its label, each table under its header. */
function fillForm(ws: ExcelJS.Worksheet, layout: FormLayout, doc: unknown): void {
  const rowOf = new Map<string, number>();
  ws.eachRow((row, r) => {
    const v = row.getCell(1).value;
    if (typeof v === "string" && !rowOf.has(v)) rowOf.set(v, r);
  });
  for (const item of layout.items) {
    if (item.kind === "field") {
      const r = rowOf.get(item.label)!;
      const bind = item.bind;
      let value: CellValue;
      if (bind.kind === "value") value = item.codec.toCell(getPath(doc, item.key));
      else if (bind.kind === "member") {
        const list = (getPath(doc, bind.path) as string[] | undefined) ?? [];
        value = list.includes(bind.code) ? "是" : null;
      } else {
        const list = (getPath(doc, bind.path) as string[] | undefined) ?? [];
        value = CODECS.list.toCell(list.filter((c) => !bind.listed.includes(c)));
      }
      ws.getCell(r, 2).value = typed(value);
    } else if (item.kind === "table") {
      const header = rowOf.get(item.title)! + 1;
      const rows = (getPath(doc, item.key) as unknown[] | undefined) ?? [];
      rows.forEach((entry, i) =>
        item.columns.forEach((col, c) => {
          ws.getCell(header + 1 + i, c + 1).value = typed(col.codec.toCell(getPath(entry, col.key)));
        }),
      );
    }
  }
}

describe("templates filled programmatically, read back", () => {
  it("台账: picked items, typed dates (as dates and as text), numbers as text", async () => {
    const source = parse<Ledger>(ledger());
    const wb = await open(ledgerTemplate({ category: "library", year: 2025 }));
    const info = wb.getWorksheet("网点信息")!;
    info.getCell("B2").value = source.outlet.name!;
    info.getCell("B3").value = source.outlet.creditCode!;
    const columns = ledgerColumns("library");
    fillTable(
      wb.getWorksheet("服务台账")!,
      source.entries.map((entry, i) => {
        const values: Record<string, ExcelJS.CellValue> = {};
        for (const c of columns) {
          const v = c.codec.toCell(getPath(entry, c.key));
          if (v !== null) values[c.header] = typed(v);
        }
        // Some rows typed the way people type.
        if (i === 1) values["服务日期"] = entry.date!.replace(/-0?/gu, "/");
        if (i === 2) values["收费金额（元）"] = String(entry.fee);
        if (i === 3) values["服务事项"] = getItem(entry.item!)!.name;
        return values;
      }),
    );
    const result = importWorkbook(await readWorkbook(await save(wb)), "台账.xlsx");
    const back = only(result, "ledger");
    expect(back.doc).toEqual(source);
    expect(back.entryNumbers).toEqual(source.entries.map((_e, i) => i + 2));
    expect(result).toMatchObject({ rowsRead: 10, rowsLoaded: 10, rowsRejected: 0 });
  });

  it.each([
    ["申报书", () => parse<Application>(application()), applicationTemplate, applicationForm],
    ["工作总结表", () => parse<AnnualSummary>(summary()), summaryTemplate, summaryForm],
  ] as const)(
    "%s: values beside their labels, 是 for the ticked boxes, the tables",
    async (name, source, template, form) => {
      const doc = source();
      const wb = await open(template({ category: doc.category! }));
      fillForm(wb.getWorksheet(name)!, form(doc.category), doc);
      const back = only(importWorkbook(await readWorkbook(await save(wb)), `${name}.xlsx`), doc.type);
      expect(normalise(back.doc)).toEqual(normalise(doc));
    },
  );

  it("网点名录: rows under the header, evaluations on their own sheet", async () => {
    const source = parse<Registry>(registry());
    const wb = await open(registryTemplate());
    fillTable(
      wb.getWorksheet("网点名录")!,
      source.outlets.map((o) =>
        Object.fromEntries(
          REGISTRY_COLUMNS.flatMap((c) => {
            const v = c.codec.toCell(getPath(o, c.key));
            return v === null ? [] : [[c.header, typed(v)]];
          }),
        ),
      ),
    );
    fillTable(
      wb.getWorksheet("评估记录")!,
      source.outlets.flatMap((o) =>
        o.evaluations.map((e) => ({
          统一社会信用代码: o.creditCode,
          评估年度: e.year,
          评估得分: e.score!,
          评估等级: "优秀",
        })),
      ),
    );
    const back = only(importWorkbook(await readWorkbook(await save(wb)), "名录.xlsx"), "registry");
    expect(back.doc).toEqual(source);
  });

  it("评分表: expert cells typed, one outlet recused, a cell left blank", async () => {
    const subjects = [
      { key: OUTLET_CODE, name: "广州市越秀区东湖图书馆", auto: [{ criterion: "A1", x: 152, score: 10 }] },
      { key: "91440106MA5BL6RX97", name: "广州粤信知识产权服务有限公司", auto: [] },
    ];
    const wb = await open(scoringTemplate({ rubric: DEFAULT_RUBRICS.annual, subjects, reviewer: "专家A 陈教授" }));
    const ws = wb.getWorksheet("评分表-专家A 陈教授")!;
    const header = ws.getRow(2);
    const col = (prefix: string) => {
      let at = 0;
      header.eachCell((cell, c) => String(cell.value).startsWith(prefix) && !at && (at = c));
      return at;
    };
    ws.getCell(3, col("C4")).value = 3.5;
    ws.getCell(3, col("D1")).value = "８";
    ws.getCell(3, col("D2")).value = 4;
    ws.getCell(3, col("D3")).value = 4.5;
    ws.getCell(4, col("回避")).value = "是";
    ws.getCell(4, col("回避理由")).value = "近三年曾在该机构兼职";
    const result = importWorkbook(await readWorkbook(await save(wb)), "专家A.xlsx");
    expect(result.findings).toEqual([]);
    const sheet = result.sheets[0]!;
    expect(sheet.reviewer).toBe("专家A 陈教授");
    expect(sheet.scores.map((s) => [s.outlet, s.criterion, s.score])).toEqual([
      [OUTLET_CODE, "C4", 3.5],
      [OUTLET_CODE, "D1", 8],
      [OUTLET_CODE, "D2", 4],
      [OUTLET_CODE, "D3", 4.5],
      [OUTLET_CODE, "D4", null],
    ]);
    expect(sheet.conflicts).toEqual([{ outlet: "91440106MA5BL6RX97", reason: "近三年曾在该机构兼职", index: 0 }]);
  });
});

describe("every sample as a filled workbook, read back", () => {
  it.each(sampleDocs("applications"))("申报书 %s", async (_f, raw) => {
    const doc = parse<Application>(raw);
    expect(normalise(only(await roundTrip(applicationWorkbook(doc)), "application").doc)).toEqual(normalise(doc));
  });

  it.each(sampleDocs("summaries"))("工作总结表 %s", async (_f, raw) => {
    const doc = parse<AnnualSummary>(raw);
    expect(normalise(only(await roundTrip(summaryWorkbook(doc)), "annualSummary").doc)).toEqual(normalise(doc));
  });

  it("网点名录", async () => {
    const doc = parse<Registry>(JSON.parse(readFileSync(join(SAMPLES, "registry.json"), "utf8")));
    expect(only(await roundTrip(registryWorkbook(doc)), "registry").doc).toEqual(doc);
  });

  it.each(sampleDocs("ledgers"))(
    "台账 %s, also with its dates as bare serials (a date column without its format)",
    async (f, raw) => {
      const doc = parse<Ledger>(raw);
      const model = ledgerWorkbook(doc);
      expect(only(await roundTrip(model), "ledger").doc).toEqual(normalise(doc));
      const path = join(mkdtempSync(join(tmpdir(), "outlet-review-")), f.replace(/json$/u, "xlsx"));
      await writeWorkbookFile(model, path);
      const read = await readXlsxFile(path);
      expect(read.sheets.find((s) => s.name === "服务台账")!.rows[1]![0]).toEqual({ date: doc.entries[0]!.date });
      const serials = datesAsSerials(read);
      expect(typeof serials.sheets.find((s) => s.name === "服务台账")!.rows[1]![0]).toBe("number");
      expect(only(importWorkbook(serials, f), "ledger").doc).toEqual(normalise(doc));
    },
  );

  it("reviewers' score sheets", async () => {
    const sheets = sampleDocs("scores")
      .map(([, raw]) => raw as ReviewerScores)
      .filter((s) => s.scores.some((x) => x.criterion === "D1"));
    const subjects = [...new Set(sheets.flatMap((s) => s.scores.map((x) => x.outlet)))].map((key) => ({
      key,
      name: null,
      auto: [],
    }));
    const result = await roundTrip(scoringWorkbook({ rubric: DEFAULT_RUBRICS.annual, subjects }, sheets));
    expect(result.findings).toEqual([]);
    for (const source of sheets) {
      const back = result.sheets.find((s) => s.reviewer === source.reviewer)!;
      const expected = parseReviewerScores(source, null).sheet!;
      const key = (s: { outlet: string; criterion: string; score: number | null }) =>
        `${s.outlet} ${s.criterion} ${s.score}`;
      // The sheet has a cell for every outlet and criterion: those the JSON leaves out come back blank.
      expect(
        back.scores
          .filter((s) => s.score !== null)
          .map(key)
          .sort(),
      ).toEqual(
        expected.scores
          .filter((s) => s.score !== null)
          .map(key)
          .sort(),
      );
      expect(back.conflicts.map((c) => [c.outlet, c.reason])).toEqual(
        expected.conflicts.map((c) => [c.outlet, c.reason]),
      );
    }
  });

  it("check finds the same on the workbooks as on the JSON files", async () => {
    const settings = parseSettings({}, ruleIds());
    const json: SourcedDocument[] = [];
    for (const folder of ["summaries", "ledgers"]) {
      for (const [f] of sampleDocs(folder)) {
        json.push(...parseJsonText(readFileSync(join(SAMPLES, folder, f), "utf8"), f).documents);
      }
    }
    json.push(...parseJsonText(readFileSync(join(SAMPLES, "registry.json"), "utf8"), "registry.json").documents);
    const xlsx: SourcedDocument[] = [];
    for (const d of json) {
      const model =
        d.kind === "ledger"
          ? ledgerWorkbook(d.doc)
          : d.kind === "annualSummary"
            ? summaryWorkbook(d.doc)
            : d.kind === "registry"
              ? registryWorkbook(d.doc)
              : applicationWorkbook(d.doc);
      xlsx.push(...(await roundTrip(model, d.file!)).documents);
    }
    const summaryOf = (docs: SourcedDocument[]) =>
      runChecks(docs, { settings, today: "2026-01-10" })
        .findings.map((f) => `${f.rule} ${f.severity} ${f.outlet}`)
        .sort();
    expect(summaryOf(xlsx)).toEqual(summaryOf(json));
  });
});
