import { MARKER_SHEET, type TableSheet, type WorkbookModel } from "../../src/core/sheets/model";
import { createExcelPort, LIMITS } from "../../src/office/excelPort";
import { createExcelRunner, type SyncEvent } from "../../src/office/runner";
import { FakeExcel, parseAddress } from "./fakeExcel";

function setup(supports = true): { fake: FakeExcel; events: SyncEvent[]; port: ReturnType<typeof createExcelPort> } {
  const fake = new FakeExcel();
  const events: SyncEvent[] = [];
  const runner = createExcelRunner({
    run: (batch) => batch(fake.context()),
    onSync: (e) => events.push(e),
    supports: () => supports,
  });
  return { fake, events, port: createExcelPort(runner) };
}

const ledger = (rows: number): TableSheet => ({
  kind: "table",
  name: "服务台账",
  columns: [
    { key: "date", header: "服务日期", type: "date", width: 12, numFmt: "yyyy-mm-dd" },
    { key: "client", header: "服务对象", type: "text", width: 30 },
    {
      key: "item",
      header: "服务事项",
      type: "text",
      width: 20,
      validation: { list: ["B01 知识产权培训", "B02 咨询"] },
    },
    { key: "people", header: "参与人次", type: "integer", width: 10, validation: { min: 0, max: 10000 } },
    { key: "fee", header: "收费（元）", type: "money", width: 12 },
    { key: "free", header: "是否免费", type: "boolean", width: 8 },
    { key: "note", header: "备注", type: "longText", width: 40 },
  ],
  rows: Array.from({ length: rows }, (_, i) => [
    { date: "2025-03-0" + ((i % 9) + 1) },
    `广州某某科技有限公司${i}`,
    i % 2 ? "B01 知识产权培训" : "B02 咨询",
    i % 50,
    i % 3 ? 0 : 1200.5,
    i % 3 !== 0,
    i % 10 === 0 ? "=1+1" : "现场咨询专利检索相关问题",
  ]),
  table: { name: "Ledger" },
  freeze: { cols: 1 },
});

