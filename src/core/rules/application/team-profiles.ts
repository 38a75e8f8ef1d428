import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "team/profiles",
    article: "附件1 三",
    severity: "error",
    section: "A",
    description:
      "服务团队人员情况（team）中没有主要负责人（role 为 head），或专职人员（role 为 fullTime，不含主要负责人）少于 5 名（设置项 minFullTime）；各报告一条",
    descriptionEn:
      "The team profiles have no head, or fewer full-time people than 5 (setting minFullTime; the head not counted): one finding each",
    fields: ["team[].role"],
  },
  application(doc, ctx) {
    if (!doc.team.some((m) => m.role === "head")) {
      ctx.report({
        path: "team",
        message: "服务团队人员情况中没有主要负责人（角色为“主要负责人”的成员），应含主要负责人的个人情况及工作经历简介",
      });
    }
    const min = ctx.settings.minFullTime;
    const n = doc.team.filter((m) => m.role === "fullTime").length;
    if (n < min) {
      ctx.report({
        path: "team",
        message: `服务团队人员情况中专职人员 ${n} 名，少于 ${min} 名：应含至少 ${min} 名专职人员的个人情况`,
      });
    }
  },
});
