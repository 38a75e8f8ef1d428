import { isBlank } from "../../text";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "services/basic",
    article: "第五条（二）、第十条",
    severity: "error",
    section: "A",
    description:
      "没有任何基础性服务：服务内容中基础性服务（services.basic）未勾选，也未填写其他基础性服务（services.other.basic）",
    descriptionEn: "No basic service: services.basic is empty and services.other.basic is blank",
    fields: ["services.basic", "services.other.basic"],
  },
  application(doc, ctx) {
    if (doc.services.basic.some((s) => !isBlank(s)) || !isBlank(doc.services.other.basic)) return;
    ctx.report({
      path: "services.basic",
      message:
        "服务内容未勾选任何基础性服务，也未填写其他基础性服务；网点应面向创新创业主体和社会公众免费提供基础性服务",
    });
  },
});
