/** Shared by the exceljs adapter tests: a model using every feature, temp files, and raw looks into the xlsx. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import ExcelJS from "exceljs";
import JSZip from "jszip";
import type { ColumnSpec, WorkbookModel } from "../../../src/core/sheets/model";
import { readWorkbookStream } from "../../helpers/exceljsStream";
import type { RawWorkbook } from "../../../src/core/sheets/model";

/** A fresh temp directory per test file, removed with `cleanup`. */
export function tempDir(): { path: (name: string) => string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "outlet-review-exceljs-"));
  return { path: (name) => join(dir, name), cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** Loads bytes with exceljs's full reader, to look at styles, validations, notes and the like. */
export async function loadExcel(data: Buffer | Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  return workbook;
}

/** The XML of a part of the package (e.g. "xl/worksheets/sheet1.xml"). */
export async function partXml(data: Buffer | Uint8Array, part: string): Promise<string> {
  const zip = await JSZip.loadAsync(data);
  const file = zip.file(part) ?? zip.file(`/${part}`);
  if (!file) throw new Error(`no part ${part} in ${Object.keys(zip.files).join(", ")}`);
  return file.async("string");
}

/**
 * The same package with xl/workbook.xml stored first (as Excel stores it) or last (as exceljs's writer sometimes
 * does, at random): tests of the streaming reader must not depend on which order exceljs happened to write.
 */
export async function withWorkbookXml(data: Buffer | Uint8Array, where: "first" | "last"): Promise<Buffer> {
  const source = await JSZip.loadAsync(data);
  const names = Object.keys(source.files).filter((n) => !source.files[n]!.dir && n !== "xl/workbook.xml");
  const order = where === "first" ? ["xl/workbook.xml", ...names] : [...names, "xl/workbook.xml"];
  const reordered = new JSZip();
  for (const n of order) reordered.file(n, await source.file(n)!.async("uint8array"));
  return reordered.generateAsync({ type: "nodebuffer", compression: "DEFLATE" });
}

/** The `<c>` element of a cell in a sheet's XML. */
export function cellXml(sheetXml: string, address: string): string {
  const m = new RegExp(`<c r="${address}"[^>]*?(?:/>|>.*?</c>)`, "u").exec(sheetXml);
  if (!m) throw new Error(`no cell ${address}`);
  return m[0];
}

/** Values Excel might take for formulas: every one must stay text. */
export const RISKY_TEXTS = [
  "=1+1",
  "+86 138 0013 8000",
  "-5",
  "@SUM(A1)",
  '=HYPERLINK("http://x")',
  "=cmd|' /C calc'!A0",
];

export const LONG_LIST = Array.from(
  { length: 40 },
  (_, i) => `B${String(i + 1).padStart(2, "0")} 知识产权信息服务项目`,
);

export const LEDGER_COLUMNS: ColumnSpec[] = [
  { key: "client.name", header: "服务对象", type: "text", width: 24, note: "填写服务对象全称", locked: false },
  { key: "count", header: "次数", type: "integer", width: 8, validation: { min: 0, max: 1000 }, locked: true },
  { key: "ratio", header: "比例", type: "number", width: 10, validation: { min: 0, max: 1.5, strict: false } },
  { key: "fee", header: "收费（元）", type: "money", width: 12 },
  { key: "share", header: "满意率", type: "percent", width: 10 },
  { key: "date", header: "服务日期", type: "date", width: 12 },
  { key: "free", header: "是否免费", type: "boolean", width: 10 },
  { key: "detail", header: "服务内容", type: "longText", width: 30 },
  {
    key: "item",
    header: "服务项目",
    type: "text",
    width: 30,
    validation: { list: LONG_LIST, error: "请选择服务项目" },
  },
  { key: "tier", header: "层级", type: "text", width: 10, validation: { list: ["初级", "中级", "高级"] } },
];

/** A workbook with every cell type, a form, a text sheet, lists, marks, links, protection and a marker. */
export function fullModel(): WorkbookModel {
  return {
    title: "测试工作簿",
    marker: { kind: "ledgerTemplate", version: 2, options: { category: "高校" } },
    sheets: [
      {
        kind: "table",
        name: "服务台账",
        title: "2025 年服务台账",
        columns: LEDGER_COLUMNS,
        rows: [
          [
            "=1+1",
            3,
            0.5,
            1234.5,
            0.875,
            { date: "2025-03-05" },
            true,
            "很长的服务内容说明。".repeat(12),
            LONG_LIST[0]!,
            "初级",
          ],
          ["+86 138 0013 8000", 0, 1, 0, 1, { date: "2024-12-31" }, false, "短", LONG_LIST[39]!, "高级"],
          ["@SUM(A1)", null, null, null, null, null, null, null, null, null],
        ],
        freeze: { cols: 1 },
        protect: true,
        inputRows: 5,
        marks: [
          { row: 0, col: 1, severity: "error", note: "次数与明细不符" },
          { row: 1, col: 3, severity: "warning", note: "收费为 0" },
          { row: 1, col: 3, severity: "info", note: "请核对" },
          { row: 2, col: 0, severity: "info", note: "提示信息" },
        ],
      },
      {
        kind: "table",
        name: "问题清单",
        columns: [
          { key: "rule", header: "规则", type: "text", width: 10 },
          { key: "message", header: "说明", type: "longText", width: 40 },
          { key: "where", header: "位置", type: "text", width: 16 },
          { key: "n", header: "数量", type: "integer", width: 8 },
          { key: "amount", header: "金额", type: "money", width: 12 },
        ],
        rows: [
          ["L01", "次数与明细不符", "服务台账!B4", 2, 10.5],
          ["L02", "收费为 0", null, 3, 20],
        ],
        table: { name: "Findings", totals: true },
        links: [
          { row: 0, col: 2, sheet: "服务台账", cell: "B4" },
          { row: 1, col: 2, sheet: "服务台账", cell: "D5" },
        ],
      },
      {
        kind: "form",
        name: "申报书",
        title: "广州市知识产权信息公共服务网点申报书",
        protect: true,
        blocks: [
          { kind: "heading", text: "一、基本情况" },
          {
            kind: "field",
            field: { key: "org.name", label: "单位名称", type: "text", value: "某某大学", required: true },
          },
          {
            kind: "field",
            field: { key: "org.founded", label: "成立日期", type: "date", value: { date: "2001-09-01" } },
          },
          {
            kind: "field",
            field: {
              key: "org.staff",
              label: "专职人员数",
              type: "integer",
              value: 5,
              validation: { min: 0 },
              note: "人",
            },
          },
          { kind: "field", field: { key: "org.paid", label: "是否收费", type: "boolean", value: false } },
          { kind: "field", field: { key: "org.intro", label: "单位简介", type: "longText", value: null } },
          { kind: "text", text: "以下表格请逐行填写。" },
          {
            kind: "table",
            key: "staff",
            title: "人员名单",
            columns: [
              { key: "name", header: "姓名", type: "text", width: 10 },
              { key: "edu", header: "学历", type: "text", width: 10, validation: { list: ["本科", "硕士", "博士"] } },
              { key: "age", header: "年龄", type: "integer", width: 8, validation: { min: 18, max: 80 } },
            ],
            rows: [["张三", "硕士", 35]],
            inputRows: 3,
          },
          { kind: "heading", text: "二、承诺" },
          { kind: "field", field: { key: "promise", label: "承诺", type: "boolean", value: true } },
        ],
      },
      {
        kind: "text",
        name: "填写说明",
        paragraphs: ["一、请逐项填写。", "", "二、日期格式为 2025-03-05。"],
        width: 90,
      },
      {
        kind: "table",
        name: "隐藏表",
        hidden: true,
        columns: [{ key: "k", header: "键", type: "text", width: 10 }],
        rows: [["v"]],
      },
    ],
  };
}

/**
 * exceljs's streaming reader, read three times, keeping the fullest read. exceljs 4.4's WorkbookReader now and then
 * loses the shared strings or the sheet names of the very same file (a race inside the library, seen about once in
 * a few dozen reads under load, twice running at times). The race only ever loses values, so the read with the most
 * values and real sheet names is the library's answer. The product no longer uses it (files go through
 * src/adapters/xlsx); the tests keep it as a baseline and must not fail on its coin tosses.
 */
export async function readStreamSettled(path: string): Promise<RawWorkbook> {
  let best = await readWorkbookStream(path);
  for (let i = 0; i < 2; i++) {
    const next = await readWorkbookStream(path);
    if (fullness(next) > fullness(best)) best = next;
  }
  return best;
}

/** Values held plus sheets with their own name (a lost name reads as "SheetN"). */
function fullness(raw: RawWorkbook): number {
  let n = 0;
  for (const sheet of raw.sheets) {
    if (!/^Sheet\d+$/u.test(sheet.name)) n++;
    for (const row of sheet.rows) for (const cell of row) if (cell !== null && cell !== undefined) n++;
  }
  return n;
}
