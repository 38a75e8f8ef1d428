/**
 * The zip package of an .xlsx: yauzl reads the central directory (so parts are found wherever the writer put
 * them), and each part is streamed from disk through zlib's raw inflate, in the thread pool, while the main thread
 * scans the previous chunk. Part names are matched as OPC says: case-insensitively, without a leading slash.
 */
import { createReadStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import type { TransformOptions } from "node:stream";
import { createInflateRaw, type ZlibOptions } from "node:zlib";
import { openPromise, type Entry, type ZipFile } from "yauzl";
import type { ChunkScanner } from "./xml";

/** Compressed bytes read per disk read. */
const READ_BYTES = 1024 * 1024;
/**
 * Inflated chunks of 256 KB, and room for 4 MB of them ahead of the scanner: with zlib's default buffer (one chunk)
 * the inflate stream stalls and restarts on every chunk, which costs the main thread a fifth of the read. zlib
 * streams pass Transform's options on; @types/node's ZlibOptions leaves them out.
 */
const INFLATE_OPTIONS: ZlibOptions & TransformOptions = {
  chunkSize: 256 * 1024,
  readableHighWaterMark: 4 * 1024 * 1024,
};
/** Small parts (rels, workbook.xml) are read whole; anything bigger than this is not one of them. */
const MAX_SMALL_PART_BYTES = 64 * 1024 * 1024;

const STORED = 0;
const DEFLATED = 8;

export class XlsxPackage {
  private constructor(
    private readonly path: string,
    private readonly zip: ZipFile,
    private readonly entries: ReadonlyMap<string, Entry>,
  ) {}

  static async open(path: string): Promise<XlsxPackage> {
    const zip = await openPromise(path, { lazyEntries: true, autoClose: false });
    try {
      const entries = new Map<string, Entry>();
      for await (const entry of zip.eachEntry()) entries.set(partKey(entry.fileName), entry);
      return new XlsxPackage(path, zip, entries);
    } catch (error) {
      zip.close();
      throw error;
    }
  }

  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }

  close(): void {
    if (this.zip.isOpen) this.zip.close();
  }

  /** A small part as text (UTF-8, byte order mark dropped). */
  async text(part: string): Promise<string> {
    const entry = this.require(part);
    if (entry.uncompressedSize > MAX_SMALL_PART_BYTES) throw new Error(`${part} 过大`);
    const chunks: Buffer[] = [];
    await this.pipe(
      entry,
      (chunk) => void chunks.push(chunk),
      () => false,
    );
    const text = Buffer.concat(chunks).toString("utf8");
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  }

  /**
   * Streams a part into `scanner` and ends it. Stops reading (and inflating) once the scanner is done.
   * `chunkBytes` splits the inflated chunks further (tests: tags and characters cut at every byte).
   */
  async scan(part: string, scanner: ChunkScanner, chunkBytes?: number): Promise<void> {
    const entry = this.require(part);
    const write =
      chunkBytes === undefined
        ? (chunk: Buffer) => scanner.write(chunk)
        : (chunk: Buffer) => {
            for (let i = 0; i < chunk.length && !scanner.done; i += chunkBytes) {
              scanner.write(chunk.subarray(i, i + chunkBytes));
            }
          };
    await this.pipe(entry, write, () => scanner.done);
    scanner.end();
  }

  private async pipe(entry: Entry, write: (chunk: Buffer) => void, done: () => boolean): Promise<void> {
    if (entry.isEncrypted()) throw new Error(`${entry.fileName} 已加密`);
    const method = entry.compressionMethod;
    if (method !== STORED && method !== DEFLATED) {
      throw new Error(`${entry.fileName} 使用了不支持的压缩方式（${method}）`);
    }
    if (entry.compressedSize === 0) {
      if (entry.uncompressedSize !== 0) throw new Error(`${entry.fileName} 内容缺失`);
      return;
    }
    const { fileDataStart } = await this.zip.readLocalFileHeaderPromise(entry, { minimal: true });
    const source = createReadStream(this.path, {
      start: fileDataStart,
      end: fileDataStart + entry.compressedSize - 1,
      highWaterMark: READ_BYTES,
    });
    let bytes = 0;
    let stopped = false;
    const consume = async (chunks: AsyncIterable<Buffer>): Promise<void> => {
      for await (const chunk of chunks) {
        bytes += chunk.length;
        write(chunk);
        if (done()) {
          stopped = true;
          return;
        }
      }
    };
    try {
      if (method === DEFLATED) {
        await pipeline(source, createInflateRaw(INFLATE_OPTIONS), consume);
      } else {
        await pipeline(source, consume);
      }
    } catch (error) {
      // Leaving early (the scanner is done) closes the streams before their end: not an error.
      if (!stopped) throw error;
    }
    if (!stopped && bytes !== entry.uncompressedSize) {
      throw new Error(`${entry.fileName} 的长度与目录不符（压缩包已损坏）`);
    }
  }

  private entry(part: string): Entry | undefined {
    const key = partKey(part);
    return this.entries.get(key) ?? this.entries.get(safeDecode(key));
  }

  private require(part: string): Entry {
    const entry = this.entry(part);
    if (!entry) throw new Error(`缺少 ${part}`);
    return entry;
  }
}

function partKey(name: string): string {
  return name.replace(/^\/+/u, "").toLowerCase();
}

/** Part names in rels are URIs: `sheet%201.xml` names the zip entry `sheet 1.xml`. */
function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}
