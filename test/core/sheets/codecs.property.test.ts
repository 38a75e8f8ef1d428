/**
 * What the table reader does per cell, made faster (codecs that remember the few values a column repeats, key paths
 * split once per sheet), against doing it afresh each time as before: the codecs against the functions they call
 * (and the old satisfaction reading, kept here), asked twice so that the remembered answer is checked too; setParts
 * against setPath; RowReader (and its field-by-field reading) against the per-cell loop it replaced.
 */
import fc from "fast-check";
import { CATALOG, itemsForCategory } from "../../../src/core/catalog";
import { CATEGORIES, codeFromLabel, SATISFACTION_LEVELS, SERVICE_OBJECT_LABELS } from "../../../src/core/codes";
import {
  CellProblem,
  CODECS,
  isBlankCell,
  itemFromText,
  ledgerColumns,
  RowReader,
  setParts,
  setPath,
  type Column,
} from "../../../src/core/sheets/layouts";
import { serialToIso, type UsableCellValue as CellValue } from "../../../src/core/sheets/model";
import { toHalfWidth } from "../../../src/core/text";

const RUNS = 1000;

function oldSatisfaction(s: string): number | string {
  const t = toHalfWidth(s).trim();
  const m = /^([1-5])(?:\s|$|[^\d.])/u.exec(t);
  if (m) return Number(m[1]);
  for (const [level, name] of Object.entries(SATISFACTION_LEVELS)) if (name === t) return Number(level);
  return t;
}

const pad = fc.constantFrom("", " ", "\u3000", "\t", "\u00a0");
const around = (values: readonly string[]) =>
  fc.tuple(pad, fc.constantFrom(...values), pad).map(([a, v, b]) => a + v + b);
const wide = (s: string) => s.replace(/[!-~]/gu, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const itemTexts = [
  ...CATALOG.flatMap((i) => [i.code, `${i.code} ${i.name}`, i.name, i.code.toLowerCase(), wide(i.code)]),
  "B1",
  "Z99",
  "B01：培训",
  "",
];

const cell: fc.Arbitrary<CellValue> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 8 }),
  around(["5 非常满意", "４ 满意", "3.5", "35", "满意", "非常不满意", "1", "5x", "6"]),
  around(Object.values(SERVICE_OBJECT_LABELS).concat(["企业", "enterprise", "个人"])),
  fc.integer({ min: -3, max: 3000000 }),
  fc.double({ min: -10, max: 80000, noNaN: true }),
  fc.boolean(),
  fc.constant({ date: "2025-03-05" }),
);

