/**
 * Reads the command line's inputs: files and folders (walked for .json and .xlsx), each file hashed
 * (SHA-256) and parsed by content — JSON, or a filled template workbook (a zip: "PK") through the
 * exceljs adapter and the importer. Nothing here throws on bad input: a missing file, an empty
 * folder or an unreadable file becomes an `input/unreadable` finding and the rest goes on.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, isAbsolute, join, relative, resolve } from "node:path";
import type { Finding } from "../core/findings";
import { parseJsonText, unreadable, type SheetReader, type SourcedDocument } from "../core/parse";
import { isReviewerScores, parseReviewerScores, type ReviewerSheet } from "../core/scoring/reviewers";
import type { InputRecord } from "../core/report";
import { importWorkbook } from "../core/sheets/import";
import { readWorkbook, readWorkbookFile, STREAMING_READ_BYTES } from "../adapters/exceljs";

/** Reviewers' score sheets are recognised by content, like every document. */
const REVIEWER_SHEETS: SheetReader = { recognise: isReviewerScores, parse: parseReviewerScores };

export interface LoadedInputs {
  documents: SourcedDocument[];
  /** Reviewers' score sheets (used by `score`; other commands leave them aside). */
  sheets: ReviewerSheet[];
  findings: Finding[];
  inputs: InputRecord[];
  /** Files whose content could be opened (even if some documents in them were rejected). */
  filesRead: number;
}

/** Extensions a folder walk picks up; .docx arrives with the Word issue. */
const WALKED = new Set([".json", ".xlsx"]);
const LATER = new Map([[".docx", "Word 表格（.docx）"]]);

function inputFinding(file: string, message: string): Finding {
  return unreadable(file, null, message);
}

/** Paths in reports are shown as given, relative to the working directory when possible. */
function display(path: string, cwd: string): string {
  if (!isAbsolute(path)) return path.split("\\").join("/");
  const rel = relative(cwd, path);
  return rel && !rel.startsWith("..") ? rel.split("\\").join("/") : path;
}

function walk(folder: string, out: string[], skipped: string[]): void {
  const names = readdirSync(folder).sort((a, b) => a.localeCompare(b, "en"));
  for (const name of names) {
    // "~$…" are Excel's lock files beside an open workbook.
    if (name.startsWith(".") || name.startsWith("~$") || name === "node_modules") continue;
    const full = join(folder, name);
    const st = statSync(full);
    if (st.isDirectory()) walk(full, out, skipped);
    else if (WALKED.has(extname(name).toLowerCase())) out.push(full);
    else if (LATER.has(extname(name).toLowerCase())) skipped.push(full);
  }
}

export interface LoadOptions {
  cwd?: string;
  onFile?: (file: string, index: number, total: number) => void;
}

/**
 * Loads JSON inputs synchronously (for in-process callers that only have JSON); a workbook among them is reported
 * as not loaded. The command line uses loadInputsAsync, which reads workbooks too.
 */
export function loadInputs(paths: readonly string[], options: LoadOptions = {}): LoadedInputs {
  const { out, files } = listInputs(paths, options);
  files.forEach((file, i) => {
    const opened = openInput(file, i, files.length, options, out);
    if (!opened) return;
    if (isZip(opened.bytes)) {
      out.findings.push(inputFinding(opened.shown, "xlsx 工作簿需异步读取（loadInputsAsync），该文件未审核"));
      out.inputs.push({ file: opened.shown, sha256: opened.sha256, documents: 0, rejected: 1 });
    } else {
      addJson(out, opened);
    }
  });
  return out;
}

/** Loads every input: JSON files, and filled template workbooks through the exceljs adapter and the importer. */
export async function loadInputsAsync(paths: readonly string[], options: LoadOptions = {}): Promise<LoadedInputs> {
  const { out, files } = listInputs(paths, options);
  for (let i = 0; i < files.length; i++) {
    const opened = openInput(files[i]!, i, files.length, options, out);
    if (!opened) continue;
    if (isZip(opened.bytes)) await addWorkbook(out, opened);
    else addJson(out, opened);
  }
  return out;
}

interface Opened {
  key: string;
  shown: string;
  bytes: Buffer;
  sha256: string;
}

function isZip(bytes: Buffer): boolean {
  return bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b;
}

/** A zip is a Word document when it holds word/document.xml (names are stored in clear in the zip). */
function isDocx(bytes: Buffer): boolean {
  return bytes.includes("word/document.xml") && !bytes.includes("xl/workbook.xml");
}

