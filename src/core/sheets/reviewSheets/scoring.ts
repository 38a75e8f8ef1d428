/**
 * The scoring sheets: 评审结果 (ranked, graded, with flags and reasons), 评分明细 (criterion by criterion, with the
 * reviewers' scores and every aggregate side by side), 专家 (leniency, conflicts) and one 评分表-<专家> per reviewer
 * with the scores that entered the aggregates. Pure.
 */
import { GRADE_LABELS } from "../../codes";
import { LENIENCY_LABELS } from "../../scoring/consolidate";
import { byRank, EVALUATION_LABELS } from "../../scoring/report";
import type { Evaluation, ScoringResult } from "../../scoring/score";
import type { CellValue, ColumnSpec, TableSheet } from "../model";
import { column, FORMATS, flag, joined, num, safeSheetName, tableSheet, text, yesNo } from "./common";

export const SCORING_SHEETS = {
  results: "评审结果",
  details: "评分明细",
  reviewers: "专家",
  reviewerPrefix: "评分表-",
} as const;

const SIGNED = "+0.0;-0.0;0.0";
const MAX_REASONS_NOTE = "……另有";

export function evaluationLabel(e: Evaluation): string {
  const label = EVALUATION_LABELS[e.kind];
  return e.kind === "annual" && e.year !== null ? `${e.year} ${label}` : label;
}

function score(header: string, key: string, width = 10): ColumnSpec {
  return column(key, header, "number", width, { numFmt: FORMATS.score });
}

const RESULT_COLUMNS: readonly ColumnSpec[] = [
  column("evaluation", "评审", "text", 20),
  column("rank", "名次", "integer", 7, { numFmt: "0" }),
  column("tie", "并列", "text", 6),
  column("outletName", "网点", "text", 30),
  column("outlet", "统一社会信用代码", "text", 22),
  score("自动评分", "autoSubtotal"),
  score("专家评分", "expertSubtotal"),
  score("总分", "total", 9),
  score("标准化总分", "totalNormalised", 11),
  column("grade", "等级", "text", 8),
  column("eligible", "符合认定条件", "text", 12),
  column("priority", "优先纳入", "text", 9),
  column("accredited", "拟认定", "text", 8),
  column("vetoed", "否决", "text", 6),
  column("revocationProposed", "撤销资格建议", "text", 12),
  column("flags", "标记", "longText", 50),
  column("reasons", "理由", "longText", 60),
  column("file", "文件", "text", 30),
];

function resultsSheet(scoring: ScoringResult): TableSheet {
  const rows: CellValue[][] = [];
  for (const e of scoring.evaluations) {
    const label = evaluationLabel(e);
    for (const o of byRank(e.outlets)) {
      const reasons = o.reasons.map((r) => `${r.message} [${r.rule}]`);
      if (o.reasonsMore > 0) reasons.push(`${MAX_REASONS_NOTE} ${o.reasonsMore} 项，见“问题清单”`);
      rows.push([
        label,
        o.rank,
        flag(o.tie),
        text(o.outletName) ?? o.outlet,
        o.outlet,
        num(o.autoSubtotal),
        num(o.expertSubtotal),
        num(o.total),
        num(o.totalNormalised),
        o.grade ? GRADE_LABELS[o.grade] : null,
        e.kind === "application" ? yesNo(o.eligible) : null,
        flag(o.priority),
        flag(o.accredited),
        flag(o.vetoed),
        flag(o.revocationProposed),
        joined(o.flags, "；"),
        joined(reasons, "\n"),
        text(o.file),
      ]);
    }
  }
  return tableSheet(SCORING_SHEETS.results, "Results", RESULT_COLUMNS, rows, 4);
}

