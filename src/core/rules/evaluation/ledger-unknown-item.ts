import { LIST_LABELS, isCatalogItemAllowed, itemLabel } from "../../catalog";
import { CATEGORY_LABELS } from "../../codes";
import { isBlank } from "../../text";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "ledger/unknown-item",
    article: "附件2",
    severity: "error",
    section: "B",
    description:
      "台账记录的服务事项既不在附件2通用清单中，也不在网点类别的差异化清单中（写的是代码或附件2中的名称均可；网点类别不明时只核对是否在附件2中）",
    descriptionEn:
      "A ledger entry's item is in neither the general list nor the outlet's category list of 附件2 (code or exact name; with no known category, only membership of 附件2 is checked)",
    fields: ["entries[].item"],
  },
  ledger(doc, ctx) {
    const category = ctx.category;
    doc.entries.forEach((e, i) => {
      if (e.item === undefined || isBlank(e.item)) return;
      const item = ctx.items[i];
      if (!item) {
        ctx.reportEntry(
          i,
          "item",
          `${ctx.entryLabel(i)}：服务事项“${e.item}”不在附件2服务事项参考清单（通用清单或本网点类别清单）中，应填写清单中的代码或名称，其他服务请写明具体内容`,
        );
        return;
      }
      // A category's item is only checkable against a known category ("other" has the general list alone).
      if (category !== undefined && !isCatalogItemAllowed(item, category)) {
        ctx.reportEntry(
          i,
          "item",
          `${ctx.entryLabel(i)}：服务事项“${itemLabel(item)}”属于附件2“${LIST_LABELS[item.list]}”清单，不适用于本网点类别“${CATEGORY_LABELS[category]}”`,
        );
      }
    });
  },
});
