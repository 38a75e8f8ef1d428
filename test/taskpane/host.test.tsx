/** @jest-environment jsdom */
import { fireEvent, render, screen, waitFor } from "@testing-library/react";
import { polyfillJsdom, sampleFiles } from "./helpers";

polyfillJsdom();

import { xlsxPort } from "../../src/adapters/exceljs/browser";
import { ledgerTemplate } from "../../src/core/sheets/templates";
import { App } from "../../src/taskpane/App";
import { BrowserHost, CancelledError, ExcelHost, type ExcelAdapter } from "../../src/taskpane/host";
import * as session from "../../src/taskpane/session";
import type { ExcelPort } from "../../src/office/excelPort";

// Compile-time: the Office.js adapter of src/office plugs into ExcelHost as it is.
export const portIsAdapter = (port: ExcelPort): ExcelAdapter => port;

beforeEach(() => {
  URL.createObjectURL = jest.fn(() => "blob:mock");
  URL.revokeObjectURL = jest.fn();
});

afterEach(() => jest.restoreAllMocks());

test("BrowserHost renders the model with the exceljs adapter and clicks a download link", async () => {
  const clicked: HTMLAnchorElement[] = [];
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(function (this: HTMLAnchorElement) {
    clicked.push(this);
  });
  const progress: number[] = [];
  const result = await new BrowserHost({ revokeAfterMs: 0 }).writeWorkbook(ledgerTemplate(), "台账模板.xlsx", {
    onProgress: (p) => progress.push(p.done),
  });
  expect(result).toEqual({ kind: "download", name: "台账模板.xlsx", url: "blob:mock" });
  expect(clicked).toHaveLength(1);
  expect(clicked[0]!.download).toBe("台账模板.xlsx");
  expect(document.querySelector("a[download]")).toBeNull(); // the temporary link is removed
  const blob = (URL.createObjectURL as jest.Mock).mock.calls[0]![0] as Blob;
  expect(blob.type).toBe("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  expect(progress).toEqual([0, 1, 2]);
}, 20000);

test("BrowserHost honours a cancel before writing", async () => {
  const abort = new AbortController();
  abort.abort();
  const port = { write: jest.fn(), read: jest.fn() };
  await expect(
    new BrowserHost({ port }).writeWorkbook(ledgerTemplate(), "x.xlsx", { signal: abort.signal }),
  ).rejects.toBeInstanceOf(CancelledError);
  expect(port.write).not.toHaveBeenCalled();
});

test("a filled xlsx template is loaded through the exceljs adapter and the importer", async () => {
  const bytes = await xlsxPort.write(ledgerTemplate());
  const [loaded] = await session.loadFiles([{ name: "台账.xlsx", bytes: async () => bytes }]);
  expect(loaded!.name).toBe("台账.xlsx");
  // An empty template holds no entries: it is read, and nothing is silently dropped.
  expect(loaded!.findings.every((f) => f.rule !== "input/unreadable" || f.file === "台账.xlsx")).toBe(true);
  const [broken] = await session.loadFiles([{ name: "坏.xlsx", bytes: async () => new Uint8Array([0x50, 0x4b, 1]) }]);
  expect(broken!.input.rejected).toBe(1);
  expect(broken!.findings[0]!.message).toMatch(/该文件未审核$/u);
}, 20000);

test("ExcelHost delegates to the adapter; the pane reads the open workbook and selects a finding's cell", async () => {
  const adapter: ExcelAdapter = {
    writeModel: jest.fn(async () => undefined),
    readSheets: jest.fn(async () => ({ sheets: [], marker: null })),
    selectCell: jest.fn(async () => undefined),
  };
  const host = new ExcelHost(adapter);
  render(<App host={host} initialLang="zh-CN" />);
  expect(screen.getByText("Excel 加载项")).toBeTruthy();
  fireEvent.click(screen.getByRole("button", { name: "读取当前工作簿" }));
  await waitFor(() => expect(adapter.readSheets).toHaveBeenCalled());
  expect(await screen.findByText("当前工作簿")).toBeTruthy();

  fireEvent.change(screen.getByLabelText("选择 JSON 或 xlsx 文件（可多选）"), {
    target: { files: sampleFiles().filter((f) => f.name.startsWith("12-")) },
  });
  expect(await screen.findByText("12-liwan-zhixin-shangwu.json")).toBeTruthy();
  fireEvent.click(screen.getByRole("tab", { name: "检查" }));
  fireEvent.click(screen.getByRole("button", { name: "运行检查" }));
  fireEvent.click((await screen.findAllByRole("button", { name: /联系人邮箱/u }))[0]!);
  await waitFor(() =>
    expect(adapter.selectCell).toHaveBeenCalledWith("申报汇总", expect.stringMatching(/^[A-Z]+\d+$/u)),
  );

  fireEvent.click(screen.getByRole("button", { name: "写入审核结果" }));
  await waitFor(() => expect(adapter.writeModel).toHaveBeenCalledTimes(1));
  expect(await screen.findByText("已写入当前工作簿：审核结果.xlsx")).toBeTruthy();
}, 20000);

test("ExcelHost without an adapter falls back to a download and offers no workbook reading", async () => {
  const fallback = new BrowserHost({ port: { write: async () => new Uint8Array([1]), read: jest.fn() } });
  jest.spyOn(HTMLAnchorElement.prototype, "click").mockImplementation(() => undefined);
  const host = new ExcelHost(null, fallback);
  expect(host.readOpenWorkbook).toBeUndefined();
  expect(await host.writeWorkbook(ledgerTemplate(), "a.xlsx")).toMatchObject({ kind: "download" });
});

test("session helpers: reviewers, re-loads replace, templates per category", () => {
  expect(session.parseReviewers("张三，李四\n王五, 张三")).toEqual(["张三", "李四", "王五"]);
  const file = (name: string, documents: number) =>
    ({
      name,
      documents: [],
      sheets: [],
      findings: [],
      input: { file: name, sha256: null, documents, rejected: 0 },
    }) as session.LoadedFile;
  const merged = session.mergeFiles([file("a.json", 1), file("b.json", 1)], [file("a.json", 2)]);
  expect(merged.map((f) => [f.name, f.input.documents])).toEqual([
    ["b.json", 1],
    ["a.json", 2],
  ]);
  const library = session.templateModel("ledger", "library");
  const generic = session.templateModel("ledger");
  expect(JSON.stringify(library)).not.toEqual(JSON.stringify(generic));
  expect(session.templateModel("registry").sheets.length).toBeGreaterThan(0);
  expect(session.templateModel("scoring").sheets.length).toBeGreaterThan(0);
});
