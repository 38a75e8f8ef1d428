import { TIER_LABELS } from "../../catalog";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "ledger/low-cost-quote",
    article: "第十四条",
    severity: "warning",
    section: "B",
    description:
      "台账中的低成本专业化服务或增值服务既未记录报价（quote），也未记录收费金额（fee；收费 0 元视为已记录）",
    descriptionEn:
      "A low-cost or value-added service in the ledger records neither quote nor fee (a fee of 0 counts as recorded)",
    fields: ["entries[].item", "entries[].quote", "entries[].fee"],
  },
  ledger(doc, ctx) {
    doc.entries.forEach((e, i) => {
      const item = ctx.items[i];
      if (!item || item.tier === "basic") return;
      if (e.quote !== undefined || e.fee !== undefined) return;
      ctx.reportEntry(
        i,
        "quote",
        `${ctx.entryLabel(i)}：${TIER_LABELS[item.tier]}“${item.name}”未记录报价（quote），也未记录收费金额（fee），应记录低成本专业服务报价`,
      );
    });
  },
});
