/**
 * The corpus of damaged and hostile inputs (issue 10), generated, never hand-edited:
 *
 *   npx tsx scripts/corpus/generate.ts <folder> [--large] [--bomb] [--folder-oddities]
 *
 * Writes a good application beside every kind of file a reviewer may receive and the product cannot review (or
 * can, in spite of its oddities), so that a run of `outlet-review check <folder>` shows each file's line. The test
 * (test/corpus) asserts what each file gets; the names here are the cases' keys.
 */
import { execFileSync } from "node:child_process";
import { copyFileSync, linkSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { deflateRawSync } from "node:zlib";
import { buildCfb } from "./cfb";
import {
  bomb,
  columnOf,
  duplicatePart,
  editLedgerSheet,
  flippedDigit,
  ledgerXlsx,
  manyPartsBomb,
  minimalWorkbook,
  outsideTarget,
  replaceCell,
  withoutReferences,
  withPart,
  workbookAround,
} from "./workbooks";
import { buildZip } from "./zip";

const SAMPLES = join(__dirname, "..", "..", "samples");
/** The good document beside the broken ones: it must be reviewed whatever else is in the folder. */
export const GOOD_FILE = "好的申报书.json";

export interface CorpusOptions {
  /** Damaged workbooks also past 5 MB (the size from which the old product switched readers). */
  large?: boolean;
  /** The zip bombs (run them in a child process under a memory cap). */
  bomb?: boolean;
  /** Symbolic links (a loop, one leading out), a named pipe, a name that is not UTF-8, one with a newline. */
  folderOddities?: boolean;
}

function gbk(text: string): Buffer {
  // GBK bytes of the few characters used here (no encoder in Node for GBK): 台账 = CC A8 D5 CB, 测试 = B2 E2 CA D4.
  const table: Record<string, number[]> = { 台: [0xcc, 0xa8], 账: [0xd5, 0xcb], 测: [0xb2, 0xe2], 试: [0xca, 0xd4] };
  return Buffer.from([...text].flatMap((ch) => table[ch] ?? [...Buffer.from(ch)]));
}

/** Files the product cannot review, each a kind of its own. */
function otherKinds(dir: string): void {
  const write = (name: string, data: string | Uint8Array): void => writeFileSync(join(dir, name), data);
  write("空文件.json", "");
  write("只有空白.json", "  \n\t \r\n");
  write("加密的台账.xlsx", buildCfb(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]));
  write("旧版台账.xls", buildCfb(["Workbook", "\u0005SummaryInformation"]));
  write("WPS表格.et", buildCfb(["Workbook"]));
  write("旧版申报书.doc", buildCfb(["WordDocument", "1Table", "\u0005SummaryInformation"]));
  write("汇报.ppt", buildCfb(["PowerPoint Document", "Current User"]));
  write("缩略图.db", buildCfb(["Catalog", "256_1"]));
  write("损坏的旧版文件.xls", Buffer.concat([Buffer.from("d0cf11e0a1b11ae1", "hex"), Buffer.alloc(600, 0xff)]));
  write("盖章扫描件.pdf", "%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n");
  write("申报书照片.jpg", Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0, 1, 1, 0]));
  write("截图.png", Buffer.from("89504e470d0a1a0a0000000d49484452", "hex"));
  write("台账.csv", "服务日期,服务事项,服务对象\n2025-03-05,知识产权培训,社会公众\n");
  write("台账GBK.csv", Buffer.concat([gbk("台账"), Buffer.from(",2025\n"), gbk("测试"), Buffer.from(",1\n")]));
  write(
    "系统导出.xls",
    '<html xmlns:x="urn:schemas-microsoft-com:office:excel"><head><meta charset="utf-8"></head><body><table><tr><td>服务日期</td></tr></table></body></html>',
  );
  write(
    "XML表格.xml",
    '<?xml version="1.0"?>\n<?mso-application progid="Excel.Sheet"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet/></Workbook>',
  );
  write("说明.rtf", "{\\rtf1\\ansi 申报说明}");
  write("备注.txt", "这是一段说明文字，不是表格。\n");
  write("材料.rar", Buffer.from([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00]));
  write("材料.7z", Buffer.from([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4]));
  write("程序.exe", Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]));
  write("乱码.json", Buffer.from(Array.from({ length: 512 }, (_, i) => (i * 37 + 11) % 256)));
  write(
    "材料包.zip",
    buildZip([
      { name: "申报书.pdf", data: "%PDF-1.4" },
      { name: "附件/营业执照.jpg", data: "x" },
    ]),
  );
  write(
    "申报书.docx",
    buildZip([
      {
        name: "_rels/.rels",
        data: '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      },
      { name: "word/document.xml", data: "<w:document/>" },
    ]),
  );
  write(
    "表格.ods",
    buildZip([{ name: "mimetype", data: "application/vnd.oasis.opendocument.spreadsheet", store: true }]),
  );
  write("公文.ofd", buildZip([{ name: "OFD.xml", data: "<ofd:OFD/>" }]));
  write("语法错误.json", '{"type": "ledger",\n  "entries": [1,,2]}');
  write("截断的.json", '{"type": "application", "org": {"name": "广州');
  write(
    "UTF16.json",
    Buffer.concat([
      Buffer.from([0xff, 0xfe]),
      Buffer.from(readFileSync(join(SAMPLES, "registry.json"), "utf8"), "utf16le"),
    ]),
  );
}

