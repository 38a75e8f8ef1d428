/**
 * Reads the command line's inputs: files and folders (walked for .json), each file hashed
 * (SHA-256) and parsed by content. Nothing here throws on bad input: a missing file, an empty
 * folder or an unreadable file becomes an `input/unreadable` finding and the rest goes on.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { extname, isAbsolute, join, relative, resolve } from "node:path";
import type { Finding } from "../core/findings";
import { parseJsonText, unreadable, type SheetReader, type SourcedDocument } from "../core/parse";
import { isReviewerScores, parseReviewerScores, type ReviewerSheet } from "../core/scoring/reviewers";
import type { InputRecord } from "../core/report";

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

/** Extensions a folder walk picks up; .xlsx and .docx arrive with the workbook and Word issues. */
const WALKED = new Set([".json"]);
const LATER = new Map([
  [".xlsx", "xlsx 工作簿"],
  [".docx", "Word 表格（.docx）"],
]);

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
    if (name.startsWith(".") || name === "node_modules") continue;
    const full = join(folder, name);
    const st = statSync(full);
    if (st.isDirectory()) walk(full, out, skipped);
    else if (WALKED.has(extname(name).toLowerCase())) out.push(full);
    else if (LATER.has(extname(name).toLowerCase())) skipped.push(full);
  }
}

export function loadInputs(
  paths: readonly string[],
  options: { cwd?: string; onFile?: (file: string, index: number, total: number) => void } = {},
): LoadedInputs {
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
            `${LATER.get(extname(s).toLowerCase())}暂不支持，本版本只审核 JSON 文件；该文件未审核`,
          ),
        );
      }
      if (!found.length) {
        out.findings.push(inputFinding(display(path, cwd), `文件夹“${path}”中没有可审核的 .json 文件`));
      }
      files.push(...found);
    } else {
      files.push(path);
    }
  }
  files.forEach((file, i) => {
    const key = resolve(cwd, file);
    if (seen.has(key)) return;
    seen.add(key);
    const shown = display(file, cwd);
    options.onFile?.(shown, i, files.length);
    let bytes: Buffer;
    try {
      bytes = readFileSync(key);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      out.findings.push(
        inputFinding(shown, code === "EACCES" ? "没有读取该文件的权限" : `无法读取该文件（${code ?? error}）`),
      );
      out.inputs.push({ file: shown, sha256: null, documents: 0, rejected: 1 });
      return;
    }
    out.filesRead++;
    const sha256 = createHash("sha256").update(bytes).digest("hex");
    if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) {
      // A zip container: an .xlsx or .docx whatever its name says.
      out.findings.push(inputFinding(shown, "这是 xlsx/docx 等压缩格式文件，本版本只审核 JSON 文件；该文件未审核"));
      out.inputs.push({ file: shown, sha256, documents: 0, rejected: 1 });
      return;
    }
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
  });
  return out;
}
