/**
 * A folder of everything a reviewer may receive (scripts/corpus/generate.ts): every kind of file the product
 * cannot review, damaged and hostile workbooks at both sizes the old product read with different readers, and the
 * folder entries that used to stop a batch. One `check` over the folder: each file gets its line, nothing crashes
 * or hangs, the good application beside them is reviewed, and the run ends with exit code 0.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { GOOD_FILE, LARGE_ENTRIES, writeCorpus } from "../../scripts/corpus/generate";
import { readXlsxFile } from "../../src/adapters/xlsx/node";
import { importWorkbook } from "../../src/core/sheets/import";
import type { Finding } from "../../src/core/findings";
import type { CheckReport } from "../../src/core/report";
import { runCli, type CliRun } from "../helpers/cliHarness";

const NOT_REVIEWED = "该文件未审核";

/** File → what its finding says (error unless marked), written by hand from what each file is. */
const CASES: [file: string, expected: RegExp, severity?: Finding["severity"]][] = [
  ["空文件.json", /^文件是空的/u],
  ["只有空白.json", /^文件是空的/u],
  ["加密的台账.xlsx", /^文件设置了打开密码（已加密）.*去掉密码后另存/u],
  ["旧版台账.xls", /^这是旧版 Excel 工作簿（\.xls）或 WPS 表格文件.*另存为 Excel 工作簿（\.xlsx）/u],
  ["WPS表格.et", /^这是旧版 Excel 工作簿（\.xls）或 WPS 表格文件/u],
  ["旧版申报书.doc", /^这是旧版 Word 文档（\.doc）或 WPS 文字文件.*另存为 Word 文档（\.docx）/u],
  ["汇报.ppt", /^这是演示文稿/u],
  ["缩略图.db", /^这是 Office 97–2003 格式的文件，但不是工作簿或文档/u],
  ["损坏的旧版文件.xls", /^文件已损坏：看起来是 Office 97–2003 格式的文件/u],
  ["盖章扫描件.pdf", /^PDF 文件（扫描件或打印件）无法读取其中的勾选项和表格。请提供可编辑的 Word 或 Excel 文件/u],
  ["申报书照片.jpg", /^这是图片（JPEG/u],
  ["截图.png", /^这是图片（PNG/u],
  ["台账.csv", /^这是 CSV 文本表格（UTF-8 编码）/u],
  ["台账GBK.csv", /^这是 CSV 文本表格（GBK\/GB18030 编码）/u],
  ["系统导出.xls", /^这是网页格式的表格.*另存为 Excel 工作簿（\.xlsx）/u],
  ["XML表格.xml", /^这是“XML 电子表格 2003”格式的文件/u],
  ["说明.rtf", /^这是 RTF 格式的文档/u],
  ["备注.txt", /^这是纯文本文件/u],
  ["材料.rar", /^这是 RAR 压缩包。请先解压/u],
  ["材料.7z", /^这是 7z 压缩包/u],
  ["程序.exe", /^这是可执行程序/u],
  ["乱码.json", /^无法识别的文件格式/u],
  ["材料包.zip", /^这是 zip 压缩包（含 2 个文件）/u],
  ["申报书.docx", /^Word 文档（\.docx）暂不能读取/u],
  ["表格.ods", /^这是 OpenDocument 电子表格（\.ods）/u],
  ["公文.ofd", /^这是 OFD 版式文件/u],
  ["语法错误.json", /^不是有效的 JSON 文件，无法读取：第 2 行第 17 列有语法错误：此处为“,”/u],
  ["截断的.json", /^不是有效的 JSON 文件，无法读取：内容在第 1 行第 44 列处提前结束/u],
  ["UTF16.json", /^文件为 UTF-16 编码，已按此编码读取/u, "info"],
  ["台账-共享字符串序号越界.xlsx", /^工作表“服务台账”第 3 行“服务对象名称”（D3）：单元格引用了工作簿中不存在的文字/u],
  ["台账-错误值.xlsx", /^工作表“服务台账”第 4 行“收费金额（元）”（H4）：单元格为错误值 #REF!.*该行未载入$/u],
  ["台账-错误值.xlsx", /^工作表“服务台账”第 5 行“服务日期”（A5）：单元格是公式，但文件中没有保存它的计算结果/u],
  [
    "台账-错误值.xlsx",
    /^工作表“服务台账”第 7 行“成果交付”（K7）：单元格文字含有文件中不允许的字符（报告\\u\{0001\}）/u,
  ],
  [
    "台账-错误值.xlsx",
    /^工作表“服务台账”第 3 行“满意度”（M3）：单元格为错误值 #N\/A.*本行其余内容照常载入$/u,
    "warning",
  ],
  ["台账-错误值.xlsx", /^工作表“服务台账”第 6 行“参与人次”（L6）：单元格中的数字“NaN”无效/u, "warning"],
  [
    "台账-错误值.xlsx",
    /^工作表“服务台账”第 8 行“服务人员”（N8）：单元格文字超过本工具的读取上限 1000000 个字符/u,
    "warning",
  ],
  ["台账-校验和不符.xlsx", /^文件已损坏：部件“xl\/worksheets\/sheet3\.xml”的校验和（CRC-32）不符/u],
  ["台账-截断.xlsx", /^文件已损坏：不是完整的压缩包/u],
  ["台账-DOCTYPE.xlsx", /^部件“xl\/sharedStrings\.xml”含有 DOCTYPE 声明.*拒绝读取/u],
  ["关系指向包外.xlsx", /^工作表“服务台账”的内容指向压缩包之外（\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd）/u],
  ["重名部件.xlsx", /^文件已损坏：压缩包中有两个同名的部件“xl\/workbook\.xml”/u],
  ["大小不符.xlsx", /^文件已损坏：部件“xl\/worksheets\/sheet1\.xml”解压后的长度与压缩包目录所记不符/u],
  ["声明过大.xlsx", /^文件超出本工具的读取上限：.*单个部件解压后的大小上限 2,048 MB.*limits\.maxPartBytes/u],
  ["加密部件.xlsx", /^压缩包中的部件“xl\/worksheets\/sheet1\.xml”设置了密码/u],
  [
    "台账-共享字符串序号越界-大.xlsx",
    /^工作表“服务台账”第 3 行“服务对象名称”（D3）：单元格引用了工作簿中不存在的文字/u,
  ],
  ["台账-错误值-大.xlsx", /^工作表“服务台账”第 4 行“收费金额（元）”（H4）：单元格为错误值 #REF!/u],
  ["奇怪的文件夹/环", /^符号链接形成循环，未读取$/u],
  ["奇怪的文件夹/子文件夹/回到上级", /^文件夹经符号链接重复出现（循环），未再次读取$/u, "info"],
  ["奇怪的文件夹/指向外面.json", /^符号链接指向输入文件夹之外，未读取/u],
  ["奇怪的文件夹/设备.json", /^符号链接指向输入文件夹之外，未读取/u],
  ["奇怪的文件夹/断开的链接.json", /^符号链接指向的文件不存在，未读取$/u],
  ["奇怪的文件夹/管道.json", /^这是命名管道，不是普通文件，未读取$/u, "info"],
  [
    "奇怪的文件夹/\\xCC\\xA8\\xD5\\xCB.json",
    /^文件名不是 UTF-8 编码（按 GBK 读作“台账\.json”），已按原名读取$/u,
    "info",
  ],
  ["奇怪的文件夹/硬链接的名录.json", /^与“收件\/奇怪的文件夹\/子文件夹\/名录\.json”是同一个文件，只审核一次$/u, "info"],
];

/** Workbooks read in part: rows read, loaded and rejected, from the generator's inputs. */
const ROWS: [file: string, read: number, rejected: number][] = [
  ["台账-正常.xlsx", 401, 0],
  ["台账-无行列号.xlsx", 401, 0],
  ["台账-共享字符串序号越界.xlsx", 401, 1],
  ["台账-错误值.xlsx", 401, 3],
  ["台账-正常-大.xlsx", LARGE_ENTRIES, 0],
  ["台账-无行列号-大.xlsx", LARGE_ENTRIES, 0],
  ["台账-共享字符串序号越界-大.xlsx", LARGE_ENTRIES, 1],
  ["台账-错误值-大.xlsx", LARGE_ENTRIES, 3],
];

let root: string;
let json: CliRun;
let text: CliRun;
let report: CheckReport;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), "outlet-review-corpus-"));
  await writeCorpus(join(root, "收件"), { large: true, folderOddities: true });
  json = await runCli(["check", "--json", "收件"], root);
  report = JSON.parse(json.stdout) as CheckReport;
  text = await runCli(["check", "收件"], root);
}, 180_000);

