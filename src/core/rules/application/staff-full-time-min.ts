import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "staff/full-time-min",
    article: "第五条（一）",
    severity: "error",
    section: "A",
    description: "专职人员数量（org.staff.fullTime）少于 5 名（设置项 minFullTime）或未填写",
    descriptionEn: "Fewer full-time staff than 5 (setting minFullTime), or not stated",
    fields: ["org.staff.fullTime"],
  },
  application(doc, ctx) {
    const min = ctx.settings.minFullTime;
    const n = doc.org.staff?.fullTime;
    if (n === undefined)
      ctx.report({ path: "org.staff.fullTime", message: `专职人员数量未填写，应配备 ${min} 名及以上专职人员` });
    else if (n < min) ctx.report({ path: "org.staff.fullTime", message: `专职人员 ${n} 名，少于 ${min} 名` });
  },
});
