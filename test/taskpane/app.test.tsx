/** @jest-environment jsdom */
import { act, fireEvent, render, screen, waitFor, within } from "@testing-library/react";
import { polyfillJsdom, sampleFiles, textFile } from "./helpers";

polyfillJsdom();

import { App } from "../../src/taskpane/App";
import { BrowserHost } from "../../src/taskpane/host";
import type { WorkbookModel } from "../../src/core/sheets/model";

const NOW = () => new Date(2026, 0, 20, 10, 0, 0);

function setup() {
  // A fake renderer: the real exceljs one is tested on its own; here only what the UI hands over matters.
  const port = { write: jest.fn(async (_model: WorkbookModel) => new Uint8Array([0x50, 0x4b])), read: jest.fn() };
  const host = new BrowserHost({ port, revokeAfterMs: 0 });
  const writeWorkbook = jest.spyOn(host, "writeWorkbook");
  const view = render(<App host={host} initialLang="zh-CN" now={NOW} />);
  return { host, port, writeWorkbook, view };
}

function load(files: File[]) {
  const input = screen.getByLabelText("选择 JSON 或 xlsx 文件（可多选）");
  fireEvent.change(input, { target: { files } });
}

beforeEach(() => {
  URL.createObjectURL = jest.fn(() => "blob:mock");
  URL.revokeObjectURL = jest.fn();
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
});

afterEach(() => jest.restoreAllMocks());

test("loads the samples, checks, counts, scores and offers the workbooks", async () => {
  const { writeWorkbook } = setup();
  load(sampleFiles());
  expect(await screen.findByText("yuexin-ip.json", {}, { timeout: 10000 })).toBeTruthy();
  expect(screen.getByText(/申报书 14 份，总结表 3 份，台账 3 份/u)).toBeTruthy();

  // 检查
  fireEvent.click(screen.getByRole("tab", { name: "检查" }));
  fireEvent.click(screen.getByRole("button", { name: "运行检查" }));
  expect(await screen.findByText("符合认定条件 8 份")).toBeTruthy();
  expect(screen.getByText("不符合认定条件 6 份")).toBeTruthy();
  expect(screen.getByText("优先纳入 3 份")).toBeTruthy();
  const finding = screen.getAllByRole("button", {
    name: /专职人员 3 名，少于 5 名（第五条（一））/u,
    pressed: false,
  })[0]!;
  fireEvent.click(finding);
  expect(finding.getAttribute("aria-pressed")).toBe("true");
  expect(screen.getByText(/^位置：申报汇总!/u)).toBeTruthy();

  fireEvent.click(screen.getByRole("button", { name: "下载审核工作簿" }));
  await waitFor(() => expect(writeWorkbook).toHaveBeenCalledTimes(1));
  const [model, name] = writeWorkbook.mock.calls[0]!;
  expect(name).toBe("审核结果.xlsx");
  expect(model.sheets.map((s) => s.name)).toContain("问题清单");
  expect(await screen.findByText("已生成“审核结果.xlsx”。")).toBeTruthy();
  expect(URL.createObjectURL).toHaveBeenCalled();

  // 统计
  fireEvent.click(screen.getByRole("tab", { name: "统计" }));
  fireEvent.click(screen.getByRole("button", { name: "运行统计" }));
  const totals = await screen.findByRole("table", { name: "全市合计（按层级）" });
  expect(within(totals).getByText("1,263")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "下载统计工作簿" }));
  await waitFor(() => expect(writeWorkbook).toHaveBeenCalledTimes(2));
  expect(writeWorkbook.mock.calls[1]![1]).toBe("服务统计.xlsx");

  // 评分
  fireEvent.click(screen.getByRole("tab", { name: "评分" }));
  fireEvent.click(screen.getByRole("button", { name: "运行评分" }));
  const annual = await screen.findByRole("table", { name: "年度服务效能评价" });
  const firstRow = within(annual).getAllByRole("row")[1]!;
  expect(within(firstRow).getByText("1")).toBeTruthy();
  expect(within(firstRow).getByText(/东湖/u)).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "下载评审结果" }));
  await waitFor(() => expect(writeWorkbook).toHaveBeenCalledTimes(3));

  fireEvent.change(screen.getByLabelText("评审专家（用逗号或换行分隔）"), { target: { value: "张三，李四" } });
  fireEvent.click(screen.getByRole("button", { name: "生成评分表" }));
  await waitFor(() => expect(writeWorkbook).toHaveBeenCalledTimes(4));
  const sheets = writeWorkbook.mock.calls[3]![0].sheets.map((s) => s.name);
  expect(sheets.some((s) => s.includes("张三"))).toBe(true);
  expect(sheets.some((s) => s.includes("李四"))).toBe(true);
}, 30000);