/** Rows of the large workbooks: past 5 MB, where the old product switched to its other reader. */
export const LARGE_ENTRIES = 80_000;

/** The damaged workbooks whose reading the old product split between two readers by size. */
const SIZE_CASES = new Set(["台账-正常", "台账-共享字符串序号越界", "台账-无行列号", "台账-错误值"]);

/**
 * Workbooks with something wrong inside, from a real ledger workbook of `entries` rows: the sample's (a few hundred
 * rows), or enough for more than 5 MB (then only the cases the old product read differently by size).
 */
async function damagedWorkbooks(dir: string, entries: number | undefined, suffix: string): Promise<void> {
  const only = entries === undefined ? null : SIZE_CASES;
  const write = (name: string, data: Uint8Array): void => {
    if (!only || only.has(name)) writeFileSync(join(dir, `${name}${suffix}.xlsx`), data);
  };
  const good = await ledgerXlsx(entries);
  write("台账-正常", good);
  write(
    "台账-共享字符串序号越界",
    await editLedgerSheet(good, (xml) =>
      replaceCell(xml, `${columnOf("client.name")}3`, `<c r="${columnOf("client.name")}3" t="s"><v>999999</v></c>`),
    ),
  );
  // Stored when large: without its references the sheet compresses to under 5 MB.
  write("台账-无行列号", await editLedgerSheet(good, withoutReferences, { store: entries !== undefined }));
  write(
    "台账-错误值",
    await editLedgerSheet(good, (xml) => {
      const c = (key: string, row: number, body: string, t = ""): [string, string] => {
        const ref = `${columnOf(key)}${row}`;
        return [ref, `<c r="${ref}"${t}>${body}</c>`];
      };
      let out = xml;
      for (const [ref, cell] of [
        c("satisfaction", 3, "<v>#N/A</v>", ' t="e"'),
        c("fee", 4, "<f>1/0</f><v>#REF!</v>", ' t="e"'),
        c("date", 5, "<f>TODAY()</f>"),
        c("participants", 6, "<v>NaN</v>"),
        c("deliverable", 7, "<is><t>报告_x0001_</t></is>", ' t="inlineStr"'),
        c("staff", 8, `<is><t>${"长".repeat(1_000_001)}</t></is>`, ' t="inlineStr"'),
      ]) {
        out = out.includes(`<c r="${ref}"`)
          ? replaceCell(out, ref!, cell!)
          : out.replace(new RegExp(`(<row r="${ref!.replace(/^[A-Z]+/u, "")}"[^>]*>)`, "u"), `$1${cell}`);
      }
      return out;
    }),
  );
  write("台账-校验和不符", await flippedDigit(good));
  write("台账-截断", good.subarray(0, Math.floor(good.length / 2)));
  write(
    "台账-DOCTYPE",
    await withPart(
      good,
      "xl/sharedStrings.xml",
      '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;">]><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>',
    ),
  );
}

