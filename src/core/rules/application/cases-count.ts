import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "cases/count",
    article: "附件1 五",
    severity: "error",
    alsoSeverity: "warning",
    section: "A",
    description: "没有典型案例（cases 为空，错误）；或典型案例多于 2 个（警告；设置项 maxApplicationCases）",
    descriptionEn: "No case study (error); more than 2 (warning; setting maxApplicationCases)",
    fields: ["cases"],
  },
  application(doc, ctx) {
    const max = ctx.settings.maxApplicationCases;
    const n = doc.cases.length;
    if (n === 0) {
      ctx.report({
        path: "cases",
        severity: "error",
        message: `未填写典型案例，应填写 1–${max} 个知识产权信息公共服务典型案例`,
      });
    } else if (n > max) {
      ctx.report({
        path: "cases",
        severity: "warning",
        message: `典型案例 ${n} 个，多于 ${max} 个（应为 1–${max} 个）`,
      });
    }
  },
});
