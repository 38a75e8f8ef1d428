/**
 * One input file, by content, into documents and findings: the same for the command line and the task pane (Node
 * and browsers), so that a file gives the same documents and findings wherever it is read. Only the platform
 * differs: the inflater of zip parts and where the bytes come from. Never throws on a file: whatever it cannot
 * read is one finding naming the file (and the part, sheet or cell), and the rest of the batch goes on.
 */
import { recognise, type TextEncoding } from "../adapters/files/recognise";
import { readXlsxArchive } from "../adapters/xlsx/reader";
import { ReadError, limitError } from "../adapters/zip/errors";
import type { Inflater } from "../adapters/zip/inflate";
import { memorySource, type ByteSource } from "../adapters/zip/source";
import type { Finding } from "../core/findings";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../core/limits";
import { parseJsonText, unreadable, type SheetReader, type SourcedDocument } from "../core/parse";
import type { InputRecord } from "../core/report";
import { isReviewerScores, parseReviewerScores, type ReviewerSheet } from "../core/scoring/reviewers";
import { importWorkbook, WorkbookImport, type ImportResult } from "../core/sheets/import";
import type { RawWorkbook, WorkbookMarker } from "../core/sheets/model";
import { kindMessage, kindProblem, problemMessage, UNEXPECTED_MESSAGE } from "./messages";

/** Reviewers' score sheets are recognised by content, like every document. */
export const REVIEWER_SHEETS: SheetReader = { recognise: isReviewerScores, parse: parseReviewerScores };

/** A file's bytes (in memory, or read as needed) and how it is shown (its name or path, controls escaped). */
export interface InputBytes {
  name: string;
  bytes: Uint8Array | ByteSource;
  sha256: string | null;
}

/** What the platform gives the reader. */
export interface ReadPlatform {
  inflate: Inflater;
  limits?: ReadLimits;
  /** Told of an error that is a fault of ours, not of the file (the user sees a plain message; a maintainer this). */
  onUnexpected?: (error: unknown) => void;
  /**
   * Keep every row of a workbook (LoadedFile.workbook), for a caller that brings the sheets into Excel. Otherwise a
   * ledger's rows go into the importer as they are read and are not kept.
   */
  keepRows?: boolean;
}

export interface LoadedFile {
  name: string;
  documents: SourcedDocument[];
  sheets: ReviewerSheet[];
  findings: Finding[];
  input: InputRecord;
  /** The workbook as read, when the file was one (the task pane brings a filled template into Excel). */
  workbook?: RawWorkbook;
}

/** A file that could not be reviewed at all: one finding, and the file counted as rejected. */
export function rejectedFile(name: string, sha256: string | null, message: string): LoadedFile {
  return {
    name,
    documents: [],
    sheets: [],
    findings: [unreadable(name, null, message)],
    input: { file: name, sha256, documents: 0, rejected: 1 },
  };
}

/** A workbook's sheets (from a file or the open workbook) through the importer. */
export function importRaw(raw: RawWorkbook, name: string, sha256: string | null): LoadedFile {
  return { ...loadedWorkbook(importWorkbook(raw, name), name, sha256), workbook: raw };
}

function loadedWorkbook(imported: ImportResult, name: string, sha256: string | null): LoadedFile {
  const loaded = imported.documents.length + imported.sheets.length;
  return {
    name,
    documents: imported.documents,
    sheets: imported.sheets,
    findings: imported.findings,
    input: {
      file: name,
      sha256,
      documents: loaded,
      // Rows (ledger entries, registry and scoring rows, forms) not loaded; a workbook of nothing is rejected whole.
      rejected: imported.rowsRejected || (loaded === 0 && imported.rowsRead === 0 ? 1 : 0),
    },
  };
}

const ENCODING_NAMES: Partial<Record<TextEncoding, string>> = {
  "utf-16le": "UTF-16",
  "utf-16be": "UTF-16",
  gb18030: "GBK/GB18030",
};

function jsonFile(name: string, sha256: string | null, text: string, encoding: TextEncoding): LoadedFile {
  const parsed = parseJsonText(text, name, REVIEWER_SHEETS);
  const findings = parsed.findings;
  const other = ENCODING_NAMES[encoding];
  if (other) {
    findings.unshift(
      unreadable(name, null, `文件为 ${other} 编码，已按此编码读取（JSON 文件应为 UTF-8 编码）`, { severity: "info" }),
    );
  }
  return {
    name,
    documents: parsed.documents,
    sheets: parsed.sheets,
    findings,
    input: { file: name, sha256, documents: parsed.documents.length + parsed.sheets.length, rejected: parsed.rejected },
  };
}

/** Reads one file: recognised by its bytes, then read, imported and parsed; never throws on what the file holds. */
export async function readInput(file: InputBytes, platform: ReadPlatform): Promise<LoadedFile> {
  const { name, sha256 } = file;
  // isView, not instanceof: bytes made in another realm (a worker, a test environment) are bytes all the same.
  const source = ArrayBuffer.isView(file.bytes) ? memorySource(file.bytes) : file.bytes;
  const limits = platform.limits ?? DEFAULT_READ_LIMITS;
  if (source.size > limits.maxFileBytes) {
    return rejectedFile(name, sha256, problemMessage(limitError("maxFileBytes", limits).problem));
  }
  try {
    const kind = await recognise(source, { inflate: platform.inflate, limits });
    if (kind.kind === "json") return jsonFile(name, sha256, kind.text, kind.encoding);
    if (kind.kind === "xlsx") {
      const options = { inflate: platform.inflate, limits };
      if (platform.keepRows) return importRaw(await readXlsxArchive(kind.archive, options), name, sha256);
      let run: WorkbookImport | undefined;
      const stream = (marker: WorkbookMarker | null) => (run = new WorkbookImport(name, marker));
      const raw = await readXlsxArchive(kind.archive, { ...options, stream });
      return loadedWorkbook(run!.finish(raw.sheets), name, sha256);
    }
    return rejectedFile(name, sha256, kindProblem(kindMessage(kind) ?? ""));
  } catch (error) {
    if (error instanceof ReadError) return rejectedFile(name, sha256, problemMessage(error.problem));
    platform.onUnexpected?.(error);
    return rejectedFile(name, sha256, UNEXPECTED_MESSAGE);
  }
}
