import { QUALIFICATION_LABELS } from "../../codes";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "priority/qualification",
    article: "第六条",
    severity: "info",
    section: "A",
    description:
      "已获第六条所列资质之一（qualifications：TISC、高校国家知识产权信息服务中心、国家网点、省级网点、全国专利文献服务网点、" +
      "国家级专利信息传播利用基地）：优先纳入市级网点；只填写“其他”资质（qualificationOther）不算",
    descriptionEn:
      "Any qualification of 第六条 is held (TISC, university centre, national or provincial outlet, patent document outlet, " +
      "national base): 优先纳入; qualificationOther alone does not count",
    fields: ["qualifications"],
  },
  application(doc, ctx) {
    const held = [...new Set(doc.qualifications)];
    if (held.length === 0) return;
    ctx.report({
      path: "qualifications",
      message: `已获${held.map((q) => `“${QUALIFICATION_LABELS[q]}”`).join("、")}资质，可优先纳入市级网点`,
    });
  },
});
