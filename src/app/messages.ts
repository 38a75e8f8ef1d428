/**
 * What the reader says about a file it cannot review, in Chinese: each kind of file gets its own message saying what
 * the user should do, each reading problem names the part and the limit. Never an engine's English text, never the
 * file's raw bytes. Pure.
 */
import type { Recognised } from "../adapters/files/recognise";
import type { ReadProblem } from "../adapters/zip/errors";
import type { ReadLimits } from "../core/limits";

const NOT_REVIEWED = "该文件未审核";

const ENCODINGS: Record<string, string> = {
  "utf-8": "UTF-8",
  "utf-8-bom": "UTF-8",
  "utf-16le": "UTF-16",
  "utf-16be": "UTF-16",
  gb18030: "GBK/GB18030",
};

/** The message for a file of a kind the product cannot review (null for the kinds it reads). */
export function kindMessage(file: Recognised): string | null {
  switch (file.kind) {
    case "json":
    case "xlsx":
      return null;
    case "empty":
      return "文件是空的，没有可审核的内容；请确认选择的是填好的文件";
    case "docx":
      return "Word 文档（.docx）暂不能读取：请使用本工具的申报书或工作总结表模板（xlsx）填写后再载入";
    case "encrypted-office":
      return "文件设置了打开密码（已加密），无法读取。请在 Excel、Word 或 WPS 中打开，去掉密码后另存，再载入";
    case "xls":
      return "这是旧版 Excel 工作簿（.xls）或 WPS 表格文件，本工具不能直接读取。请在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx）后再载入";
    case "doc":
      return "这是旧版 Word 文档（.doc）或 WPS 文字文件，本工具不能直接读取。请在 Word 或 WPS 中打开，另存为 Word 文档（.docx），或使用本工具的模板填写";
    case "ppt":
    case "pptx":
      return "这是演示文稿（PowerPoint），不是申报材料、总结表或台账，无法审核";
    case "cfb-other":
      return "这是 Office 97–2003 格式的文件，但不是工作簿或文档，无法读取";
    case "damaged-cfb":
      return "文件已损坏：看起来是 Office 97–2003 格式的文件，但内部结构不完整。请重新获取原文件";
    case "xlsb":
      return "这是 Excel 二进制工作簿（.xlsb），本工具不能直接读取。请在 Excel 中另存为 Excel 工作簿（.xlsx）后再载入";
    case "ods":
      return "这是 OpenDocument 电子表格（.ods）。请在 WPS、LibreOffice 或 Excel 中另存为 Excel 工作簿（.xlsx）后再载入";
    case "odt":
      return "这是 OpenDocument 文本（.odt）。请另存为 Word 文档（.docx），或使用本工具的模板填写";
    case "ofd":
      return "这是 OFD 版式文件，无法读取其中的表格和勾选项。请提供可编辑的 Word 或 Excel 文件，或使用本工具的模板填写";
    case "zip":
      return `这是 zip 压缩包（含 ${file.files} 个文件）。请先解压，再载入其中的文件`;
    case "damaged-zip":
      return problemSentence(file.problem);
    case "pdf":
      return "PDF 文件（扫描件或打印件）无法读取其中的勾选项和表格。请提供可编辑的 Word 或 Excel 文件，或使用本工具的模板填写；盖章的扫描件请作为纸质材料另行核对";
    case "image":
      return `这是图片（${file.format}，如扫描件或照片），无法读取。请提供可编辑的 Word 或 Excel 文件，或使用本工具的模板填写`;
    case "archive":
      return `这是 ${file.format} 压缩包。请先解压，再载入其中的文件`;
    case "executable":
      return "这是可执行程序，不是申报材料、总结表或台账；为安全起见未打开";
    case "csv":
      return `这是 CSV 文本表格（${ENCODINGS[file.encoding]} 编码），暂不能直接读取。请在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx）后再载入`;
    case "html-table":
      return "这是网页格式的表格（常见于系统导出、扩展名为 .xls 的文件），不是真正的 Excel 工作簿。请在 Excel 或 WPS 中打开，另存为 Excel 工作簿（.xlsx）后再载入";
    case "xml-spreadsheet":
      return "这是“XML 电子表格 2003”格式的文件。请在 Excel 中打开，另存为 Excel 工作簿（.xlsx）后再载入";
    case "word-xml":
      return "这是“Word XML 文档（2003）”格式的文件。请在 Word 中打开，另存为 Word 文档（.docx），或使用本工具的模板填写";
    case "rtf":
      return "这是 RTF 格式的文档。请在 Word 或 WPS 中打开，另存为 Word 文档（.docx），或使用本工具的模板填写";
    case "plain-text":
      return "这是纯文本文件，不是 JSON、Excel 工作簿或 Word 文档，无法审核";
    case "binary":
      return "无法识别的文件格式（不是 JSON、Excel 工作簿或 Word 文档）。请确认文件完整，或在原程序中另存为 .xlsx 或 .docx";
  }
}

