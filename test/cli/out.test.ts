/**
 * `--out` of check, stats and score, and `demo --out`: the workbooks are written (folders created), read back with
 * exceljs (sheets, cells, a hyperlink, a note, a fill), submitted text stays text, inputs are never touched, and a big
 * ledger goes through the streaming writer.
 */
import { createHash } from "node:crypto";
import { existsSync, linkSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { readXlsxFile as readWorkbookFile } from "../../src/adapters/xlsx/node";
import type { CheckReport } from "../../src/core/report";
import { runCli, tempTree } from "../helpers/cliHarness";
import { application, ledger, ledgerEntry, registry, summary } from "../helpers/fixtures";

const FORMULA_NAME = '=HYPERLINK("http://example.com/x","点此")';

async function open(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
}

/** Column number (1-based) of a header in row 1. */
function columnOf(ws: ExcelJS.Worksheet, header: string): number {
  const values = ws.getRow(1).values as unknown[];
  const i = values.indexOf(header);
  if (i < 1) throw new Error(`no column ${header} in ${ws.name}`);
  return i;
}

function sha256(path: string): string {
  return createHash("sha256").update(readFileSync(path)).digest("hex");
}

describe("check --out", () => {
  const root = tempTree({
    "in/app.json": application((a) => {
      a.org.name = FORMULA_NAME;
      a.org.contact.name = "+8613800000000";
      a.org.staff.fullTime = 3;
    }),
    "in/summary.json": summary(),
    "in/ledger.json": ledger((l) => (l.entries[3].fee = 50)),
    "in/registry.json": registry(),
  });
  const inputs = ["in/app.json", "in/summary.json", "in/ledger.json", "in/registry.json"];
  const before = Object.fromEntries(inputs.map((f) => [f, sha256(join(root, f))]));
  let run: Awaited<ReturnType<typeof runCli>>;
  let wb: ExcelJS.Workbook;
  let report: CheckReport;

  beforeAll(async () => {
    run = await runCli(["check", "in", "--json", "--out", "reports/2026/审核结果.xlsx"], root);
    report = JSON.parse(run.stdout) as CheckReport;
    wb = await open(join(root, "reports/2026/审核结果.xlsx"));
  });

  it("writes the workbook into a new folder, prints the JSON report as before and names the file on stderr", () => {
    expect(run.code).toBe(0);
    expect(report.version).toBe(1);
    expect(run.stderr).toContain("已写出审核工作簿 reports/2026/审核结果.xlsx");
    expect(wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name)).toEqual([
      "申报汇总",
      "年度总结",
      "服务台账",
      "网点名录",
      "问题清单",
      "审核日志",
    ]);
  });

  it("never modifies an input", () => {
    for (const f of inputs) expect(sha256(join(root, f))).toBe(before[f]);
  });

  it("writes submitted text beginning with = or + as text, which reads back as the same string", async () => {
    const apps = sheet(wb, "申报汇总");
    const name = apps.getCell(2, columnOf(apps, "网点名称"));
    expect(name.type).toBe(ExcelJS.ValueType.String);
    expect(name.formula).toBeUndefined();
    expect(name.value).toBe(FORMULA_NAME);
    expect(apps.getCell(2, columnOf(apps, "联系人")).value).toBe("+8613800000000");
    // And through the adapter's reader, as an import would see it.
    const raw = await readWorkbookFile(join(root, "reports/2026/审核结果.xlsx"));
    expect(raw.sheets.find((s) => s.name === "申报汇总")!.rows[1]![0]).toBe(FORMULA_NAME);
    expect(raw.marker).toEqual({ kind: "reviewWorkbook", version: 1 });
  });

  it("links a 问题清单 row to the marked cell: fill by severity and a note with the message", () => {
    const list = sheet(wb, "问题清单");
    const fee = report.issues.findIndex((f) => f.rule === "ledger/basic-fee");
    expect(fee).toBeGreaterThanOrEqual(0);
    const location = list.getCell(fee + 2, columnOf(list, "位置"));
    const ledgerSheet = sheet(wb, "服务台账");
    const feeCol = columnOf(ledgerSheet, "收费金额（元）");
    const target = `${ledgerSheet.getColumn(feeCol).letter}5`; // the fourth entry, under the header
    expect(location.hyperlink).toBe(`#'服务台账'!$${target.replace(/(\d+)$/u, "$$$1")}`);
    expect(location.text).toBe(`服务台账 ${target}`);

    const cell = ledgerSheet.getCell(target);
    expect(cell.value).toBe(50);
    expect(cell.fill).toMatchObject({ type: "pattern", pattern: "solid", fgColor: { argb: "FFFFC7CE" } });
    const note = typeof cell.note === "string" ? cell.note : JSON.stringify(cell.note);
    expect(note).toContain(report.issues[fee]!.message);
  });

  it("lists every input with its SHA-256 in 审核日志", () => {
    const audit = sheet(wb, "审核日志");
    const rows = (audit.getSheetValues() as unknown[][]).filter(Boolean).map((r) => r.slice(1));
    for (const i of report.inputs) expect(rows).toContainEqual(["输入文件", i.file, i.sha256, i.documents, i.rejected]);
    expect(rows[0]).toEqual(["项目", "内容", "SHA-256", "载入文档", "未载入"]);
    expect(rows[1]![0]).toBe("生成时间");
  });
});

