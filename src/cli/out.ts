/**
 * `--out`: writes a workbook model to an .xlsx file through the exceljs adapter — its streaming writer when a sheet has
 * more than 20,000 rows — creating the folder, refusing to overwrite an input (by identity, links included), writing
 * to a temporary file renamed into place, and telling on stderr what was written.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { needsStreaming, writeWorkbookFile } from "../adapters/exceljs";
import type { Settings } from "../core/config";
import type { InputRecord } from "../core/report";
import { ruleIds } from "../core/rules";
import type { Versions } from "../core/sheets/review";
import type { WorkbookModel } from "../core/sheets/model";
import { escapeControls } from "../core/text";
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

/** What an output must never overwrite: the run's inputs, by name and by device and inode. */
export interface OutputSources {
  inputs: readonly InputRecord[];
  identities?: readonly { dev: number; ino: number }[];
}

/**
 * Whether `path` is one of the inputs: the same file by device and inode (a hard link or a symbolic link to an input
 * is that input), or by resolved name. Null when it is not; else why, in Chinese.
 */
function inputClash(path: string, cwd: string, sources: OutputSources): string | null {
  if (sources.inputs.some((i) => resolve(cwd, i.file) === path)) return "是本次的输入文件";
  let st;
  try {
    st = statSync(path);
  } catch {
    return null;
  }
  if (st.isDirectory()) return "是一个文件夹";
  if (sources.identities?.some((id) => id.dev === st.dev && id.ino === st.ino)) {
    return "指向本次的一个输入文件（同一文件的链接）";
  }
  return null;
}

/** Temporary files being written: removed if the run is interrupted, so only whole workbooks are ever left. */
const writing = new Set<string>();

function removeTemporaries(): void {
  for (const temp of writing) rmSync(temp, { force: true });
}

function onInterrupt(signal: NodeJS.Signals): void {
  removeTemporaries();
  process.exit(signal === "SIGINT" ? 130 : 143);
}

/**
 * Writes `model` to `file` (relative to the working directory). Never over an input of the run: inputs are never
 * modified. The workbook is written to a temporary file in the target folder and renamed into place when complete,
 * so an interrupted run leaves the old file (or none), never half a workbook. Gives the path written (as shown to
 * the user), or null after telling on stderr why it could not.
 */
export async function writeOut(
  model: WorkbookModel,
  file: string,
  io: Io,
  sources: OutputSources,
  what: string,
): Promise<string | null> {
  const path = resolve(io.cwd, file);
  const clash = inputClash(path, io.cwd, sources);
  if (clash) {
    io.stderr(`outlet-review：--out“${escapeControls(file)}”${clash}，不会覆盖输入；请换一个文件名\n`);
    return null;
  }
  const shown = escapeControls(relative(io.cwd, path).startsWith("..") ? path : relative(io.cwd, path) || file);
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
    io.stderr(`outlet-review：${what}未写出：无法创建文件夹“${escapeControls(dirname(shown))}”（${why}）\n`);
    return null;
  }
  const temp = join(dirname(path), `.${basename(path)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  writing.add(temp);
  if (writing.size === 1) {
    process.once("SIGINT", onInterrupt);
    process.once("SIGTERM", onInterrupt);
  }
  try {
    await writeWorkbookFile(model, temp, { streaming });
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    // The adapter's message names the file and the reason in Chinese; it names the temporary file, so say which.
    const message = error instanceof Error ? error.message.split(temp).join(shown) : String(error);
    io.stderr(`outlet-review：${what}未写出：${message}\n`);
    return null;
  } finally {
    writing.delete(temp);
    if (writing.size === 0) {
      process.off("SIGINT", onInterrupt);
      process.off("SIGTERM", onInterrupt);
    }
  }
  io.stderr(
    `outlet-review：已写出${what} ${shown}（${model.sheets.length} 个工作表${streaming ? "；数据量大，已流式写出，表格以筛选代替“表”" : ""}）\n`,
  );
  return shown;
}
