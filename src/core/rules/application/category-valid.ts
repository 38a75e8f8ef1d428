import { CATEGORIES, CATEGORY_LABELS, MARKET_TYPES, MARKET_TYPE_LABELS } from "../../codes";
import { defineRule } from "../types";

const MARKET_TYPE_LIST = Object.values(MARKET_TYPE_LABELS).join("、");

export default defineRule({
  meta: {
    id: "category/valid",
    article: "附件1 一",
    severity: "error",
    section: "A",
    description:
      "网点机构类别（category）未填写或无法识别；或为市场化服务机构类服务网点（market）但未勾选细分类型（marketTypes），或细分类型无法识别（每项一条）",
    descriptionEn:
      "category is missing or unknown; or market with no marketTypes, or with an unknown market type (one finding each)",
    fields: ["category", "marketTypes"],
  },
  application(doc, ctx) {
    const category = doc.category;
    if (!category) {
      ctx.report({ path: "category", message: "网点机构类别未填写，应从附件1 的七类网点机构类别中选择一类" });
      return;
    }
    if (!(CATEGORIES as readonly string[]).includes(category)) {
      ctx.report({
        path: "category",
        message: `网点机构类别“${category}”无法识别，应为${Object.values(CATEGORY_LABELS).join("、")}之一`,
      });
      return;
    }
    // Market types of other categories are category/market-types' (a warning, not a reason to reject).
    if (category !== "market") return;
    if (doc.marketTypes.length === 0) {
      ctx.report({
        path: "marketTypes",
        message: `网点机构类别为${CATEGORY_LABELS.market}，但未勾选细分类型，应至少选择一项（${MARKET_TYPE_LIST}）`,
      });
      return;
    }
    doc.marketTypes.forEach((type, i) => {
      if ((MARKET_TYPES as readonly string[]).includes(type)) return;
      ctx.report({
        path: `marketTypes[${i}]`,
        message: `市场化服务机构细分类型“${type}”无法识别，应为${MARKET_TYPE_LIST}之一`,
      });
    });
  },
});
