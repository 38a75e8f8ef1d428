import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "facility/equipment",
    article: "第五条（三）",
    severity: "error",
    section: "A",
    description: "是否具有适合开展服务的网络环境、硬件设备、系统软件等基础设施（infrastructure.equipment）为否或未填写",
    descriptionEn: "infrastructure.equipment (network, hardware, system software) is false or not stated",
    fields: ["infrastructure.equipment"],
  },
  application(doc, ctx) {
    const value = doc.infrastructure.equipment;
    if (value === true) return;
    ctx.report({
      path: "infrastructure.equipment",
      message:
        `是否具有适合开展服务的网络环境、硬件设备、系统软件等基础设施${value === undefined ? "未填写" : "：否"}，` +
        "应具有适合开展知识产权信息公共服务的网络环境、硬件设备、系统软件等基础设施",
    });
  },
});
