/** The readable Chinese report of `check`: per outlet its verdict and findings by severity, then totals by rule. */
import { escapeControls } from "../core/text";
import { RULES_BY_ID } from "../core/rules";
import { SEVERITY_LABELS, type Finding, type Severity } from "../core/findings";
import type { Verdict } from "../core/engine";
import type { CheckReport } from "../core/report";
import { padDisplay } from "./format";

/** Per outlet, rule and severity, at most this many lines; the rest is counted (the JSON has them all). */
const MAX_LINES_PER_RULE = 4;
const SEVERITY_ORDER: Severity[] = ["error", "warning", "info"];

function n(value: number): string {
  return value.toLocaleString("zh-CN");
}

function where(f: Finding): string {
  const parts = [f.file, f.path].filter(Boolean);
  return parts.length ? `  〔${parts.join(" · ")}〕` : "";
}

function findingLines(list: readonly Finding[], indent: string): string[] {
  const lines: string[] = [];
  for (const severity of SEVERITY_ORDER) {
    const ofSeverity = list.filter((f) => f.severity === severity);
    if (!ofSeverity.length) continue;
    lines.push(`${indent}${SEVERITY_LABELS[severity]}（${ofSeverity.length}）`);
    const byRule = new Map<string, Finding[]>();
    for (const f of ofSeverity) byRule.set(f.rule, [...(byRule.get(f.rule) ?? []), f]);
    for (const [rule, fs] of byRule) {
      for (const f of fs.slice(0, MAX_LINES_PER_RULE)) lines.push(`${indent}  · ${f.message}  [${rule}]${where(f)}`);
      if (fs.length > MAX_LINES_PER_RULE) {
        lines.push(`${indent}  · ……同类问题另有 ${fs.length - MAX_LINES_PER_RULE} 条  [${rule}]（--json 可列出全部）`);
      }
    }
  }
  return lines;
}

function counts(v: { errors: number; warnings: number; infos: number }): string {
  return `错误 ${v.errors} · 警告 ${v.warnings} · 提示 ${v.infos}`;
}

export function formatTextReport(
  report: CheckReport,
  options: { year: number | null; verdicts: readonly Verdict[] },
): string {
  const lines: string[] = [];
  const d = report.documents;
  lines.push("网点评审助手 · 审核报告", "");
  lines.push(
    `载入：申报书 ${d.applications} 份，工作总结表 ${d.annualSummaries} 份，服务台账 ${d.ledgers} 份（${n(d.ledgerEntries)} 条记录），网点名录 ${d.registry} 份；` +
      `共 ${report.inputs.length} 个文件${report.inputs.some((i) => i.rejected) ? `，未载入 ${report.inputs.reduce((s, i) => s + i.rejected, 0)} 项（见下文“无法读取的输入”）` : ""}`,
  );
  if (!d.registry && (d.applications || d.annualSummaries || d.ledgers)) {
    lines.push(
      "提示：未提供网点名录（--registry），与名录有关的检查（禁入期、已认定、变更未报备、未认定网点）未执行。",
    );
  }
  lines.push("");

  const ofApplication = (file: string | null, prefix: string) =>
    report.issues.filter(
      (f) => f.document === "application" && f.file === file && (!prefix || (f.path ?? "").startsWith(prefix)),
    );
  const ofOutletYear = (outlet: string | null) =>
    report.issues.filter((f) => f.outlet === outlet && f.document !== "application" && f.rule !== "input/unreadable");

  let section = 0;
  const heading = (title: string) => {
    section++;
    lines.push(`${"一二三四五六"[section - 1]}、${title}`, "");
  };
  const apps = options.verdicts.filter((v) => v.document === "application");
  if (apps.length) {
    const eligible = apps.filter((v) => v.eligible);
    heading(`申报认定（${apps.length} 份申报书）`);
    lines.push(
      `  符合认定条件 ${eligible.length} 份（其中优先纳入 ${eligible.filter((v) => v.priority).length} 份），不符合认定条件 ${apps.length - eligible.length} 份`,
      "",
    );
    for (const v of apps) {
      const status = v.eligible ? "✔ 符合认定条件" : "✘ 不符合认定条件";
      lines.push(
        `  ${status}${v.priority ? " · 优先纳入" : ""}  ${v.outletName ?? "（名称未填写）"}（${v.outlet ?? "无代码"}）  ${counts(v)}`,
      );
      lines.push(...findingLines(ofApplication(v.file, v.pathPrefix), "      "));
      lines.push("");
    }
  }

  const annual = report.verdicts.filter((v) => v.document !== "application");
  if (annual.length) {
    heading(`年度评估（${options.year ?? ""} 年度，${annual.length} 个网点）`);
    const vetoed = annual.filter((v) => !v.eligible);
    lines.push(
      `  无否决项 ${annual.length - vetoed.length} 个，存在否决项（年度评估规则的“错误”，评估结果为不合格）${vetoed.length} 个；得分与等级在评分步骤给出`,
      "",
    );
    for (const v of annual) {
      const status = v.eligible ? "✔ 无否决项" : "✘ 有否决项";
      lines.push(`  ${status}  ${v.outletName ?? "（名称未填写）"}（${v.outlet ?? "无代码"}）  ${counts(v)}`);
      lines.push(...findingLines(ofOutletYear(v.outlet), "      "));
      lines.push("");
    }
  }

  const unreadable = report.issues.filter((f) => f.rule === "input/unreadable");
  if (unreadable.length) {
    heading(`无法读取的输入（${unreadable.length}）`);
    for (const f of unreadable.slice(0, 50)) {
      lines.push(`  · ${f.file ?? ""}${f.path ? ` · ${f.path}` : ""}：${f.message}`);
    }
    if (unreadable.length > 50) lines.push(`  · ……另有 ${unreadable.length - 50} 条（--json 可列出全部）`);
    lines.push("");
  }

  heading("按规则统计");
  const rows = Object.entries(report.summary.byRule).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  if (!rows.length) lines.push("  未发现问题。");
  const width = Math.max(8, ...rows.map(([id]) => id.length));
  for (const [id, count] of rows) {
    const meta = RULES_BY_ID.get(id)?.meta;
    const levels = SEVERITY_ORDER.filter((sev) => report.issues.some((f) => f.rule === id && f.severity === sev));
    const label = levels.map((sev) => SEVERITY_LABELS[sev]).join("/");
    lines.push(`  ${id.padEnd(width)}  ${padDisplay(label, 9)}  ${String(count).padStart(6)}  ${meta?.article ?? ""}`);
  }
  lines.push("", `合计：${counts(report.summary)}`);
  // One report line per line: control characters in names and values are shown escaped, never obeyed.
  return lines.map(escapeControls).join("\n") + "\n";
}
