import { defineRule } from "../types";

const BRANCH_ENDINGS = ["分公司", "分所", "办事处", "代表处"] as const;
/** Trailing remarks in brackets, e.g. （特殊普通合伙）, （筹）. */
const TRAILING_BRACKETS = /(\s|[(（[【][^()（）[\]【】]*[)）\]】])+$/u;

export default defineRule({
  meta: {
    id: "org/branch",
    article: "第四条",
    severity: "warning",
    section: "A",
    description:
      "机构名称（org.name，不计末尾括号内的说明和空白）以“分公司”“分所”“办事处”或“代表处”结尾：分支机构一般不具有独立法人资格，需核实",
    descriptionEn:
      "The name (ignoring trailing bracketed remarks and spaces) ends in 分公司, 分所, 办事处 or 代表处: a branch is usually not an independent legal person",
    fields: ["org.name"],
  },
  application(doc, ctx) {
    const name = doc.org.name;
    if (!name) return;
    const core = name.replace(TRAILING_BRACKETS, "");
    const ending = BRANCH_ENDINGS.find((e) => core.endsWith(e));
    if (!ending) return;
    ctx.report({
      path: "org.name",
      message: `机构名称“${name}”以“${ending}”结尾，分支机构一般不具有独立法人资格，请核实是否为独立法人单位（或应由其法人单位申请）`,
    });
  },
});
