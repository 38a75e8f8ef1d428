/**
 * UI strings: Chinese first (the users' language), English beside it with the same keys. Messages from the core
 * (findings, verdict reasons) stay in Chinese whatever the UI language: they are the review's record.
 */
import { createContext, useContext } from "react";

export type Lang = "zh-CN" | "en-US";

const zh = {
  appTitle: "网点评审助手",
  language: "界面语言",
  modeExcel: "Excel 加载项",
  modeBrowser: "独立浏览器模式（不连接 Excel）",
  steps: "步骤",
  stepLoad: "载入",
  stepCheck: "检查",
  stepStats: "统计",
  stepScore: "评分",
  stepTemplate: "模板",
  chooseFiles: "选择 JSON 或 xlsx 文件（可多选）",
  chooseFilesHint:
    "申报书、工作总结表、服务台账、网点名录与专家评分表，按内容识别；其他文件（如 .xls、.docx、扫描件）会说明如何处理",
  readWorkbook: "读取当前工作簿",
  clearFiles: "清空",
  noFiles: "尚未载入文件。",
  filesLoaded: "已载入文件",
  documentsCount: "载入 {n}",
  rejectedCount: "未载入 {n}",
  loadSummary:
    "申报书 {applications} 份，总结表 {summaries} 份，台账 {ledgers} 份（{entries} 条），名录 {registry} 份，评分表 {sheets} 份",
  working: "正在处理…",
  progressOf: "{label}（{done}/{total}）",
  cancel: "取消",
  cancelled: "已取消，未完成的步骤没有结果。",
  dismiss: "关闭",
  errorTitle: "无法读取",
  unexpectedError: "出现意外错误：{message}",
  where: "位置",
  fileLabel: "文件",
  sheetLabel: "工作表",
  rowLabel: "第 {n} 行",
  entryLabel: "第 {n} 条",
  fieldLabel: "字段",
  runCheck: "运行检查",
  needDocuments: "请先在“载入”中选择文件。",
  verdicts: "认定结论",
  eligible: "符合认定条件 {n} 份",
  ineligible: "不符合认定条件 {n} 份",
  priority: "优先纳入 {n} 份",
  annualOk: "年度评估无否决项 {n} 个",
  vetoed: "否决 {n} 个",
  summaryCounts: "错误 {errors} · 警告 {warnings} · 提示 {infos}",
  findingsByRule: "问题（按规则）",
  noFindings: "没有发现问题。",
  moreFindings: "另有 {n} 条未列出（见审核工作簿的问题清单）",
  selectedAt: "位置：{ref}",
  noLocation: "该问题不对应工作表中的单元格",
  downloadReview: "下载审核工作簿",
  writeReview: "写入审核结果",
  runStats: "运行统计",
  statsYear: "统计年度：{year}",
  tierBasic: "基础性服务",
  tierLowCost: "低成本专业化服务",
  tierValueAdded: "增值服务",
  total: "合计",
  cityTotal: "全市合计",
  outlet: "网点",
  month: "月份",
  byOutlet: "各网点",
  byMonth: "按月份",
  totals: "全市合计（按层级）",
  item: "项目",
  value: "数值",
  downloadStats: "下载统计工作簿",
  writeStats: "写入统计表",
  runScore: "运行评分",
  rank: "名次",
  score: "总分",
  grade: "等级",
  flags: "标记",
  downloadScore: "下载评审结果",
  writeScore: "写入评审结果",
  reviewers: "评审专家（用逗号或换行分隔）",
  makeScoringSheets: "生成评分表",
  templateKind: "模板",
  category: "网点类别",
  anyCategory: "不限类别（通用）",
  makeTemplate: "生成模板",
  tplLedger: "服务台账模板",
  tplApplication: "申报书模板",
  tplSummary: "工作总结表模板",
  tplRegistry: "网点名录模板",
  tplScoring: "专家评分表",
  written: "已生成“{name}”。",
  downloadAgain: "若下载未开始，请点此下载“{name}”",
  categoryNotApplicable: "该模板不分网点类别。",
  flagAccredited: "拟认定",
  flagPriority: "优先纳入",
  flagVetoed: "否决",
  flagRevocation: "撤销资格建议",
  workbookName: "当前工作簿",
  writtenToWorkbook: "已写入当前工作簿：{name}",
} as const;

export type MessageKey = keyof typeof zh;

