/**
 * The one reader of the CLI and the task pane (src/app/readInput) on bytes: every kind by content, the limits as
 * settings, the same documents and findings under every platform's inflater, and nothing a file holds makes it
 * throw (property: random damage to a real workbook).
 */
import fc from "fast-check";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { recognise } from "../../src/adapters/files/recognise";
import { fallbackInflater, webInflater, type Inflater } from "../../src/adapters/zip/inflate";
import { ZipArchive } from "../../src/adapters/zip/archive";
import { nodeInflater } from "../../src/adapters/zip/nodeInflate";
import { memorySource } from "../../src/adapters/zip/source";
import { readInput, type LoadedFile } from "../../src/app/readInput";
import { readLimits, type ReadLimits } from "../../src/core/limits";
import { buildCfb } from "../../scripts/corpus/cfb";
import { ledgerXlsx, minimalWorkbook } from "../../scripts/corpus/workbooks";
import { buildZip } from "../../scripts/corpus/zip";

const SAMPLES = join(__dirname, "..", "..", "samples");
const INFLATERS: [string, Inflater][] = [
  ["node:zlib", nodeInflater],
  ["DecompressionStream", webInflater()!],
  ["fflate", fallbackInflater],
];

async function read(
  bytes: Uint8Array,
  limits?: Partial<ReadLimits>,
  inflate = nodeInflater,
  keepRows = false,
): Promise<LoadedFile> {
  return readInput({ name: "文件", bytes, sha256: null }, { inflate, limits: readLimits(limits), keepRows });
}

const messages = (f: LoadedFile): string[] => f.findings.map((x) => x.message);

let workbook: Buffer;
beforeAll(async () => {
  workbook = await ledgerXlsx();
});

describe("recognised by content, whatever the name", () => {
  it.each([
    ["a workbook", () => workbook, "xlsx"],
    ["an encrypted Office file", () => buildCfb(["EncryptionInfo", "EncryptedPackage"]), "encrypted-office"],
    ["an .xls", () => buildCfb(["Workbook"]), "xls"],
    ["a .doc", () => buildCfb(["WordDocument"]), "doc"],
    ["a plain zip", () => buildZip([{ name: "a.txt", data: "x" }]), "zip"],
    ["JSON in UTF-8 with a byte order mark", () => Buffer.from('\uFEFF{"type":"registry"}'), "json"],
    ["a CSV", () => Buffer.from("a,b\n1,2\n"), "csv"],
    ["prose with full-width commas", () => Buffer.from("一，二，三。\n四，五。\n"), "plain-text"],
    ["nothing", () => Buffer.alloc(0), "empty"],
  ])("%s", async (_what, bytes, kind) => {
    const source = memorySource(new Uint8Array(bytes()));
    expect((await recognise(source, { inflate: nodeInflater, limits: readLimits() })).kind).toBe(kind);
  });

  it("JSON in GBK or UTF-16 is read, and the finding says which encoding", async () => {
    const registry = readFileSync(join(SAMPLES, "registry.json"), "utf8");
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(registry, "utf16le")]);
    const loaded = await read(utf16);
    expect(loaded.documents.map((d) => d.kind)).toEqual(["registry"]);
    expect(loaded.findings[0]).toMatchObject({
      severity: "info",
      message: expect.stringMatching(/^文件为 UTF-16 编码/u),
    });
  });
});

