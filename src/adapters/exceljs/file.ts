/**
 * Files (Node only): writing .xlsx to disk, with exceljs's streaming writer for big workbooks. (Reading a file is
 * src/adapters/xlsx/node.ts.)
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { unlink } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { WorkbookModel } from "../../core/sheets/model";
import { renderWorkbook } from "./render";
import { needsStreaming } from "./write";

export interface FileOptions {
  /** Force (true) or refuse (false) the streaming writer; by default chosen by size. */
  streaming?: boolean;
}

/**
 * Writes `model` to an .xlsx file. A model with a table sheet of more than 20,000 rows (or `streaming: true`) is
 * written with the streaming writer, row by row: same rendering except that Excel tables become filters (autoFilter)
 * with a plain totals row, since the streaming writer cannot write tables.
 */
export async function writeWorkbookFile(model: WorkbookModel, path: string, options: FileOptions = {}): Promise<void> {
  const streaming = options.streaming ?? needsStreaming(model);
  if (!streaming) {
    const workbook = new ExcelJS.Workbook();
    await renderWorkbook(workbook, model, { streaming: false });
    try {
      await workbook.xlsx.writeFile(path);
    } catch (error) {
      throw new Error(`无法写入文件 ${path}：${fileReason(error)}`, { cause: error });
    }
    return;
  }

  const out = createWriteStream(path);
  try {
    // Surface a bad path now: exceljs would only listen for stream errors at commit time.
    await once(out, "open");
  } catch (error) {
    throw new Error(`无法写入文件 ${path}：${fileReason(error)}`, { cause: error });
  }
  const failed = new Promise<never>((_, reject) => out.once("error", reject));
  try {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
    const write = async (): Promise<void> => {
      await renderWorkbook(workbook, model, { streaming: true });
      await workbook.commit();
    };
    await Promise.race([write(), failed]);
  } catch (error) {
    out.destroy();
    await unlink(path).catch(() => undefined);
    throw new Error(`无法写入文件 ${path}：${fileReason(error)}`, { cause: error });
  }
}

function fileReason(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === "ENOENT") return "文件或目录不存在";
  if (code === "EACCES" || code === "EPERM") return "没有访问权限";
  if (code === "EBUSY") return "文件正被其他程序占用";
  return error instanceof Error ? error.message : String(error);
}