const en: Record<MessageKey, string> = {
  appTitle: "Outlet Review",
  language: "Language",
  modeExcel: "Excel add-in",
  modeBrowser: "Standalone browser mode (no Excel)",
  steps: "Steps",
  stepLoad: "Load",
  stepCheck: "Check",
  stepStats: "Statistics",
  stepScore: "Score",
  stepTemplate: "Templates",
  chooseFiles: "Choose JSON or xlsx files (several at once)",
  chooseFilesHint:
    "Applications, annual summaries, ledgers, registry and reviewers' score sheets, recognised by content; other files (.xls, .docx, scans) are told what to do",
  readWorkbook: "Read the open workbook",
  clearFiles: "Clear",
  noFiles: "No files loaded yet.",
  filesLoaded: "Loaded files",
  documentsCount: "loaded {n}",
  rejectedCount: "rejected {n}",
  loadSummary:
    "{applications} applications, {summaries} summaries, {ledgers} ledgers ({entries} entries), {registry} registries, {sheets} score sheets",
  working: "Working…",
  progressOf: "{label} ({done}/{total})",
  cancel: "Cancel",
  cancelled: "Cancelled; the unfinished step has no result.",
  dismiss: "Dismiss",
  errorTitle: "Could not read",
  unexpectedError: "Unexpected error: {message}",
  where: "Where",
  fileLabel: "File",
  sheetLabel: "Sheet",
  rowLabel: "row {n}",
  entryLabel: "entry {n}",
  fieldLabel: "Field",
  runCheck: "Run checks",
  needDocuments: "Load some files first (Load step).",
  verdicts: "Verdicts",
  eligible: "Eligible: {n}",
  ineligible: "Not eligible: {n}",
  priority: "Priority: {n}",
  annualOk: "Annual, no veto: {n}",
  vetoed: "Vetoed: {n}",
  summaryCounts: "Errors {errors} · Warnings {warnings} · Info {infos}",
  findingsByRule: "Findings by rule",
  noFindings: "No findings.",
  moreFindings: "{n} more not listed (see the findings sheet of the review workbook)",
  selectedAt: "Location: {ref}",
  noLocation: "This finding has no cell in the sheets",
  downloadReview: "Download review workbook",
  writeReview: "Write review to workbook",
  runStats: "Run statistics",
  statsYear: "Year: {year}",
  tierBasic: "Basic",
  tierLowCost: "Low-cost",
  tierValueAdded: "Value-added",
  total: "Total",
  cityTotal: "City total",
  outlet: "Outlet",
  month: "Month",
  byOutlet: "By outlet",
  byMonth: "By month",
  totals: "City total by tier",
  item: "Item",
  value: "Value",
  downloadStats: "Download statistics workbook",
  writeStats: "Write statistics to workbook",
  runScore: "Run scoring",
  rank: "Rank",
  score: "Total",
  grade: "Grade",
  flags: "Flags",
  downloadScore: "Download scoring results",
  writeScore: "Write scoring results",
  reviewers: "Reviewers (comma or line separated)",
  makeScoringSheets: "Make score sheets",
  templateKind: "Template",
  category: "Outlet category",
  anyCategory: "Any category (generic)",
  makeTemplate: "Make template",
  tplLedger: "Ledger template",
  tplApplication: "Application template",
  tplSummary: "Annual summary template",
  tplRegistry: "Registry template",
  tplScoring: "Reviewer score sheet",
  written: "Made “{name}”.",
  downloadAgain: "If the download did not start, click to download “{name}”",
  categoryNotApplicable: "This template has no category.",
  flagAccredited: "To accredit",
  flagPriority: "Priority",
  flagVetoed: "Vetoed",
  flagRevocation: "Revocation proposed",
  workbookName: "Open workbook",
  writtenToWorkbook: "Written to the open workbook: {name}",
};

export const CATALOGS: Record<Lang, Record<MessageKey, string>> = { "zh-CN": zh, "en-US": en };

export type Translate = (key: MessageKey, values?: Record<string, string | number>) => string;

export function translate(lang: Lang, key: MessageKey, values?: Record<string, string | number>): string {
  const template = CATALOGS[lang][key];
  if (!values) return template;
  return template.replace(/\{(\w+)\}/gu, (whole, name: string) => {
    const v = values[name];
    return v === undefined ? whole : typeof v === "number" ? v.toLocaleString(lang) : v;
  });
}

/** zh for any Chinese locale, English for everything else (the only second language of the UI). */
export function pickLang(tag: string | null | undefined): Lang {
  if (!tag) return "zh-CN";
  return /^zh/iu.test(tag) ? "zh-CN" : /^en/iu.test(tag) ? "en-US" : "zh-CN";
}

/** Office's display language inside Excel, else the browser's. */
export function detectLang(): Lang {
  try {
    if (typeof Office !== "undefined" && Office.context?.displayLanguage)
      return pickLang(Office.context.displayLanguage);
  } catch {
    // Office.context is only there after onReady in a host; the browser language is next.
  }
  return pickLang(typeof navigator === "undefined" ? null : navigator.language);
}

export interface I18n {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: Translate;
}

export const I18nContext = createContext<I18n>({
  lang: "zh-CN",
  setLang: () => undefined,
  t: (key, values) => translate("zh-CN", key, values),
});

export function useI18n(): I18n {
  return useContext(I18nContext);
}

export function useT(): Translate {
  return useContext(I18nContext).t;
}