describe("limits are settings, and each names itself", () => {
  it.each<[string, Partial<ReadLimits>, RegExp]>([
    ["the file's size", { maxFileBytes: 1000 }, /单个文件的大小上限 0 MB.*limits\.maxFileBytes/u],
    ["the zip's entries", { maxZipEntries: 5 }, /压缩包中的条目数上限 5 个.*limits\.maxZipEntries/u],
    ["a part's inflated size", { maxPartBytes: 10_000 }, /单个部件解压后的大小上限 0 MB.*limits\.maxPartBytes/u],
    [
      "the file's inflated size",
      { maxInflatedBytes: 100_000 },
      /整个文件解压后的大小上限 0 MB.*limits\.maxInflatedBytes/u,
    ],
    ["the cells of a sheet", { maxCellsPerSheet: 100 }, /单张工作表的单元格数上限 100 个.*limits\.maxCellsPerSheet/u],
    ["the ratio", { maxRatio: 2, ratioGraceBytes: 1000 }, /解压比.*上限 2 倍已超过.*limits\.maxRatio/u],
  ])("%s", async (_what, limits, message) => {
    const loaded = await read(workbook, limits);
    expect(loaded.documents).toEqual([]);
    expect(messages(loaded)).toEqual([expect.stringMatching(message)]);
    expect(loaded.input).toMatchObject({ documents: 0, rejected: 1 });
  });

  it("a text longer than the limit is an unreadable cell, not a refused file", async () => {
    const sheet = `<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>${"长".repeat(50)}</t></is></c></row></sheetData></worksheet>`;
    const loaded = await read(minimalWorkbook(sheet), { maxStringChars: 10 }, nodeInflater, true);
    expect(loaded.workbook?.sheets[0]?.rows[0]).toEqual([{ unreadable: "too-long", shown: "10" }]);
  });

  it("the defaults read a real ledger", async () => {
    const loaded = await read(workbook);
    expect(loaded.documents).toHaveLength(1);
    expect(loaded.findings.filter((f) => f.severity === "error")).toEqual([]);
  });
});

describe("the same documents and findings under every platform's inflater", () => {
  it.each(INFLATERS)("%s", async (_name, inflate) => {
    const strip = (f: LoadedFile) => ({
      documents: f.documents.map((d) => d.doc),
      findings: f.findings,
      input: f.input,
    });
    expect(strip(await read(workbook, undefined, inflate))).toEqual(strip(await read(workbook)));
  });

  it.each(INFLATERS)("%s refuses a deflated part whose checksum does not match", async (name, inflate) => {
    const bad = buildZip([{ name: "x.xml", data: "<v>0</v>".repeat(100), crc: 12345 }]);
    const zip = await ZipArchive.open(memorySource(bad), { inflate, limits: readLimits() });
    // The browsers' decoder gives no reason that can be told apart: it says the data is damaged.
    const code = name === "DecompressionStream" ? /^zip-(checksum|corrupt-data)$/u : /^zip-checksum$/u;
    await expect(zip.bytesOf("x.xml", 10_000)).rejects.toMatchObject({
      problem: { code: expect.stringMatching(code) },
    });
  });

  it("a stored part whose digit changed reads as well-formed XML, and only the checksum tells", async () => {
    const stored = buildZip([{ name: "x.xml", data: "<v>0</v>", store: true }]);
    stored[stored.indexOf(Buffer.from("<v>0</v>")) + 3] = 0x39;
    const zip = await ZipArchive.open(memorySource(stored), { inflate: nodeInflater, limits: readLimits() });
    await expect(zip.bytesOf("x.xml", 1000)).rejects.toMatchObject({
      problem: { code: "zip-checksum", part: "x.xml" },
    });
  });
});

describe("nothing a file holds makes the reader throw", () => {
  it("random damage to a real workbook: every file gets a LoadedFile, with documents or a finding", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ at: fc.nat(), value: fc.integer({ min: 0, max: 255 }) }), { minLength: 1, maxLength: 8 }),
        fc.option(fc.nat(), { nil: undefined }),
        async (changes, cut) => {
          const bytes = new Uint8Array(workbook);
          for (const { at, value } of changes) bytes[at % bytes.length] = value;
          const damaged = cut === undefined ? bytes : bytes.subarray(0, cut % bytes.length);
          const loaded = await read(damaged);
          expect(loaded.documents.length + loaded.findings.length).toBeGreaterThan(0);
          expect(messages(loaded).join("")).not.toContain("程序内部错误");
        },
      ),
      { numRuns: 150 },
    );
  }, 120_000);

  it("random bytes after any magic number", async () => {
    const magics = [
      [0x50, 0x4b, 0x03, 0x04],
      [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
      [0xff, 0xfe],
      [0x7b],
      [],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...magics), fc.uint8Array({ maxLength: 2000 }), async (magic, rest) => {
        const loaded = await read(new Uint8Array([...magic, ...rest]));
        expect(loaded.findings.length + loaded.documents.length).toBeGreaterThan(0);
        expect(messages(loaded).join("")).not.toContain("程序内部错误");
      }),
      { numRuns: 300 },
    );
  });
});
