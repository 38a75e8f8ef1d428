/**
 * `outlet-review template` writes a valid workbook for each kind, and check, stats and score take filled
 * templates (.xlsx) as inputs beside JSON, found by content and in folders.
 */
import { copyFileSync, existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ExcelJS from "exceljs";
import { writeWorkbookFile } from "../../src/adapters/exceljs";
import { readXlsxFile as readWorkbookFile } from "../../src/adapters/xlsx/node";
import { parseDocumentValue } from "../../src/core/parse";
import type { Ledger } from "../../src/core/schemas";
import { ledgerWorkbook } from "../../src/core/sheets/templates";
import { runCli, tempTree } from "../helpers/cliHarness";

const SAMPLES = join(__dirname, "..", "..", "samples");

interface Report {
  documents: Record<string, number>;
  issues: { rule: string; severity: string; file: string | null; path: string | null; entry: number | null }[];
  inputs: { file: string; documents: number; rejected: number }[];
}

describe("outlet-review template", () => {
  const root = tempTree({});

  it.each([
    ["ledger", ["--category", "library", "--year", "2025"], "ledger", ["填写说明", "网点信息", "服务台账"]],
    ["application", ["--category", "公共图书馆类服务网点"], "application", ["填写说明", "申报书"]],
    ["summary", [], "annualSummary", ["填写说明", "工作总结表"]],
    ["registry", [], "registry", ["填写说明", "网点名录", "评估记录"]],
    ["scoring", [], "scoring", ["填写说明", "评分表"]],
  ])("%s writes a workbook with its sheets and marker", async (kind, extra, marker, sheets) => {
    const out = `模板/${kind}.xlsx`;
    const run = await runCli(["template", kind, ...extra, "--out", out], root);
    expect(run.stderr).toContain("已写出");
    expect(run.code).toBe(0);
    expect(run.stdout).toBe("");
    const raw = await readWorkbookFile(join(root, out));
    expect(raw.marker).toMatchObject({ kind: marker, version: 1 });
    expect(raw.sheets.filter((s) => !s.hidden).map((s) => s.name)).toEqual(sheets);
  });

  it("the ledger template has the category's items in its drop-down and a frozen header", async () => {
    await runCli(["template", "ledger", "--category", "library", "--out", "台账.xlsx"], root);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(root, "台账.xlsx"));
    const ws = wb.getWorksheet("服务台账")!;
    expect(ws.getCell("A1").value).toBe("服务日期");
    expect(ws.views[0]).toMatchObject({ state: "frozen", ySplit: 1 });
    const validation = ws.getCell("B2").dataValidation;
    expect(validation.type).toBe("list");
    // The list lives on a hidden sheet (too long to inline): its values are the 附件2 items of the category.
    const lists = wb.worksheets.find((s) => s.state !== "visible" && s.name !== "_outlet_review")!;
    const values: unknown[] = [];
    lists.eachRow((row) => row.eachCell((cell) => values.push(cell.value)));
    expect(values).toEqual(expect.arrayContaining(["B01 知识产权培训", "library.L01 专利查新"]));
    expect(ws.getCell("F2").dataValidation.formulae?.[0]).toContain("市外");
  });

  it("scoring: one sheet per reviewer and evaluation, outlets of the inputs with their auto scores", async () => {
    const run = await runCli(
      ["template", "scoring", SAMPLES, "--reviewer", "专家甲", "--reviewer", "专家乙", "--out", "评分表.xlsx"],
      root,
    );
    expect(run.code).toBe(0);
    expect(run.stderr).toContain("评审专家 2 名");
    const raw = await readWorkbookFile(join(root, "评分表.xlsx"));
    expect(raw.sheets.map((s) => s.name)).toEqual([
      "填写说明",
      "评分表-专家甲-认定",
      "评分表-专家甲-年度",
      "评分表-专家乙-认定",
      "评分表-专家乙-年度",
    ]);
    const annual = raw.sheets.find((s) => s.name === "评分表-专家甲-年度")!;
    expect(annual.rows[1]![0]).toBe("统一社会信用代码");
    expect(annual.rows.length).toBeGreaterThanOrEqual(4);
    expect(typeof annual.rows[2]![2]).toBe("number");
  });

  it.each([
    [["template"], "请给出模板"],
    [["template", "budget", "--out", "x.xlsx"], "没有“budget”模板"],
    [["template", "ledger"], "--out"],
    [["template", "ledger", "--out", "x.csv"], "--out 应为 .xlsx 文件"],
    [["template", "ledger", "--category", "zoo", "--out", "x.xlsx"], "--category 应为网点类别之一"],
    [["template", "registry", SAMPLES, "--out", "x.xlsx"], "不读取输入文件"],
  ])("refuses %j", async (args, message) => {
    const run = await runCli(args, root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(message);
  });
});

describe("filled templates as inputs", () => {
  const ledgerJson = JSON.parse(readFileSync(join(SAMPLES, "ledgers", "donghu-library.json"), "utf8"));
  const ledger = parseDocumentValue(ledgerJson, null).documents[0]!.doc as Ledger;

  async function tree(): Promise<string> {
    const root = tempTree({
      "in/summary.json": JSON.parse(readFileSync(join(SAMPLES, "summaries", "01-donghu-library.json"), "utf8")),
      "in/notes.docx": "PK\u0003\u0004 word/document.xml",
      "json/ledger.json": ledgerJson,
    });
    // A typo a person makes: a fee that is not a number (row 5 of the sheet).
    const model = ledgerWorkbook(ledger);
    const sheet = model.sheets.find((s) => s.name === "服务台账")!;
    if (sheet.kind === "table") {
      const fee = sheet.columns.findIndex((c) => c.key === "fee");
      (sheet.rows[3] as unknown[])[fee] = "八百";
    }
    await writeWorkbookFile(model, join(root, "in", "东湖台账.xlsx"));
    copyFileSync(join(SAMPLES, "registry.json"), join(root, "in", "registry.json"));
    return root;
  }

  it("check reads an .xlsx ledger in a folder: findings point at its cells, rows read = loaded + rejected", async () => {
    const root = await tree();
    const run = await runCli(["check", "in", "--json"], root);
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.documents.ledgers).toBe(1);
    expect(report.documents.ledgerEntries).toBe(ledger.entries.length - 1);
    const input = report.inputs.find((i) => i.file === "in/东湖台账.xlsx")!;
    expect(input).toMatchObject({ documents: 1, rejected: 1 });
    const bad = report.issues.find((f) => f.file === "in/东湖台账.xlsx" && f.severity === "error")!;
    expect(bad).toMatchObject({ rule: "input/unreadable", path: "服务台账!H5", entry: 5 });
    expect(report.issues.find((f) => f.file === "in/notes.docx")).toMatchObject({ rule: "input/unreadable" });
    const entryFindings = report.issues.filter((f) => f.file === "in/东湖台账.xlsx" && f.entry !== null);
    expect(entryFindings.every((f) => /^服务台账!/u.test(f.path ?? ""))).toBe(true);
  });

  it("stats counts an .xlsx ledger as it counts the same ledger in JSON (less the rejected row)", async () => {
    const root = await tree();
    const fromJson = JSON.parse((await runCli(["stats", "json", "--json"], root)).stdout) as {
      total: { counts: { total: number } };
    };
    const run = await runCli(["stats", "in/东湖台账.xlsx", "--json"], root);
    expect(run.code).toBe(0);
    const fromXlsx = JSON.parse(run.stdout) as typeof fromJson;
    expect(fromXlsx.total.counts.total).toBe(fromJson.total.counts.total - 1);
  });

  it("score reads a filled 评分表 workbook with a sheet per reviewer", async () => {
    const root = tempTree({});
    await runCli(
      [
        "template",
        "scoring",
        join(SAMPLES, "summaries"),
        join(SAMPLES, "ledgers"),
        join(SAMPLES, "registry.json"),
        "--reviewer",
        "专家甲",
        "--reviewer",
        "专家乙",
        "--out",
        "评分表.xlsx",
      ],
      root,
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(root, "评分表.xlsx"));
    for (const [name, base] of [
      ["评分表-专家甲", 3],
      ["评分表-专家乙", 2],
    ] as const) {
      const ws = wb.getWorksheet(name)!;
      const header = ws.getRow(2);
      header.eachCell((cell, c) => {
        const m = /^([CD]\d) .*（0–(\d+)分）$/u.exec(String(cell.value));
        if (!m) return;
        for (let r = 3; r <= ws.rowCount; r++)
          if (ws.getCell(r, 1).value) ws.getCell(r, c).value = Math.min(base, Number(m[2]));
      });
    }
    await wb.xlsx.writeFile(join(root, "评分表-已填.xlsx"));
    expect(existsSync(join(root, "评分表-已填.xlsx"))).toBe(true);
    const run = await runCli(
      [
        "score",
        join(SAMPLES, "summaries"),
        join(SAMPLES, "ledgers"),
        join(SAMPLES, "registry.json"),
        "评分表-已填.xlsx",
        "--json",
      ],
      root,
    );
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as {
      evaluations: {
        kind: string;
        reviewers: { reviewer: string }[];
        outlets: { outlet: string; expertSubtotal: number | null }[];
      }[];
    };
    const annual = report.evaluations.find((e) => e.kind === "annual")!;
    expect(annual.reviewers.map((r) => r.reviewer).sort()).toEqual(["专家乙", "专家甲"]);
    // Five expert criteria, 3 from one reviewer and 2 from the other: a mean of 2.5 each.
    expect(annual.outlets.find((o) => o.outlet === "12440104455209812L")?.expertSubtotal).toBe(12.5);
  });
});