/** The zip-level oddities: a part pointing outside the package, a duplicate part, sizes that lie. */
function zipOddities(dir: string): void {
  const write = (name: string, data: Uint8Array): void => writeFileSync(join(dir, name), data);
  write("关系指向包外.xlsx", outsideTarget());
  write("重名部件.xlsx", duplicatePart());
  const real = Buffer.from(
    `<worksheet><sheetData>${"<row><c><v>1</v></c></row>".repeat(100_000)}</sheetData></worksheet>`,
  );
  // Declares 1 KB, inflates to megabytes: the size is refused as soon as it is passed.
  write("大小不符.xlsx", workbookAround({ compressed: deflateRawSync(real), size: 1024, crc: 0 }));
  // Declares 3 GB: refused before anything is inflated.
  write("声明过大.xlsx", workbookAround({ compressed: deflateRawSync(real), size: 3 * 1024 ** 3, crc: 0 }));
  write("加密部件.xlsx", minimalWorkbook("<worksheet><sheetData/></worksheet>", { encrypted: true }));
}

/** Entries of a folder no batch should trip over. */
function folderOddities(dir: string): void {
  const odd = join(dir, "奇怪的文件夹");
  mkdirSync(join(odd, "子文件夹"), { recursive: true });
  copyFileSync(join(SAMPLES, "registry.json"), join(odd, "子文件夹", "名录.json"));
  symlinkSync("环", join(odd, "环"));
  symlinkSync("..", join(odd, "子文件夹", "回到上级"));
  writeFileSync(join(dir, "..", "文件夹外的秘密.json"), '{"secret": "不应出现在报告中"}');
  symlinkSync(join("..", "..", "文件夹外的秘密.json"), join(odd, "指向外面.json"));
  symlinkSync("/dev/zero", join(odd, "设备.json"));
  symlinkSync("不存在的文件.json", join(odd, "断开的链接.json"));
  execFileSync("mkfifo", [join(odd, "管道.json")]);
  writeFileSync(
    Buffer.concat([Buffer.from(`${odd}/`), gbk("台账"), Buffer.from(".json")]),
    readFileSync(join(SAMPLES, "registry.json")),
  );
  writeFileSync(join(odd, "换行\n伪造的一行.json"), readFileSync(join(SAMPLES, "registry.json")));
  linkSync(join(odd, "子文件夹", "名录.json"), join(odd, "硬链接的名录.json"));
}

export async function writeCorpus(dir: string, options: CorpusOptions = {}): Promise<void> {
  mkdirSync(dir, { recursive: true });
  copyFileSync(join(SAMPLES, "applications", "01-yunshan-ligong-daxue.json"), join(dir, GOOD_FILE));
  otherKinds(dir);
  await damagedWorkbooks(dir, undefined, "");
  if (options.large) await damagedWorkbooks(dir, LARGE_ENTRIES, "-大");
  zipOddities(dir);
  if (options.bomb) {
    writeFileSync(join(dir, "压缩炸弹.xlsx"), bomb(60));
    writeFileSync(join(dir, "压缩炸弹-多部件.xlsx"), manyPartsBomb(300));
  }
  if (options.folderOddities) folderOddities(dir);
}

if (require.main === module) {
  const [dir, ...flags] = process.argv.slice(2);
  if (!dir) {
    console.error("usage: npx tsx scripts/corpus/generate.ts <folder> [--large] [--bomb] [--folder-oddities]");
    process.exit(2);
  }
  writeCorpus(dir, {
    large: flags.includes("--large"),
    bomb: flags.includes("--bomb"),
    folderOddities: flags.includes("--folder-oddities"),
  }).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