describe("codecs give what the functions they remember give", () => {
  it("satisfaction", () => {
    fc.assert(
      fc.property(cell, (c) => {
        const expected =
          typeof c === "number"
            ? c
            : typeof CODECS.text.fromCell(c) === "string"
              ? oldSatisfaction(CODECS.text.fromCell(c) as string)
              : undefined;
        expect(CODECS.satisfaction.fromCell(c)).toEqual(expected);
        expect(CODECS.satisfaction.fromCell(c)).toEqual(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("item, in every category", () => {
    fc.assert(
      fc.property(around(itemTexts), fc.constantFrom(undefined, "nonsense", ...CATEGORIES), (text, category) => {
        const s = text.trim();
        const expected = s === "" ? undefined : itemFromText(s, category);
        expect(CODECS.item.fromCell(text, { category })).toBe(expected);
        expect(CODECS.item.fromCell(text, { category })).toBe(expected);
      }),
      { numRuns: RUNS },
    );
    for (const category of [undefined, ...CATEGORIES]) {
      for (const item of itemsForCategory(category)) {
        expect(CODECS.item.fromCell(`${item.code} ${item.name}`, { category })).toBe(item.code);
      }
    }
  });

  it("label", () => {
    const codec = CODECS.label(SERVICE_OBJECT_LABELS);
    fc.assert(
      fc.property(cell, (c) => {
        const s = CODECS.text.fromCell(c) as string | undefined;
        const expected = s === undefined ? undefined : (codeFromLabel(toHalfWidth(s), SERVICE_OBJECT_LABELS) ?? s);
        expect(codec.fromCell(c)).toBe(expected);
        expect(codec.fromCell(c)).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });

  it("date serials", () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer({ min: -5, max: 3000000 }), fc.double({ noNaN: false })), (n) => {
        const expected = serialToIso(n) ?? String(n);
        expect(CODECS.date.fromCell(n)).toBe(expected);
        expect(CODECS.date.fromCell(n)).toBe(expected);
      }),
      { numRuns: RUNS },
    );
  });
});

describe("table rows are read as before", () => {
  const path = fc
    .array(fc.constantFrom("a", "b", "client", "name", "x"), { minLength: 1, maxLength: 3 })
    .map((p) => p.join("."));

  it("setParts is setPath", () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(path, fc.oneof(fc.integer(), fc.constant(null), fc.constant([]))), { maxLength: 6 }),
        (sets) => {
          const a: Record<string, unknown> = {};
          const b: Record<string, unknown> = {};
          for (const [p, v] of sets) {
            setPath(a, p, v);
            setParts(b, p.split("."), v);
          }
          expect(JSON.stringify(b)).toBe(JSON.stringify(a));
        },
      ),
      { numRuns: RUNS },
    );
  });

  it("RowReader is the per-cell loop", () => {
    const columns = ledgerColumns("library");
    fc.assert(
      fc.property(
        fc.shuffledSubarray([...columns.keys()], { minLength: 1 }),
        fc.array(fc.oneof(cell, around(["2025-3-5", "B01 知识产权培训", "天河区", "１，２００", "合计"])), {
          maxLength: 20,
        }),
        (order, row) => {
          // Columns placed anywhere in the sheet, read in the order given.
          const placed = order.map((c, i) => [(i * 7) % 20, columns[c]!] as const);
          const unique = placed.filter(([at], i) => placed.findIndex(([other]) => other === at) === i);
          const reader = new RowReader(unique);
          const first = unique.findIndex(([at]) => !isBlankCell(row[at] ?? null));
          expect(reader.firstFilled(row)).toBe(first);
          if (first < 0) return;
          expect(reader.cell(row, first)).toEqual(row[unique[first]![0]] ?? null);
          const values = reader.read(row, first, { category: "library" });
          const expected = oldRead(unique, row);
          expect(JSON.stringify(values)).toBe(JSON.stringify(expected.values));
          expect(reader.problem).toEqual(expected.problem);
          // Field by field: false exactly when a cell cannot be read, else the values read sets, path by path.
          // The array of the row before: every column is written.
          const stale = Symbol("stale");
          const fields: unknown[] = unique.map(() => stale);
          const ok = reader.readFields(row, first, { category: "library" }, fields);
          expect(ok).toBe(expected.problem === null);
          if (ok) {
            expect(fields).toHaveLength(unique.length);
            expect(fields).not.toContain(stale);
            const rebuilt: Record<string, unknown> = {};
            reader.keyPaths.forEach((p, k) => {
              if (fields[k] !== undefined) setParts(rebuilt, p, fields[k]);
            });
            expect(JSON.stringify(rebuilt)).toBe(JSON.stringify(values));
          }
        },
      ),
      { numRuns: RUNS },
    );
  });
});

/** The reading of a row as tableRows did it. */
function oldRead(columns: readonly (readonly [number, Column])[], row: readonly CellValue[]) {
  const read: { values: Record<string, unknown>; problem: { col: number; message: string } | null } = {
    values: {},
    problem: null,
  };
  for (const [i, column] of columns) {
    const c = row[i] ?? null;
    if (isBlankCell(c)) continue;
    const value = column.codec.fromCell(c, { category: "library" });
    if (value instanceof CellProblem) read.problem ??= { col: i, message: value.message };
    else if (value !== undefined) setPath(read.values, column.key, value);
  }
  return read;
}
