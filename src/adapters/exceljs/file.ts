/**
 * Files (Node only): reading and writing .xlsx on disk, switching to the lean streaming reader (../xlsx) and
 * exceljs's streaming writer for big workbooks. Browser code uses ./browser (in-memory only).
 */
import { createWriteStream } from "node:fs";
import { once } from "node:events";
import { readFile, stat, unlink } from "node:fs/promises";
import ExcelJS from "exceljs";
import type { RawWorkbook, WorkbookModel } from "../../core/sheets/model";
import { readWorkbook } from "./read";
import { readXlsxFile } from "../xlsx/reader";
import { renderWorkbook } from "./render";
import { needsStreaming } from "./write";

/** From this size on, files are read with the streaming reader (the full reader needs ~70× the file size). */
export const STREAMING_READ_BYTES = 5 * 1024 * 1024;

export interface FileOptions {
  /** Force (true) or refuse (false) the streaming reader/writer; by default chosen by size. */
  streaming?: boolean;
}

/**
 * Reads an .xlsx file. Files of 5 MB and more (or with `streaming: true`) go through the streaming reader
 * (readXlsxFile, the same values as exceljs's readWorkbookStream, several times faster): then date cells are Excel
 * serials, not `{ date }`.
 */
export async function readWorkbookFile(path: string, options: FileOptions = {}): Promise<RawWorkbook> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch (error) {
    throw new Error(`无法读取文件 ${path}：${fileReason(error)}`, { cause: error });
  }
  const streaming = options.streaming ?? size >= STREAMING_READ_BYTES;
  try {
    return streaming ? await readXlsxFile(path) : await readWorkbook(await readFile(path));
  } catch (error) {
    throw new Error(`${path}：${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
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