/** The limit as the user sees it: what it counts and its value. */
function limitText(limit: keyof ReadLimits, max: number): string {
  const mb = (bytes: number): string =>
    `${(bytes / 1024 / 1024).toLocaleString("zh-CN", { maximumFractionDigits: 0 })} MB`;
  const count = max.toLocaleString("zh-CN");
  switch (limit) {
    case "maxFileBytes":
      return `单个文件的大小上限 ${mb(max)}`;
    case "maxZipEntries":
      return `压缩包中的条目数上限 ${count} 个`;
    case "maxPartBytes":
      return `单个部件解压后的大小上限 ${mb(max)}`;
    case "maxInflatedBytes":
      return `整个文件解压后的大小上限 ${mb(max)}`;
    case "maxRatio":
      return `解压比（解压后与压缩前大小之比）上限 ${count} 倍`;
    case "ratioGraceBytes":
      return `不检查解压比的部件大小 ${mb(max)}`;
    case "maxCellsPerSheet":
      return `单张工作表的单元格数上限 ${count} 个`;
    case "maxStringChars":
      return `单个文字内容的字符数上限 ${count} 个`;
  }
}

function partText(part: string | undefined): string {
  return part === undefined ? "" : `部件“${part}”`;
}

/** A reading problem as a sentence, ending with what it means for the file. */
export function problemMessage(problem: ReadProblem): string {
  return `${problemSentence(problem)}；${NOT_REVIEWED}`;
}

function problemSentence(p: ReadProblem): string {
  switch (p.code) {
    case "zip-no-directory":
      return "文件已损坏：不是完整的压缩包（找不到文件目录，可能在下载或复制时被截断）。请重新获取原文件";
    case "zip-truncated":
      return "文件已损坏：内容不完整（可能在下载或复制时被截断）。请重新获取原文件";
    case "zip-bad-entry":
      return `文件已损坏：压缩包的目录有误${p.part ? `（${partText(p.part)}）` : ""}。请重新获取原文件`;
    case "zip-duplicate-part":
      return `文件已损坏：压缩包中有两个同名的${partText(p.part)}，无法确定应读取哪一个`;
    case "zip-encrypted-part":
      return `压缩包中的${partText(p.part)}设置了密码，无法读取`;
    case "zip-unsupported-method":
      return `${partText(p.part)}使用了不支持的压缩方式（编号 ${p.method}）。请在 Excel 或 WPS 中打开后另存为 .xlsx`;
    case "zip-corrupt-data":
      return `文件已损坏：${partText(p.part)}的数据无法解压（可能被改动或传输出错）。请重新获取原文件`;
    case "zip-checksum":
      return `文件已损坏：${partText(p.part)}的校验和（CRC-32）不符，内容已被改动或传输出错，读出的值不可信。请重新获取原文件`;
    case "zip-size-mismatch":
      return `文件已损坏：${partText(p.part)}解压后的长度与压缩包目录所记不符。请重新获取原文件`;
    case "limit":
      if (p.limit === "maxRatio") {
        return `${partText(p.part)}的${limitText(p.limit, p.max)}已超过，疑似“压缩炸弹”，为安全起见未读取（如确为正常文件，可在设置 limits.maxRatio 中调高）`;
      }
      return `文件超出本工具的读取上限：${partText(p.part)}超过${limitText(p.limit, p.max)}，为安全起见未读取（可在设置 limits.${p.limit} 中调整）`;
    case "xml-doctype":
      return `${partText(p.part)}含有 DOCTYPE 声明（Excel、WPS 与 Word 从不写入），为安全起见拒绝读取`;
    case "xml-malformed":
      return `文件已损坏：${partText(p.part)}的 XML 格式有误（${p.detail}）`;
    case "missing-part":
      return `文件不完整：缺少${p.what}（${p.part}）`;
    case "part-outside":
      return `${p.what}${p.external ? "是指向外部的链接" : "指向压缩包之外"}（${p.target}），文件可能已损坏或被改动，为安全起见未读取`;
    case "io":
      return `读取文件时出错：${p.detail}`;
  }
}

/** For an error that is no ReadError (a fault of ours): a message that shows no engine text. */
export const UNEXPECTED_MESSAGE = `读取该文件时出错（程序内部错误，请将该文件反馈给开发者）；${NOT_REVIEWED}`;

/** A kind message ending with what it means for the file. */
export function kindProblem(message: string): string {
  return `${message}；${NOT_REVIEWED}`;
}
