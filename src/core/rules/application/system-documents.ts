import { isBlank } from "../../text";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "system/documents",
    article: "第五条（二）",
    severity: "error",
    section: "A",
    description: "工作制度（workSystems）没有任何制度文件名称（即“是否具有知识产权信息公共服务相关工作制度：否”）",
    descriptionEn: "No work system document is named (workSystems is empty)",
    fields: ["workSystems"],
  },
  application(doc, ctx) {
    if (doc.workSystems.some((s) => !isBlank(s))) return;
    ctx.report({
      path: "workSystems",
      message:
        "工作制度未填写制度文件名称（视为不具有知识产权信息公共服务相关工作制度），知识产权信息公共服务工作制度应健全",
    });
  },
});
