/**
 * The command line's inputs, found and opened so that no entry of an input folder can stop or hang the batch: every
 * regular file under a folder is taken (its content says what it is), except hidden and system files; symbolic
 * links are followed only within the input's root folder, and loops are noticed; named pipes, sockets and devices
 * are never opened; an entry that cannot be read is a finding; names that are not UTF-8 (an archive unpacked from
 * Chinese Windows gives GBK names) and names with control characters are shown escaped. Files are opened without
 * blocking and checked to be regular files after opening, so an entry swapped for a pipe cannot hang the read; they
 * are read piece by piece as the reader asks, never held whole unless they must be (JSON, text).
 */
import { createHash } from "node:crypto";
import * as nodeFs from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { ReadError } from "../adapters/zip/errors";
import type { ByteSource } from "../adapters/zip/source";
import { escapeControls } from "../core/text";

/** The file system calls the walk uses (tests give one that fails where they need it). */
export type FileSystem = Pick<typeof nodeFs, "lstatSync" | "statSync" | "readdirSync" | "realpathSync">;

/** A path as the file system takes it: text, or bytes for names that are not UTF-8. */
export type FsPath = string | Buffer;

export interface FoundFile {
  /** Where to open it (the real path, links resolved). */
  path: FsPath;
  /** As shown in reports: relative to the working directory when inside it, control characters escaped. */
  shown: string;
}

export interface WalkProblem {
  shown: string;
  message: string;
  /** An info (the entry was left out on purpose) rather than an error (the entry could not be read). */
  info?: boolean;
}

export interface Walked {
  files: FoundFile[];
  problems: WalkProblem[];
}

/** Entries of an input folder that are never submissions: hidden files, Office lock files, system files. */
function ignored(name: string): boolean {
  const lower = name.toLowerCase();
  return (
    name.startsWith(".") ||
    name.startsWith("~$") ||
    lower === "thumbs.db" ||
    lower === "desktop.ini" ||
    lower === "node_modules" ||
    lower === "__macosx"
  );
}

const UTF8 = new TextDecoder("utf-8", { fatal: true });

/**
 * A path's bytes as text: each segment that is UTF-8 as text, each that is not (an archive unpacked from Chinese
 * Windows gives GBK names) with its bytes beyond ASCII as \xHH: nothing lost, nothing guessed.
 */
export function escapedUtf8(bytes: Uint8Array): string {
  let out = "";
  let start = 0;
  for (let i = 0; i <= bytes.length; i++) {
    if (i < bytes.length && bytes[i] !== 0x2f) continue;
    const segment = bytes.subarray(start, i);
    try {
      out += UTF8.decode(segment);
    } catch {
      for (const b of segment) {
        out += b < 0x80 ? String.fromCharCode(b) : `\\x${b.toString(16).toUpperCase().padStart(2, "0")}`;
      }
    }
    if (i < bytes.length) out += "/";
    start = i + 1;
  }
  return out;
}

/** A name's bytes as text: UTF-8, else escaped (see escapedUtf8), with the GBK reading when there is one. */
export function nameText(name: Buffer): { text: string; valid: boolean; gbk?: string } {
  try {
    return { text: UTF8.decode(name), valid: true };
  } catch {
    let gbk: string | undefined;
    try {
      gbk = new TextDecoder("gb18030", { fatal: true }).decode(name);
    } catch {
      gbk = undefined;
    }
    return { text: escapedUtf8(name), valid: false, ...(gbk === undefined ? {} : { gbk }) };
  }
}

/** A path as shown in reports: relative to `cwd` when inside it, `/` separators, control characters escaped. */
export function display(path: FsPath, cwd: string): string {
  const text = typeof path === "string" ? path : escapedUtf8(path);
  const shown = (() => {
    if (!isAbsolute(text)) return text;
    const rel = relative(cwd, text);
    return rel && !rel.startsWith("..") && !isAbsolute(rel) ? rel : text;
  })();
  // Windows separators shown as "/", as everywhere else (a backslash in a name elsewhere is a character).
  return escapeControls(sep === "\\" ? shown.split("\\").join("/") : shown);
}

function errorCode(error: unknown): string {
  return (error as NodeJS.ErrnoException | null)?.code ?? "";
}

/** Why an entry could not be read, in Chinese. */
export function fsReason(error: unknown): string {
  switch (errorCode(error)) {
    case "EACCES":
    case "EPERM":
      return "没有读取权限";
    case "ENOENT":
      return "不存在（可能已被移动或删除）";
    case "ELOOP":
      return "符号链接形成循环";
    case "ENAMETOOLONG":
      return "路径过长";
    case "EIO":
      return "读取时发生输入输出错误（磁盘或网络盘故障）";
    case "EISDIR":
      return "是文件夹";
    default:
      return `无法读取（${errorCode(error) || "未知原因"}）`;
  }
}

