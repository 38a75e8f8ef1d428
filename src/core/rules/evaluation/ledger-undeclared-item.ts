import { itemLabel, type CatalogItem } from "../../catalog";
import { defineRule } from "../types";

const SOURCE_LABELS = { annualSummary: "工作总结表", application: "申报书" } as const;

export default defineRule({
  meta: {
    id: "ledger/undeclared-item",
    article: "第二十条",
    severity: "warning",
    section: "B",
    description:
      "台账中提供了工作总结表（没有时为申报书）服务内容未申报的附件2服务事项：每个未申报事项报一次，注明条数和首次出现的记录（主要服务事项变更应报备；两者都没有时不检查）",
    descriptionEn:
      "The ledger delivers a 附件2 item the outlet's summary (else its application) does not declare: one finding per item, with its count and first entry (changes of main service items must be reported; skipped when nothing declares items)",
    fields: ["entries[].item", "services"],
  },
  ledger(doc, ctx) {
    const declared = ctx.declaredItems;
    if (!declared) return;
    // Per undeclared item: its first entry and how many entries deliver it (insertion order = first appearance).
    const undeclared = new Map<string, { item: CatalogItem; first: number; count: number }>();
    const n = doc.entries.length;
    for (let i = 0; i < n; i++) {
      const item = ctx.items[i];
      if (!item || declared.has(item.code)) continue;
      const seen = undeclared.get(item.code);
      if (seen) seen.count++;
      else undeclared.set(item.code, { item, first: i, count: 1 });
    }
    const source = ctx.declaredIn ? SOURCE_LABELS[ctx.declaredIn] : "申报材料";
    for (const { item, first, count } of undeclared.values()) {
      ctx.reportEntry(
        first,
        "item",
        `${ctx.entryLabel(first)}：服务事项“${itemLabel(item)}”未在${source}的服务内容中申报（台账中共 ${count} 条，首次出现于${ctx.entryLabel(first)}）；主要服务事项变更应及时报备`,
      );
    }
  },
});