const DETAIL_COLUMNS: readonly ColumnSpec[] = [
  column("evaluation", "评审", "text", 20),
  column("outletName", "网点", "text", 30),
  column("outlet", "统一社会信用代码", "text", 22),
  column("criterion", "评分项", "text", 7),
  column("name", "评分项名称", "text", 30),
  column("source", "来源", "text", 6),
  column("points", "分值", "number", 7, { numFmt: "General" }),
  column("x", "指标值 x", "number", 10, { numFmt: "General" }),
  column("unit", "单位", "text", 6),
  column("floor", "起点", "number", 7, { numFmt: "General" }),
  column("target", "目标", "number", 7, { numFmt: "General" }),
  score("得分", "score", 8),
  column("n", "专家人数", "integer", 9),
  column("scores", "各专家评分", "text", 36),
  column("mean", "平均", "number", 8, { numFmt: FORMATS.mean }),
  column("trimmedMean", "去高去低平均", "number", 12, { numFmt: FORMATS.mean }),
  column("median", "中位数", "number", 8, { numFmt: FORMATS.mean }),
  column("zNormalised", "标准化", "number", 8, { numFmt: FORMATS.mean }),
  column("method", "采用", "text", 12),
  column("spread", "极差", "number", 7, { numFmt: FORMATS.mean }),
  column("divergent", "评分分歧", "text", 9),
];

/** Shares (unit "%") are stored 0–1: shown here as percentages, as on the scoring sheet. */
function scaled(value: number | null, unit: string): CellValue {
  if (value === null || !Number.isFinite(value)) return null;
  return unit === "%" ? Math.round(value * 1000) / 10 : Math.round(value * 100) / 100;
}

function detailsSheet(scoring: ScoringResult): TableSheet {
  const rows: CellValue[][] = [];
  for (const e of scoring.evaluations) {
    const label = evaluationLabel(e);
    for (const o of byRank(e.outlets)) {
      for (const c of o.criteria) {
        const who = [text(o.outletName) ?? o.outlet, o.outlet];
        if (c.source === "auto") {
          rows.push([
            label,
            ...who,
            c.criterion,
            c.name,
            "自动",
            c.points,
            scaled(c.x, c.unit),
            text(c.unit),
            scaled(c.floor, c.unit),
            scaled(c.target, c.unit),
            c.score,
            ...Array<CellValue>(8).fill(null),
          ]);
        } else {
          const trimmed = c.method === "trimmed" && c.trimmedMean !== null;
          rows.push([
            label,
            ...who,
            c.criterion,
            c.name,
            "专家",
            c.points,
            null,
            null,
            null,
            null,
            num(c.official),
            c.n,
            joined(
              c.scores.map((s) => `${s.reviewer}：${s.score}`),
              "；",
            ),
            num(c.mean),
            num(c.trimmedMean),
            num(c.median),
            num(c.zNormalised),
            c.n ? (trimmed ? "去高去低平均" : "平均") : null,
            num(c.spread),
            flag(c.divergent),
          ]);
        }
      }
    }
  }
  return tableSheet(SCORING_SHEETS.details, "ScoreDetails", DETAIL_COLUMNS, rows, 4);
}

const REVIEWER_COLUMNS: readonly ColumnSpec[] = [
  column("evaluation", "评审", "text", 20),
  column("reviewer", "专家", "text", 18),
  column("outlets", "评分网点数", "integer", 10),
  column("complete", "完整评分网点数", "integer", 14),
  score("平均专家总分", "meanTotal", 12),
  column("bias", "与评审组均值之差", "number", 16, { numFmt: SIGNED }),
  column("flag", "偏松/偏严", "text", 10),
  column("blanks", "空白项", "integer", 8),
  column("conflicts", "回避", "longText", 40),
  column("files", "评分表文件", "text", 30),
];

