/**
 * Inflating a zip entry, from the platform: the one piece of the readers that differs between Node and browsers.
 * Every inflater gets the raw deflate data piece by piece (as the zip layer reads it from its source) with the CRC-32
 * and size the zip's directory gives, yields the inflated bytes chunk by chunk (a consumer that stops early stops
 * the decoder), and fails with a ReadError when the data is damaged or does not match its checksum or size.
 *
 * The platform decoders check the checksum themselves, at no extra pass: the raw deflate data is framed as a gzip
 * member (10-byte header, the data, CRC-32 and size as the trailer) and handed to a gzip decoder — node:zlib in
 * Node (./nodeInflate), `DecompressionStream("gzip")` in browsers, which both refuse a member whose trailer does not
 * match. Where a browser has no DecompressionStream, fflate inflates and the CRC is computed here.
 */
import { Inflate } from "fflate";
import { crc32 } from "./crc32";
import { ReadError } from "./errors";

export interface DeflatedData {
  /** The raw deflate stream of a zip entry, in pieces. */
  pieces: AsyncIterable<Uint8Array>;
  /** CRC-32 and size of the inflated bytes, as the zip's directory gives them. */
  crc32: number;
  size: number;
  /** The part's name, for errors. */
  part: string;
}

/** Compressed bytes handed to the decoder so far: the ratio limit compares the inflated bytes with them. */
export interface InflateProgress {
  fed: number;
}

export type Inflater = (input: DeflatedData, progress: InflateProgress) => AsyncIterable<Uint8Array>;

const GZIP_HEADER = new Uint8Array([0x1f, 0x8b, 0x08, 0x00, 0, 0, 0, 0, 0x00, 0xff]);

/** The gzip trailer for the inflated bytes of `input`: CRC-32 and size (mod 2^32), little-endian. */
export function gzipTrailer(input: DeflatedData): Uint8Array {
  const t = new Uint8Array(8);
  const view = new DataView(t.buffer);
  view.setUint32(0, input.crc32 >>> 0, true);
  view.setUint32(4, input.size % 0x1_0000_0000, true);
  return t;
}

/**
 * Compressed bytes handed to a decoder at a time: what it has been given is what the ratio limit counts, so a bomb's
 * piece inflates at most ~1,000 times this before the limit can look.
 */
const FEED_BYTES = 64 * 1024;

/**
 * The gzip member around `input`, in pieces of at most `feedBytes`, counting what is handed out in `progress` (a
 * decoder that counts what it consumed itself may take the pieces whole).
 */
export async function* gzipPieces(
  input: DeflatedData,
  progress: InflateProgress,
  feedBytes = FEED_BYTES,
): AsyncGenerator<Uint8Array> {
  yield GZIP_HEADER;
  for await (const piece of input.pieces) {
    for (let at = 0; at < piece.length; at += feedBytes) {
      const part = piece.subarray(at, Math.min(piece.length, at + feedBytes));
      progress.fed += part.length;
      yield part;
    }
  }
  yield gzipTrailer(input);
}

/** A damaged part: the checksum or size does not match, or the data does not inflate. */
export function inflateError(part: string, kind: "checksum" | "size" | "corrupt"): ReadError {
  const code = kind === "checksum" ? "zip-checksum" : kind === "size" ? "zip-size-mismatch" : "zip-corrupt-data";
  return new ReadError({ code, part });
}

/**
 * The browsers' decoder (and Node's web streams): `DecompressionStream("gzip")`, or null where there is none. Its
 * errors carry no reason that can be relied on across browsers, so a damaged part and a checksum that does not
 * match read alike.
 */
export function webInflater(): Inflater | null {
  if (typeof DecompressionStream === "undefined") return null;
  try {
    new DecompressionStream("gzip");
  } catch {
    return null;
  }
  return async function* inflate(input, progress) {
    const pieces = gzipPieces(input, progress);
    const source = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const next = await pieces.next();
          if (next.done) controller.close();
          else controller.enqueue(next.value);
        },
        async cancel() {
          await pieces.return(undefined);
        },
      },
      { highWaterMark: 0 },
    );
    // DOM's and Node's typings disagree on the decoder's chunk types; it takes and gives bytes.
    const decoder = new DecompressionStream("gzip") as unknown as {
      readable: ReadableStream<Uint8Array>;
      writable: WritableStream<Uint8Array>;
    };
    const reader = source.pipeThrough(decoder).getReader();
    let finished = false;
    try {
      for (;;) {
        let result: Awaited<ReturnType<typeof reader.read>>;
        try {
          result = await reader.read();
        } catch (error) {
          // A failure to read the source (a ReadError of the zip layer) is not damage of the data.
          if (error instanceof ReadError) throw error;
          throw inflateError(input.part, "corrupt");
        }
        if (result.done) {
          finished = true;
          return;
        }
        yield result.value;
      }
    } finally {
      // A consumer that stops early (a limit, a scanner that has what it needs) stops the decoder too.
      if (!finished) reader.cancel().catch(() => undefined);
    }
  };
}

/** Compressed bytes per push into fflate: it inflates each push in one go, so a small piece bounds the memory. */
const FALLBACK_PUSH_BYTES = 16 * 1024;

/** fflate's streaming inflate, the CRC-32 and size checked here: for browsers without DecompressionStream. */
export const fallbackInflater: Inflater = async function* inflate(input, progress) {
  const out: Uint8Array[] = [];
  const decoder = new Inflate((chunk) => void out.push(chunk));
  let crc = 0;
  let size = 0;
  let pending: Uint8Array | null = null;
  const push = function* (data: Uint8Array, final: boolean): Generator<Uint8Array> {
    for (let at = 0; at < data.length || (final && at === 0); at += FALLBACK_PUSH_BYTES) {
      const end = Math.min(data.length, at + FALLBACK_PUSH_BYTES);
      progress.fed += end - at;
      try {
        decoder.push(data.subarray(at, end), final && end >= data.length);
      } catch {
        throw inflateError(input.part, "corrupt");
      }
      for (const chunk of out) {
        crc = crc32(chunk, crc);
        size += chunk.length;
        yield chunk;
      }
      out.length = 0;
      if (end >= data.length) break;
    }
  };
  // One piece behind the source: the last one is pushed as final.
  for await (const piece of input.pieces) {
    if (pending) yield* push(pending, false);
    pending = piece;
  }
  yield* push(pending ?? new Uint8Array(0), true);
  if (size !== input.size) throw inflateError(input.part, "size");
  if (crc !== input.crc32 >>> 0) throw inflateError(input.part, "checksum");
};

/** The browsers' decoder where there is one, else the fallback. */
export function browserInflater(): Inflater {
  return webInflater() ?? fallbackInflater;
}
