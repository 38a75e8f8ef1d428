/**
 * RichApi errors (OfficeExtension.Error) as messages a reviewer understands: what happened and what to do, in
 * Chinese, with the English text beside it for the catalog and for support. Pure: no Office globals needed.
 */

export interface Message {
  zh: string;
  en: string;
}

/** By RichApi error code (Excel.ErrorCodes and the request-level codes of OfficeExtension). */
export const ERROR_MESSAGES: Readonly<Record<string, Message>> = {
  InvalidArgument: {
    zh: "Excel 拒绝了本工具提交的参数（例如地址、格式或名称无效）。请重试；如仍出现，请把工作簿和操作步骤反馈给维护人员。",
    en: "Excel refused an argument (an invalid address, format or name). Try again; if it persists, report the workbook and steps.",
  },
  InvalidReference: {
    zh: "引用的工作表或单元格区域已不存在或无效，可能刚被重命名或删除。请检查工作表后重试。",
    en: "A referenced sheet or range no longer exists or is invalid (perhaps renamed or deleted). Check the sheets and try again.",
  },
  ItemNotFound: {
    zh: "找不到所需的工作表、表格或名称，可能已被删除或重命名。请检查后重新运行。",
    en: "A sheet, table or name was not found (deleted or renamed?). Check and run again.",
  },
  ItemAlreadyExists: {
    zh: "工作簿中已有同名的工作表、表格或名称。请重命名或删除原有项目后重试。",
    en: "A sheet, table or name of that name already exists. Rename or delete it and try again.",
  },
  AccessDenied: {
    zh: "没有修改权限：工作簿或工作表可能受保护、只读或正被他人编辑。请取消保护或取得编辑权限后重试。",
    en: "Access denied: the workbook or sheet is protected, read-only or locked by another editor. Unprotect it or get edit rights, then try again.",
  },
  GeneralException: {
    zh: "Excel 处理请求时出现内部错误。请保存工作簿，稍后重试；数据量很大时可分批处理。",
    en: "Excel hit an internal error. Save the workbook and try again later; split very large data into batches.",
  },
  RequestPayloadSizeLimitExceeded: {
    zh: "一次提交的数据超过了 Excel 的大小上限（网页版约 5 MB）。请重试；如仍出现，请分批处理较少的记录。",
    en: "A request exceeded Excel's size limit (about 5 MB on the web). Try again; if it persists, process fewer records at a time.",
  },
  ResponsePayloadSizeLimitExceeded: {
    zh: "要读取的数据超过了 Excel 一次返回的上限。请缩小读取范围或分批读取后重试。",
    en: "The data to read exceeded Excel's response limit. Read a smaller range or in batches.",
  },
  PayloadTooLarge: {
    zh: "一次提交的数据过大，Excel 未能接收。请重试；如仍出现，请分批处理较少的记录。",
    en: "The request was too large for Excel. Try again; if it persists, process fewer records at a time.",
  },
  InsertDeleteConflict: {
    zh: "插入或删除单元格与表格、合并单元格或其他对象冲突。请检查相关区域后重试。",
    en: "Inserting or deleting cells conflicts with a table, merged cells or another object. Check the area and try again.",
  },
  InvalidOperationInCellEditMode: {
    zh: "Excel 正处于单元格编辑状态。请按 Enter 或 Esc 结束编辑后重试。",
    en: "Excel is in cell-edit mode. Press Enter or Esc to finish editing, then try again.",
  },
  Conflict: {
    zh: "工作簿同时被其他人或其他操作修改，发生冲突。请稍候片刻后重试。",
    en: "The workbook was changed at the same time by someone or something else. Wait a moment and try again.",
  },
  ApiNotFound: {
    zh: "当前 Excel 版本不支持本功能所需的接口。请更新 Office 或改用最新版 Excel 网页版。",
    en: "This version of Excel lacks an API this feature needs. Update Office or use the latest Excel on the web.",
  },
  InvalidOperation: {
    zh: "当前状态下无法执行此操作（例如工作表受保护或区域被表格占用）。请检查后重试。",
    en: "The operation is not allowed in the current state (a protected sheet, a range taken by a table...). Check and try again.",
  },
  MergedRangeConflict: {
    zh: "操作与合并单元格冲突。请取消相关区域的合并后重试。",
    en: "The operation conflicts with merged cells. Unmerge the area and try again.",
  },
  FilteredRangeConflict: {
    zh: "操作与已筛选的区域冲突。请清除筛选后重试。",
    en: "The operation conflicts with a filtered range. Clear the filter and try again.",
  },
  RangeExceedsLimit: {
    zh: "操作涉及的单元格过多，超出 Excel 的上限。请分批处理。",
    en: "Too many cells for one operation. Process in batches.",
  },
  UnsupportedOperation: {
    zh: "Excel 不支持对此对象执行该操作。",
    en: "Excel does not support this operation on this object.",
  },
  NotImplemented: {
    zh: "当前 Excel 版本尚未实现本功能。请更新 Office 后重试。",
    en: "This Excel version does not implement the feature. Update Office and try again.",
  },
  RequestAborted: {
    zh: "请求在运行中被中断。请重试。",
    en: "The request was aborted while running. Try again.",
  },
};

const UNKNOWN: Message = {
  zh: "Excel 操作未能完成。请重试；如仍出现，请把错误代码反馈给维护人员。",
  en: "The Excel operation did not complete. Try again; if it persists, report the error code.",
};

/** Codes that mean the same thing as a catalogued one. */
const ALIASES: Readonly<Record<string, string>> = {
  PayloadSizeLimitExceeded: "RequestPayloadSizeLimitExceeded",
  RequestPayloadTooLarge: "PayloadTooLarge",
};

export interface ExplainedError extends Message {
  /** The RichApi code, or "Unknown". */
  code: string;
  /** Where it happened, when Excel said (debugInfo.errorLocation, e.g. "Range.values"). */
  location?: string;
}

/** The code of an OfficeExtension.Error-like value (duck-typed: tests and non-Office errors have no class). */
export function errorCode(error: unknown): string | null {
  if (typeof error !== "object" || error === null) return null;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" && code !== "" ? code : null;
}

/** Explains any error thrown by Excel.run: a catalogued message, and the code for the maintainers. */
export function explainError(error: unknown): ExplainedError {
  const code = errorCode(error);
  const key = code ? (ALIASES[code] ?? code) : null;
  const message = (key && ERROR_MESSAGES[key]) || UNKNOWN;
  const location = (error as { debugInfo?: { errorLocation?: unknown } } | null)?.debugInfo?.errorLocation;
  const where = typeof location === "string" && location !== "" ? location : undefined;
  return {
    code: code ?? "Unknown",
    zh: code ? `${message.zh}（错误代码：${code}${where ? `，位置：${where}` : ""}）` : message.zh,
    en: code ? `${message.en} (code: ${code}${where ? `, at ${where}` : ""})` : message.en,
    ...(where ? { location: where } : {}),
  };
}

/** An Error whose message is the Chinese explanation; the original is kept as `cause`. */
export class ExcelTaskError extends Error {
  readonly code: string;
  readonly en: string;
  constructor(error: unknown) {
    const explained = explainError(error);
    super(explained.zh, { cause: error });
    this.name = "ExcelTaskError";
    this.code = explained.code;
    this.en = explained.en;
  }
}