afterAll(() => rmSync(root, { recursive: true, force: true }));

const shown = (file: string): string => `收件/${file}`;

describe("each file gets its line", () => {
  it.each(CASES)("%s: %s", (file, expected, severity = "error") => {
    const findings = report.issues.filter((f) => f.file === shown(file) && f.rule === "input/unreadable");
    const hit = findings.find((f) => expected.test(f.message));
    expect(hit ?? findings.map((f) => f.message)).toMatchObject({ severity });
  });

  it("a file not reviewed says so, in Chinese, without the engine's English or the file's bytes", () => {
    const whole = report.issues.filter((f) => f.rule === "input/unreadable" && f.severity === "error" && !f.path);
    expect(whole.length).toBeGreaterThan(30);
    for (const f of whole) {
      if (!f.message.startsWith("不是有效的 JSON") && !f.message.startsWith("符号链接")) {
        expect(f.message.endsWith(NOT_REVIEWED)).toBe(true);
      }
      // Words of English (an engine's message) never appear; paths, codes and the like are short.
      expect(f.message).not.toMatch(/[A-Za-z]{3,} [A-Za-z]{3,} [A-Za-z]{3,}/u);
      expect(f.message).not.toMatch(/[\u0000-\u0008\u000E-\u001F\uFFFD]/u);
    }
  });

  it("every file of the folder is an input record or a finding", () => {
    const named = new Set([...report.inputs.map((i) => i.file), ...report.issues.map((f) => f.file)]);
    for (const [file] of CASES) expect(named).toContain(shown(file));
    for (const [file] of ROWS) expect(named).toContain(shown(file));
  });
});

