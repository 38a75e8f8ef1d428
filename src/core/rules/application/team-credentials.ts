import { isBlank } from "../../text";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "team/credentials",
    article: "第七条 5",
    severity: "warning",
    section: "A",
    description:
      "服务团队（team）中没有任何人列出资格证书（team[].credentials，如专利代理师资格证、法律职业资格证、知识产权师职称证书）；团队未填写时不报告（由 team/profiles 报告）",
    descriptionEn:
      "Nobody in the team lists a credential (patent attorney, legal profession, IP engineer …); silent when the team is empty (team/profiles reports it)",
    fields: ["team[].credentials"],
  },
  application(doc, ctx) {
    if (doc.team.length === 0) return;
    if (doc.team.some((m) => m.credentials.some((c) => !isBlank(c)))) return;
    ctx.report({
      path: "team",
      message:
        `服务团队 ${doc.team.length} 人均未列出资格证书，应提交服务人员有关学历及资格证书的材料` +
        "（如专利代理师资格证、法律职业资格证、知识产权师职称证书，全国专利信息领军、师资、实务人才等证书）",
    });
  },
});
