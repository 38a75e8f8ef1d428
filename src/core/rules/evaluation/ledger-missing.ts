import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "ledger/missing",
    article: "第十四条",
    severity: "error",
    section: "B",
    description:
      "名录中有效的网点（或提交了工作总结表的网点）在评估年度（设置项 year，默认取本批文档的年度）没有任何服务台账记录：未提交台账，或台账为空",
    descriptionEn:
      "An active registry outlet (or one with a summary) has no ledger entry for the evaluation year (setting year, else the batch's year): no ledger, or an empty one",
    fields: ["entries"],
  },
  outlet(subject, ctx) {
    const expected = subject.registryRecord?.status === "active" || subject.summaries.length > 0;
    if (!expected || subject.entriesInYear > 0) return;
    const year = subject.year;
    if (subject.ledgers.length === 0) {
      ctx.report({ message: `未提交 ${year} 年度服务情况记录台账，没有该年度的服务记录` });
      return;
    }
    const loaded = subject.ledgers.reduce((n, l) => n + l.entries.length, 0);
    ctx.report({
      message:
        loaded === 0
          ? `${year} 年度服务台账没有任何服务记录`
          : `${year} 年度服务台账的 ${loaded} 条记录中没有一条服务日期在 ${year} 年内`,
    });
  },
});
