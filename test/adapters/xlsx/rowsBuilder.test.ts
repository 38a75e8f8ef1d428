/**
 * RowsBuilder with a planner: the head rows are shown to it; with a consumer, every row goes to the consumer once,
 * in order, and together they are exactly the rows the builder keeps without one.
 */
import fc from "fast-check";
import { RowOrderError, RowsBuilder } from "../../../src/adapters/xlsx/sheet";
import type { CellValue, RowConsumer, SheetPlanner } from "../../../src/core/sheets/model";

/** A consumer that copies what it is given (the array is reused) and notes the calls. */
class Recorder implements RowConsumer {
  readonly rows = new Map<number, CellValue[]>();
  readonly calls: string[] = [];
  row(row: number, cells: readonly CellValue[]): void {
    this.calls.push(`row ${row}`);
    this.rows.set(row, trimmed(cells));
  }
  end(): void {
    this.calls.push("end");
  }
  abandon(): void {
    this.calls.push("abandon");
  }
}

/** A row without its trailing blanks. */
function trimmed(cells: readonly CellValue[]): CellValue[] {
  const out = [...cells];
  while (out.length && out[out.length - 1] === null) out.pop();
  return out;
}

/** The rows that hold something, by 1-based row. */
function filled(rows: readonly (readonly CellValue[])[]): Map<number, CellValue[]> {
  const out = new Map<number, CellValue[]>();
  rows.forEach((cells, i) => {
    const t = trimmed(cells);
    if (t.length) out.set(i + 1, t);
  });
  return out;
}

function planner(headRows: number, answer: () => RowConsumer | null, seen: unknown[][] = []): SheetPlanner {
  return {
    headRows,
    plan: (_sheet, head) => {
      seen.push(head.map(trimmed));
      return answer();
    },
  };
}

/** Cells in rows that go down the sheet (as writers write them), cells within a row in any order. */
const cells = fc
  .array(
    fc.tuple(
      fc.integer({ min: 1, max: 4 }),
      fc.integer({ min: 1, max: 8 }),
      fc.oneof(fc.string({ maxLength: 3 }), fc.integer()),
    ),
    { maxLength: 60 },
  )
  .map((steps) => {
    let r = 1;
    return steps.map(([down, c, v]) => {
      r += down - 1;
      return [r, c, v] as const;
    });
  });

describe("RowsBuilder with a planner", () => {
  it("hands every row to the consumer once, in order: together with the head rows, the rows kept without one", () => {
    fc.assert(
      fc.property(cells, fc.integer({ min: 0, max: 6 }), (sets, headRows) => {
        const plain = new RowsBuilder();
        const recorder = new Recorder();
        const seen: unknown[][] = [];
        const streamed = new RowsBuilder(Infinity, { planner: planner(headRows, () => recorder, seen), sheet: S });
        for (const [r, c, v] of sets) {
          plain.set(r, c, v);
          streamed.set(r, c, v);
        }
        const all = plain.result();
        const head = streamed.result();
        expect(seen).toHaveLength(1);
        const given = new Map([...recorder.rows].filter(([, row]) => row.length > 0));
        expect(given).toEqual(filled(all));
        const numbers = recorder.calls.filter((c) => c.startsWith("row")).map((c) => Number(c.slice(4)));
        expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
        expect(new Set(numbers).size).toBe(numbers.length);
        expect(recorder.calls[recorder.calls.length - 1]).toBe("end");
        // The head rows are kept: what the planner saw (the rows up to the first one past the head).
        expect(filled(head)).toEqual(filled(all.slice(0, Math.max(headRows, head.length))));
        expect(seen[0]!.length).toBeLessThanOrEqual(Math.max(headRows, all.length));
      }),
      { numRuns: 300 },
    );
  });

  it("keeps every row when the planner answers none", () => {
    fc.assert(
      fc.property(cells, fc.integer({ min: 0, max: 6 }), (sets, headRows) => {
        const plain = new RowsBuilder();
        const kept = new RowsBuilder(Infinity, { planner: planner(headRows, () => null), sheet: S });
        for (const [r, c, v] of sets) {
          plain.set(r, c, v);
          kept.set(r, c, v);
        }
        expect(kept.result()).toEqual(plain.result());
      }),
    );
  });

  it("shows a sheet shorter than the head rows when it ends", () => {
    const seen: unknown[][] = [];
    const recorder = new Recorder();
    const b = new RowsBuilder(Infinity, { planner: planner(30, () => recorder, seen), sheet: S });
    b.set(1, 1, "表头");
    b.set(3, 2, "值");
    expect(seen).toHaveLength(0);
    b.result();
    expect(seen).toEqual([[["表头"], [], [null, "值"]]]);
    expect(recorder.calls).toEqual(["row 1", "row 2", "row 3", "end"]);
  });

  it("fails on a row above the one handed over last, and tells the consumer when given up", () => {
    const recorder = new Recorder();
    const b = new RowsBuilder(Infinity, { planner: planner(1, () => recorder), sheet: S });
    b.set(1, 1, "表头");
    b.set(5, 1, "a");
    b.set(7, 1, "b");
    expect(() => b.set(6, 1, "c")).toThrow(RowOrderError);
    b.abandon();
    expect(recorder.calls).toEqual(["row 1", "row 5", "abandon"]);
  });

  it("counts the cells of the rows handed over against the limit", () => {
    const b = new RowsBuilder(3, { planner: planner(1, () => new Recorder()), sheet: S });
    b.set(1, 1, 1);
    b.set(2, 1, 2);
    b.set(3, 1, 3);
    expect(() => b.set(4, 1, 4)).toThrow();
  });
});

const S = { name: "台账", hidden: false };
