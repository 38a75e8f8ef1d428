/**
 * Reads the command line's inputs: files and folders (./walk), each file opened safely, hashed (SHA-256) and read
 * by content through the application layer (src/app/readInput) — the same reader as the task pane's, under zlib's
 * inflater. Nothing here throws on bad input: a missing file, an odd folder entry or an unreadable file becomes an
 * `input/unreadable` finding and the rest goes on.
 */
import { nodeInflater } from "../adapters/zip/nodeInflate";
import { limitError } from "../adapters/zip/errors";
import { problemMessage } from "../app/messages";
import { readInput, rejectedFile } from "../app/readInput";
import type { Finding } from "../core/findings";
import { DEFAULT_READ_LIMITS, type ReadLimits } from "../core/limits";
import { unreadable, type SourcedDocument } from "../core/parse";
import type { InputRecord } from "../core/report";
import type { ReviewerSheet } from "../core/scoring/reviewers";
import { openInputFile, SizeLimitError, walkInputs, type FileSystem, type FsPath } from "./walk";

export interface LoadedInputs {
  documents: SourcedDocument[];
  /** Reviewers' score sheets (used by `score`; other commands leave them aside). */
  sheets: ReviewerSheet[];
  findings: Finding[];
  inputs: InputRecord[];
  /** Files whose content could be opened (even if some documents in them were rejected). */
  filesRead: number;
  /** Device and inode of every file opened: an output must never be one of them. */
  identities: { dev: number; ino: number }[];
}

export interface LoadOptions {
  cwd?: string;
  onFile?: (file: string, index: number, total: number) => void;
  /** Reading limits (settings `limits`); the defaults otherwise. */
  limits?: ReadLimits;
  /** The file system (tests give one that fails where they need it). */
  fs?: FileSystem;
}

/** A fault of ours reading a file: the report says so plainly; OUTLET_REVIEW_DEBUG=1 also prints the error. */
function onUnexpected(error: unknown): void {
  if (process.env.OUTLET_REVIEW_DEBUG)
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
}

/** Loads every input: JSON files, workbooks, and a clear finding for every file that cannot be reviewed. */
export async function loadInputsAsync(paths: readonly string[], options: LoadOptions = {}): Promise<LoadedInputs> {
  const cwd = options.cwd ?? process.cwd();
  const limits = options.limits ?? DEFAULT_READ_LIMITS;
  const out: LoadedInputs = { documents: [], sheets: [], findings: [], inputs: [], filesRead: 0, identities: [] };
  const walked = walkInputs(paths, cwd, options.fs);
  for (const p of walked.problems) {
    out.findings.push(unreadable(p.shown, null, p.message, p.info ? { severity: "info" } : {}));
  }
  for (let i = 0; i < walked.files.length; i++) {
    const { path, shown } = walked.files[i]!;
    options.onFile?.(shown, i, walked.files.length);
    const loaded = await loadFile(path, shown, limits, out);
    out.documents.push(...loaded.documents);
    out.sheets.push(...loaded.sheets);
    out.findings.push(...loaded.findings);
    out.inputs.push(loaded.input);
  }
  return out;
}

async function loadFile(
  path: FsPath,
  shown: string,
  limits: ReadLimits,
  out: LoadedInputs,
): ReturnType<typeof readInput> {
  let opened;
  try {
    opened = await openInputFile(path, limits.maxFileBytes);
  } catch (error) {
    if (error instanceof SizeLimitError) {
      return rejectedFile(shown, null, problemMessage(limitError("maxFileBytes", limits).problem));
    }
    return rejectedFile(shown, null, `${error instanceof Error ? error.message : String(error)}；该文件未审核`);
  }
  try {
    out.filesRead++;
    out.identities.push({ dev: opened.dev, ino: opened.ino });
    let sha256: string | null;
    try {
      sha256 = await opened.sha256();
    } catch {
      sha256 = null;
    }
    return await readInput(
      { name: shown, bytes: opened.source, sha256 },
      { inflate: nodeInflater, limits, onUnexpected },
    );
  } finally {
    await opened.close();
  }
}
