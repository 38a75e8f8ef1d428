/**
 * Reviewers' scores as input: for now one JSON document per reviewer (评分表), recognised by its
 * content. Pure: the caller reads the file and passes the parsed JSON value.
 *
 *   {"type": "reviewerScores", "reviewer": "专家A 陈教授",
 *    "scores": [{"outlet": "12440104455209812L", "criterion": "D1", "score": 8.5}, …],
 *    "conflicts": [{"outlet": "91440106MA5BL6RX97", "reason": "近三年曾在该机构兼职"}]}
 *
 * A blank (`null`, an empty text, or no `score` key) is "not scored", never 0. The range of a
 * score (0…points) depends on the rubric, so it is checked at consolidation, where an
 * out-of-range score becomes a finding instead of being clamped.
 */
import { z } from "zod";
import type { Finding } from "../findings";
import { describeIssue, joinPath, unreadable } from "../parse";
import { normaliseCode, show, toHalfWidth } from "../text";

export const REVIEWER_SCORES_TYPE = "reviewerScores";
/** Per sheet, further problems are summarised in one finding (as for documents in parse.ts). */
const MAX_ISSUES = 20;

const code = z.preprocess((v) => (typeof v === "string" ? normaliseCode(v, true) : v), z.string().min(1));

/** A number, or a number written as text ("８.５", " 7 "); blank text is a blank. Anything else is rejected. */
const scoreValue = z
  .preprocess((v) => {
    if (typeof v !== "string") return v;
    const s = toHalfWidth(v).trim();
    if (s === "") return null;
    return /^-?\d+(\.\d+)?$/u.test(s) ? Number(s) : v;
  }, z.number().nullable())
  .optional()
  .transform((v) => v ?? null);

export const reviewerScoreEntrySchema = z.strictObject({
  /** Credit code of the outlet (or applicant). */
  outlet: code,
  /** Criterion id of the rubric (D1, E3…). */
  criterion: code,
  score: scoreValue,
});

export const reviewerConflictSchema = z.strictObject({
  outlet: code,
  /** 回避理由: required, since a conflict declared without one cannot be reviewed by the panel. */
  reason: z.string().trim().min(1),
});

export const reviewerScoresSchema = z.strictObject({
  type: z.literal(REVIEWER_SCORES_TYPE).optional(),
  reviewer: z.string().trim().min(1),
  scores: z.array(reviewerScoreEntrySchema),
  conflicts: z.array(reviewerConflictSchema).default([]),
});
export type ReviewerScores = z.infer<typeof reviewerScoresSchema>;

/** The sheet without its score entries, which are read one by one so that one typo loses one cell. */
const headerSchema = reviewerScoresSchema.extend({ scores: z.array(z.unknown()) });

export interface ReviewerSheetScore {
  outlet: string;
  criterion: string;
  /** null: blank (not scored). */
  score: number | null;
  /** Index of the entry in the file's `scores` array (for the path of a finding). */
  index: number;
}

export interface ReviewerSheet {
  reviewer: string;
  /** File the sheet came from, or null for in-memory input. */
  file: string | null;
  /** Path prefix inside the file: "" for a single document, "[2]" for the third of an array. */
  pathPrefix: string;
  scores: ReviewerSheetScore[];
  conflicts: { outlet: string; reason: string; index: number }[];
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Recognises a reviewer's sheet by its content: `type: "reviewerScores"`, or `reviewer` and `scores` keys. */
export function isReviewerScores(value: unknown): boolean {
  if (!isPlainObject(value)) return false;
  if (value.type === REVIEWER_SCORES_TYPE) return true;
  return "reviewer" in value && "scores" in value;
}

/**
 * Parses one reviewer's sheet. A problem in the sheet itself (no reviewer, `scores` not a list, a
 * malformed 回避声明) rejects the sheet: dropping a conflict would silently count a recused
 * reviewer. A malformed score entry drops that entry only (it then counts as a blank).
 */
export function parseReviewerScores(
  value: unknown,
  file: string | null,
  pathPrefix = "",
): { sheet?: ReviewerSheet; findings: Finding[] } {
  const findings: Finding[] = [];
  if (!isPlainObject(value)) {
    const what = Array.isArray(value) ? "列表" : value === null ? "null" : typeof value;
    findings.push(unreadable(file, pathPrefix || null, `评分表应为对象（{…}），实际为${what}`));
    return { findings };
  }
  const reviewerName = typeof value.reviewer === "string" ? value.reviewer.trim() : "";
  const who = reviewerName ? `评审专家${show(reviewerName)}的评分表` : "评分表";

  const header = headerSchema.safeParse(value, { reportInput: true });
  if (!header.success) {
    const issues = header.error.issues;
    for (const issue of issues.slice(0, MAX_ISSUES)) {
      const { path, message } = describeIssue(issue);
      findings.push(unreadable(file, joinPath(pathPrefix, path), `${who}：${message}，该评分表未载入`));
    }
    if (issues.length > MAX_ISSUES) {
      findings.push(unreadable(file, pathPrefix || null, `${who}另有 ${issues.length - MAX_ISSUES} 处格式问题未列出`));
    }
    return { findings };
  }

  const scores: ReviewerSheetScore[] = [];
  let rejected = 0;
  header.data.scores.forEach((raw, index) => {
    const parsed = reviewerScoreEntrySchema.safeParse(raw, { reportInput: true });
    if (parsed.success) {
      scores.push({ ...parsed.data, index });
      return;
    }
    rejected++;
    if (rejected > MAX_ISSUES) return;
    const issue = parsed.error.issues[0]!;
    const { path, message } = describeIssue(issue);
    const more = parsed.error.issues.length > 1 ? `（另有 ${parsed.error.issues.length - 1} 处问题）` : "";
    const outlet =
      isPlainObject(raw) && typeof raw.outlet === "string" && raw.outlet.trim()
        ? normaliseCode(raw.outlet, true)
        : null;
    findings.push(
      unreadable(
        file,
        joinPath(pathPrefix, `scores[${index}]${path ? (path.startsWith("[") ? "" : ".") + path : ""}`),
        `${who}第 ${index + 1} 条评分：${message}${more}，该条未载入（按未评分处理）`,
        { outlet },
      ),
    );
  });
  if (rejected > MAX_ISSUES) {
    findings.push(
      unreadable(file, joinPath(pathPrefix, "scores"), `${who}另有 ${rejected - MAX_ISSUES} 条评分无法读取`),
    );
  }

  const sheet: ReviewerSheet = {
    reviewer: header.data.reviewer,
    file,
    pathPrefix,
    scores,
    conflicts: header.data.conflicts.map((c, index) => ({ ...c, index })),
  };
  return { sheet, findings };
}