describe("the batch goes on", () => {
  it("ends with exit code 0, and the good application beside the broken files is reviewed", () => {
    expect(json.code).toBe(0);
    expect(text.code).toBe(0);
    const good = report.verdicts.find((v) => v.document === "application");
    expect(good).toMatchObject({ outletName: "广州云山理工大学", eligible: true });
    expect(report.inputs.find((i) => i.file === shown(GOOD_FILE))).toMatchObject({ documents: 1, rejected: 0 });
  });

  it.each(ROWS)("%s: %d rows read = loaded + rejected, %d rejected", (file, read, rejected) => {
    const input = report.inputs.find((i) => i.file === shown(file))!;
    expect(input).toMatchObject({ documents: 1, rejected });
    const summary = report.issues.find((f) => f.file === shown(file) && /^读取 \d+ 行/u.test(f.message));
    if (rejected)
      expect(summary?.message).toBe(
        `读取 ${read} 行（条）记录：载入 ${read - rejected}，未载入 ${rejected}（原因见上列各条）`,
      );
  });

  it.each(["", "-大"])(
    "a workbook without cell references reads as the same workbook with them%s (one reader for every size)",
    async (suffix) => {
      const documents = async (file: string) => {
        const raw = await readXlsxFile(join(root, "收件", `${file}${suffix}.xlsx`));
        return importWorkbook(raw, "台账.xlsx").documents.map((d) => d.doc);
      };
      const plain = await documents("台账-正常");
      expect(plain).toHaveLength(1);
      expect(await documents("台账-无行列号")).toEqual(plain);
    },
    60_000,
  );

  it("nothing from outside the folder is read or shown", () => {
    for (const run of [json, text]) {
      expect(run.stdout).not.toContain("不应出现在报告中");
      expect(run.stdout).not.toContain("文件夹外的秘密");
    }
  });

  it("the text report keeps one line per finding: a newline in a file name is shown escaped", () => {
    expect(text.stdout).toContain("换行\\n伪造的一行.json");
    expect(text.stdout.split("\n").some((line) => line.startsWith("伪造的一行"))).toBe(false);
    expect(report.inputs.map((i) => i.file)).toContain(shown("奇怪的文件夹/换行\\n伪造的一行.json"));
  });
});