/** What kind of entry a stat says, when it is not a file or folder. */
function special(st: nodeFs.Stats): string | null {
  if (st.isFIFO()) return "命名管道";
  if (st.isSocket()) return "套接字";
  if (st.isCharacterDevice() || st.isBlockDevice()) return "设备文件";
  if (!st.isFile() && !st.isDirectory()) return "特殊文件";
  return null;
}

function join(dir: FsPath, name: FsPath): FsPath {
  if (typeof dir === "string" && typeof name === "string") return dir.endsWith(sep) ? dir + name : dir + sep + name;
  const d = typeof dir === "string" ? Buffer.from(dir) : dir;
  const n = typeof name === "string" ? Buffer.from(name) : name;
  return Buffer.concat([d, Buffer.from(d.at(-1) === sep.charCodeAt(0) ? "" : sep), n]);
}

/** Whether real path `real` is `root` or inside it. */
function inside(root: string, real: string): boolean {
  const rel = relative(root, real);
  return rel === "" || (!rel.startsWith("..") && !isAbsolute(rel));
}

class Walker {
  readonly files: FoundFile[] = [];
  readonly problems: WalkProblem[] = [];
  /** Folders and files already taken, by device and inode: a loop or a second link reads nothing twice. */
  private readonly seenDirs = new Set<string>();
  /** Files taken so far, by device and inode, and how the first was shown. */
  private readonly seenFiles = new Map<string, string>();

  constructor(
    private readonly fs: FileSystem,
    private readonly cwd: string,
  ) {}

  private problem(path: FsPath, message: string, info = false): void {
    this.problems.push({ shown: display(path, this.cwd), message, ...(info ? { info } : {}) });
  }

  /** One path given on the command line (followed wherever its links go: the user named it). */
  add(arg: string): void {
    const path = resolve(this.cwd, arg);
    let st: nodeFs.Stats;
    try {
      st = this.fs.statSync(path);
    } catch (error) {
      const code = errorCode(error);
      this.problems.push({
        shown: escapeControls(arg),
        message:
          code === "ENOENT"
            ? `找不到文件或文件夹“${escapeControls(arg)}”`
            : `“${escapeControls(arg)}”${fsReason(error)}`,
      });
      return;
    }
    if (st.isDirectory()) {
      const before = this.files.length;
      let root: string;
      try {
        root = this.fs.realpathSync(path);
      } catch (error) {
        this.problem(path, `文件夹${fsReason(error)}`);
        return;
      }
      this.folder(root, path, root, st);
      if (this.files.length === before && !this.problems.some((p) => p.shown.startsWith(display(path, this.cwd)))) {
        this.problems.push({
          shown: display(path, this.cwd),
          message: `文件夹“${escapeControls(arg)}”中没有可审核的文件`,
        });
      }
      return;
    }
    const kind = special(st);
    if (kind) {
      this.problem(path, `这是${kind}，不是普通文件，未读取`);
      return;
    }
    this.file(path, path, st);
  }

  private file(real: FsPath, shownPath: FsPath, st: nodeFs.Stats): void {
    const id = `${st.dev}:${st.ino}`;
    const first = this.seenFiles.get(id);
    if (first !== undefined) {
      // The same file under two names (a hard link, a link inside the folder, a path given twice): read once.
      const shown = display(shownPath, this.cwd);
      if (shown !== first) this.problem(shownPath, `与“${first}”是同一个文件，只审核一次`, true);
      return;
    }
    const shown = display(shownPath, this.cwd);
    this.seenFiles.set(id, shown);
    this.files.push({ path: real, shown });
  }

  /** Walks the folder `dir` (shown as `shownDir`) inside the input's `root`. */
  private folder(dir: FsPath, shownDir: FsPath, root: string, st: nodeFs.Stats): void {
    const id = `${st.dev}:${st.ino}`;
    if (this.seenDirs.has(id)) {
      this.problem(shownDir, "文件夹经符号链接重复出现（循环），未再次读取", true);
      return;
    }
    this.seenDirs.add(id);
    let names: Buffer[];
    try {
      names = (this.fs.readdirSync(dir, { encoding: "buffer" }) as Buffer[]).slice();
    } catch (error) {
      this.problem(shownDir, `无法读取文件夹：${fsReason(error)}`);
      return;
    }
    const entries = names
      .map((name) => ({ name, text: nameText(name) }))
      .sort((a, b) => a.text.text.localeCompare(b.text.text, "en") || Buffer.compare(a.name, b.name));
    for (const { name, text } of entries) {
      if (ignored(text.text)) continue;
      const path = join(dir, text.valid ? text.text : name);
      const shown = join(shownDir, text.valid ? text.text : name);
      if (!text.valid) {
        this.problem(
          shown,
          `文件名不是 UTF-8 编码${text.gbk ? `（按 GBK 读作“${escapeControls(text.gbk)}”）` : ""}，已按原名读取`,
          true,
        );
      }
      this.entry(path, shown, root);
    }
  }

