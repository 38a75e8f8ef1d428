import { CATEGORIES, CATEGORY_LABELS, MARKET_TYPE_LABELS, type Category, type MarketType } from "../../codes";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "category/market-types",
    article: "附件1 一",
    severity: "warning",
    section: "A",
    description:
      "网点机构类别（category）为市场化服务机构类以外的类别，却填写了市场化服务机构细分类型（marketTypes）；类别未填写或无法识别时不报告（由 category/valid 报告）",
    descriptionEn:
      "marketTypes are given for a known category other than market (silent when category is missing or unknown)",
    fields: ["category", "marketTypes"],
  },
  application(doc, ctx) {
    const category = doc.category;
    if (!category || category === "market" || !(CATEGORIES as readonly string[]).includes(category)) return;
    if (doc.marketTypes.length === 0) return;
    const types = doc.marketTypes.map((t) => `“${MARKET_TYPE_LABELS[t as MarketType] ?? t}”`).join("、");
    ctx.report({
      path: "marketTypes",
      message:
        `网点机构类别为“${CATEGORY_LABELS[category as Category]}”，却勾选了市场化服务机构细分类型${types}：` +
        `细分类型只适用于${CATEGORY_LABELS.market}，请核实类别`,
    });
  },
});
