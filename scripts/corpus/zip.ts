/**
 * A small zip writer for the corpus: entries stored or deflated as given, and every field a hostile file may lie
 * about (CRC, sizes, names, duplicates) under the caller's control.
 */
import { deflateRawSync } from "node:zlib";
import { crc32 } from "../../src/adapters/zip/crc32";

export interface ZipEntryInput {
  name: string;
  data: Uint8Array | string;
  /** Deflate (default) or store. */
  store?: boolean;
  /** Already compressed bytes (with `size` and `crc` given), for bombs built from repeated segments. */
  raw?: { compressed: Uint8Array; size: number; crc: number };
  /** Override what the directory says. */
  crc?: number;
  size?: number;
  /** Flag the entry as encrypted (zip's traditional encryption bit). */
  encrypted?: boolean;
}

const u16 = (n: number): Buffer => {
  const b = Buffer.alloc(2);
  b.writeUInt16LE(n);
  return b;
};
const u32 = (n: number): Buffer => {
  const b = Buffer.alloc(4);
  b.writeUInt32LE(n >>> 0);
  return b;
};

/** The zip of `entries`, in order. */
export function buildZip(entries: readonly ZipEntryInput[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, "utf8");
    const bytes = typeof e.data === "string" ? Buffer.from(e.data, "utf8") : Buffer.from(e.data);
    const compressed = e.raw ? Buffer.from(e.raw.compressed) : e.store ? bytes : deflateRawSync(bytes);
    const crc = e.crc ?? e.raw?.crc ?? crc32(bytes);
    const size = e.size ?? e.raw?.size ?? bytes.length;
    const method = e.store && !e.raw ? 0 : 8;
    const flags = 0x800 | (e.encrypted ? 1 : 0);
    const header = Buffer.concat([
      u32(0x04034b50),
      u16(20),
      u16(flags),
      u16(method),
      u16(0),
      u16(0x21),
      u32(crc),
      u32(compressed.length),
      u32(size),
      u16(name.length),
      u16(0),
      name,
    ]);
    locals.push(header, compressed);
    central.push(
      Buffer.concat([
        u32(0x02014b50),
        u16(20),
        u16(20),
        u16(flags),
        u16(method),
        u16(0),
        u16(0x21),
        u32(crc),
        u32(compressed.length),
        u32(size),
        u16(name.length),
        u16(0),
        u16(0),
        u16(0),
        u16(0),
        u32(0),
        u32(offset),
        name,
      ]),
    );
    offset += header.length + compressed.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries.length),
    u16(entries.length),
    u32(directory.length),
    u32(offset),
    u16(0),
  ]);
  return Buffer.concat([...locals, directory, end]);
}
