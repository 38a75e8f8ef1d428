import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "registry/already-accredited",
    article: "第十八条",
    severity: "info",
    section: "A",
    description: "网点名录中该统一社会信用代码的状态为有效（active）：已是市级网点，请核实是否重复申报",
    descriptionEn: "The registry shows this code active: already an accredited outlet",
    fields: ["org.creditCode"],
  },
  application(doc, ctx) {
    const record = ctx.registry.get(doc.org.creditCode);
    if (record?.status !== "active") return;
    const since = record.accreditedOn ? `（${record.accreditedOn} 认定）` : "";
    ctx.report({
      path: "org.creditCode",
      message: `网点名录显示该机构（“${record.name}”）已是有效的市级网点${since}，请核实是否重复申报`,
    });
  },
});
