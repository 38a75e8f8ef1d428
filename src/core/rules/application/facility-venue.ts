import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "facility/venue",
    article: "第五条（三）",
    severity: "error",
    section: "A",
    description:
      "是否具有固定的一定面积的服务场所（infrastructure.venue）为否或未填写；或为是但占地面积（infrastructure.venueArea）未填写或不大于 0",
    descriptionEn: "infrastructure.venue is false or not stated, or true with no positive venueArea",
    fields: ["infrastructure.venue", "infrastructure.venueArea"],
  },
  application(doc, ctx) {
    const { venue, venueArea } = doc.infrastructure;
    const need = "应具有适合开展知识产权信息公共服务的固定场所";
    if (venue === undefined) {
      ctx.report({ path: "infrastructure.venue", message: `是否具有固定的一定面积的服务场所未填写，${need}` });
    } else if (!venue) {
      ctx.report({ path: "infrastructure.venue", message: `是否具有固定的一定面积的服务场所：否，${need}` });
    } else if (venueArea === undefined || venueArea <= 0) {
      ctx.report({
        path: "infrastructure.venueArea",
        message: `具有固定服务场所，但占地面积${venueArea === undefined ? "未填写" : ` ${venueArea} m²`}，应填写大于 0 的面积（m²）`,
      });
    }
  },
});
