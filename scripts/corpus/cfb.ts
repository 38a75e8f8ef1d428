/**
 * A minimal Compound File Binary (OLE2) for the corpus: a header, one FAT sector and the directory, with empty
 * streams of the given names — what tells an encrypted .xlsx (EncryptionInfo, EncryptedPackage), an .xls or WPS
 * 表格 (Workbook), a .doc or WPS 文字 (WordDocument) and a .ppt (PowerPoint Document) apart.
 */
const SECTOR = 512;
const END_OF_CHAIN = 0xfffffffe;
const FREE = 0xffffffff;
const FAT_SECTOR = 0xfffffffd;
const NO_STREAM = 0xffffffff;

function entry(name: string, type: number, child: number, right: number): Buffer {
  const b = Buffer.alloc(128);
  const utf16 = Buffer.from(`${name}\0`, "utf16le");
  utf16.copy(b, 0, 0, Math.min(64, utf16.length));
  b.writeUInt16LE(Math.min(64, utf16.length), 0x40);
  b.writeUInt8(type, 0x42);
  b.writeUInt8(1, 0x43); // black
  b.writeUInt32LE(NO_STREAM, 0x44); // left sibling
  b.writeUInt32LE(right, 0x48);
  b.writeUInt32LE(child, 0x4c);
  b.writeUInt32LE(END_OF_CHAIN, 0x74); // start sector: none (empty stream)
  return b;
}

/** A CFB file whose root holds empty streams named `streams`. */
export function buildCfb(streams: readonly string[]): Buffer {
  const entries = [entry("Root Entry", 5, streams.length ? 1 : NO_STREAM, NO_STREAM)];
  streams.forEach((name, i) => entries.push(entry(name, 2, NO_STREAM, i + 2 <= streams.length ? i + 2 : NO_STREAM)));
  while (entries.length % 4) entries.push(Buffer.alloc(128));
  const dirSectors = entries.length / 4;

  const header = Buffer.alloc(SECTOR);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(header, 0);
  header.writeUInt16LE(0x3e, 0x18); // minor version
  header.writeUInt16LE(3, 0x1a); // major version 3: 512-byte sectors
  header.writeUInt16LE(0xfffe, 0x1c); // byte order
  header.writeUInt16LE(9, 0x1e); // sector shift
  header.writeUInt16LE(6, 0x20); // mini sector shift
  header.writeUInt32LE(1, 0x2c); // FAT sectors
  header.writeUInt32LE(1, 0x30); // first directory sector
  header.writeUInt32LE(4096, 0x38); // mini stream cutoff
  header.writeUInt32LE(END_OF_CHAIN, 0x3c); // mini FAT
  header.writeUInt32LE(END_OF_CHAIN, 0x44); // DIFAT chain
  for (let i = 0; i < 109; i++) header.writeUInt32LE(i === 0 ? 0 : FREE, 0x4c + i * 4);

  // Sector 0: the FAT; sectors 1…: the directory chain.
  const fat = Buffer.alloc(SECTOR, 0xff);
  fat.writeUInt32LE(FAT_SECTOR, 0);
  for (let s = 1; s <= dirSectors; s++) fat.writeUInt32LE(s < dirSectors ? s + 1 : END_OF_CHAIN, s * 4);
  return Buffer.concat([header, fat, ...entries]);
}
