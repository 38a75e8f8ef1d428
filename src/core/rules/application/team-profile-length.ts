import { countChars } from "../../text";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "team/profile-length",
    article: "附件1 三",
    severity: "warning",
    section: "A",
    description:
      "某名团队成员的个人简介（team[].bio，不计空白字符）少于 200 字左右（设置项 applicationTargets.bio）的 50%（设置项 lengthRatio），" +
      "未填写亦报告；每人一条",
    descriptionEn:
      "A person's bio (characters without white space) is shorter than lengthRatio (0.5) × applicationTargets.bio (200), or empty: one finding per person",
    fields: ["team[].bio", "team[].name"],
  },
  application(doc, ctx) {
    const target = ctx.settings.applicationTargets.bio;
    const ratio = ctx.settings.lengthRatio;
    const min = ratio * target;
    doc.team.forEach((member, i) => {
      const n = countChars(member.bio);
      if (n >= min) return;
      const who = `第 ${i + 1} 名团队成员${member.name ? `“${member.name}”` : "（未填写姓名）"}`;
      const need = `少于 ${Math.ceil(min)} 字（${target} 字左右的 ${Math.round(ratio * 100)}%）`;
      ctx.report({
        path: `team[${i}].bio`,
        message: n === 0 ? `${who}的个人简介未填写，应为 ${target} 字左右` : `${who}的个人简介 ${n} 字，${need}`,
      });
    });
  },
});
