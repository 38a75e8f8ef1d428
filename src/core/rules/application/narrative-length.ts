import { countChars } from "../../text";
import { defineRule } from "../types";

/** 附件1 二–四, in the form's order. */
const SECTIONS = [
  ["foundation", "二、工作基础和优势特点"],
  ["team", "三、服务团队人员情况"],
  ["plan", "四、未来发展思路和支持措施"],
] as const;

export default defineRule({
  meta: {
    id: "narrative/length",
    article: "附件1 二–五",
    // Two levels: the higher one is the default (as summary/sections); short text reports a warning.
    severity: "error",
    alsoSeverity: "warning",
    section: "A",
    description:
      "申报书的叙述（工作基础和优势特点 2000 字、服务团队人员情况 1000 字、未来发展思路和支持措施 2000 字）或典型案例内容和效果（每个 600 字）" +
      "为空（错误），或不计空白字符的字数少于目标字数的 lengthRatio 倍（警告；设置项 applicationTargets、lengthRatio）",
    descriptionEn:
      "An application narrative (foundation 2000, team 1000, plan 2000) or case content (600) is empty (error) or shorter " +
      "than lengthRatio × its target, not counting white space (warning; settings applicationTargets, lengthRatio)",
    fields: ["narratives.foundation", "narratives.team", "narratives.plan", "cases[].content"],
  },
  application(doc, ctx) {
    const ratio = ctx.settings.lengthRatio;
    const targets = ctx.settings.applicationTargets;
    const check = (path: string, label: string, text: string | undefined, target: number) => {
      const n = countChars(text);
      if (n === 0) {
        ctx.report({ path, severity: "error", message: `${label}未填写，应为 ${target} 字左右` });
      } else if (n < ratio * target) {
        ctx.report({
          path,
          severity: "warning",
          message: `${label} ${n} 字，少于 ${Math.ceil(ratio * target)} 字（${target}字左右的 ${Math.round(ratio * 100)}%）`,
        });
      }
    };
    for (const [key, label] of SECTIONS) check(`narratives.${key}`, label, doc.narratives[key], targets[key]);
    doc.cases.forEach((c, i) => {
      const label = `五、典型案例 ${i + 1}${c.name ? `“${c.name}”` : ""}的内容和效果`;
      check(`cases[${i}].content`, label, c.content, targets.case);
    });
  },
});
