/**
 * The zip layer under the .xlsx and .docx readers: a zip read from a ByteSource (memory, or a file piece by piece;
 * Node and browsers alike), its central directory read by hand, each part read and inflated on demand by the
 * platform's inflater (./inflate) as a stream of chunks, under the limits of ./errors. Part names are matched as OPC
 * says: case-insensitively, without a leading slash, and URI-decoded (`sheet%201.xml` names the entry `sheet 1.xml`).
 *
 * What it refuses (each a ReadError): no end of central directory; a directory or entry that points outside the file
 * or does not hold together; two entries of the same name (Excel calls such a package corrupt); an encrypted entry;
 * a compression method other than stored and deflate; data that does not inflate, or whose CRC-32 or size differs
 * from the directory's; and any limit exceeded (entries, bytes of a part or of the file, the inflation ratio).
 */
import { concatBytes, latin1, u16, u32, u64, utf8Strict } from "./bytes";
import { crc32 } from "./crc32";
import { limitError, ReadError, type ReadLimits } from "./errors";
import type { Inflater, InflateProgress } from "./inflate";
import type { ByteSource } from "./source";

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const EOCD_MIN = 22;
const MAX_COMMENT = 0xffff;

const STORED = 0;
const DEFLATED = 8;
/** Compressed bytes read from the source at a time (a bomb's piece inflates at most ~1,000 times this). */
const PIECE_BYTES = 1024 * 1024;
/** General-purpose flag bits. */
const ENCRYPTED = 0x1;
const UTF8_NAMES = 0x800;

export interface ZipEntry {
  /** The name as stored (decoded as UTF-8 when it is UTF-8, else one character per byte). */
  name: string;
  method: number;
  flags: number;
  crc32: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

export interface ZipOptions {
  inflate: Inflater;
  limits: ReadLimits;
}

export class ZipArchive {
  /** Inflated bytes handed out so far, and compressed bytes behind them, all parts together (per-file limits). */
  private inflated = 0;
  private fed = 0;

  private constructor(
    private readonly source: ByteSource,
    readonly entries: readonly ZipEntry[],
    private readonly byKey: ReadonlyMap<string, ZipEntry>,
    private readonly options: ZipOptions,
  ) {}

  /** Reads the central directory of the zip in `source`. */
  static async open(source: ByteSource, options: ZipOptions): Promise<ZipArchive> {
    const entries = await readDirectory(source, options.limits);
    const byKey = new Map<string, ZipEntry>();
    for (const entry of entries) {
      const key = partKey(entry.name);
      if (byKey.has(key)) throw new ReadError({ code: "zip-duplicate-part", part: entry.name });
      byKey.set(key, entry);
    }
    return new ZipArchive(source, entries, byKey, options);
  }

  get limits(): ReadLimits {
    return this.options.limits;
  }

  has(part: string): boolean {
    return this.entry(part) !== undefined;
  }

  entry(part: string): ZipEntry | undefined {
    const key = partKey(part);
    return this.byKey.get(key) ?? this.byKey.get(safeDecode(key));
  }

  /** A part's name as stored, for messages. */
  nameOf(part: string): string {
    return this.entry(part)?.name ?? part;
  }

  /**
   * A part's inflated bytes, chunk by chunk. Stopping early (a limit, a reader that has what it needs) stops the
   * inflater; the checksum is checked only when the part is read to its end.
   */
  async *chunks(part: string): AsyncGenerator<Uint8Array> {
    const entry = this.require(part);
    const { limits } = this.options;
    if (entry.size > limits.maxPartBytes) throw limitError("maxPartBytes", limits, entry.name);
    const pieces = await this.dataOf(entry);
    const counter = { size: 0 };
    if (entry.method === STORED) {
      let crc = 0;
      for await (const piece of pieces) {
        counter.size += piece.length;
        this.count(entry, counter, counter.size);
        crc = crc32(piece, crc);
        if (piece.length) yield piece;
      }
      if (counter.size !== entry.size) throw new ReadError({ code: "zip-size-mismatch", part: entry.name });
      if (crc !== entry.crc32) throw new ReadError({ code: "zip-checksum", part: entry.name });
      return;
    }
    if (entry.compressedSize === 0) {
      if (entry.size !== 0) throw new ReadError({ code: "zip-corrupt-data", part: entry.name });
      return;
    }
    const progress: InflateProgress = { fed: 0 };
    for await (const chunk of this.options.inflate(
      { pieces, crc32: entry.crc32, size: entry.size, part: entry.name },
      progress,
    )) {
      counter.size += chunk.length;
      this.count(entry, counter, progress.fed);
      yield chunk;
    }
    if (counter.size !== entry.size) throw new ReadError({ code: "zip-size-mismatch", part: entry.name });
  }

