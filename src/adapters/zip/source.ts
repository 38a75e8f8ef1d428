/**
 * Where a file's bytes come from: memory (the task pane's File, a test) or a file read piece by piece (the command
 * line, ./nodeSource in ../files): the zip layer asks only for the ranges it needs, so a workbook's compressed parts
 * are read while earlier ones are inflated and scanned, and never held whole.
 */
export interface ByteSource {
  readonly size: number;
  /**
   * Bytes [offset, offset + length). Fewer when the source ends first (a file that shrank); the caller checks. The
   * bytes returned are the caller's: a source never reuses them.
   */
  read(offset: number, length: number): Promise<Uint8Array>;
}

/** Bytes held in memory as a source. */
export function memorySource(bytes: Uint8Array): ByteSource {
  return {
    size: bytes.length,
    read: async (offset, length) => bytes.subarray(offset, Math.min(bytes.length, offset + length)),
  };
}

/** Reads all of a source. */
export async function readAll(source: ByteSource): Promise<Uint8Array> {
  return source.read(0, source.size);
}
