import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "ledger/basic-fee",
    article: "第十条",
    severity: "error",
    section: "B",
    description: "台账中基础性服务收取了费用（fee > 0）：基础性服务应免费提供",
    descriptionEn: "A basic-tier service in the ledger was charged for (fee > 0): basic services are free",
    fields: ["entries[].item", "entries[].fee"],
  },
  ledger(doc, ctx) {
    doc.entries.forEach((entry, i) => {
      const item = ctx.items[i];
      if (item?.tier === "basic" && entry.fee !== undefined && entry.fee > 0) {
        ctx.reportEntry(
          i,
          "fee",
          `${ctx.entryLabel(i)}：基础性服务“${item.name}”收费 ${entry.fee} 元，基础性服务应免费提供`,
        );
      }
    });
  },
});
