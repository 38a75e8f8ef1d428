/**
 * The basic write and read through office-addin-mock (as the developers' guide asks): the mock's load/sync
 * semantics, with seeded objects returned by the methods our code calls. The counting fake covers the rest.
 */
import { OfficeMockObject } from "office-addin-mock";
import { MARKER_SHEET } from "../../src/core/sheets/model";
import { createExcelPort } from "../../src/office/excelPort";
import { createExcelRunner } from "../../src/office/runner";

type Seed = ConstructorParameters<typeof OfficeMockObject>[0];

function port(seed: Seed) {
  const context = new OfficeMockObject(seed);
  let syncs = 0;
  const runner = createExcelRunner({
    run: (batch) => batch(context as unknown as Excel.RequestContext),
    onSync: () => void syncs++,
    supports: () => false,
  });
  return { port: createExcelPort(runner), context, syncs: () => syncs };
}

describe("office-addin-mock", () => {
  it("writes a text sheet: values as text with '@' formats, and the very hidden marker sheet", async () => {
    const ranges: Record<string, OfficeMockObject> = {};
    const added: string[] = [];
    const range = (key: string): OfficeMockObject =>
      (ranges[key] ??= new OfficeMockObject({ format: { font: {}, fill: {}, protection: {} }, dataValidation: {} }));
    const sheetMethods = (sheet: string) => ({
      getRange: function (address: string) {
        return range(`${sheet}!${address}`);
      },
      getRangeByIndexes: function (r: number, c: number, rows: number, cols: number) {
        return range(`${sheet}!${r},${c},${rows},${cols}`);
      },
      activate: function () {},
    });
    const { port: p, syncs } = port({
      workbook: {
        worksheets: {
          absent: { isNullObject: true },
          getItemOrNullObject: function () {
            return this.absent;
          },
          add: function (name: string) {
            added.push(name);
            return new OfficeMockObject({ name, visibility: "Visible", ...sheetMethods(name) });
          },
        },
      },
    });
    await p.writeModel({
      title: "t",
      sheets: [{ kind: "text", name: "填写说明", paragraphs: ["第一段", "=1+1"] }],
      marker: { kind: "ledger", version: 1 },
    });
    expect(added).toEqual([MARKER_SHEET, "填写说明"]);
    const body = ranges["填写说明!0,0,2,1"]!;
    expect(body.numberFormat).toEqual([["@"], ["@"]]);
    expect(body.values).toEqual([["第一段"], ["=1+1"]]);
    expect(ranges["填写说明!A1:A2"]!.format.wrapText).toBe(true);
    expect(ranges["填写说明!A1:A2"]!.format.columnWidth).toBeGreaterThan(500);
    const head = ranges[`${MARKER_SHEET}!A1:A2`]!;
    expect(head.values).toEqual([
      [JSON.stringify({ kind: "ledger", version: 1 })],
      [JSON.stringify({ sheets: ["填写说明"] })],
    ]);
    // probe, then one request with the values and formats.
    expect(syncs()).toBe(2);
  });

  it("reads a sheet's used range (values only) after load and sync", async () => {
    const { port: p } = port({
      workbook: {
        worksheets: {
          absent: { isNullObject: true },
          sheet: {
            isNullObject: false,
            name: "台账",
            visibility: "Visible",
            used: {
              isNullObject: false,
              rowIndex: 0,
              columnIndex: 0,
              rowCount: 2,
              columnCount: 2,
              values: [
                ["名称", "日期"],
                ["=1+1", 45659],
              ],
            },
            getUsedRangeOrNullObject: function () {
              return this.used;
            },
            getRangeByIndexes: function () {
              return this.used;
            },
          },
          getItemOrNullObject: function (name: string) {
            return name === "台账" ? this.sheet : this.absent;
          },
        },
      },
    });
    const raw = await p.readSheets(["台账"]);
    expect(raw).toEqual({
      sheets: [
        {
          name: "台账",
          hidden: false,
          rows: [
            ["名称", "日期"],
            ["=1+1", 45659],
          ],
        },
      ],
      marker: null,
    });
  });
});