describe("writeModel", () => {
  it("writes values exactly: formula-like text stays text, with '@' set before the values", async () => {
    const { fake, port } = setup();
    const sheet: TableSheet = {
      ...ledger(0),
      rows: [[{ date: "2025-01-02" }, "=1+1", "+86 138", 5, 10.5, true, "@home"]],
    };
    await port.writeModel({ title: "t", sheets: [sheet], marker: { kind: "review", version: 1 } });
    const ws = fake.sheet("服务台账")!;
    expect(ws.cell(1, 1)).toMatchObject({ value: "=1+1", format: "@" });
    expect(ws.cell(1, 1)!.formula).toBeUndefined();
    expect(ws.cell(1, 2)!.value).toBe("+86 138");
    expect(ws.cell(1, 6)!.value).toBe("@home");
    expect(ws.cell(1, 0)).toMatchObject({ value: 45659, format: "yyyy-mm-dd" });
    expect(ws.cell(1, 5)).toMatchObject({ value: "是", format: "@" });
    expect(ws.cell(1, 4)).toMatchObject({ value: 10.5, format: "#,##0.00" });
    expect(ws.cell(0, 0)).toMatchObject({ value: "服务日期", bold: true, fill: "#D6DCE4" });
    // Order: the number formats of a chunk are queued before its values.
    const ops = fake.log.filter((o) => o.sheet === "服务台账" && (o.op === "numberFormat" || o.op === "values"));
    expect(ops.map((o) => o.op)).toEqual(["numberFormat", "values"]);
    expect(ops[0]!.address).toBe(ops[1]!.address);
    // Marker sheet: very hidden, marker in A1, our sheet registered in A2.
    const marker = fake.sheet(MARKER_SHEET)!;
    expect(marker.visibility).toBe("VeryHidden");
    expect(JSON.parse(String(marker.cell(0, 0)!.value))).toEqual({ kind: "review", version: 1 });
    expect(JSON.parse(String(marker.cell(1, 0)!.value))).toEqual({ sheets: ["服务台账"] });
    expect(ws.tables).toEqual([{ name: "Ledger", address: "A1:G2", style: "TableStyleLight9" }]);
    expect(ws.freeze).toEqual({ at: "A1" });
  });

  it("scopes formats to the used rows, never whole columns", async () => {
    const { fake, port } = setup();
    await port.writeModel({ title: "t", sheets: [ledger(300)] });
    const formatOps = fake.log.filter((o) => o.sheet === "服务台账" && o.op !== "values" && o.op !== "numberFormat");
    expect(formatOps.length).toBeGreaterThan(5);
    for (const op of formatOps) {
      expect(op.address).toMatch(/^[A-Z]+\d+(:[A-Z]+\d+)?$/u);
      expect(parseAddress(op.address).r1).toBeLessThanOrEqual(300);
    }
    const widths = fake.sheet("服务台账")!.widths.map((w) => w.address);
    expect(widths).toContain("B1:B301");
    const validation = fake.log.filter((o) => o.op === "validation").map((o) => o.address);
    expect(validation).toEqual(["C2:C301", "D2:D301", "F2:F301"]);
  });

  it("writes a 100,000-row ledger in at most 23 syncs, no request over 4 MB", async () => {
    const { fake, events, port } = setup();
    const progress: number[] = [];
    const model: WorkbookModel = { title: "t", sheets: [ledger(100_000)], marker: { kind: "ledger", version: 1 } };
    await port.writeModel(model, { onProgress: (p) => p.phase === "values" && progress.push(p.done) });
    const first = fake.syncs;
    expect(first).toBeLessThanOrEqual(Math.ceil(100_000 / 5000) + 3);
    expect(Math.max(...fake.payloads)).toBeLessThanOrEqual(LIMITS.bytes);
    expect(Math.max(...events.map((e) => e.payloadBytes))).toBeLessThanOrEqual(LIMITS.bytes);
    expect(progress.at(-1)).toBe(100_001);
    const ws = fake.sheet("服务台账")!;
    expect(ws.cell(100_000, 1)!.value).toBe("广州某某科技有限公司99999");
    // Values are written in whole 2-D arrays of at most 5,000 rows.
    const writes = fake.log.filter((o) => o.sheet === "服务台账" && o.op === "values");
    for (const w of writes) {
      const a = parseAddress(w.address);
      expect(a.r1 - a.r0 + 1).toBeLessThanOrEqual(5000);
    }
    // A re-run replaces our own sheet (one more sync to read the registry) within the same budget.
    await port.writeModel(model);
    const second = fake.syncs - first;
    expect(second).toBeLessThanOrEqual(23);
    expect(fake.sheets.filter((s) => !s.deleted && s.name === "服务台账")).toHaveLength(1);
    console.log(
      `100,000-row ledger: ${first} syncs (fresh workbook), ${second} syncs (re-run); max payload ${Math.max(...fake.payloads)} bytes`,
    );
  });

  it("keeps each request under 4 MB even when rows are long", async () => {
    const { fake, port } = setup();
    const sheet = { ...ledger(6000) };
    sheet.rows = sheet.rows.map((r) => [...r.slice(0, 6), "长".repeat(600)]);
    await port.writeModel({ title: "t", sheets: [sheet] });
    expect(Math.max(...fake.payloads)).toBeLessThanOrEqual(LIMITS.bytes);
    expect(fake.syncs).toBeGreaterThan(3); // split by bytes, not only by rows
  });

  it("refuses to replace a sheet of the user's, and changes nothing", async () => {
    const { fake, port } = setup();
    const mine = fake.addSheet("服务台账");
    mine.ensure(0, 0).value = "用户数据";
    await expect(port.writeModel({ title: "t", sheets: [ledger(3)] })).rejects.toThrow(/不是本工具生成的/u);
    expect(mine.deleted).toBe(false);
    expect(mine.cell(0, 0)!.value).toBe("用户数据");
    expect(fake.sheet(MARKER_SHEET)).toBeUndefined();
  });

  it("stops between chunks when aborted", async () => {
    const { fake, port } = setup();
    const controller = new AbortController();
    const run = port.writeModel(
      { title: "t", sheets: [ledger(20_000)] },
      { signal: controller.signal, onProgress: (p) => p.done >= 5000 && controller.abort() },
    );
    await expect(run).rejects.toThrow();
    expect(fake.syncs).toBeLessThan(6);
  });

  it("marks cells, adds notes where supported, links and protection", async () => {
    const { fake, port } = setup(true);
    const sheet: TableSheet = {
      ...ledger(4),
      marks: [
        { row: 1, col: 1, severity: "warning", note: "名称疑似不完整" },
        { row: 1, col: 1, severity: "error", note: "缺少统一社会信用代码" },
      ],
      links: [{ row: 0, col: 0, sheet: "服务台账", cell: "B3" }],
      protect: true,
    };
    await port.writeModel({ title: "t", sheets: [sheet] });
    const ws = fake.sheet("服务台账")!;
    expect(ws.cell(2, 1)!.fill).toBe("#FFC7CE");
    expect(ws.notes).toContainEqual({ address: "B3", content: "名称疑似不完整\n缺少统一社会信用代码" });
    expect(ws.cell(1, 0)!.hyperlink).toMatchObject({ documentReference: "'服务台账'!$B$3" });
    expect(ws.protectedWith).toMatchObject({ allowAutoFilter: true });
    expect(ws.tables).toHaveLength(0); // marks: filters instead of a table
    expect(fake.log.some((o) => o.op === "autoFilter")).toBe(true);
  });
});

