import { gradeOf, rank, type RankInput } from "../../src/core/scoring/rank";
import { rubricSchema } from "../../src/core/scoring/rubric";

const rubric = rubricSchema.parse({
  id: "t",
  version: "1",
  kind: "annual",
  name: "测试",
  criteria: [{ id: "D1", name: "专家", points: 100, source: "expert" }],
});

const subject = (
  key: string,
  total: number | null,
  expert: number | null,
  auto = 0,
  extra: Partial<RankInput> = {},
): RankInput => ({
  key,
  total,
  expertSubtotal: expert,
  autoSubtotal: auto,
  priority: false,
  vetoed: false,
  ...extra,
});

describe("grades", () => {
  it.each([
    [95, "excellent"],
    [90, "excellent"],
    [89.9, "good"],
    [80, "good"],
    [60, "pass"],
    [59.9, "fail"],
    [0, "fail"],
  ])("%d → %s", (total, grade) => expect(gradeOf(total, rubric, false)).toBe(grade));
  it("a veto forces 不合格 whatever the score", () => expect(gradeOf(97, rubric, true)).toBe("fail"));
  it("no total, no grade", () => expect(gradeOf(null, rubric, false)).toBeNull());
});

describe("ranking", () => {
  it("orders by total, then expert subtotal, then auto subtotal; what stays equal is 并列", () => {
    const r = rank(
      [
        subject("a", 85, 20, 65),
        subject("b", 90, 25, 65),
        subject("c", 85, 22, 63),
        subject("d", 85, 22, 63),
        subject("e", 70, 10, 60),
      ],
      { usePriority: false, accreditCount: null },
    );
    expect(r.map((x) => [x.key, x.rank, x.tie])).toEqual([
      ["a", 4, false],
      ["b", 1, false],
      ["c", 2, true],
      ["d", 2, true],
      ["e", 5, false],
    ]);
  });

  it("for applications 优先纳入 is the first tie-break, before the expert subtotal", () => {
    const r = rank([subject("a", 80, 50, 30), subject("b", 80, 45, 35, { priority: true })], {
      usePriority: true,
      accreditCount: 1,
    });
    expect(r.map((x) => [x.key, x.rank, x.accredited])).toEqual([
      ["a", 2, false],
      ["b", 1, true],
    ]);
  });

  it("unscored subjects are not ranked; vetoed ones rank after all others", () => {
    const r = rank(
      [subject("v", 95, 25, 70, { vetoed: true }), subject("x", null, null, 40), subject("y", 61, 20, 41)],
      {
        usePriority: false,
        accreditCount: null,
      },
    );
    expect(r.map((x) => [x.key, x.rank])).toEqual([
      ["v", 2],
      ["x", null],
      ["y", 1],
    ]);
  });

  it("marks the number to accredit and a tie that straddles the line", () => {
    const r = rank(
      [subject("a", 90, 30, 60), subject("b", 80, 30, 50), subject("c", 80, 30, 50), subject("d", 70, 20, 50)],
      {
        usePriority: false,
        accreditCount: 2,
      },
    );
    expect(r.map((x) => [x.key, x.rank, x.accredited, x.tieAtCut])).toEqual([
      ["a", 1, true, false],
      ["b", 2, true, true],
      ["c", 2, true, true],
      ["d", 4, false, false],
    ]);
  });
});
