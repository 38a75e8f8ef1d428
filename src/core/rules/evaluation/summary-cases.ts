import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "summary/cases",
    article: "附件3 三",
    severity: "error",
    alsoSeverity: "warning",
    section: "B",
    description: "工作总结表没有典型案例（错误），或典型案例多于 3 个（警告；设置项 maxSummaryCases）",
    descriptionEn: "The summary has no typical case (error), or more than 3 (warning; setting maxSummaryCases)",
    fields: ["cases"],
  },
  annualSummary(doc, ctx) {
    const max = ctx.settings.maxSummaryCases;
    const n = doc.cases.length;
    if (n === 0) {
      ctx.report({ path: "cases", message: `典型案例未填写，应填写 1–${max} 个`, severity: "error" });
    } else if (n > max) {
      ctx.report({ path: "cases", message: `典型案例 ${n} 个，多于 ${max} 个`, severity: "warning" });
    }
  },
});