describe("readSheets", () => {
  it("reads used ranges in chunks of at most 5,000 rows, keeping numbers", async () => {
    const { fake, port, events } = setup();
    const ws = fake.addSheet("台账");
    for (let r = 0; r < 12_001; r++) {
      ws.ensure(r + 1, 1).value = r === 0 ? "名称" : `单位${r}`;
      ws.ensure(r + 1, 2).value = r === 0 ? "日期" : 45659;
    }
    const marker = fake.addSheet(MARKER_SHEET);
    marker.ensure(0, 0).value = JSON.stringify({ kind: "ledger", version: 2 });
    const raw = await port.readSheets(["台账", "不存在"]);
    expect(raw.marker).toEqual({ kind: "ledger", version: 2 });
    expect(raw.sheets).toHaveLength(1);
    const rows = raw.sheets[0]!.rows;
    expect(rows[0]).toEqual([]); // sheet row 1 is empty: the used range starts at B2
    expect(rows[1]).toEqual([null, "名称", "日期"]);
    expect(rows[12_001]).toEqual([null, "单位12000", 45659]);
    // 2 syncs to find sheets and used ranges, then ⌈12,001 / 5,000⌉ = 3 chunks.
    expect(events.map((e) => e.label)).toEqual(["read:sheets", "read:used", "read:台账", "read:台账", "read:values"]);
  });
});

describe("selectCell: a finding's cell", () => {
  it("activates the sheet and selects the cell in two syncs", async () => {
    const { fake, events, port } = setup();
    await port.writeModel({ title: "审核", sheets: [ledger(3)] });
    const before = events.length;
    await port.selectCell("服务台账", "B3");
    expect(events.length - before).toBe(2);
    expect(fake.log.filter((l) => l.op === "select")).toEqual([{ sheet: "服务台账", op: "select", address: "B3" }]);
  });

  it("says so in Chinese when the sheet is not there, and refuses a bad address", async () => {
    const { port } = setup();
    await expect(port.selectCell("问题清单", "A2")).rejects.toThrow("工作表“问题清单”不在当前工作簿中");
    await expect(port.selectCell("服务台账", "=A1")).rejects.toThrow("单元格地址无效");
  });
});

describe("insertWorkbook: a filled template into the open workbook", () => {
  const raw = {
    marker: null,
    sheets: [
      {
        name: "服务台账",
        hidden: false,
        rows: [
          ["服务日期", "服务事项"],
          [45721, "B01 知识产权培训"],
          ["=1+1", null],
        ],
      },
      { name: "_lists", hidden: true, rows: [["x"]] },
    ],
  };

  it("inserts the template's own sheets with ExcelApi 1.13", async () => {
    const { fake, port } = setup(true);
    expect(await port.insertWorkbook(new Uint8Array([80, 75, 3, 4]), raw)).toBe("sheets");
    expect(fake.inserted).toEqual([{ base64: "UEsDBA==", options: { positionType: "End" } }]);
  });

  it("else writes the values read by exceljs, text staying text", async () => {
    const { fake, port } = setup(false);
    expect(await port.insertWorkbook(new Uint8Array([80, 75]), raw)).toBe("values");
    expect(fake.inserted).toEqual([]);
    const sheet = fake.sheet("服务台账")!;
    expect(sheet).toBeDefined();
    expect(fake.sheet("_lists")?.deleted ?? true).toBe(true);
    const read = await port.readSheets(["服务台账"]);
    expect(read.sheets[0]!.rows).toEqual([
      ["服务日期", "服务事项"],
      [45721, "B01 知识产权培训"],
      ["=1+1", null],
    ]);
  });
});
