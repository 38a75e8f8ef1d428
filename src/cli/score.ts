/** `outlet-review score`: 评审结果 — ranked, graded, with the reasons for every flag, ready for the panel to sign. */
import { escapeControls } from "../core/text";
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import type { Settings } from "../core/config";
import { SEVERITY_LABELS, type Finding } from "../core/findings";
import { formatX } from "../core/scoring/auto";
import { buildScoreReport, type ReportEvaluation, type ScoreReport } from "../core/scoring/report";
import type { Rubric, RubricKind } from "../core/scoring/rubric";
import { parseRubric, RubricError } from "../core/scoring/rubrics";
import { runScoring, type ScoredCriterion, type ScoringResult } from "../core/scoring/score";
import { formatTable } from "./format";
import { loadInputsAsync, type LoadedInputs } from "./load";
import type { Io } from "./main";

export class ScoreUsageError extends Error {}

export interface ScoreRunOptions {
  settings: Settings;
  today: string;
  rubricFiles: readonly string[];
  accreditCount?: number | null;
  json: boolean;
}

/** Reads `--rubric` files: each replaces the default rubric of its kind. */
export function readRubrics(files: readonly string[], cwd: string): Partial<Record<RubricKind, Rubric>> {
  const out: Partial<Record<RubricKind, Rubric>> = {};
  for (const file of files) {
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(resolve(cwd, file), "utf8"));
    } catch (error) {
      const why = (error as NodeJS.ErrnoException).code === "ENOENT" ? "找不到该文件" : "不是有效的 JSON";
      throw new ScoreUsageError(`评分细则文件“${file}”${why}`);
    }
    try {
      const rubric = parseRubric(raw);
      out[rubric.kind] = rubric;
    } catch (error) {
      if (error instanceof RubricError) throw new ScoreUsageError(`评分细则文件“${file}”：${error.message}`);
      throw error;
    }
  }
  return out;
}

function num(value: number | null | undefined): string {
  return value === null || value === undefined ? "—" : String(Math.round(value * 100) / 100);
}

const METHOD_TEXT = (e: ReportEvaluation) =>
  e.method === "trimmed"
    ? `专家评分按项汇总：${e.trimFrom} 名及以上专家时去掉一个最高分和一个最低分后取平均，不足 ${e.trimFrom} 名时取平均`
    : "专家评分按项取平均";

function criterionLine(c: ScoredCriterion): string {
  if (c.source === "auto") {
    const scale =
      c.mode === "all-or-nothing"
        ? `须达 ${formatX(c.target, c.unit)}，否则不得分`
        : `${formatX(c.floor, c.unit)} → ${formatX(c.target, c.unit)}`;
    return `${c.criterion} ${c.name}：x = ${formatX(c.x, c.unit)}（${scale}）→ ${c.score} / ${c.points}`;
  }
  const scores = c.scores.map((s) => num(s.score)).join("、") || "无有效评分";
  const how = c.method === "trimmed" && c.trimmedMean !== null ? "去高去低平均" : "平均";
  return (
    `${c.criterion} ${c.name}：专家 ${c.n} 人（${scores}）→ ${how} ${num(c.official)} / ${c.points}` +
    `（中位数 ${num(c.median)}，标准化 ${num(c.zNormalised)}${c.divergent ? "，评分分歧" : ""}）`
  );
}

