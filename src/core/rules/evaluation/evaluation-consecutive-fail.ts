import { GRADE_LABELS } from "../../codes";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "evaluation/consecutive-fail",
    article: "第十八条",
    severity: "error",
    section: "B",
    description:
      "本年度评估结果为不合格（评分结果、名录中本年度的评估记录，或本年度存在年度评估的错误级问题即否决项），且名录中上一年度评估结果也为不合格：" +
      "连续两个年度评估不合格，建议撤销网点资格",
    descriptionEn:
      "This year's grade is fail (from scoring, the registry's record for the year, or a veto: an open section-B error) " +
      "and the registry's grade for the previous year is fail: propose revoking the accreditation",
    fields: ["evaluations[].year", "evaluations[].grade"],
  },
  outlet(subject, ctx) {
    if (subject.grade !== "fail") return;
    const previous = subject.registryRecord?.evaluations.find((e) => e.year === subject.year - 1);
    if (previous?.grade !== "fail") return;
    const score = previous.score !== undefined ? `（${previous.score} 分）` : "";
    const basis = subject.gradeSource === "veto" ? `（存在 ${subject.openErrors} 个否决项，不论得分均为不合格）` : "";
    ctx.report({
      message: `${subject.year} 年度评估结果为${GRADE_LABELS.fail}${basis}，${previous.year} 年度评估结果也为${GRADE_LABELS.fail}${score}：连续两个年度评估不合格，建议撤销该网点资格（撤销资格建议）`,
    });
  },
});
