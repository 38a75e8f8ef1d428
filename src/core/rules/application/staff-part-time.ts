import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "staff/part-time",
    article: "第五条（一）",
    severity: "warning",
    section: "A",
    description: "兼职人员数量（org.staff.partTime）少于 1 名（设置项 minPartTime；第五条“若干兼职人员”）或未填写",
    descriptionEn: "Fewer part-time staff than 1 (setting minPartTime; 若干兼职人员), or not stated",
    fields: ["org.staff.partTime"],
  },
  application(doc, ctx) {
    const min = ctx.settings.minPartTime;
    if (min <= 0) return;
    const n = doc.org.staff?.partTime;
    const path = "org.staff.partTime";
    if (n === undefined) ctx.report({ path, message: `兼职人员数量未填写，应配备若干（至少 ${min} 名）兼职人员` });
    else if (n < min) ctx.report({ path, message: `兼职人员 ${n} 名，少于 ${min} 名（应配备若干兼职人员）` });
  },
});
