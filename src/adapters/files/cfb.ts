/**
 * The names in a Compound File Binary (OLE2: `D0 CF 11 E0`), the container of the Office 97–2003 formats and of
 * password-protected OOXML files: enough to tell them apart (`Workbook`/`Book` → .xls or WPS 表格, `WordDocument`
 * → .doc or WPS 文字, `EncryptedPackage` → an encrypted .xlsx/.docx, `PowerPoint Document` → .ppt). Only the
 * directory is read, with every sector number checked and every chain bounded: a damaged file gives null.
 */
import { u16, u32 } from "../zip/bytes";

export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const HEADER_DIFAT = 109;
const ENTRY_BYTES = 128;

export function isCfb(bytes: Uint8Array): boolean {
  return bytes.length >= 512 && CFB_MAGIC.every((b, i) => bytes[i] === b);
}

/** The names of the storages and streams of a CFB file, or null when its structure does not hold together. */
export function cfbEntryNames(bytes: Uint8Array): string[] | null {
  if (!isCfb(bytes)) return null;
  const shift = u16(bytes, 0x1e);
  if (shift !== 9 && shift !== 12) return null;
  const sectorSize = 1 << shift;
  const sectors = Math.floor((bytes.length - sectorSize) / sectorSize);
  if (sectors <= 0) return null;
  const sectorAt = (n: number): number | null => (n < sectors ? (n + 1) * sectorSize : null);

  // The FAT's own sectors: 109 in the header, the rest along the DIFAT chain.
  const fatSectors: number[] = [];
  for (let i = 0; i < HEADER_DIFAT; i++) {
    const n = u32(bytes, 0x4c + i * 4);
    if (n !== FREE && n !== END_OF_CHAIN) fatSectors.push(n);
  }
  let difat = u32(bytes, 0x44);
  for (let hops = 0; difat !== END_OF_CHAIN && difat !== FREE; hops++) {
    const at = sectorAt(difat);
    if (at === null || hops > sectors) return null;
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per; i++) {
      const n = u32(bytes, at + i * 4);
      if (n !== FREE && n !== END_OF_CHAIN) fatSectors.push(n);
    }
    difat = u32(bytes, at + per * 4);
  }
  const next = (n: number): number | null => {
    const perFat = sectorSize / 4;
    const fatSector = fatSectors[Math.floor(n / perFat)];
    if (fatSector === undefined) return null;
    const at = sectorAt(fatSector);
    return at === null ? null : u32(bytes, at + (n % perFat) * 4);
  };

  const names: string[] = [];
  let dir = u32(bytes, 0x30);
  for (let hops = 0; dir !== END_OF_CHAIN; hops++) {
    const at = sectorAt(dir);
    if (at === null || hops > sectors) return null;
    for (let e = 0; e < sectorSize / ENTRY_BYTES; e++) {
      const entry = at + e * ENTRY_BYTES;
      const type = bytes[entry + 0x42];
      const length = u16(bytes, entry + 0x40);
      if ((type === 1 || type === 2 || type === 5) && length >= 2 && length <= 64) {
        let name = "";
        for (let k = 0; k < length - 2; k += 2) name += String.fromCharCode(u16(bytes, entry + k));
        names.push(name);
      }
    }
    const following = next(dir);
    if (following === null) return null;
    dir = following;
  }
  return names;
}
