/**
 * `--out`: writes a workbook model to an .xlsx file through the exceljs adapter — its streaming writer when a sheet has
 * more than 20,000 rows — creating the folder, refusing to overwrite an input, and telling on stderr what was written.
 */
import { mkdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { needsStreaming, writeWorkbookFile } from "../adapters/exceljs";
import type { Settings } from "../core/config";
import type { InputRecord } from "../core/report";
import { ruleIds } from "../core/rules";
import type { Versions } from "../core/sheets/review";
import type { WorkbookModel } from "../core/sheets/model";
import type { Io } from "./main";

/** Why `--out FILE` cannot be used, or null: it must name an .xlsx file. */
export function outFileProblem(file: string): string | null {
  if (!/\.xlsx$/iu.test(file)) return `--out 应为 .xlsx 文件，例如 --out 审核结果.xlsx（实为“${file}”）`;
  return null;
}

/** The package's version, from package.json beside src/ (ts-jest) or lib/ (compiled). */
export function appVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(__dirname, "..", "..", "package.json"), "utf8")) as { version?: unknown };
    return typeof pkg.version === "string" ? pkg.version : "未知";
  } catch {
    return "未知";
  }
}

/** Versions for 审核日志: the tool, and the rules this run applied (the settings may turn some off). */
export function versions(settings?: Settings): Versions {
  const rules = settings ? ruleIds().filter((id) => settings.rules[id] !== "off").length : undefined;
  return { app: appVersion(), ...(rules === undefined ? {} : { rules }) };
}

/** The time for 审核日志: the clock of `io` (down to the date when only that is given). */
export function generatedAt(io: Io): string {
  return io.now?.() ?? io.today();
}

/**
 * Writes `model` to `file` (relative to the working directory). Never over an input of the run: inputs are never
 * modified. Gives the path written (as shown to the user), or null after telling on stderr why it could not.
 */
export async function writeOut(
  model: WorkbookModel,
  file: string,
  io: Io,
  inputs: readonly InputRecord[],
  what: string,
): Promise<string | null> {
  const path = resolve(io.cwd, file);
  if (inputs.some((i) => resolve(io.cwd, i.file) === path)) {
    io.stderr(`outlet-review：--out“${file}”是本次的输入文件，不会覆盖输入；请换一个文件名\n`);
    return null;
  }
  const shown = relative(io.cwd, path).startsWith("..") ? path : relative(io.cwd, path) || file;
  const streaming = needsStreaming(model);
  try {
    mkdirSync(dirname(path), { recursive: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === "EEXIST" || code === "ENOTDIR"
        ? "路径中有同名的文件"
        : code === "EACCES" || code === "EPERM"
          ? "没有写入权限"
          : (error as Error).message;
    io.stderr(`outlet-review：${what}未写出：无法创建文件夹“${dirname(shown)}”（${why}）\n`);
    return null;
  }
  try {
    await writeWorkbookFile(model, path, { streaming });
  } catch (error) {
    // The adapter's message names the file and the reason in Chinese.
    io.stderr(`outlet-review：${what}未写出：${error instanceof Error ? error.message : String(error)}\n`);
    return null;
  }
  io.stderr(
    `outlet-review：已写出${what} ${shown}（${model.sheets.length} 个工作表${streaming ? "；数据量大，已流式写出，表格以筛选代替“表”" : ""}）\n`,
  );
  return shown;
}