function reviewersSheet(scoring: ScoringResult): TableSheet {
  const rows: CellValue[][] = [];
  for (const e of scoring.evaluations) {
    const names = new Map(e.outlets.map((o) => [o.outlet, o.outletName]));
    for (const r of e.reviewers) {
      rows.push([
        evaluationLabel(e),
        r.reviewer,
        r.outlets.length,
        r.totals.length,
        num(r.meanTotal),
        num(r.bias),
        r.flag ? LENIENCY_LABELS[r.flag] : null,
        r.blanks,
        joined(
          r.conflicts.map((c) => `${names.get(c.outlet) ?? c.outlet}（${c.reason}）`),
          "\n",
        ),
        joined(r.files),
      ]);
    }
  }
  return tableSheet(SCORING_SHEETS.reviewers, "Reviewers", REVIEWER_COLUMNS, rows, 2);
}

/** One sheet per reviewer: each outlet they scored or recused from, their valid score per expert criterion. */
function reviewerSheets(scoring: ScoringResult, taken: Set<string>): TableSheet[] {
  const reviewers: string[] = [];
  for (const e of scoring.evaluations)
    for (const r of e.reviewers) if (!reviewers.includes(r.reviewer)) reviewers.push(r.reviewer);
  return reviewers.map((reviewer, index) => {
    const evaluations = scoring.evaluations.filter((e) => e.reviewers.some((r) => r.reviewer === reviewer));
    // Expert criteria of the rubrics this reviewer took part in, in rubric order.
    const criteria: { id: string; name: string; points: number }[] = [];
    for (const e of evaluations) {
      for (const o of e.outlets) {
        for (const c of o.criteria) {
          if (c.source === "expert" && !criteria.some((k) => k.id === c.criterion))
            criteria.push({ id: c.criterion, name: c.name, points: c.points });
        }
      }
    }
    const columns: ColumnSpec[] = [
      column("evaluation", "评审", "text", 20),
      column("outletName", "网点", "text", 30, {
        note: "本表为该专家计入汇总的有效评分；超出分值范围、重复填写或回避后的评分不在此列，见“问题清单”",
      }),
      column("outlet", "统一社会信用代码", "text", 22),
      ...criteria.map((c) =>
        column(c.id, `${c.id} ${c.name}`, "number", 12, { numFmt: "General", note: `满分 ${c.points} 分` }),
      ),
      score("合计", "total", 8),
      column("conflict", "回避", "text", 30),
    ];
    const rows: CellValue[][] = [];
    for (const e of evaluations) {
      const r = e.reviewers.find((x) => x.reviewer === reviewer)!;
      const totals = new Map(r.totals.map((t) => [t.outlet, t.total]));
      for (const o of byRank(e.outlets)) {
        const recused = o.excluded.find((x) => x.reviewer === reviewer);
        if (!r.outlets.includes(o.outlet) && !recused) continue;
        const own = new Map<string, number>();
        for (const c of o.criteria) {
          if (c.source !== "expert") continue;
          const s = c.scores.find((x) => x.reviewer === reviewer);
          if (s) own.set(c.criterion, s.score);
        }
        rows.push([
          evaluationLabel(e),
          text(o.outletName) ?? o.outlet,
          o.outlet,
          ...criteria.map((c) => own.get(c.id) ?? null),
          num(totals.get(o.outlet)),
          recused ? recused.reason : null,
        ]);
      }
    }
    const name = safeSheetName(`${SCORING_SHEETS.reviewerPrefix}${reviewer}`, taken);
    taken.add(name.toLowerCase());
    return tableSheet(name, `Reviewer_${index + 1}`, columns, rows, 2);
  });
}

/** 评审结果, 评分明细, 专家 and the reviewers' sheets; `taken` holds the (lower-case) names already in the workbook. */
export function scoringSheets(scoring: ScoringResult, taken: Set<string>): TableSheet[] {
  const sheets = [resultsSheet(scoring), detailsSheet(scoring), reviewersSheet(scoring)];
  for (const s of sheets) taken.add(s.name.toLowerCase());
  return [...sheets, ...reviewerSheets(scoring, taken)];
}
