import { countChars, isBlank } from "../../text";
import { defineRule } from "../types";

/** 附件3 二–五, in the form's order (the narrative of 三 is its 创新亮点 part; its cases are checked below). */
const SECTIONS = [
  ["services", "二、服务开展情况"],
  ["highlights", "三、创新亮点"],
  ["reflections", "四、工作体会及建议"],
  ["plan", "五、未来一年工作计划"],
] as const;

export default defineRule({
  meta: {
    id: "summary/sections",
    article: "附件3 二–五",
    severity: "error",
    alsoSeverity: "warning",
    section: "B",
    description:
      "工作总结表的叙述（服务开展情况 2000 字、创新亮点 1000 字、工作体会及建议 2000 字、未来一年工作计划 1000 字）或典型案例内容（500 字）为空（错误），或不计空白字符的字数少于目标字数的 lengthRatio 倍（警告；设置项 summaryTargets、lengthRatio）",
    descriptionEn:
      "A summary narrative (services 2000, highlights 1000, reflections 2000, plan 1000) or case content (500) is empty (error) or shorter than lengthRatio × its target, not counting white space (warning; settings summaryTargets, lengthRatio)",
    fields: [
      "narratives.services",
      "narratives.highlights",
      "narratives.reflections",
      "narratives.plan",
      "cases[].content",
    ],
  },
  annualSummary(doc, ctx) {
    const { lengthRatio, summaryTargets } = ctx.settings;
    const check = (path: string, title: string, value: string | undefined, target: number) => {
      if (isBlank(value)) {
        ctx.report({ path, message: `${title}未填写，应为 ${target} 字左右`, severity: "error" });
        return;
      }
      const n = countChars(value);
      const min = lengthRatio * target;
      if (n < min) {
        ctx.report({
          path,
          message: `${title}仅 ${n} 字，少于 ${target} 字左右要求的 ${Math.round(lengthRatio * 100)}%（${Math.ceil(min)} 字）`,
          severity: "warning",
        });
      }
    };
    for (const [key, title] of SECTIONS) check(`narratives.${key}`, title, doc.narratives[key], summaryTargets[key]);
    doc.cases.forEach((c, i) => {
      const title = `三、典型案例第 ${i + 1} 个${c.name ? `“${c.name}”` : ""}的内容和效果`;
      check(`cases[${i}].content`, title, c.content, summaryTargets.case);
    });
  },
});
