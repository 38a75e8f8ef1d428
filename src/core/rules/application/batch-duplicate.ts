import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "batch/duplicate",
    article: "第八条",
    severity: "error",
    section: "A",
    description: "同一统一社会信用代码（org.creditCode）在本批申报中有不止一份申报书；每份各报告一条",
    descriptionEn: "The same credit code has more than one application in the batch: a finding on each of them",
    fields: ["org.creditCode"],
  },
  application(doc, ctx) {
    const code = doc.org.creditCode;
    if (!code) return;
    const positions: number[] = [];
    ctx.applications.forEach((a, i) => {
      if (a.org.creditCode === code) positions.push(i + 1);
    });
    if (positions.length < 2) return;
    ctx.report({
      path: "org.creditCode",
      message:
        `统一社会信用代码“${code}”在本批申报中有 ${positions.length} 份申报书（第 ${positions.join("、")} 份），` +
        "同一机构只应提交一份申报，请核实并合并或撤回重复的申报",
    });
  },
});
