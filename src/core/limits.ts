/**
 * Reading limits: what makes a hostile file harmless. They are settings (`limits` in the settings file), not rules of
 * the guide. The defaults are sized for the largest real case — a ledger of a million rows, a sheet of ~600 MB of
 * XML in a file of ~60 MB — with room to spare; a zip bomb meets the ratio limit first. Pure.
 */

export interface ReadLimits {
  /** Bytes of one input file (it is read into memory whole). */
  maxFileBytes: number;
  /** Entries in a zip's central directory. */
  maxZipEntries: number;
  /** Inflated bytes of one part. */
  maxPartBytes: number;
  /** Inflated bytes of all the parts read from one file. */
  maxInflatedBytes: number;
  /**
   * Inflated ÷ compressed bytes of a part, checked as it inflates once it is past `ratioGraceBytes`. Real parts stay
   * under ~25 (measured: a sheet of a million empty formatted rows, 24); deflate cannot exceed ~1,032.
   */
  maxRatio: number;
  /** Inflated bytes of a part before the ratio is checked: small parts (styles, rels) may compress very well. */
  ratioGraceBytes: number;
  /** Cells with a value in one sheet (Excel's grid holds 17 billion; a ledger of a million rows, ~17 million). */
  maxCellsPerSheet: number;
  /** Characters of one text (a cell, a shared string): Excel allows 32,767; other writers allow more. */
  maxStringChars: number;
}

const MiB = 1024 * 1024;

export const DEFAULT_READ_LIMITS: Readonly<ReadLimits> = Object.freeze({
  maxFileBytes: 1024 * MiB,
  maxZipEntries: 100_000,
  maxPartBytes: 2048 * MiB,
  maxInflatedBytes: 4096 * MiB,
  maxRatio: 100,
  ratioGraceBytes: 16 * MiB,
  maxCellsPerSheet: 30_000_000,
  maxStringChars: 1_000_000,
});

/** Limits with some overridden (settings give only what they change). */
export function readLimits(overrides: Partial<ReadLimits> = {}): ReadLimits {
  return { ...DEFAULT_READ_LIMITS, ...overrides };
}