describe("--out refusals", () => {
  const root = tempTree({ "in/app.json": application(), "in/old.xlsx": "PK\u0003\u0004 not really a workbook" });

  it("asks for an .xlsx file name", async () => {
    const run = await runCli(["check", "in", "--out", "result.json"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--out 应为 .xlsx 文件");
    expect(existsSync(join(root, "result.json"))).toBe(false);
  });

  it("never writes over an input", async () => {
    const before = sha256(join(root, "in/old.xlsx"));
    const run = await runCli(["check", "in/app.json", "in/old.xlsx", "--out", "in/old.xlsx"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("不会覆盖输入");
    expect(sha256(join(root, "in/old.xlsx"))).toBe(before);
  });

  it("never writes over an input through a link: a symbolic or a hard link to it is the input", async () => {
    symlinkSync(join(root, "in/old.xlsx"), join(root, "软链接.xlsx"));
    linkSync(join(root, "in/old.xlsx"), join(root, "硬链接.xlsx"));
    const before = sha256(join(root, "in/old.xlsx"));
    for (const out of ["软链接.xlsx", "硬链接.xlsx"]) {
      const run = await runCli(["check", "in/app.json", "in/old.xlsx", "--out", out], root);
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(`--out“${out}”指向本次的一个输入文件（同一文件的链接），不会覆盖输入`);
    }
    expect(sha256(join(root, "in/old.xlsx"))).toBe(before);
  });

  it("writes through a temporary file in the target folder: no temporary file is left, nor half a workbook", async () => {
    const run = await runCli(["check", "in/app.json", "--out", "结果/审核.xlsx"], root);
    expect(run.code).toBe(0);
    expect(readdirSync(join(root, "结果"))).toEqual(["审核.xlsx"]);
    writeFileSync(join(root, "a-file"), "");
    await runCli(["check", "in/app.json", "--out", "a-file/result.xlsx"], root);
    expect(readdirSync(root).filter((n) => n.endsWith(".tmp"))).toEqual([]);
  });

  it("says why a file cannot be written, and exits 2", async () => {
    writeFileSync(join(root, "a-file"), "");
    const run = await runCli(["check", "in/app.json", "--out", "a-file/result.xlsx"], root);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/审核工作簿未写出/u);
  });
});

describe("stats --out and score --out", () => {
  const samples = join(__dirname, "..", "..", "samples");
  const dir = tempTree({});

  it("stats writes the statistics sheets and 审核日志", async () => {
    const run = await runCli(["stats", samples, "--out", join(dir, "统计.xlsx")], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("全市合计");
    expect(run.stderr).toContain("已写出服务统计工作簿");
    const wb = await open(join(dir, "统计.xlsx"));
    const names = wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
    expect(names[0]).toBe("服务统计-全市合计");
    expect(names.at(-1)).toBe("审核日志");
    const outlets = sheet(wb, "服务统计-各网点");
    const last = outlets.getRow(outlets.rowCount);
    expect(last.getCell(1).value).toBe("全市合计");
  });

  it("score writes 评审结果, 评分明细, 专家, the reviewers' sheets, 问题清单 and 审核日志", async () => {
    const run = await runCli(["score", samples, "--out", join(dir, "评审.xlsx")], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("网点评审助手 · 评审结果");
    const wb = await open(join(dir, "评审.xlsx"));
    const names = wb.worksheets.filter((w) => w.state === "visible").map((w) => w.name);
    expect(names.slice(0, 3)).toEqual(["评审结果", "评分明细", "专家"]);
    expect(names.some((n) => n.startsWith("评分表-"))).toBe(true);
    expect(names.slice(-2)).toEqual(["问题清单", "审核日志"]);
    const results = sheet(wb, "评审结果");
    expect(results.getCell(2, columnOf(results, "名次")).value).toBe(1);
  });
});

describe("demo --out", () => {
  const dir = tempTree({});

  it("writes 评审结果.xlsx (check, stats and score in one) and 服务统计.xlsx, and prints the three reports", async () => {
    const run = await runCli(["demo", "--out", join(dir, "out")], dir);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("网点评审助手 · 审核报告");
    expect(run.stdout).toContain("全市合计");
    expect(run.stdout).toContain("网点评审助手 · 评审结果");
    expect(run.stderr).toContain("评审结果.xlsx");
    expect(run.stderr).toContain("服务统计.xlsx");

    const wb = await open(join(dir, "out", "评审结果.xlsx"));
    const names = wb.worksheets.map((w) => w.name);
    for (const name of [
      "申报汇总",
      "服务台账",
      "问题清单",
      "服务统计-各网点",
      "评审结果",
      "评分明细",
      "专家",
      "审核日志",
    ]) {
      expect(names).toContain(name);
    }
    // Every 位置 link of 问题清单 lands on a marked cell with a note.
    const list = sheet(wb, "问题清单");
    const col = columnOf(list, "位置");
    let links = 0;
    list.eachRow((row, r) => {
      if (r === 1) return;
      const link = row.getCell(col).hyperlink;
      if (!link) return;
      links++;
      const m = /^#'(.+)'!\$([A-Z]+)\$(\d+)$/u.exec(link)!;
      const target = sheet(wb, m[1]!).getCell(`${m[2]}${m[3]}`);
      expect(target.note).toBeTruthy();
      expect(target.fill).toMatchObject({ type: "pattern", pattern: "solid" });
    });
    expect(links).toBeGreaterThan(50);

    const stats = await open(join(dir, "out", "服务统计.xlsx"));
    expect(stats.worksheets.map((w) => w.name)).toContain("服务统计-按月份");
  }, 60_000);
});

describe("a ledger above 20,000 rows", () => {
  it("is written with the streaming writer, its marks and links kept", async () => {
    const entries = Array.from({ length: 20_050 }, (_, i) =>
      ledgerEntry((e) => {
        e.date = `2025-${String((i % 12) + 1).padStart(2, "0")}-${String((i % 28) + 1).padStart(2, "0")}`;
        e.client = { type: "enterprise", name: `客户${i}`, district: "天河区" };
        if (i === 20_040) e.fee = 30;
      }),
    );
    const root = tempTree({ "ledger.json": ledger((l) => (l.entries = entries)) });
    const run = await runCli(["check", "ledger.json", "--out", "big.xlsx"], root);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("流式写出");
    const wb = await open(join(root, "big.xlsx"));
    const ws = sheet(wb, "服务台账");
    expect(ws.actualRowCount).toBe(20_051);
    const feeCol = columnOf(ws, "收费金额（元）");
    const cell = ws.getCell(20_042, feeCol);
    expect(cell.value).toBe(30);
    expect(cell.note).toBeTruthy();
  }, 120_000);
});
