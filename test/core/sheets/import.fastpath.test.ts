/**
 * The ledger's fast path (a row's cells straight into its entry, `fieldsParser`) against the way every row went
 * before it (the raw object, then the schema's parser): on the messy workbooks and on random ledger sheets, the
 * import must give the same documents, entries, entry numbers and cell paths, findings and counts either way.
 */
import fc from "fast-check";
import * as fastParse from "../../../src/core/fastParse";
import { importWorkbook, type ImportResult } from "../../../src/core/sheets/import";
import { ledgerColumns } from "../../../src/core/sheets/layouts";
import type { CellValue, RawWorkbook } from "../../../src/core/sheets/model";
import { messyWorkbooks } from "../../helpers/messyInputs";

/** Everything the import gives, the entries' cell paths included, as text. */
function everything(result: ImportResult): string {
  return JSON.stringify(result, (_key, value: unknown) => {
    if (value && typeof value === "object" && "entryPath" in value && "doc" in value) {
      const { entryPath, doc, ...rest } = value as { entryPath: (i: number, f: string | null) => string; doc: object };
      const entries = (doc as { entries: unknown[] }).entries;
      const paths = entries.map((_e, i) =>
        [null, "date", "client.name", "client.type", "fee"].map((f) => entryPath(i, f)),
      );
      // Keys and key order of every entry, undefined values included.
      const keys = entries.map((e) => Object.entries(e as object).map(([k, v]) => [k, v === undefined]));
      return { ...rest, doc, paths, keys };
    }
    return value;
  });
}

function withoutFastPath(raw: RawWorkbook): ImportResult {
  const spy = jest.spyOn(fastParse, "fieldsParser").mockReturnValue(null);
  try {
    return importWorkbook(raw, "台账.xlsx");
  } finally {
    spy.mockRestore();
  }
}

function expectSameImport(raw: RawWorkbook): ImportResult {
  const slow = withoutFastPath(raw);
  const fast = importWorkbook(raw, "台账.xlsx");
  expect(everything(fast)).toBe(everything(slow));
  return fast;
}

describe("the ledger's fast path imports what the raw objects did", () => {
  it("takes the rows of a template ledger", () => {
    const spy = jest.spyOn(fastParse, "fieldsParser");
    try {
      const book = messyWorkbooks().find((b) => b.name === "ledger, template with marker")!;
      importWorkbook(book.raw, "台账.xlsx");
      expect(spy).toHaveBeenCalled();
      expect(spy.mock.results.some((r) => typeof r.value === "function")).toBe(true);
    } finally {
      spy.mockRestore();
    }
  });

  it.each(messyWorkbooks().map((b) => [b.name, b.raw] as const))("%s", (_name, raw) => {
    expectSameImport(raw);
  });

  const header = ledgerColumns().map((c) => c.header);
  const pad = fc.constantFrom("", " ", "\u3000", "\t");
  const around = (values: readonly string[]) =>
    fc.tuple(pad, fc.constantFrom(...values), pad).map(([a, v, b]) => a + v + b);
  const cell: fc.Arbitrary<CellValue> = fc.oneof(
    { weight: 3, arbitrary: fc.constant(null) },
    {
      weight: 6,
      arbitrary: around([
        "2025-3-5",
        "2025年3月5日",
        "2025-02-30",
        "B01 知识产权培训",
        "B01",
        "知识产权培训",
        "Z99",
        "企业",
        "社会公众",
        "企事业单位",
        "天河区",
        "天河",
        "北京",
        "线上",
        "上门",
        "１，２００",
        "800元",
        "-5",
        "5 非常满意",
        "满意",
        "6",
        "91440101MA5AXY1234",
        "合计",
        "是",
        "",
      ]),
    },
    { weight: 2, arbitrary: fc.integer({ min: -3, max: 50000 }) },
    { weight: 1, arbitrary: fc.double({ min: -10, max: 80000, noNaN: true }) },
    { weight: 1, arbitrary: fc.constantFrom<CellValue>(true, false, { date: "2025-03-05" }, 1e20, 45658.5) },
  );

  it("gives the same for random ledger sheets, columns in any order, with or without a year", () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...header.keys()], { minLength: 4 }),
        fc.array(fc.array(cell, { minLength: header.length, maxLength: header.length }), { maxLength: 25 }),
        fc.boolean(),
        (order, rows, year) => {
          const raw: RawWorkbook = {
            sheets: [
              {
                name: "服务台账",
                hidden: false,
                rows: [order.map((c) => header[c]!), ...rows.map((row) => order.map((c) => row[c]!))],
              },
            ],
            marker: { kind: "ledger", version: 1, options: year ? { year: "2025" } : {} },
          };
          expectSameImport(raw);
        },
      ),
      { numRuns: 300 },
    );
  });
});