test("the template step hands a template model to the host", async () => {
  const { writeWorkbook, port } = setup();
  fireEvent.click(screen.getByRole("tab", { name: "模板" }));
  fireEvent.click(screen.getByRole("button", { name: "生成模板" }));
  await waitFor(() => expect(writeWorkbook).toHaveBeenCalledTimes(1));
  const [model, name] = writeWorkbook.mock.calls[0]!;
  expect(name).toBe("台账模板.xlsx");
  expect(model.marker?.kind).toBe("ledger");
  expect(model.sheets.map((s) => s.name)).toContain("服务台账");
  expect(port.write).toHaveBeenCalledWith(model);
  // The download link is offered too, in case the automatic click was blocked.
  const link = await screen.findByRole("link", { name: /台账模板\.xlsx/u });
  expect(link.getAttribute("download")).toBe("台账模板.xlsx");
});

test("a bad JSON file gets a MessageBar naming the file", async () => {
  setup();
  load([textFile("坏文件.json", "{ not json")]);
  expect(await screen.findByText(/无法读取：文件“坏文件\.json”/u)).toBeTruthy();
  expect(screen.getByText("坏文件.json")).toBeTruthy();
  expect(screen.getByText("未载入 1")).toBeTruthy();
});

test("switches the UI to English", async () => {
  setup();
  fireEvent.click(screen.getByRole("button", { name: "界面语言：English" }));
  expect(await screen.findByRole("tab", { name: "Load" })).toBeTruthy();
  expect(screen.getByRole("tab", { name: "Templates" })).toBeTruthy();
  expect(screen.getByLabelText("Choose JSON or xlsx files (several at once)")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "Language：中文" }));
  expect(await screen.findByRole("tab", { name: "载入" })).toBeTruthy();
});

test("steps are focusable buttons with accessible names, in a labelled tab list", () => {
  setup();
  const list = screen.getByRole("tablist", { name: "步骤" });
  const tabs = within(list).getAllByRole("tab");
  expect(tabs).toHaveLength(5);
  expect(["载入", "检查", "统计", "评分", "模板"].map((name) => within(list).getByRole("tab", { name }))).toEqual(tabs);
  for (const tab of tabs) {
    expect(tab.tagName).toBe("BUTTON");
    expect(tab.hasAttribute("disabled")).toBe(false);
  }
  act(() => tabs[2]!.focus());
  expect(document.activeElement).toBe(tabs[2]);
  fireEvent.click(tabs[2]!);
  expect(tabs[2]!.getAttribute("aria-selected")).toBe("true");
  expect(screen.getByRole("tabpanel", { name: "统计" })).toBeTruthy();
});

test("long work can be cancelled", async () => {
  setup();
  load(sampleFiles());
  const cancel = await screen.findByRole("button", { name: "取消" });
  fireEvent.click(cancel);
  expect(await screen.findByText("已取消，未完成的步骤没有结果。")).toBeTruthy();
  expect(screen.getByText("尚未载入文件。")).toBeTruthy();
});
