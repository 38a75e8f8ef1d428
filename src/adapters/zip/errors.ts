/**
 * The problems a reader reports as data (rendered in Chinese at the edges: src/app/messages.ts), and the error that
 * carries them. The limits themselves are settings: src/core/limits.ts.
 */
import type { ReadLimits } from "../../core/limits";

export type { ReadLimits };
export { DEFAULT_READ_LIMITS, readLimits } from "../../core/limits";

/** What went wrong reading a file, as data. `part` names the zip entry where there is one. */
export type ReadProblem =
  | { code: "zip-no-directory" }
  | { code: "zip-truncated" }
  | { code: "zip-bad-entry"; part?: string }
  | { code: "zip-duplicate-part"; part: string }
  | { code: "zip-encrypted-part"; part: string }
  | { code: "zip-unsupported-method"; part: string; method: number }
  | { code: "zip-corrupt-data"; part: string }
  | { code: "zip-checksum"; part: string }
  | { code: "zip-size-mismatch"; part: string }
  | { code: "limit"; limit: keyof ReadLimits; max: number; part?: string }
  | { code: "xml-doctype"; part: string }
  | { code: "xml-malformed"; part: string; detail: string }
  | { code: "missing-part"; part: string; what: string }
  /** A relationship that leads out of the package (`..` past its root, or an external link) where a part must be. */
  | { code: "part-outside"; what: string; target: string; external: boolean }
  /** The file could not be read from its place (`detail`: why, in Chinese). */
  | { code: "io"; detail: string };

/** A file that cannot be read, and why. Thrown by the zip layer and the readers; never carries an engine's text. */
export class ReadError extends Error {
  constructor(readonly problem: ReadProblem) {
    super(problem.code);
    this.name = "ReadError";
  }
}

/** A limit exceeded. */
export function limitError(limit: keyof ReadLimits, limits: ReadLimits, part?: string): ReadError {
  return new ReadError({ code: "limit", limit, max: limits[limit], ...(part === undefined ? {} : { part }) });
}