function evaluationSection(e: ReportEvaluation, heading: string): string[] {
  const lines: string[] = [];
  const title = e.kind === "annual" && e.year !== null ? `${e.year} 年度${e.label.replace(/^年度/u, "")}` : e.label;
  lines.push(`${heading}、${title}`, "");
  lines.push(`  评分细则：${e.rubric.name}（${e.rubric.id}，版本 ${e.rubric.version}）`);
  lines.push(`  ${METHOD_TEXT(e)}；空白不计为 0；申明回避的专家不计入该网点`);
  const icc = e.panel.icc1 === null ? "无法计算" : e.panel.icc1.toFixed(2);
  lines.push(`  评审专家 ${e.panel.reviewers} 名，评分表 ${e.sheets} 份；评审一致性 ICC(1) = ${icc}（供参考）`);
  if (e.accreditCount !== null) lines.push(`  拟认定名额：${e.accreditCount} 个`);
  lines.push("");

  const rows = e.outlets.map((o) => [
    o.rank === null ? "—" : `${o.rank}${o.tie ? "（并列）" : ""}`,
    o.outletName ?? o.outlet,
    num(o.autoSubtotal),
    num(o.expertSubtotal),
    num(o.total),
    num(o.totalNormalised),
    o.gradeLabel ?? "—",
    [
      o.accredited ? "拟认定" : "",
      o.priority ? "优先纳入" : "",
      o.vetoed ? "否决" : "",
      o.revocationProposed ? "撤销资格建议" : "",
      o.eligible || e.kind === "annual" ? "" : "不符合条件",
    ]
      .filter(Boolean)
      .join("、"),
  ]);
  lines.push(
    ...formatTable(["名次", "网点", "自动评分", "专家评分", "总分", "标准化总分", "等级", "结论"], rows, {
      align: ["left", "left", "right", "right", "right", "right", "left", "left"],
    }),
    "",
  );
  lines.push(
    "  （标准化总分：专家评分按每位专家自身的均值与离散程度标准化后汇总，用于检验宽严不一的专家是否改变了排序）",
    "",
  );

  lines.push("  各网点评分明细与理由：", "");
  for (const o of e.outlets) {
    lines.push(
      `  ■ ${o.outletName ?? ""}（${o.outlet}）${o.total === null ? "" : `  总分 ${num(o.total)}`}  ${o.gradeLabel ?? ""}`,
    );
    for (const c of o.criteria) lines.push(`      ${criterionLine(c)}`);
    for (const f of o.flags) lines.push(`      ▲ ${f}`);
    for (const r of o.reasons) lines.push(`      · ${r.message}  [${r.rule}]`);
    if (o.reasonsMore > 0) lines.push(`      · ……另有 ${o.reasonsMore} 项（check 报告中可查看全部）`);
    lines.push("");
  }

  const flagged = e.reviewers.filter((r) => r.flag);
  if (e.reviewers.length) {
    lines.push("  评审专家：");
    for (const r of e.reviewers) {
      const bias = r.bias === null ? "" : `，与评审组均值相差 ${r.bias >= 0 ? "+" : ""}${num(r.bias)} 分`;
      const conflicts = r.conflicts.length ? `，回避 ${r.conflicts.length} 个网点` : "";
      const blanks = r.blanks ? `，空白 ${r.blanks} 项` : "";
      lines.push(
        `    · ${r.reviewer}：评分 ${r.outlets.length} 个网点${bias}${conflicts}${blanks}${r.flagLabel ? `（${r.flagLabel}）` : ""}`,
      );
    }
    if (!flagged.length) lines.push("    （无偏松、偏严的专家）");
    lines.push("");
  }
  return lines;
}

function findingLines(findings: readonly Finding[]): string[] {
  if (!findings.length) return ["  无。", ""];
  return [
    ...findings.map(
      (f) => `  · ${SEVERITY_LABELS[f.severity]}：${f.message}  [${f.rule}]${f.file ? `  〔${f.file}〕` : ""}`,
    ),
    "",
  ];
}

export function formatScoreTextReport(report: ScoreReport): string {
  const lines: string[] = ["网点评审助手 · 评审结果", ""];
  const numerals = "一二三四五六";
  let i = 0;
  for (const e of report.evaluations) lines.push(...evaluationSection(e, numerals[i++]!));
  if (!report.evaluations.length) lines.push("  输入中没有可评分的申报书、工作总结表或服务台账。", "");
  lines.push(`${numerals[i++]}、评分过程中的问题`, "", ...findingLines(report.findings));
  const g = report.summary.byGrade;
  lines.push(
    `合计：网点 ${report.summary.outlets} 个，计分 ${report.summary.scored} 个；优秀 ${g.excellent}，良好 ${g.good}，合格 ${g.pass}，不合格 ${g.fail}` +
      (report.summary.accredited ? `；拟认定 ${report.summary.accredited} 个` : "") +
      (report.summary.revocationProposals ? `；撤销资格建议 ${report.summary.revocationProposals} 个` : ""),
    "",
    "评审组长（签字）：＿＿＿＿＿＿    评审专家（签字）：＿＿＿＿＿＿＿＿＿＿＿＿    日期：＿＿＿＿年＿＿月＿＿日",
  );
  // One report line per line: control characters in names and values are shown escaped, never obeyed.
  return lines.map(escapeControls).join("\n") + "\n";
}

/** What a run gives its caller: `--out` and `demo` make workbooks of it. */
export interface ScoreRun {
  /** Documents loaded (none read at all is a usage failure for the caller). */
  documents: number;
  result: ScoringResult;
  loaded: LoadedInputs;
}

export async function runScore(inputs: readonly string[], options: ScoreRunOptions, io: Io): Promise<ScoreRun> {
  const rubrics = readRubrics(options.rubricFiles, io.cwd);
  const loaded = await loadInputsAsync(inputs, { cwd: io.cwd, limits: options.settings.limits });
  const result = runScoring(loaded.documents, {
    settings: options.settings,
    today: options.today,
    rubrics,
    sheets: loaded.sheets,
    ...(options.accreditCount !== undefined ? { accreditCount: options.accreditCount } : {}),
  });
  const report = buildScoreReport(result, loaded.findings, loaded.inputs);
  io.stdout(options.json ? JSON.stringify(report, null, 2) + "\n" : formatScoreTextReport(report));
  const s = report.summary;
  io.stderr(
    `outlet-review score：评分表 ${loaded.sheets.length} 份；网点 ${s.outlets} 个，计分 ${s.scored} 个；` +
      `优秀 ${s.byGrade.excellent}、良好 ${s.byGrade.good}、合格 ${s.byGrade.pass}、不合格 ${s.byGrade.fail}\n`,
  );
  if (loaded.documents.length === 0) io.stderr("outlet-review：没有任何文档可以读取\n");
  return { documents: loaded.documents.length, result, loaded };
}
