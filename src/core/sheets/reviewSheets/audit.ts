/**
 * 审核日志: when the workbook was made, by which version of the tool, rules and rubrics, from which files (each with its
 * SHA-256, documents loaded and rejected). The time is passed in: the core never reads the clock. Pure.
 */
import type { CheckReport, InputRecord } from "../../report";
import type { ScoringResult } from "../../scoring/score";
import type { CellValue, ColumnSpec, TableSheet } from "../model";
import { column, tableSheet, text } from "./common";
import { evaluationLabel } from "./scoring";

export const AUDIT_SHEET = "审核日志";

export interface RubricVersion {
  id: string;
  version: string;
  name?: string;
}

export interface Versions {
  /** The tool's version (package.json). */
  app: string;
  /** Number of review rules run (none for statistics alone). */
  rules?: number;
  /** Rubrics used, when not evident from the scoring (which names its own). */
  rubrics?: readonly RubricVersion[];
}

export interface AuditInput {
  /** When the workbook was generated, as the caller formats it (ISO 8601 with the offset, say). */
  generatedAt: string;
  versions: Versions;
  inputs: readonly InputRecord[];
  /** What was loaded (the check report's `documents`). */
  documents?: CheckReport["documents"];
  /** Evaluation or statistics year. */
  year?: number | null;
  scoring?: ScoringResult;
}

const AUDIT_COLUMNS: readonly ColumnSpec[] = [
  column("item", "项目", "text", 16),
  column("value", "内容", "text", 60),
  column("sha256", "SHA-256", "text", 68),
  column("documents", "载入文档", "integer", 10),
  column("rejected", "未载入", "integer", 8),
];

const METHOD_LABELS = { mean: "平均", trimmed: "去高去低平均" } as const;

export function auditSheet(input: AuditInput): TableSheet {
  const rows: CellValue[][] = [];
  const line = (item: string, value: string) => rows.push([item, value, null, null, null]);
  line("生成时间", input.generatedAt);
  line("工具版本", `网点评审助手 outlet-review ${input.versions.app}`);
  if (input.versions.rules !== undefined) line("审核规则", `${input.versions.rules} 条`);
  if (input.year !== undefined && input.year !== null) line("年度", `${input.year} 年`);
  const d = input.documents;
  if (d) {
    line(
      "载入文档",
      `申报书 ${d.applications} 份，工作总结表 ${d.annualSummaries} 份，服务台账 ${d.ledgers} 份（${d.ledgerEntries.toLocaleString("en-US")} 条记录），网点名录 ${d.registry} 份`,
    );
  }
  const named = new Set<string>();
  for (const e of input.scoring?.evaluations ?? []) {
    named.add(`${e.rubric.id}\u0000${e.rubric.version}`);
    const method =
      e.method === "trimmed" ? `${METHOD_LABELS.trimmed}（${e.trimFrom} 名及以上专家时）` : METHOD_LABELS.mean;
    line(
      "评分细则",
      `${evaluationLabel(e)}：${e.rubric.name}（${e.rubric.id}，版本 ${e.rubric.version}），专家评分${method}`,
    );
    const icc = e.panel.icc1 === null ? "无法计算" : e.panel.icc1.toFixed(2);
    line(
      "评审专家",
      `${evaluationLabel(e)}：${e.panel.reviewers} 名，评分表 ${e.sheets} 份，评审一致性 ICC(1) = ${icc}`,
    );
  }
  for (const r of input.versions.rubrics ?? []) {
    if (named.has(`${r.id}\u0000${r.version}`)) continue;
    line("评分细则", `${r.name ? `${r.name}（${r.id}` : `${r.id}（`}，版本 ${r.version}）`);
  }
  for (const i of input.inputs) rows.push(["输入文件", i.file, text(i.sha256), i.documents, i.rejected]);
  rows.push([
    "输入文件合计",
    `${input.inputs.length} 个文件`,
    null,
    input.inputs.reduce((n, i) => n + i.documents, 0),
    input.inputs.reduce((n, i) => n + i.rejected, 0),
  ]);
  return tableSheet(AUDIT_SHEET, "AuditLog", AUDIT_COLUMNS, rows, 1);
}