  /** A part's bytes whole, for small parts: at most `maxBytes` (a bigger part is refused before it is inflated). */
  async bytesOf(part: string, maxBytes: number): Promise<Uint8Array> {
    const entry = this.require(part);
    if (entry.size > maxBytes) throw new ReadError({ code: "limit", limit: "maxPartBytes", max: maxBytes, part });
    const chunks: Uint8Array[] = [];
    for await (const chunk of this.chunks(part)) chunks.push(chunk);
    return concatBytes(chunks);
  }

  /** The entry of `part`, or a ReadError naming what is missing. */
  require(part: string, what = "部件"): ZipEntry {
    const entry = this.entry(part);
    if (!entry) throw new ReadError({ code: "missing-part", part, what });
    return entry;
  }

  /**
   * Checks `counter.size` inflated bytes of `entry` (so far) against the limits, `fed` compressed bytes behind them,
   * and adds what is new to the file's total.
   */
  private count(entry: ZipEntry, counter: { size: number; counted?: number; fed?: number }, fed: number): void {
    const { limits } = this.options;
    const { size } = counter;
    if (size > entry.size) throw new ReadError({ code: "zip-size-mismatch", part: entry.name });
    if (size > limits.maxPartBytes) throw limitError("maxPartBytes", limits, entry.name);
    if (size > limits.ratioGraceBytes && size > limits.maxRatio * Math.max(1, fed)) {
      throw limitError("maxRatio", limits, entry.name);
    }
    this.inflated += size - (counter.counted ?? 0);
    this.fed += fed - (counter.fed ?? 0);
    counter.counted = size;
    counter.fed = fed;
    if (this.inflated > limits.maxInflatedBytes) throw limitError("maxInflatedBytes", limits, entry.name);
    // The whole file too: a thousand small parts, each within the grace, must not add up to a bomb.
    if (this.inflated > limits.ratioGraceBytes && this.inflated > limits.maxRatio * Math.max(1, this.fed)) {
      throw limitError("maxRatio", limits, entry.name);
    }
  }

