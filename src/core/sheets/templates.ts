/**
 * Templates to fill (台账, 申报书, 工作总结表, 网点名录, 评分表) and the same workbooks filled from a document, all
 * built from the layouts of layouts.ts. Each carries a 填写说明 sheet and a marker naming its kind and version so
 * that the import recognises it. Pure: the adapters render the WorkbookModel.
 */
import { getItem, resolveItem } from "../catalog";
import { CATEGORY_LABELS, type Category } from "../codes";
import type { AnnualSummary, Application, Ledger, Registry } from "../schemas";
import type { Rubric } from "../scoring/rubric";
import type { ReviewerScores } from "../scoring/reviewers";
import { formatX } from "../scoring/auto";
import {
  applicationForm,
  CODECS,
  EVALUATION_COLUMNS,
  getPath,
  LEDGER_INFO_FORM,
  ledgerColumns,
  REGISTRY_COLUMNS,
  summaryForm,
  toColumnSpec,
  type Column,
  type FormLayout,
} from "./layouts";
import type { CellValue, ColumnSpec, FormSheet, TableSheet, TextSheet, WorkbookMarker, WorkbookModel } from "./model";
import { safeSheetName } from "./reviewSheets/common";

export const TEMPLATE_VERSION = 1;
export const TEMPLATE_KINDS = ["ledger", "application", "annualSummary", "registry", "scoring"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const INSTRUCTIONS_SHEET = "填写说明";
export const LEDGER_SHEET = "服务台账";
export const REGISTRY_SHEET = "网点名录";
export const EVALUATIONS_SHEET = "评估记录";
export const SCORING_SHEET = "评分表";
/** Reviewer sheets are named 评分表-<专家> (RUBRIC.md); the title row names the reviewer too. */
export const SCORING_PREFIX = "评分表-";
export const REVIEWER_TITLE = "评审专家：";

/** Rows with drop-downs and input rules under the data (Excel copies them as people add rows). */
const LEDGER_INPUT_ROWS = 500;
const REGISTRY_INPUT_ROWS = 100;

const GUIDE = "《广州市知识产权信息公共服务网点认定工作指南》";

/** 第十条 and 第十四条, verbatim: what the ledger records and why. */
export const ARTICLE_10 = [
  "第十条 各类网点根据自身基础和条件，向服务对象提供基础性服务、低成本专业化服务、增值服务，具体服务事项可参考知识产权信息公共服务网点服务事项参考清单（附件二）。",
  "基础性服务面向创新创业主体和社会公众免费提供，如开展知识产权公益培训、指导服务对象进行基础性知识产权信息检索和分析、知识产权文献传递、知识产权信息分析利用咨询服务、推广公益性知识产权信息资源及分析利用成果等服务。",
  "鼓励各类网点结合自身特点、资源优势、服务能力和服务对象需求，提供低成本专业化知识产权信息公共服务，如知识产权专业检索和分析服务、专题数据库建设、开发特色化知识产权信息应用工具、专利导航、专利预警等服务。",
  "鼓励各类网点结合自身优势和地区发展需要，提供增值服务，如知识产权战略制定和管理咨询、知识产权金融服务等。",
];
export const ARTICLE_14 = [
  "第十四条 网点应建立服务规范、质量管理和信息管理体系，制定工作制度，在工作中执行制度规范。网点提供服务过程中，对所涉及的服务事项、服务对象、低成本专业服务报价、需求调整及成果交付等内容，及时进行记录。每年度对服务次数进行分类统计及总结，形成相关的知识产权信息公共服务情况记录台账表，归档服务成果文件。",
  "建立服务成效跟踪机制，网点编制并邀请服务对象填写服务满意度评分表、服务成果调查反馈表，定期收集整理服务对象反馈的意见和建议，对服务反馈情况进行分析。全面掌握各类服务的成效，制定质量提升方案并持续改进，及时记录并归档服务反馈评价材料。",
];
const ARTICLE_18 =
  "第十八条 市级网点的认定原则上每年开展一次。认定为市级网点的服务机构，应当于每年12月底前对当年度服务工作开展情况、服务成效以及特色亮点内容进行总结并填写工作总结表（附件三），按要求报送至市市场监管局。市市场监管局对市级网点的服务工作及服务效能实施评估。对连续两个年度评估不合格的网点，撤销该网点资格。";
const ARTICLE_20 = [
  "第二十条 市级网点服务机构的名称、场所、主要负责人、联系方式和主要服务事项等重要信息发生变更的，应及时向市市场监管局报备。",
  "网点的基础设施、工作团队等若发生变化，不再符合网点认定条件的，服务机构可申请终止网点资格，由市市场监管局核查后终止。",
  "市市场监管局建立市级网点名录，实行动态更新并向社会公开。",
];
/** 附件1 填表说明. */
const APPLICATION_NOTES = [
  "一、封面“申报机构”名称填写法人单位名称。",
  "二、第七部分“申请认定机构意见”由申报机构填写，并由经办人和负责人签字。",
  "三、一般情况下，填表单位应按照表格字数要求进行填写，如确需增加内容可对表格进行自行扩展。",
  "四、申报书应盖章、签字，否则视为无效申报。",
];
const KEEP_MARKER =
  "请勿删除或改名本工作簿中的工作表，也请勿修改表头和各项目的名称：导入时据此识别模板及其版本。可以增加行；表格中可以调整列的顺序或增加自己的列（导入时按表头识别，未识别的列不导入）。";

function marker(kind: TemplateKind, options: Record<string, string | number | undefined> = {}): WorkbookMarker {
  const kept = Object.entries(options).filter((e): e is [string, string | number] => e[1] !== undefined);
  return {
    kind,
    version: TEMPLATE_VERSION,
    ...(kept.length ? { options: Object.fromEntries(kept.map(([k, v]) => [k, String(v)])) } : {}),
  };
}

function instructions(paragraphs: readonly string[]): TextSheet {
  return { kind: "text", name: INSTRUCTIONS_SHEET, paragraphs, width: 110 };
}

function categoryName(category: string | undefined): string | undefined {
  return category && category in CATEGORY_LABELS ? CATEGORY_LABELS[category as Category] : undefined;
}

/** One line per column of a table: header, whether required, its help and its choices. */
function columnLines(columns: readonly Column[]): string[] {
  return columns.map((c) => {
    const choices =
      c.validation?.list && c.validation.list.length <= 12 ? `可选：${c.validation.list.join("、")}` : undefined;
    const parts = [c.note, choices].filter(Boolean).join("；");
    return `· ${c.header}${c.required ? "（必填）" : ""}${parts ? `：${parts}` : ""}`;
  });
}

function rowsOf(columns: readonly Column[], items: readonly unknown[]): CellValue[][] {
  return items.map((item) => columns.map((c) => c.codec.toCell(getPath(item, c.key))));
}

function tableSheet(
  name: string,
  columns: readonly Column[],
  rows: readonly (readonly CellValue[])[],
  inputRows: number,
  extra: Partial<TableSheet> = {},
): TableSheet {
  return {
    kind: "table",
    name,
    columns: columns.map(toColumnSpec),
    rows,
    freeze: { cols: 1 },
    inputRows,
    ...extra,
  };
}

// ---------------------------------------------------------------- forms

/** A form sheet from its layout, with the document's values when one is given. */
export function formSheet(layout: FormLayout, doc?: unknown): FormSheet {
  const blocks: FormSheet["blocks"][number][] = layout.items.map((item) => {
    switch (item.kind) {
      case "heading":
      case "text":
        return { kind: item.kind, text: item.text };
      case "table": {
        const rows = doc === undefined ? [] : rowsOf(item.columns, asArray(getPath(doc, item.key)));
        return {
          kind: "table",
          key: item.key,
          title: item.title,
          columns: item.columns.map(toColumnSpec),
          rows,
          inputRows: Math.max(0, item.inputRows - rows.length),
        };
      }
      case "field": {
        let value: CellValue = null;
        if (doc !== undefined) {
          const bind = item.bind;
          if (bind.kind === "value") value = item.codec.toCell(getPath(doc, item.key));
          else if (bind.kind === "member") value = codes(doc, bind.path).includes(bind.code) ? "是" : "否";
          else value = CODECS.list.toCell(codes(doc, bind.path).filter((c) => !bind.listed.includes(c)));
        }
        const { key, label, type, validation, required, note } = item;
        return {
          kind: "field",
          field: {
            key,
            label,
            type,
            value,
            ...(validation ? { validation } : {}),
            ...(required ? { required } : {}),
            ...(note ? { note } : {}),
          },
        };
      }
    }
  });
  return { kind: "form", name: layout.sheet, title: layout.title, blocks };
}

function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The codes of a list; service items a document names instead of coding tick their box all the same. */
function codes(doc: unknown, path: string): string[] {
  const values = asArray(getPath(doc, path)).filter((v): v is string => typeof v === "string");
  return path.startsWith("services.") ? values.map((v) => getItem(v)?.code ?? resolveItem(v)?.code ?? v) : values;
}

// ---------------------------------------------------------------- 台账

export interface LedgerTemplateOptions {
  category?: string;
  year?: number;
  outlet?: { name?: string; creditCode?: string };
}

function ledgerInstructions(category: string | undefined): string[] {
  const label = categoryName(category);
  return [
    "服务情况记录台账 · 填写说明",
    `本模板依据${GUIDE}第十条、第十四条制作，用于逐条记录网点提供的每一次知识产权信息公共服务，一次服务填一行；年度结束后据此分类统计服务次数（第十四条），并随工作总结表（附件3）报送。`,
    label
      ? `“服务事项”下拉列表为附件2的通用清单（适用于所有网点）加“${label}”的差异化清单。`
      : "“服务事项”下拉列表为附件2的通用清单（适用于所有网点）；生成模板时指定网点类别（--category），可加入该类别的差异化清单。",
    "先在“网点信息”工作表填写网点名称、统一社会信用代码和台账年度，再在“服务台账”工作表逐行填写。各列说明：",
    ...columnLines(ledgerColumns(category)),
    "日期可写作 2025-03-05、2025/3/5、2025.3.5 或 2025年3月5日；数字可以是文本；服务事项也可直接填写附件2中的事项名称。",
    "基础性服务面向创新创业主体和社会公众免费提供（第十条），收费金额应填 0；低成本专业化服务请填写报价。",
    KEEP_MARKER,
    "指南原文：",
    ...ARTICLE_10,
    ...ARTICLE_14,
  ];
}

/** 台账模板: 填写说明, 网点信息 and an empty 服务台账 with drop-downs and input rules. */
export function ledgerTemplate(options: LedgerTemplateOptions = {}): WorkbookModel {
  const info = {
    outlet: options.outlet ?? {},
    ...(options.year !== undefined ? { year: options.year } : {}),
  };
  return ledgerModel(options.category, info, []);
}

/** A ledger as a filled 台账 workbook (the same layout as the template). */
export function ledgerWorkbook(ledger: Ledger, options: { category?: string } = {}): WorkbookModel {
  const columns = ledgerColumns(options.category);
  return ledgerModel(options.category, ledger, rowsOf(columns, ledger.entries), ledger.year);
}

function ledgerModel(category: string | undefined, info: unknown, rows: CellValue[][], year?: number): WorkbookModel {
  const columns = ledgerColumns(category);
  const y = year ?? (getPath(info, "year") as number | undefined);
  return {
    title: `服务情况记录台账${y ? `（${y}年度）` : ""}`,
    sheets: [
      instructions(ledgerInstructions(category)),
      formSheet(LEDGER_INFO_FORM, info),
      tableSheet(LEDGER_SHEET, columns, rows, rows.length ? 100 : LEDGER_INPUT_ROWS, {
        ...(rows.length ? { table: { name: "LedgerEntries" } } : {}),
      }),
    ],
    marker: marker("ledger", { category, year: y }),
  };
}

// ---------------------------------------------------------------- 申报书, 工作总结表

function applicationInstructions(category: string | undefined): string[] {
  const label = categoryName(category);
  return [
    "广州市知识产权信息公共服务网点申报书（附件1）· 填写说明",
    `本表对应${GUIDE}附件1，在“申报书”工作表各项目右侧的单元格中填写。复选框以“是/否”下拉列表代替：勾选的选“是”。`,
    label
      ? `“服务内容”列出附件2通用清单及“${label}”的差异化清单。`
      : "“服务内容”列出附件2通用清单；其他类别清单中的事项填在各层级的“上列以外的附件2事项”中（编号或名称）。",
    "团队人员名单与典型案例各占一行，行数不够可以插入行。长文字（工作基础、团队情况、发展思路、案例内容）可直接粘贴。",
    "附件1 填表说明：",
    ...APPLICATION_NOTES,
    KEEP_MARKER,
  ];
}

export function applicationTemplate(options: { category?: string } = {}): WorkbookModel {
  return applicationModel(options.category);
}

export function applicationWorkbook(app: Application): WorkbookModel {
  return applicationModel(app.category, app);
}

function applicationModel(category: string | undefined, doc?: Application): WorkbookModel {
  return {
    title: "广州市知识产权信息公共服务网点申报书",
    sheets: [instructions(applicationInstructions(category)), formSheet(applicationForm(category), doc)],
    marker: marker("application", { category, year: doc?.year }),
  };
}

function summaryInstructions(category: string | undefined): string[] {
  const label = categoryName(category);
  return [
    "广州市知识产权信息公共服务网点工作总结表（附件3）· 填写说明",
    `本表对应${GUIDE}附件3。复选框以“是/否”下拉列表代替：勾选的选“是”。`,
    label ? `“服务内容”列出附件2通用清单及“${label}”的差异化清单。` : "“服务内容”列出附件2通用清单。",
    "“基础设施”一节用于核对网点是否仍符合认定条件（第二十条）。服务台账另用台账模板填写，随本表报送。",
    ARTICLE_18,
    KEEP_MARKER,
  ];
}

export function summaryTemplate(options: { category?: string } = {}): WorkbookModel {
  return summaryModel(options.category);
}

export function summaryWorkbook(summary: AnnualSummary): WorkbookModel {
  return summaryModel(summary.category, summary);
}

function summaryModel(category: string | undefined, doc?: AnnualSummary): WorkbookModel {
  return {
    title: "广州市知识产权信息公共服务网点工作总结表",
    sheets: [instructions(summaryInstructions(category)), formSheet(summaryForm(category), doc)],
    marker: marker("annualSummary", { category, year: doc?.year }),
  };
}

// ---------------------------------------------------------------- 网点名录

export function registryTemplate(): WorkbookModel {
  return registryWorkbook({ type: "registry", outlets: [] });
}

export function registryWorkbook(registry: Registry): WorkbookModel {
  const outlets = rowsOf(REGISTRY_COLUMNS, registry.outlets);
  const evaluations = rowsOf(
    EVALUATION_COLUMNS,
    registry.outlets.flatMap((o) => o.evaluations.map((e) => ({ ...e, creditCode: o.creditCode, name: o.name }))),
  );
  return {
    title: "广州市知识产权信息公共服务网点名录",
    sheets: [
      instructions([
        "市级网点名录 · 填写说明",
        `名录依据${GUIDE}第二十条建立并动态更新。“网点名录”每个网点一行；“评估记录”每个网点每个评估年度一行，以统一社会信用代码对应网点。`,
        ...columnLines(REGISTRY_COLUMNS),
        "评估记录：",
        ...columnLines(EVALUATION_COLUMNS),
        "状态为“已撤销”或“已终止”的，请填写撤销或终止日期及原因（第十八条、第二十条、第二十一条）。",
        KEEP_MARKER,
        ...ARTICLE_20,
      ]),
      tableSheet(REGISTRY_SHEET, REGISTRY_COLUMNS, outlets, REGISTRY_INPUT_ROWS, {
        ...(outlets.length ? { table: { name: "Registry" } } : {}),
      }),
      tableSheet(EVALUATIONS_SHEET, EVALUATION_COLUMNS, evaluations, REGISTRY_INPUT_ROWS, {
        ...(evaluations.length ? { table: { name: "Evaluations" } } : {}),
      }),
    ],
    marker: marker("registry"),
  };
}

// ---------------------------------------------------------------- 评分表

export interface ScoringSubject {
  /** Outlet key as the scoring uses it (credit code, else name). */
  key: string;
  name: string | null;
  /** Auto criteria as computed (runScoring): shown, locked. */
  auto: readonly { criterion: string; x: number | null; score: number }[];
}

export interface ScoringPart {
  rubric: Rubric;
  subjects: readonly ScoringSubject[];
  /** Blind review: a stable code (网点-07) instead of the outlet (default: the rubric's setting). */
  blind?: boolean;
}

export type ScoringTemplateOptions = (ScoringPart | { parts: readonly ScoringPart[] }) & {
  /** One sheet per reviewer; without any, one sheet 评分表 for the reviewer to rename. */
  reviewer?: string;
  reviewers?: readonly string[];
};

/** Column keys of a scoring sheet (the import reads by header; these are the identities). */
export const SCORING_KEYS = {
  outlet: "outlet",
  blindCode: "code",
  name: "name",
  conflict: "conflict",
  conflictReason: "conflictReason",
  basis: "basis",
} as const;
export const SCORING_HEADERS = {
  outlet: "统一社会信用代码",
  blindCode: "网点编号",
  name: "网点名称",
  conflict: "回避",
  conflictReason: "回避理由",
  basis: "自动评分依据",
} as const;
/** Auto criteria are told apart from expert ones by this mark in their header. */
export const AUTO_MARK = "自动";

export function blindCode(index: number): string {
  return `网点-${String(index + 1).padStart(2, "0")}`;
}

function scoringColumns(rubric: Rubric, blind: boolean, fixedRows: boolean): ColumnSpec[] {
  const locked = fixedRows;
  const columns: ColumnSpec[] = blind
    ? [{ key: SCORING_KEYS.blindCode, header: SCORING_HEADERS.blindCode, type: "text", width: 10, locked }]
    : [
        { key: SCORING_KEYS.outlet, header: SCORING_HEADERS.outlet, type: "text", width: 22, numFmt: "@", locked },
        { key: SCORING_KEYS.name, header: SCORING_HEADERS.name, type: "text", width: 30, locked },
      ];
  for (const c of rubric.criteria) {
    if (c.source === "auto") {
      columns.push({
        key: `auto.${c.id}`,
        header: `${c.id} ${c.name}（${AUTO_MARK}，${c.points}分）`,
        type: "number",
        width: 12,
        numFmt: "0.0",
        locked: true,
        ...(c.description ? { note: c.description } : {}),
      });
    } else {
      columns.push({
        key: `expert.${c.id}`,
        header: `${c.id} ${c.name}（0–${c.points}分）`,
        type: "number",
        width: 14,
        numFmt: "0.0",
        locked: false,
        required: true,
        validation: { min: 0, max: c.points, error: `${c.id} 的评分应在 0 到 ${c.points} 分之间；未评分请留空` },
        ...(c.description ? { note: c.description } : {}),
      });
    }
  }
  columns.push(
    {
      key: SCORING_KEYS.conflict,
      header: SCORING_HEADERS.conflict,
      type: "boolean",
      width: 6,
      locked: false,
      validation: { list: ["是", "否"], strict: true, error: "请选择“是”或“否”" },
      note: "与该网点有利害关系的选“是”，并填写回避理由；回避的网点不评分",
    },
    {
      key: SCORING_KEYS.conflictReason,
      header: SCORING_HEADERS.conflictReason,
      type: "text",
      width: 24,
      locked: false,
    },
    { key: SCORING_KEYS.basis, header: SCORING_HEADERS.basis, type: "longText", width: 60, locked: true },
  );
  return columns;
}

function autoBasis(rubric: Rubric, subject: ScoringSubject): string {
  return rubric.criteria
    .filter((c) => c.source === "auto")
    .map((c) => {
      const a = subject.auto.find((x) => x.criterion === c.id);
      return a ? `${c.id} ${c.name} = ${formatX(a.x, c.unit)} → ${a.score}/${c.points}` : `${c.id} —`;
    })
    .join("；");
}

interface Filled {
  scores: Map<string, number | null>;
  conflicts: Map<string, string>;
}

function scoringRows(part: ScoringPart, blind: boolean, filled: Filled | undefined, codes: Map<string, string>) {
  return part.subjects.map((s) => {
    const row: CellValue[] = blind ? [codes.get(s.key) ?? s.key] : [s.key, s.name];
    for (const c of part.rubric.criteria) {
      if (c.source === "auto") row.push(s.auto.find((a) => a.criterion === c.id)?.score ?? null);
      else row.push(filled?.scores.get(`${s.key}\u0000${c.id}`) ?? null);
    }
    const reason = filled?.conflicts.get(s.key);
    row.push(reason !== undefined ? "是" : null, reason ?? null, autoBasis(part.rubric, s));
    return row;
  });
}

function scoringInstructions(parts: readonly ScoringPart[]): string[] {
  const lines = [
    "专家评分表 · 填写说明",
    "每位评审专家一张评分表（工作表“评分表-姓名”）；每个网点一行。自动评分项已按材料和台账计算并锁定，“自动评分依据”列给出计算所用的数值，供核对。",
    "请在各专家评分项中填写 0 到该项分值之间的分数（可保留一位小数）。空白表示“未评分”，不按 0 分计算；请勿以 0 代替空白。",
    "与网点存在利害关系的，在“回避”列选“是”并填写回避理由，该网点不再评分；回避而未填理由的评分表无法导入。",
    "如模板未写明评审专家姓名，请将工作表重命名为“评分表-您的姓名”。填好后交回本工作簿（可多位专家各交一份，或合在一个工作簿中），用 outlet-review score 汇总。",
  ];
  for (const p of parts) {
    lines.push(`评分细则：${p.rubric.name}（${p.rubric.id}，版本 ${p.rubric.version}）`);
    for (const c of p.rubric.criteria) {
      const how = c.source === "auto" ? "自动评分" : "专家评分";
      lines.push(`· ${c.id} ${c.name}（${c.points}分，${how}）${c.description ? `：${c.description}` : ""}`);
    }
  }
  lines.push(KEEP_MARKER);
  return lines;
}

/** 评分表: one protected sheet per reviewer and part (rubric), auto criteria filled and locked. */
export function scoringTemplate(options: ScoringTemplateOptions): WorkbookModel {
  return scoringModel(options, []);
}

/** Reviewers' scores (FORMAT of reviewers.ts) written into the scoring template: one sheet per reviewer. */
export function scoringWorkbook(options: ScoringTemplateOptions, scores: readonly ReviewerScores[]): WorkbookModel {
  return scoringModel(options, scores);
}

function scoringModel(options: ScoringTemplateOptions, filled: readonly ReviewerScores[]): WorkbookModel {
  const parts = "parts" in options ? options.parts : [options];
  const reviewers = filled.length
    ? filled.map((f) => f.reviewer)
    : [...(options.reviewer ? [options.reviewer] : []), ...(options.reviewers ?? [])];
  const names: (string | null)[] = reviewers.length ? reviewers : [null];
  const taken = new Set([INSTRUCTIONS_SHEET.toLowerCase()]);
  const codes = new Map<string, string>();
  const sheets: TableSheet[] = [];
  const blindAny = parts.some((p) => p.blind ?? p.rubric.blind);
  parts.forEach((p) => p.subjects.forEach((s) => codes.has(s.key) || codes.set(s.key, blindCode(codes.size))));

  names.forEach((reviewer, r) => {
    const own = filled[r];
    const fill: Filled | undefined = own && {
      scores: new Map(own.scores.map((s) => [`${s.outlet}\u0000${s.criterion}`, s.score ?? null])),
      conflicts: new Map(own.conflicts.map((c) => [c.outlet, c.reason])),
    };
    for (const part of parts) {
      const blind = part.blind ?? part.rubric.blind;
      const base = reviewer ? `${SCORING_PREFIX}${reviewer}` : SCORING_SHEET;
      const name = safeSheetName(
        parts.length > 1 ? `${base}-${part.rubric.kind === "annual" ? "年度" : "认定"}` : base,
        taken,
      );
      taken.add(name.toLowerCase());
      const fixedRows = part.subjects.length > 0;
      sheets.push({
        kind: "table",
        name,
        title: `${REVIEWER_TITLE}${reviewer ?? "＿＿＿＿＿＿（请将工作表重命名为“评分表-您的姓名”）"}\n评分细则：${part.rubric.name}（${part.rubric.id}，版本 ${part.rubric.version}）`,
        columns: scoringColumns(part.rubric, blind, fixedRows),
        rows: scoringRows(part, blind, fill, codes),
        freeze: { cols: blind ? 1 : 2 },
        protect: true,
        inputRows: fixedRows ? 0 : 50,
      });
    }
  });

  const expert = parts.flatMap((p) => p.rubric.criteria.filter((c) => c.source === "expert").map((c) => c.id));
  const auto = parts.flatMap((p) => p.rubric.criteria.filter((c) => c.source === "auto").map((c) => c.id));
  const options_: Record<string, string> = {
    rubrics: parts.map((p) => `${p.rubric.id}@${p.rubric.version}`).join(","),
    expert: [...new Set(expert)].join(","),
    auto: [...new Set(auto)].join(","),
  };
  // Blind codes resolve back to outlets through the marker (a guard against slips, not a secret).
  if (blindAny) for (const [key, code] of codes) options_[`code:${code}`] = key;
  return {
    title: "专家评分表",
    sheets: [instructions(scoringInstructions(parts)), ...sheets],
    marker: { kind: "scoring", version: TEMPLATE_VERSION, options: options_ },
  };
}
