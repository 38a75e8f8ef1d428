/** docs/rules.md, generated from the rules' metadata (so the page cannot drift from the code). */
import { SEVERITY_LABELS } from "./findings";
import type { Rule } from "./rules/types";

const SECTION_TITLES: Record<Rule["meta"]["section"], string> = {
  A: "A. 申报认定（第四条–第七条、第二十一条、附件1）",
  B: "B. 年度评估（第十条、第十四条、第十八条、第二十条、附件3）",
  input: "输入",
};

function cell(text: string): string {
  return text.replace(/\|/gu, "\\|").replace(/\n/gu, " ");
}

export function generateRulesDoc(rules: readonly Rule[]): string {
  const lines: string[] = [
    "# 审核规则 / Review rules",
    "",
    "<!-- 本文件由 `npm run docs` 根据规则元数据生成，请勿手工修改。 Generated from the rules' metadata by `npm run docs`; do not edit. -->",
    "",
    "每条规则有固定编号、依据条款、默认级别（错误 error：不符合条件或记录无效；警告 warning：需核实或补正；提示 info：供参考）。",
    "级别可在设置文件的 `rules` 中逐条调整或关闭（`off`）。阈值均为设置项，见 README。",
    "",
    "Every rule has a stable id, the article it enforces and a default severity; severities can be changed or turned off per rule in the settings file (`rules`).",
    "",
  ];
  for (const section of ["A", "B", "input"] as const) {
    const list = rules.filter((r) => r.meta.section === section);
    if (!list.length) continue;
    lines.push(
      `## ${SECTION_TITLES[section]}`,
      "",
      "| 规则 id | 级别 | 条款 | 何时报告 | When it fails |",
      "|---|---|---|---|---|",
    );
    for (const { meta } of list) {
      const severity = meta.alsoSeverity
        ? `${SEVERITY_LABELS[meta.severity]} / ${SEVERITY_LABELS[meta.alsoSeverity]}`
        : SEVERITY_LABELS[meta.severity];
      const sevCode = meta.alsoSeverity ? `${meta.severity} / ${meta.alsoSeverity}` : meta.severity;
      lines.push(
        `| \`${meta.id}\` | ${severity}（${sevCode}） | ${cell(meta.article)} | ${cell(meta.description)} | ${cell(meta.descriptionEn)} |`,
      );
    }
    lines.push("");
  }
  lines.push(`共 ${rules.length} 条规则。 ${rules.length} rules in all.`, "");
  return lines.join("\n");
}
