import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "summary/condition-lost",
    article: "第二十条",
    severity: "error",
    section: "B",
    description:
      "工作总结表显示已不符合网点认定条件：专职人员少于 5 名（设置项 minFullTime），或没有固定服务场所、基础设施、信息资源（标记为否；未填写不报）",
    descriptionEn:
      "The summary shows an accreditation condition no longer met: fewer than 5 full-time staff (setting minFullTime), or no venue, equipment or resources (marked false; not stated is not reported)",
    fields: ["org.staff.fullTime", "infrastructure.venue", "infrastructure.equipment", "infrastructure.resources"],
  },
  annualSummary(doc, ctx) {
    const min = ctx.settings.minFullTime;
    const fullTime = doc.org.staff?.fullTime;
    // Only what the summary shows counts: a value not stated is not a lost condition.
    if (fullTime !== undefined && fullTime < min) {
      ctx.report({
        path: "org.staff.fullTime",
        message: `专职人员 ${fullTime} 名，少于 ${min} 名，已不符合网点认定条件`,
      });
    }
    const infra = doc.infrastructure;
    const conditions = [
      ["venue", "固定的一定面积的服务场所"],
      ["equipment", "网络环境、硬件设备、系统软件等基础设施"],
      ["resources", "运用基础信息资源、数据库开展服务的条件"],
    ] as const;
    for (const [key, label] of conditions) {
      if (infra[key] === false) {
        ctx.report({ path: `infrastructure.${key}`, message: `工作总结表填报不具有${label}，已不符合网点认定条件` });
      }
    }
  },
});
