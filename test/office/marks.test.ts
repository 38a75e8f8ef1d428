import { MARKER_SHEET } from "../../src/core/sheets/model";
import { clearMarks, markCells } from "../../src/office/marks";
import { createExcelRunner } from "../../src/office/runner";
import { FakeExcel } from "./fakeExcel";

function setup(supports: (v: string) => boolean) {
  const fake = new FakeExcel();
  const runner = createExcelRunner({ run: (batch) => batch(fake.context()), supports });
  const ws = fake.addSheet("服务台账");
  for (let r = 0; r < 5; r++) for (let c = 0; c < 3; c++) ws.ensure(r, c).value = `v${r}${c}`;
  ws.ensure(4, 2).fill = "#00B050"; // the reviewer's own highlight
  return { fake, runner, ws };
}

describe("marks", () => {
  it("marks by severity with notes, and a re-run clears only our own marks", async () => {
    const { fake, runner, ws } = setup((v) => v === "1.10" || v === "1.18");
    const first = await markCells(runner, [
      { sheet: "服务台账", address: "B2", severity: "warning", note: "疑似重复" },
      { sheet: "服务台账", address: "b2", severity: "error", note: "日期缺失" },
      { sheet: "服务台账", address: "C5", severity: "info", note: "请核对" },
      { sheet: "不存在", address: "A1", severity: "info", note: "x" },
    ]);
    expect(first).toEqual({ marked: 2, cleared: 0, missingSheets: ["不存在"] });
    expect(ws.cell(1, 1)!.fill).toBe("#FFC7CE");
    expect(ws.cell(4, 2)!.fill).toBe("#DDEBF7");
    expect(ws.notes.filter((n) => !n.deleted).map((n) => n.content)).toEqual(["疑似重复\n日期缺失", "请核对"]);
    const marker = fake.sheet(MARKER_SHEET)!;
    expect(marker.visibility).toBe("VeryHidden");
    expect(marker.cell(3, 0)!.value).toBe("服务台账");

    // The reviewer recolours B2 meanwhile: it is theirs now.
    ws.ensure(1, 1).fill = "#FFFF00";
    const second = await markCells(runner, [{ sheet: "服务台账", address: "A1", severity: "error", note: "新问题" }]);
    expect(second).toEqual({ marked: 1, cleared: 1, missingSheets: [] });
    expect(ws.cell(1, 1)!.fill).toBe("#FFFF00");
    expect(ws.cell(4, 2)!.fill).toBe("#00B050"); // restored to the reviewer's own fill
    expect(ws.cell(0, 0)!.fill).toBe("#FFC7CE");
    expect(ws.notes.filter((n) => !n.deleted).map((n) => n.address)).toEqual(["A1"]);

    const cleared = await clearMarks(runner);
    expect(cleared.cleared).toBe(1);
    expect(ws.cell(0, 0)!.fill).toBeUndefined();
    // Values and cells we never marked are untouched.
    for (let r = 0; r < 5; r++) for (let c = 0; c < 3; c++) expect(ws.cell(r, c)!.value).toBe(`v${r}${c}`);
    expect(ws.cell(2, 2)!.fill).toBeUndefined();
    expect(marker.cell(3, 0)!.value).toBe("");
  });

  it("uses comments where notes are missing (ExcelApi 1.10) and removes them on clear", async () => {
    const { fake, runner } = setup((v) => v === "1.10");
    await markCells(runner, [{ sheet: "服务台账", address: "A2", severity: "error", note: "缺少日期" }]);
    expect(fake.comments).toEqual([{ id: "c1", sheet: "服务台账", address: "A2", content: "缺少日期" }]);
    await clearMarks(runner);
    expect(fake.comments[0]!.deleted).toBe(true);
  });
});
