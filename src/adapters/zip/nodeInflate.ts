/**
 * Node's inflater: zlib's gzip decoder in the thread pool, checking the CRC-32 and size of the gzip framing (see
 * inflate.ts) while the main thread scans the chunks already inflated and the next compressed pieces are read.
 */
import type { TransformOptions } from "node:stream";
import { createGunzip, type ZlibOptions } from "node:zlib";
import { ReadError } from "./errors";
import { gzipPieces, inflateError, type Inflater } from "./inflate";

/**
 * Inflated chunks of 256 KB, and room for 4 MB of them ahead of the scanner: with zlib's default buffer (one chunk)
 * the decoder stalls and restarts on every chunk, which costs the main thread a fifth of the read. zlib streams pass
 * Transform's options on; @types/node's ZlibOptions leaves them out.
 */
const GUNZIP_OPTIONS: ZlibOptions & TransformOptions = {
  chunkSize: 256 * 1024,
  readableHighWaterMark: 4 * 1024 * 1024,
  // Compressed pieces queued ahead, so that zlib never waits for the busy main thread to hand it the next one.
  writableHighWaterMark: 1024 * 1024,
};

/** zlib's reasons, as the kind of damage they mean. */
function damage(error: unknown): "checksum" | "size" | "corrupt" {
  // Not `instanceof Error`: zlib's errors may come from another realm (a test runner's sandbox).
  const message = String((error as { message?: unknown } | null)?.message ?? "");
  if (message.includes("incorrect data check")) return "checksum";
  if (message.includes("incorrect length check")) return "size";
  return "corrupt";
}

export const nodeInflater: Inflater = async function* inflate(input, progress) {
  const gunzip = createGunzip(GUNZIP_OPTIONS);
  let failure: unknown = null;
  let sourceFailure: unknown = null;
  gunzip.on("error", (error) => (failure ??= error));
  // Feeding runs beside the reading below; it waits whenever zlib's input buffer is full.
  const feed = (async () => {
    try {
      // Whole pieces: what zlib consumed is counted by zlib itself (bytesWritten), not as pieces are queued.
      for await (const piece of gzipPieces(input, { fed: 0 }, Infinity)) {
        if (gunzip.destroyed) return;
        if (!gunzip.write(piece)) {
          await new Promise<void>((resolve) => {
            const done = (): void => {
              gunzip.off("drain", done);
              gunzip.off("close", done);
              resolve();
            };
            gunzip.on("drain", done);
            gunzip.on("close", done);
          });
        }
      }
      if (!gunzip.destroyed) gunzip.end();
    } catch (error) {
      // The source could not be read (a truncated file): the reading below ends with this error.
      sourceFailure = error;
      gunzip.destroy(error instanceof Error ? error : new Error(String(error)));
    }
  })();
  let finished = false;
  try {
    try {
      // Plain views of zlib's Buffers: the scanners cut many views out of each chunk, and a Buffer's are Buffers,
      // several times dearer to make than a Uint8Array's.
      for await (const chunk of gunzip) {
        const b = chunk as Buffer;
        // What zlib has consumed, not what was queued for it: the ratio limit must not run ahead of the data.
        progress.fed = gunzip.bytesWritten;
        yield new Uint8Array(b.buffer, b.byteOffset, b.length);
      }
    } catch (error) {
      if (sourceFailure instanceof ReadError) throw sourceFailure;
      throw inflateError(input.part, damage(failure ?? error));
    }
    if (failure) throw inflateError(input.part, damage(failure));
    finished = true;
  } finally {
    if (!finished) gunzip.destroy();
    await feed;
  }
};
