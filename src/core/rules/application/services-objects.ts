import { SERVICE_OBJECT_LABELS } from "../../codes";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "services/objects",
    article: "附件1 一",
    severity: "error",
    section: "A",
    description: "服务对象（serviceObjects）未勾选任何一项",
    descriptionEn: "No service object is ticked (serviceObjects is empty)",
    fields: ["serviceObjects"],
  },
  application(doc, ctx) {
    if (doc.serviceObjects.length > 0) return;
    ctx.report({
      path: "serviceObjects",
      message: `服务对象未勾选，应至少选择一项（${Object.values(SERVICE_OBJECT_LABELS).join("、")}）`,
    });
  },
});