function addJson(out: LoadedInputs, { shown, bytes, sha256 }: Opened): void {
  const parsed = parseJsonText(bytes.toString("utf8"), shown, REVIEWER_SHEETS);
  out.documents.push(...parsed.documents);
  out.sheets.push(...parsed.sheets);
  out.findings.push(...parsed.findings);
  out.inputs.push({
    file: shown,
    sha256,
    documents: parsed.documents.length + parsed.sheets.length,
    rejected: parsed.rejected,
  });
}

/** A workbook: big ones through the streaming reader (dates then arrive as serials; the importer converts them). */
async function addWorkbook(out: LoadedInputs, { key, shown, bytes, sha256 }: Opened): Promise<void> {
  if (isDocx(bytes)) {
    out.findings.push(
      inputFinding(shown, "Word 表格（.docx）暂不支持，本版本审核 JSON 文件和本工具的 xlsx 模板；该文件未审核"),
    );
    out.inputs.push({ file: shown, sha256, documents: 0, rejected: 1 });
    return;
  }
  let raw;
  try {
    raw =
      bytes.length >= STREAMING_READ_BYTES
        ? await readWorkbookFile(key, { streaming: true })
        : await readWorkbook(bytes);
  } catch (error) {
    const message = error instanceof Error ? error.message.replace(/^.*?：(?=无法读取)/u, "") : String(error);
    out.findings.push(inputFinding(shown, `${message}；该文件未审核`));
    out.inputs.push({ file: shown, sha256, documents: 0, rejected: 1 });
    return;
  }
  const imported = importWorkbook(raw, shown);
  out.documents.push(...imported.documents);
  out.sheets.push(...imported.sheets);
  out.findings.push(...imported.findings);
  const loaded = imported.documents.length + imported.sheets.length;
  out.inputs.push({
    file: shown,
    sha256,
    documents: loaded,
    // Rows (ledger entries, registry and scoring rows, forms) not loaded; a workbook of nothing is rejected whole.
    rejected: imported.rowsRejected || (loaded === 0 && imported.rowsRead === 0 ? 1 : 0),
  });
}

function listInputs(paths: readonly string[], options: LoadOptions): { out: LoadedInputs; files: string[] } {
  const cwd = options.cwd ?? process.cwd();
  const out: LoadedInputs = { documents: [], sheets: [], findings: [], inputs: [], filesRead: 0 };
  const files: string[] = [];
  const seen = new Set<string>();
  for (const path of paths) {
    let st;
    try {
      st = statSync(resolve(cwd, path));
    } catch {
      out.findings.push(inputFinding(display(path, cwd), `找不到文件或文件夹“${path}”`));
      continue;
    }
    if (st.isDirectory()) {
      const found: string[] = [];
      const skipped: string[] = [];
      walk(resolve(cwd, path), found, skipped);
      for (const s of skipped) {
        out.findings.push(
          inputFinding(
            display(s, cwd),
            `${LATER.get(extname(s).toLowerCase())}暂不支持，本版本审核 JSON 文件和本工具的 xlsx 模板；该文件未审核`,
          ),
        );
      }
      if (!found.length) {
        out.findings.push(
          inputFinding(display(path, cwd), `文件夹“${path}”中没有可审核的 .json 文件，也没有 .xlsx 工作簿`),
        );
      }
      files.push(...found);
    } else {
      files.push(path);
    }
  }
  // Each file once, in the order given.
  const unique = files.filter((file) => {
    const key = resolve(cwd, file);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return { out, files: unique };
}

/** Reads and hashes one file; a file that cannot be read is a finding. */
function openInput(file: string, i: number, total: number, options: LoadOptions, out: LoadedInputs): Opened | null {
  const cwd = options.cwd ?? process.cwd();
  const key = resolve(cwd, file);
  const shown = display(file, cwd);
  options.onFile?.(shown, i, total);
  let bytes: Buffer;
  try {
    bytes = readFileSync(key);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    out.findings.push(
      inputFinding(shown, code === "EACCES" ? "没有读取该文件的权限" : `无法读取该文件（${code ?? error}）`),
    );
    out.inputs.push({ file: shown, sha256: null, documents: 0, rejected: 1 });
    return null;
  }
  out.filesRead++;
  return { key, shown, bytes, sha256: createHash("sha256").update(bytes).digest("hex") };
}
