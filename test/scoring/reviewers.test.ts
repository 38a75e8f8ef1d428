import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isReviewerScores, parseReviewerScores, reviewerScoresSchema } from "../../src/core/scoring/reviewers";

const DONGHU = "12440104455209812L";
const YUEXIN = "91440106MA5BL6RX97";

function sheetValue(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: "reviewerScores",
    reviewer: "专家A 陈教授",
    scores: [
      { outlet: DONGHU, criterion: "D1", score: 8.5 },
      { outlet: YUEXIN, criterion: "D1", score: 5 },
    ],
    conflicts: [],
    ...extra,
  };
}

describe("isReviewerScores", () => {
  it("recognises a sheet by its type or by its reviewer and scores keys", () => {
    expect(isReviewerScores(sheetValue())).toBe(true);
    expect(isReviewerScores({ reviewer: "专家A", scores: [] })).toBe(true);
    expect(isReviewerScores({ type: "reviewerScores" })).toBe(true);
  });

  it("does not take other documents for a sheet", () => {
    expect(isReviewerScores({ type: "application", org: {} })).toBe(false);
    expect(isReviewerScores({ reviewer: "专家A" })).toBe(false);
    expect(isReviewerScores([sheetValue()])).toBe(false);
    expect(isReviewerScores(null)).toBe(false);
    expect(isReviewerScores("reviewer")).toBe(false);
  });
});

describe("parseReviewerScores", () => {
  it("reads a sheet, normalising codes, ids and numbers written as text", () => {
    const { sheet, findings } = parseReviewerScores(
      {
        reviewer: "  专家B 李研究员 ",
        scores: [
          { outlet: " １２４４０１０４４５５２０９８１２ｌ ", criterion: " ｄ１", score: "８.５" },
          { outlet: YUEXIN, criterion: "d2", score: " 4 " },
          { outlet: YUEXIN, criterion: "D3", score: null },
          { outlet: YUEXIN, criterion: "D4", score: "" },
          { outlet: YUEXIN, criterion: "C4" },
        ],
        conflicts: [{ outlet: "124401114554122714", reason: " 本人为该校兼职教授 " }],
      },
      "li.json",
    );
    expect(findings).toEqual([]);
    expect(sheet).toEqual({
      reviewer: "专家B 李研究员",
      file: "li.json",
      pathPrefix: "",
      scores: [
        { outlet: DONGHU, criterion: "D1", score: 8.5, index: 0 },
        { outlet: YUEXIN, criterion: "D2", score: 4, index: 1 },
        // A blank is kept as null ("not scored"), never read as 0.
        { outlet: YUEXIN, criterion: "D3", score: null, index: 2 },
        { outlet: YUEXIN, criterion: "D4", score: null, index: 3 },
        { outlet: YUEXIN, criterion: "C4", score: null, index: 4 },
      ],
      conflicts: [{ outlet: "124401114554122714", reason: "本人为该校兼职教授", index: 0 }],
    });
  });

  it("keeps out-of-range numbers as given: the range is the rubric's, checked at consolidation", () => {
    const { sheet } = parseReviewerScores(
      sheetValue({ scores: [{ outlet: DONGHU, criterion: "D1", score: -2 }] }),
      null,
    );
    expect(sheet?.scores[0]?.score).toBe(-2);
  });

  it("defaults conflicts to none and accepts a sheet without type", () => {
    const { sheet, findings } = parseReviewerScores({ reviewer: "专家A", scores: [] }, null);
    expect(findings).toEqual([]);
    expect(sheet?.conflicts).toEqual([]);
  });

  it("drops an unreadable score entry only, with a Chinese finding at its path", () => {
    const value = sheetValue({
      scores: [
        { outlet: DONGHU, criterion: "D1", score: 8 },
        { outlet: DONGHU, criterion: "D2", score: "八分" },
        { outlet: DONGHU, criterion: "D3", score: 4, note: "好" },
      ],
    });
    const { sheet, findings } = parseReviewerScores(value, "chen.json", "[1]");
    expect(sheet?.scores.map((s) => s.criterion)).toEqual(["D1"]);
    expect(findings).toHaveLength(2);
    expect(findings[0]).toMatchObject({
      rule: "input/unreadable",
      severity: "error",
      file: "chen.json",
      path: "[1].scores[1].score",
      outlet: DONGHU,
    });
    expect(findings[0]!.message).toContain("“专家A 陈教授”");
    expect(findings[0]!.message).toContain("第 2 条评分");
    expect(findings[0]!.message).toContain("按未评分处理");
    expect(findings[1]!.path).toBe("[1].scores[2].note");
    expect(findings[1]!.message).toContain("未知字段");
  });

  it("rejects a sheet without a reviewer", () => {
    const { sheet, findings } = parseReviewerScores(sheetValue({ reviewer: "  " }), "x.json");
    expect(sheet).toBeUndefined();
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: "input/unreadable", path: "reviewer" });
    expect(findings[0]!.message).toContain("该评分表未载入");
  });

  it("rejects the whole sheet for a conflict without a reason: a recused reviewer must not be counted", () => {
    const { sheet, findings } = parseReviewerScores(sheetValue({ conflicts: [{ outlet: YUEXIN, reason: "" }] }), null);
    expect(sheet).toBeUndefined();
    expect(findings[0]).toMatchObject({ path: "conflicts[0].reason" });
    expect(findings[0]!.message).toContain("过小");
  });

  it("rejects unknown top-level keys, another type, and values that are not objects", () => {
    expect(parseReviewerScores(sheetValue({ comment: "x" }), null).findings[0]!.message).toContain(
      "未知字段 “comment”",
    );
    expect(parseReviewerScores(sheetValue({ type: "ledger" }), null).sheet).toBeUndefined();
    expect(parseReviewerScores(sheetValue({ scores: {} }), null).findings[0]!.message).toContain("列表");
    expect(parseReviewerScores([], "a.json").findings[0]!.message).toBe("评分表应为对象（{…}），实际为列表");
  });

  it("has a zod schema for the whole sheet", () => {
    expect(reviewerScoresSchema.safeParse(sheetValue()).success).toBe(true);
    expect(reviewerScoresSchema.safeParse(sheetValue({ scores: [{ outlet: "", criterion: "D1" }] })).success).toBe(
      false,
    );
  });
});

describe("sample reviewer sheets", () => {
  const dir = join(__dirname, "..", "..", "samples", "scores");
  const files = readdirSync(dir).filter((f) => f.endsWith(".json"));

  it("has five annual and five application sheets", () => {
    expect(files.filter((f) => f.startsWith("annual-"))).toHaveLength(5);
    expect(files.filter((f) => f.startsWith("application-"))).toHaveLength(5);
  });

  it.each(files)("%s is recognised by content and reads without findings", (file) => {
    const value: unknown = JSON.parse(readFileSync(join(dir, file), "utf8"));
    expect(isReviewerScores(value)).toBe(true);
    const { sheet, findings } = parseReviewerScores(value, file);
    expect(findings).toEqual([]);
    expect(sheet?.scores.length).toBeGreaterThan(0);
  });
});
