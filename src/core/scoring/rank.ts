/**
 * Grades and ranking of a scored batch (RUBRIC.md "Grades"): bands, vetoes, tie-breaks, 并列,
 * and for applications the number to accredit.
 */
import type { Grade } from "../codes";
import type { Rubric } from "./rubric";

export function gradeOf(total: number | null, rubric: Rubric, vetoed: boolean): Grade | null {
  if (vetoed) return "fail";
  if (total === null) return null;
  for (const band of rubric.grades) if (total >= band.min - 1e-9) return band.grade;
  return "fail";
}

export interface RankInput {
  key: string;
  /** Null when the subject is not scored (incomplete, or an ineligible application). */
  total: number | null;
  expertSubtotal: number | null;
  autoSubtotal: number;
  /** 优先纳入 (applications): the first tie-break. */
  priority: boolean;
  /** Vetoed outlets are 不合格 whatever the score and rank after every outlet without a veto. */
  vetoed: boolean;
}

export interface RankResult {
  key: string;
  /** 1-based; equal for 并列; null when not ranked. */
  rank: number | null;
  /** Shares its rank with another subject after every tie-break. */
  tie: boolean;
  /** Within the number to accredit (拟认定); null when no number is set or not ranked. */
  accredited: boolean | null;
  /** A tie that straddles the accreditation line (the panel must decide). */
  tieAtCut: boolean;
}

/** Order: no veto first; total; then 优先纳入 (when `usePriority`), expert subtotal, auto subtotal. */
function compare(a: RankInput, b: RankInput, usePriority: boolean): number {
  if (a.vetoed !== b.vetoed) return a.vetoed ? 1 : -1;
  const d = (x: number, y: number) => (Math.abs(x - y) < 1e-9 ? 0 : y - x);
  return (
    d(a.total!, b.total!) ||
    (usePriority && a.priority !== b.priority ? (a.priority ? -1 : 1) : 0) ||
    d(a.expertSubtotal ?? 0, b.expertSubtotal ?? 0) ||
    d(a.autoSubtotal, b.autoSubtotal)
  );
}

export function rank(
  inputs: readonly RankInput[],
  options: { usePriority: boolean; accreditCount: number | null },
): RankResult[] {
  const ranked = inputs.filter((s) => s.total !== null).sort((a, b) => compare(a, b, options.usePriority));
  const out = new Map<string, RankResult>();
  let previous: RankInput | undefined;
  let currentRank = 0;
  ranked.forEach((s, i) => {
    if (!previous || compare(previous, s, options.usePriority) !== 0) currentRank = i + 1;
    out.set(s.key, { key: s.key, rank: currentRank, tie: false, accredited: null, tieAtCut: false });
    previous = s;
  });
  const byRank = new Map<number, RankResult[]>();
  for (const r of out.values()) byRank.set(r.rank!, [...(byRank.get(r.rank!) ?? []), r]);
  for (const group of byRank.values()) if (group.length > 1) for (const r of group) r.tie = true;

  if (options.accreditCount !== null) {
    const vetoed = new Set(inputs.filter((s) => s.vetoed).map((s) => s.key));
    for (const r of out.values()) {
      const groupEnd = r.rank! + (byRank.get(r.rank!)!.length - 1);
      const eligible = !vetoed.has(r.key);
      r.accredited = eligible && r.rank! <= options.accreditCount;
      r.tieAtCut = eligible && r.tie && r.rank! <= options.accreditCount && groupEnd > options.accreditCount;
    }
  }
  return inputs.map(
    (s) =>
      out.get(s.key) ?? {
        key: s.key,
        rank: null,
        tie: false,
        accredited: options.accreditCount === null ? null : false,
        tieAtCut: false,
      },
  );
}
