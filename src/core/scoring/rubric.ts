/**
 * Scoring rubrics (RUBRIC.md) as validated data: a bureau that publishes its own 附件4 replaces
 * the JSON file, not the code. Validation catches what would silently skew a result: points that
 * do not sum to 100, duplicate ids, a floor at or above its target, an unknown metric.
 */
import { z } from "zod";
import { GRADES } from "../codes";

export const RUBRIC_KINDS = ["annual", "application"] as const;
export type RubricKind = (typeof RUBRIC_KINDS)[number];

export const CONSOLIDATION_METHODS = ["mean", "trimmed"] as const;

const autoCriterion = z.strictObject({
  id: z.string().regex(/^[A-Z][0-9]{1,2}$/u, { message: "编号应为一个大写字母加数字，如 A1" }),
  name: z.string().min(1),
  points: z.number().positive(),
  source: z.literal("auto"),
  /** Key of a metric in the metrics registry (what x is). */
  metric: z.string().min(1),
  /** `linear`: points × clamp((x − floor)/(target − floor), 0, 1). `all-or-nothing`: full points when x ≥ target, else 0. */
  mode: z.enum(["linear", "all-or-nothing"]).default("linear"),
  floor: z.number().default(0),
  target: z.number(),
  /** Unit shown beside x (次, 个, 人次, %, 分, m²…). */
  unit: z.string().default(""),
  description: z.string().default(""),
});

const expertCriterion = z.strictObject({
  id: z.string().regex(/^[A-Z][0-9]{1,2}$/u, { message: "编号应为一个大写字母加数字，如 D1" }),
  name: z.string().min(1),
  points: z.number().positive(),
  source: z.literal("expert"),
  description: z.string().default(""),
});

export const criterionSchema = z.discriminatedUnion("source", [autoCriterion, expertCriterion]);
export type Criterion = z.infer<typeof criterionSchema>;
export type AutoCriterion = z.infer<typeof autoCriterion>;
export type ExpertCriterion = z.infer<typeof expertCriterion>;

export const rubricSchema = z
  .strictObject({
    id: z.string().min(1),
    version: z.string().min(1),
    kind: z.enum(RUBRIC_KINDS),
    name: z.string().min(1),
    /** Grade bands, best first: the lowest score of each; below the last band is 不合格 (fail). */
    grades: z
      .array(z.strictObject({ grade: z.enum(GRADES), min: z.number().min(0).max(100) }))
      .min(1)
      .default([
        { grade: "excellent", min: 90 },
        { grade: "good", min: 80 },
        { grade: "pass", min: 60 },
      ]),
    consolidation: z
      .strictObject({
        /** Official method, fixed before scoring: plain mean, or trimmed mean from `trimFrom` reviewers. */
        method: z.enum(CONSOLIDATION_METHODS).default("trimmed"),
        trimFrom: z.number().int().min(3).default(5),
        /** 评分分歧: a criterion whose scores spread (max − min) more than this share of its points. */
        divergenceRatio: z.number().gt(0).max(1).default(0.4),
        /** 偏松/偏严: a reviewer whose mean deviates from the panel by more than this many panel SDs. */
        leniencySd: z.number().positive().default(1),
      })
      .prefault({}),
    /** Relative mode: each auto criterion's target becomes the best value in the batch. */
    relative: z.boolean().default(false),
    /** Applications only: how many outlets to accredit (null: no cut, rank only). */
    accreditCount: z.number().int().positive().nullable().default(null),
    /** Blind review: scoring sheets show a stable code (网点-07) instead of the outlet's name. */
    blind: z.boolean().default(false),
    criteria: z.array(criterionSchema).min(1),
  })
  .superRefine((rubric, ctx) => {
    const total = rubric.criteria.reduce((s, c) => s + c.points, 0);
    if (Math.abs(total - 100) > 1e-9) {
      ctx.addIssue({ code: "custom", path: ["criteria"], message: `各项分值之和为 ${total}，应为 100` });
    }
    const seen = new Set<string>();
    rubric.criteria.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: "custom", path: ["criteria", i, "id"], message: `编号 ${c.id} 重复` });
      seen.add(c.id);
      if (c.source === "auto" && c.mode === "linear" && !(c.floor < c.target)) {
        ctx.addIssue({
          code: "custom",
          path: ["criteria", i, "floor"],
          message: `${c.id} 的起点（floor ${c.floor}）应低于目标值（target ${c.target}）`,
        });
      }
    });
    for (let i = 1; i < rubric.grades.length; i++) {
      if (!(rubric.grades[i]!.min < rubric.grades[i - 1]!.min)) {
        ctx.addIssue({ code: "custom", path: ["grades", i, "min"], message: "等级分数线应从高到低排列" });
      }
    }
    if (rubric.accreditCount !== null && rubric.kind !== "application") {
      ctx.addIssue({
        code: "custom",
        path: ["accreditCount"],
        message: "拟认定数量只适用于认定评审（kind: application）",
      });
    }
  });

export type Rubric = z.infer<typeof rubricSchema>;
export type RubricInput = z.input<typeof rubricSchema>;
