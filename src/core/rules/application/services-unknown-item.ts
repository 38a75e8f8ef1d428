import {
  CATALOG,
  LIST_LABELS,
  TIER_LABELS,
  TIERS,
  getItem,
  isItemAllowed,
  itemLabel,
  type CatalogItem,
} from "../../catalog";
import { CATEGORIES, CATEGORY_LABELS, type Category } from "../../codes";
import { defineRule } from "../types";

/** Which lists the outlet may choose from, in words. */
function allowedLists(category: string | undefined): string {
  const general = `“${LIST_LABELS.general}”`;
  if (!category || !(CATEGORIES as readonly string[]).includes(category)) {
    return `网点机构类别未填写或无法识别，只能对照${general}`;
  }
  if (category === "other") return `${CATEGORY_LABELS.other}只可选择${general}中的事项`;
  return `本网点类别为“${CATEGORY_LABELS[category as Category]}”，只可选择${general}及本类别清单中的事项`;
}

export default defineRule({
  meta: {
    id: "services/unknown-item",
    article: "附件2",
    severity: "error",
    section: "A",
    description:
      "服务内容（services.basic、services.lowCost、services.valueAdded）中某项既不是附件2通用清单（适用于所有网点的知识产权信息服务）" +
      "中的事项，也不是本网点类别差异化清单中的事项：附件2中没有这个代码或名称，或属于其他类别网点的清单；每项一条",
    descriptionEn:
      "A service item (code or name) is in neither the general list nor the outlet's category list of 附件2: unknown, or " +
      "belonging to another category's list; one finding per item",
    fields: ["services.basic", "services.lowCost", "services.valueAdded", "category"],
  },
  application(doc, ctx) {
    const category = doc.category;
    for (const tier of TIERS) {
      doc.services[tier].forEach((value, i) => {
        // The engine has already turned names into codes; what is left as written is unknown or elsewhere.
        if (isItemAllowed(value, category)) return;
        const where = `${TIER_LABELS[tier]}第 ${i + 1} 项`;
        const item = getItem(value);
        const others: CatalogItem[] = item ? [item] : CATALOG.filter((c) => c.name === value.replace(/\s+/gu, ""));
        const message = others.length
          ? `${where}“${item ? itemLabel(item) : value}”属于附件2${[...new Set(others.map((o) => `“${LIST_LABELS[o.list]}”`))].join("、")}` +
            `清单，不在本网点可选的服务事项内：${allowedLists(category)}`
          : `${where}“${value}”不是附件2服务事项参考清单中的代码或名称，其他服务请填入“其他${TIER_LABELS[tier]}”`;
        ctx.report({ path: `services.${tier}[${i}]`, message });
      });
    }
  },
});
