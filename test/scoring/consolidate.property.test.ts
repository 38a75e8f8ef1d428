/** Properties of the consolidation that hold for any panel, checked on random panels with fast-check. */
import fc from "fast-check";
import { consolidate, type Consolidation, type ConsolidationSettings } from "../../src/core/scoring/consolidate";
import type { ReviewerSheet } from "../../src/core/scoring/reviewers";
import type { ExpertCriterion } from "../../src/core/scoring/rubric";

const SETTINGS: ConsolidationSettings = { method: "trimmed", trimFrom: 5, divergenceRatio: 0.4, leniencySd: 1 };
const POINTS = [4, 5, 10, 15];
const EPS = 1e-9;

interface Panel {
  subjects: { key: string; name: string | null }[];
  criteria: ExpertCriterion[];
  sheets: ReviewerSheet[];
}

/** A score: mostly valid (tenths), sometimes blank, sometimes out of range. */
function scoreArb(points: number): fc.Arbitrary<number | null> {
  return fc.oneof(
    { weight: 8, arbitrary: fc.integer({ min: 0, max: points * 10 }).map((t) => t / 10) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: fc.constantFrom(-1, points + 0.5) },
  );
}

const panelArb: fc.Arbitrary<Panel> = fc
  .record({
    subjectCount: fc.integer({ min: 1, max: 5 }),
    points: fc.array(fc.constantFrom(...POINTS), { minLength: 1, maxLength: 3 }),
    reviewerCount: fc.integer({ min: 1, max: 7 }),
  })
  .chain(({ subjectCount, points, reviewerCount }) => {
    const subjects = Array.from({ length: subjectCount }, (_, i) => ({ key: `S${i}`, name: `网点${i}` }));
    const criteria = points.map((p, i): ExpertCriterion => ({
      id: `D${i + 1}`,
      name: `评分项${i + 1}`,
      points: p,
      source: "expert",
      description: "",
    }));
    const sheetArb = (r: number): fc.Arbitrary<ReviewerSheet> =>
      fc
        .record({
          scores: fc.tuple(...subjects.flatMap(() => criteria.map((c) => scoreArb(c.points)))),
          conflicts: fc.subarray(subjects.map((s) => s.key)),
        })
        .map(({ scores, conflicts }) => ({
          reviewer: `专家${r}`,
          file: `r${r}.json`,
          pathPrefix: "",
          scores: subjects.flatMap((s, i) =>
            criteria.map((c, j) => {
              const index = i * criteria.length + j;
              return { outlet: s.key, criterion: c.id, score: scores[index]!, index };
            }),
          ),
          conflicts: conflicts.map((outlet, index) => ({ outlet, reason: "曾在该机构兼职", index })),
        }));
    return fc
      .tuple(...Array.from({ length: reviewerCount }, (_, r) => sheetArb(r)))
      .map((sheets) => ({ subjects, criteria, sheets }));
  });

function run(panel: Panel, settings = SETTINGS): Consolidation {
  return consolidate(panel.sheets, panel.subjects, panel.criteria, settings);
}

/** The result with every list whose order follows the reviewers' order put in a canonical order. */
function canonical(result: Consolidation): unknown {
  const byName = <T extends { reviewer: string }>(list: T[]): T[] =>
    [...list].sort((a, b) => (a.reviewer < b.reviewer ? -1 : a.reviewer > b.reviewer ? 1 : 0));
  return {
    ...result,
    subjects: result.subjects.map((s) => ({
      ...s,
      criteria: s.criteria.map((c) => ({ ...c, scores: byName(c.scores) })),
      excluded: byName(s.excluded),
      blanks: byName(s.blanks),
    })),
    reviewers: byName(result.reviewers),
    findings: result.findings.map((f) => JSON.stringify(f)).sort(),
  };
}

describe("consolidation properties", () => {
  it("official value, trimmed mean, median and mean lie within [min, max] of the valid scores", () => {
    fc.assert(
      fc.property(panelArb, fc.constantFrom<ConsolidationSettings["method"]>("mean", "trimmed"), (panel, method) => {
        const result = run(panel, { ...SETTINGS, method, trimFrom: 3 });
        for (const subject of result.subjects) {
          for (const c of subject.criteria) {
            expect(c.n).toBe(c.scores.length);
            if (c.n === 0) {
              expect([c.mean, c.median, c.trimmedMean, c.official, c.zNormalised]).toEqual([
                null,
                null,
                null,
                null,
                null,
              ]);
              continue;
            }
            const values = c.scores.map((s) => s.score);
            const lo = Math.min(...values);
            const hi = Math.max(...values);
            // Only valid scores are ever counted: never out of range, never clamped.
            expect(lo).toBeGreaterThanOrEqual(0);
            expect(hi).toBeLessThanOrEqual(c.points);
            for (const v of [c.mean, c.median, c.official, c.trimmedMean]) {
              if (v === null) continue;
              expect(v).toBeGreaterThanOrEqual(lo - EPS);
              expect(v).toBeLessThanOrEqual(hi + EPS);
            }
            expect(c.trimmedMean === null).toBe(c.n < 3);
            expect(c.zNormalised!).toBeGreaterThanOrEqual(0);
            expect(c.zNormalised!).toBeLessThanOrEqual(c.points);
            expect(c.spread).toBeCloseTo(hi - lo, 12);
          }
          expect(subject.complete).toBe(subject.criteria.every((c) => c.n > 0));
          expect(subject.expertSubtotal === null).toBe(!subject.complete);
        }
      }),
    );
  });

  it("does not depend on the order of the reviewers", () => {
    fc.assert(
      fc.property(
        panelArb.chain((panel) =>
          fc
            .shuffledSubarray(panel.sheets, { minLength: panel.sheets.length, maxLength: panel.sheets.length })
            .map((shuffled) => [panel, { ...panel, sheets: shuffled }] as const),
        ),
        ([panel, shuffled]) => {
          expect(canonical(run(shuffled))).toEqual(canonical(run(panel)));
        },
      ),
    );
  });

  it("keeps the z-normalised ranking of a lone reviewer when all their scores are scaled", () => {
    const D1: ExpertCriterion = { id: "D1", name: "典型案例", points: 10, source: "expert", description: "" };
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 10 }), { minLength: 2, maxLength: 8 }),
        fc.integer({ min: 1, max: 10 }),
        (scores, tenths) => {
          const subjects = scores.map((_, i) => ({ key: `S${i}`, name: null }));
          const sheetOf = (tenths: number): ReviewerSheet => ({
            reviewer: "专家A",
            file: null,
            pathPrefix: "",
            // Scaling by tenths/10 keeps every score a multiple of 0.1 within 0…10.
            scores: scores.map((s, i) => ({ outlet: `S${i}`, criterion: "D1", score: (s * tenths) / 10, index: i })),
            conflicts: [],
          });
          const z = (tenths: number): number[] =>
            consolidate([sheetOf(tenths)], subjects, [D1], SETTINGS).subjects.map((s) => s.criteria[0]!.zNormalised!);
          const before = z(10);
          const after = z(tenths);
          for (let i = 0; i < scores.length; i++) {
            for (let j = 0; j < scores.length; j++) {
              expect(Math.sign(after[i]! - after[j]!)).toBe(Math.sign(before[i]! - before[j]!));
            }
          }
        },
      ),
    );
  });
});
