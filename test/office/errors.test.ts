import { ERROR_MESSAGES, ExcelTaskError, explainError } from "../../src/office/errors";
import { createExcelRunner } from "../../src/office/runner";

describe("explainError", () => {
  it.each([
    ["InvalidArgument", /参数/u],
    ["InvalidReference", /不存在或无效/u],
    ["ItemNotFound", /找不到/u],
    ["ItemAlreadyExists", /同名/u],
    ["AccessDenied", /保护/u],
    ["GeneralException", /内部错误/u],
    ["RequestPayloadSizeLimitExceeded", /5 MB/u],
    ["PayloadTooLarge", /过大/u],
    ["InsertDeleteConflict", /冲突/u],
    ["InvalidOperationInCellEditMode", /Enter 或 Esc/u],
    ["Conflict", /稍候/u],
    ["ApiNotFound", /更新 Office/u],
  ])("%s has a Chinese message with what to do", (code, pattern) => {
    const e = explainError({ code, message: "raw", debugInfo: { errorLocation: "Range.values" } });
    expect(e.code).toBe(code);
    expect(e.zh).toMatch(pattern);
    expect(e.zh).toContain(`错误代码：${code}`);
    expect(e.zh).toContain("Range.values");
    expect(e.en).toContain(code);
  });

  it("has an English text beside every Chinese one", () => {
    for (const m of Object.values(ERROR_MESSAGES)) {
      expect(m.zh).toMatch(/[\u4e00-\u9fff]/u);
      expect(m.en).toMatch(/^[\x20-\x7e]+$/u);
    }
  });

  it("falls back for unknown codes and non-Office errors", () => {
    expect(explainError({ code: "SomethingNew" }).zh).toContain("SomethingNew");
    expect(explainError(new Error("x")).code).toBe("Unknown");
  });

  it("the runner turns RichApi errors into Chinese errors and keeps serving later tasks", async () => {
    const order: string[] = [];
    const runner = createExcelRunner({
      run: async (batch) => batch({ sync: async () => undefined } as unknown as Excel.RequestContext),
      supports: () => false,
    });
    const failing = runner.run(async () => {
      order.push("a");
      throw Object.assign(new Error("busy"), { code: "InvalidOperationInCellEditMode" });
    });
    const next = runner.run(async (s) => {
      order.push("b");
      await s.sync();
      return 1;
    });
    await expect(failing).rejects.toBeInstanceOf(ExcelTaskError);
    await expect(failing).rejects.toThrow(/单元格编辑状态/u);
    await expect(next).resolves.toBe(1);
    expect(order).toEqual(["a", "b"]);
    expect(runner.syncCount).toBe(1);
  });

  it("the runner serialises tasks", async () => {
    const runner = createExcelRunner({
      run: (batch) => batch({ sync: async () => undefined } as unknown as Excel.RequestContext),
      supports: () => false,
    });
    const log: string[] = [];
    const task = (name: string) => async () => {
      log.push(`${name}:start`);
      await new Promise((r) => setTimeout(r, 5));
      log.push(`${name}:end`);
    };
    await Promise.all([runner.run(task("1")), runner.run(task("2"))]);
    expect(log).toEqual(["1:start", "1:end", "2:start", "2:end"]);
  });
});
