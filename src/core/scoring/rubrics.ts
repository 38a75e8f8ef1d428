/**
 * Loading a rubric: the zod schema of rubric.ts, plus what the schema cannot know — that every auto criterion
 * names a metric of the registry, of the rubric's own kind. A bad rubric is an error naming the key, in Chinese,
 * in the manner of `ConfigError` (config.ts). The two defaults of RUBRIC.md ship as JSON beside this file.
 */
import { z } from "zod";
import { formatPath } from "../parse";
import annualDefault from "./rubrics/annual.json";
import applicationDefault from "./rubrics/application.json";
import { getMetric } from "./metrics";
import { rubricSchema, type Rubric, type RubricKind } from "./rubric";

const KIND_LABELS: Record<RubricKind, string> = { annual: "服务效能评价", application: "认定评审" };

export class RubricError extends Error {
  constructor(
    message: string,
    /** Path of the first bad key, e.g. `criteria[3].floor`, or `(根)` for the rubric as a whole. */
    readonly key: string,
  ) {
    super(message);
    this.name = "RubricError";
  }
}

interface Problem {
  key: string;
  message: string;
}

/** `criteria[3].floor` reads better with the criterion's id beside it: `criteria[3].floor（A4）`. */
function criterionHint(input: unknown, path: readonly PropertyKey[]): string {
  if (path[0] !== "criteria" || typeof path[1] !== "number") return "";
  const criteria = (input as { criteria?: unknown } | null)?.criteria;
  const id = Array.isArray(criteria) ? (criteria[path[1]] as { id?: unknown } | undefined)?.id : undefined;
  return typeof id === "string" && id !== "" ? `（${id}）` : "";
}

function schemaProblems(input: unknown, issues: readonly z.core.$ZodIssue[]): Problem[] {
  return issues.map((issue) => {
    const unknownKey = issue.code === "unrecognized_keys";
    const path = unknownKey ? [...issue.path, issue.keys[0]!] : issue.path;
    const key = formatPath(path) || "(根)";
    const message = unknownKey
      ? `未知的字段${issue.keys.length > 1 ? `（另有 ${issue.keys.slice(1).join("、")}）` : ""}`
      : issue.message;
    return { key, message: `${key}${criterionHint(input, path)}：${message}` };
  });
}

function metricProblems(rubric: Rubric): Problem[] {
  const problems: Problem[] = [];
  rubric.criteria.forEach((c, i) => {
    if (c.source !== "auto") return;
    const key = `criteria[${i}].metric`;
    const metric = getMetric(c.metric);
    if (!metric) {
      problems.push({ key, message: `${key}（${c.id}）：没有指标“${c.metric}”` });
    } else if (metric.kind !== rubric.kind) {
      problems.push({
        key,
        message:
          `${key}（${c.id}）：指标“${c.metric}”（${metric.label}）属于${KIND_LABELS[metric.kind]}，` +
          `不能用于${KIND_LABELS[rubric.kind]}（kind: ${rubric.kind}）`,
      });
    }
  });
  return problems;
}

/**
 * Validates a rubric (parsed JSON, or the 评分标准 sheet read as an object) and fills in defaults. Throws a
 * RubricError whose `key` is the first bad key and whose message lists every problem found.
 */
export function parseRubric(input: unknown): Rubric {
  // Chinese messages for zod's own issues, for this parse only: the global zod config is left alone.
  const result = rubricSchema.safeParse(input, { error: z.locales.zhCN().localeError });
  if (!result.success) throw rubricError(schemaProblems(input, result.error.issues));
  const problems = metricProblems(result.data);
  if (problems.length > 0) throw rubricError(problems);
  return result.data;
}

function rubricError(problems: readonly Problem[]): RubricError {
  return new RubricError(`评分标准有误：${problems.map((p) => p.message).join("；")}`, problems[0]?.key ?? "(根)");
}

/** The defaults of RUBRIC.md, validated on load like any other rubric file. */
export const DEFAULT_RUBRICS: Readonly<Record<RubricKind, Rubric>> = Object.freeze({
  annual: parseRubric(annualDefault),
  application: parseRubric(applicationDefault),
});
