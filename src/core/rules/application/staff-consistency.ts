import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "staff/consistency",
    article: "附件1 一",
    severity: "error",
    section: "A",
    description:
      "专职人员数量与兼职人员数量之和（org.staff.fullTime + org.staff.partTime）大于总人数（org.staff.total）；三项都填写时才判断",
    descriptionEn: "Full-time plus part-time staff exceed the total staff (judged only when all three are given)",
    fields: ["org.staff.total", "org.staff.fullTime", "org.staff.partTime"],
  },
  application(doc, ctx) {
    const { total, fullTime, partTime } = doc.org.staff ?? {};
    if (total === undefined || fullTime === undefined || partTime === undefined) return;
    if (fullTime + partTime <= total) return;
    ctx.report({
      path: "org.staff.total",
      message: `专职人员 ${fullTime} 名与兼职人员 ${partTime} 名合计 ${fullTime + partTime} 名，超过总人数 ${total} 名`,
    });
  },
});
