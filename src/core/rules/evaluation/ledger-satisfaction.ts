import { defineRule } from "../types";

/** Percentage for messages: at most one decimal ("30%", "29.5%"). */
function percent(ratio: number): string {
  return `${Number((ratio * 100).toFixed(1))}%`;
}

export default defineRule({
  meta: {
    id: "ledger/satisfaction",
    article: "第十四条",
    severity: "warning",
    section: "B",
    description:
      "台账中有满意度评价的记录少于全部记录的 30%（设置项 minSatisfactionCoverage），或已评价记录的平均满意度低于 4.0（满分 5，设置项 minSatisfaction）；各报一次，台账为空时不检查",
    descriptionEn:
      "Fewer than 30% of ledger entries are rated (setting minSatisfactionCoverage), or the mean rating is below 4.0 of 5 (setting minSatisfaction); one finding each, skipped for an empty ledger",
    fields: ["entries[].satisfaction"],
  },
  ledger(doc, ctx) {
    const total = doc.entries.length;
    // An empty ledger is ledger/missing's finding.
    if (total === 0) return;
    const { minSatisfaction, minSatisfactionCoverage } = ctx.settings;
    let rated = 0;
    let sum = 0;
    for (let i = 0; i < total; i++) {
      const s = doc.entries[i]!.satisfaction;
      if (s === undefined) continue;
      rated++;
      sum += s;
    }
    // A ratio of counts, not rated < min × total: 0.3 × 10 is 3.0000000000000004 in floating point.
    const coverage = rated / total;
    if (coverage < minSatisfactionCoverage) {
      ctx.report({
        path: "entries",
        message: `有满意度评价的服务记录 ${rated} 条，占全部 ${total} 条的 ${percent(coverage)}，低于要求的 ${percent(minSatisfactionCoverage)}`,
      });
    }
    if (rated > 0) {
      const mean = sum / rated;
      if (mean < minSatisfaction) {
        ctx.report({
          path: "entries",
          message: `${rated} 条已评价记录的平均满意度为 ${mean.toFixed(2)}（满分 5），低于 ${minSatisfaction.toFixed(1)}`,
        });
      }
    }
  },
});