  private entry(path: FsPath, shown: FsPath, root: string): void {
    let lst: nodeFs.Stats;
    try {
      lst = this.fs.lstatSync(path);
    } catch (error) {
      this.problem(shown, fsReason(error));
      return;
    }
    let real: FsPath = path;
    let st = lst;
    if (lst.isSymbolicLink()) {
      try {
        real = this.fs.realpathSync(path);
        st = this.fs.statSync(real);
      } catch (error) {
        const code = errorCode(error);
        this.problem(
          shown,
          code === "ENOENT"
            ? "符号链接指向的文件不存在，未读取"
            : code === "ELOOP"
              ? "符号链接形成循环，未读取"
              : `符号链接无法读取（${fsReason(error)}），未读取`,
        );
        return;
      }
      const realText = typeof real === "string" ? real : nameText(real).text;
      if (!inside(root, realText)) {
        this.problem(shown, "符号链接指向输入文件夹之外，未读取（只读取所给文件夹之内的文件）");
        return;
      }
    }
    if (st.isDirectory()) {
      this.folder(real, shown, root, st);
      return;
    }
    const kind = special(st);
    if (kind) {
      this.problem(shown, `这是${kind}，不是普通文件，未读取`, true);
      return;
    }
    this.file(real, shown, st);
  }
}

/** The files of the command line's paths, and what was left out or could not be read. */
export function walkInputs(paths: readonly string[], cwd: string, fs: FileSystem = nodeFs): Walked {
  const walker = new Walker(fs, cwd);
  for (const path of paths) walker.add(path);
  return { files: walker.files, problems: walker.problems };
}

/** A file opened for reading, with what identifies it (device and inode: `--out` must never be one of them). */
export interface OpenedFile {
  /** Its bytes, read piece by piece as the reader asks for them. */
  source: ByteSource;
  dev: number;
  ino: number;
  /** SHA-256 of the whole file (read again through one small buffer: cheap once the file is in the page cache). */
  sha256(): Promise<string>;
  close(): Promise<void>;
}

/** Bytes per read when hashing. */
const HASH_READ_BYTES = 1024 * 1024;

/**
 * Opens a file without blocking (a pipe swapped in after the walk cannot hang the read) and checks after opening
 * that it is a regular file no bigger than `maxBytes`. Throws an Error whose message is Chinese, or SizeLimitError.
 */
export async function openInputFile(path: FsPath, maxBytes: number): Promise<OpenedFile> {
  const flags = nodeFs.constants.O_RDONLY | (nodeFs.constants.O_NONBLOCK ?? 0);
  let handle: FileHandle;
  try {
    handle = await open(path, flags);
  } catch (error) {
    throw new Error(fsReason(error));
  }
  try {
    const st = await handle.stat();
    const kind = special(st);
    if (kind) throw new Error(`这是${kind}，不是普通文件，未读取`);
    if (st.size > maxBytes) throw new SizeLimitError(st.size);
    const read = async (offset: number, length: number): Promise<Uint8Array> => {
      // Fresh memory each time: the zip layer keeps what it is given (the memory is touched by the read, in the
      // thread pool, not here).
      const buf = Buffer.allocUnsafe(length);
      let done = 0;
      while (done < length) {
        let n: number;
        try {
          ({ bytesRead: n } = await handle.read(buf, done, length - done, offset + done));
        } catch (error) {
          throw new ReadError({ code: "io", detail: fsReason(error) });
        }
        if (n === 0) break;
        done += n;
      }
      return new Uint8Array(buf.buffer, buf.byteOffset, done);
    };
    return {
      source: { size: st.size, read },
      dev: st.dev,
      ino: st.ino,
      sha256: async () => {
        const hash = createHash("sha256");
        const buf = Buffer.allocUnsafe(Math.min(HASH_READ_BYTES, Math.max(1, st.size)));
        for (let at = 0; ;) {
          const { bytesRead } = await handle.read(buf, 0, buf.length, at);
          if (bytesRead === 0) break;
          hash.update(buf.subarray(0, bytesRead));
          at += bytesRead;
        }
        return hash.digest("hex");
      },
      close: () => handle.close(),
    };
  } catch (error) {
    await handle.close();
    throw error;
  }
}

/** A file bigger than the reading limit (nothing of it was read). */
export class SizeLimitError extends Error {
  constructor(readonly size: number) {
    super("size");
  }
}
