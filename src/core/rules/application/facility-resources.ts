import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "facility/resources",
    article: "第五条（三）",
    severity: "error",
    section: "A",
    description:
      "能够运用知识产权基础信息资源、数据库、国内外文献资源和信息检索工具、专利信息分析工具等开展服务（infrastructure.resources）为否或未填写",
    descriptionEn:
      "infrastructure.resources (able to use IP information resources, databases and tools) is false or not stated",
    fields: ["infrastructure.resources"],
  },
  application(doc, ctx) {
    const value = doc.infrastructure.resources;
    if (value === true) return;
    ctx.report({
      path: "infrastructure.resources",
      message:
        `能够运用知识产权基础信息资源、数据库、文献资源和检索、分析工具开展服务${value === undefined ? "未填写" : "：否"}，` +
        "应能够运用这些资源和工具开展知识产权信息查询、检索、咨询、培训等服务",
    });
  },
});