  /** The entry's stored data after its local header (which must be where the directory says), piece by piece. */
  private async dataOf(entry: ZipEntry): Promise<AsyncGenerator<Uint8Array>> {
    const at = entry.localOffset;
    const header = await this.source.read(at, 30);
    if (header.length < 30 || u32(header, 0) !== LOCAL) {
      throw new ReadError({ code: "zip-bad-entry", part: entry.name });
    }
    if (entry.flags & ENCRYPTED) throw new ReadError({ code: "zip-encrypted-part", part: entry.name });
    if (entry.method !== STORED && entry.method !== DEFLATED) {
      throw new ReadError({ code: "zip-unsupported-method", part: entry.name, method: entry.method });
    }
    const start = at + 30 + u16(header, 26) + u16(header, 28);
    const end = start + entry.compressedSize;
    if (end > this.source.size) throw new ReadError({ code: "zip-truncated" });
    return readRange(this.source, start, end);
  }
}

/** Bytes [start, end) of `source` in pieces, the next piece read while the current one is used. */
async function* readRange(source: ByteSource, start: number, end: number): AsyncGenerator<Uint8Array> {
  const read = (at: number): Promise<Uint8Array> | null =>
    at < end ? source.read(at, Math.min(PIECE_BYTES, end - at)) : null;
  let at = start;
  let next = read(at);
  while (next) {
    const piece = await next;
    const expected = Math.min(PIECE_BYTES, end - at);
    if (piece.length < expected) throw new ReadError({ code: "zip-truncated" });
    at += piece.length;
    next = read(at);
    yield piece;
  }
}

/** Where the end of central directory record starts in `tail`, or -1. */
function findEnd(tail: Uint8Array): number {
  for (let i = tail.length - EOCD_MIN; i >= 0; i--) {
    if (tail[i] === 0x50 && u32(tail, i) === EOCD) return i;
  }
  return -1;
}

async function readDirectory(source: ByteSource, limits: ReadLimits): Promise<ZipEntry[]> {
  const tailStart = Math.max(0, source.size - EOCD_MIN - MAX_COMMENT);
  const tail = await source.read(tailStart, source.size - tailStart);
  const end = findEnd(tail);
  if (end < 0) throw new ReadError({ code: "zip-no-directory" });
  let count = u16(tail, end + 10);
  let size = u32(tail, end + 12);
  let offset = u32(tail, end + 16);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff) {
    const locator = end - 20;
    if (locator >= 0 && u32(tail, locator) === ZIP64_LOCATOR) {
      const at = u64(tail, locator + 8);
      const record = await source.read(at, 56);
      if (record.length < 56 || u32(record, 0) !== ZIP64_EOCD) throw new ReadError({ code: "zip-bad-entry" });
      count = u64(record, 32);
      size = u64(record, 40);
      offset = u64(record, 48);
    }
  }
  if (count > limits.maxZipEntries) throw limitError("maxZipEntries", limits);
  if (offset + size > source.size) throw new ReadError({ code: "zip-truncated" });
  // 46 bytes at least an entry: a directory claiming more entries than it can hold is damaged.
  if (count * 46 > size) throw new ReadError({ code: "zip-bad-entry" });
  const directory = await source.read(offset, size);
  if (directory.length < size) throw new ReadError({ code: "zip-truncated" });
  return parseEntries(directory, count, source.size);
}

function parseEntries(directory: Uint8Array, count: number, fileSize: number): ZipEntry[] {
  const entries: ZipEntry[] = [];
  const size = directory.length;
  let at = 0;
  for (let i = 0; i < count; i++) {
    if (at + 46 > size || u32(directory, at) !== CENTRAL) throw new ReadError({ code: "zip-bad-entry" });
    const flags = u16(directory, at + 8);
    const nameLength = u16(directory, at + 28);
    const extraLength = u16(directory, at + 30);
    const commentLength = u16(directory, at + 32);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > size) throw new ReadError({ code: "zip-bad-entry" });
    const rawName = directory.subarray(at + 46, at + 46 + nameLength);
    const name = (flags & UTF8_NAMES ? utf8Strict(rawName) : null) ?? utf8Strict(rawName) ?? latin1(rawName);
    const entry: ZipEntry = {
      name,
      method: u16(directory, at + 10),
      flags,
      crc32: u32(directory, at + 16),
      compressedSize: u32(directory, at + 20),
      size: u32(directory, at + 24),
      localOffset: u32(directory, at + 42),
    };
    zip64Fields(entry, directory.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength));
    if (entry.localOffset >= fileSize) throw new ReadError({ code: "zip-truncated" });
    entries.push(entry);
    at = next;
  }
  return entries;
}

/** The ZIP64 extra field (0x0001) holds the sizes and offset that do not fit the directory's 32 bits, in order. */
function zip64Fields(entry: ZipEntry, extra: Uint8Array): void {
  for (let i = 0; i + 4 <= extra.length;) {
    const id = u16(extra, i);
    const length = u16(extra, i + 2);
    if (id === 0x0001) {
      let p = i + 4;
      const take = (): number => {
        const v = p + 8 <= i + 4 + length ? u64(extra, p) : NaN;
        p += 8;
        return v;
      };
      if (entry.size === 0xffffffff) entry.size = take();
      if (entry.compressedSize === 0xffffffff) entry.compressedSize = take();
      if (entry.localOffset === 0xffffffff) entry.localOffset = take();
      if ([entry.size, entry.compressedSize, entry.localOffset].some(Number.isNaN)) {
        throw new ReadError({ code: "zip-bad-entry", part: entry.name });
      }
      return;
    }
    i += 4 + length;
  }
}

export function partKey(name: string): string {
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
