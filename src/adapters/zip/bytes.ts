/**
 * Byte helpers over plain Uint8Array, so that the readers built on them run unchanged in Node and in browsers (no
 * Buffer): text decoding, ASCII searches, joining chunks, little-endian integers.
 */

const UTF8 = new TextDecoder("utf-8");
/** Throws on bytes that are not UTF-8, so that a damaged part is told apart from text that reads as U+FFFD. */
const UTF8_STRICT = new TextDecoder("utf-8", { fatal: true });

/** Bytes [start, end) as UTF-8 text; malformed sequences read as U+FFFD. */
export function utf8(buf: Uint8Array, start = 0, end = buf.length): string {
  return UTF8.decode(buf.subarray(start, end));
}

/** Bytes [start, end) as UTF-8 text, or null when they are not well-formed UTF-8. */
export function utf8Strict(buf: Uint8Array, start = 0, end = buf.length): string | null {
  try {
    return UTF8_STRICT.decode(buf.subarray(start, end));
  } catch {
    return null;
  }
}

/** Bytes [start, end) one character per byte (names and numbers in ASCII). */
export function latin1(buf: Uint8Array, start = 0, end = buf.length): string {
  let out = "";
  for (let i = start; i < end; i += 8192) {
    out += String.fromCharCode.apply(null, buf.subarray(i, Math.min(end, i + 8192)) as unknown as number[]);
  }
  return out;
}

/** ASCII text as bytes. */
export function ascii(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) out[i] = text.charCodeAt(i) & 0xff;
  return out;
}

/** Where the ASCII `marker` first occurs in `buf` from `from` on, or -1. */
export function indexOfAscii(buf: Uint8Array, marker: string, from = 0): number {
  const first = marker.charCodeAt(0);
  const m = marker.length;
  const last = buf.length - m;
  for (let i = buf.indexOf(first, from); i >= 0 && i <= last; i = buf.indexOf(first, i + 1)) {
    let k = 1;
    while (k < m && buf[i + k] === marker.charCodeAt(k)) k++;
    if (k === m) return i;
  }
  return -1;
}

/** Whether `buf` holds the ASCII `marker` at `at`. */
export function startsWithAscii(buf: Uint8Array, marker: string, at = 0): boolean {
  if (at + marker.length > buf.length) return false;
  for (let k = 0; k < marker.length; k++) if (buf[at + k] !== marker.charCodeAt(k)) return false;
  return true;
}

/** The chunks as one array (the one chunk itself when there is only one). */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0]!;
  let length = 0;
  for (const c of chunks) length += c.length;
  const out = new Uint8Array(length);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function u16(buf: Uint8Array, at: number): number {
  return buf[at]! | (buf[at + 1]! << 8);
}

export function u32(buf: Uint8Array, at: number): number {
  return (buf[at]! | (buf[at + 1]! << 8) | (buf[at + 2]! << 16) | (buf[at + 3]! << 24)) >>> 0;
}

/** A little-endian 64-bit count as a number (exact below 2^53, which any real size is). */
export function u64(buf: Uint8Array, at: number): number {
  return u32(buf, at) + u32(buf, at + 4) * 0x1_0000_0000;
}
