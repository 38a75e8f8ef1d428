/** 检查: verdicts at a glance, then the findings by rule; a finding is a button that goes to its cell. */
import { Badge, Button, Text } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import { SEVERITY_LABELS, type Finding, type Severity } from "../../core/findings";
import { useI18n } from "../i18n";
import { RunActions } from "./RunActions";
import type { CheckRun } from "../session";

/** Findings listed per rule; the rest are in the review workbook's 问题清单 (a huge ledger gives thousands). */
const SHOWN_PER_RULE = 30;

const SEVERITY_COLORS = { error: "danger", warning: "warning", info: "informative" } as const;
const SEVERITY_EN: Record<Severity, string> = { error: "Error", warning: "Warning", info: "Info" };

export interface CheckStepProps {
  run: CheckRun | null;
  canRun: boolean;
  busy: boolean;
  hostKind: "excel" | "browser";
  onRun: () => void;
  onWrite: () => void;
  /** Selects the finding's cell in Excel; absent in the browser. */
  onSelect?: (finding: Finding) => void;
}

interface RuleGroup {
  rule: string;
  severity: Severity;
  findings: Finding[];
}

function groupByRule(findings: readonly Finding[]): RuleGroup[] {
  const groups = new Map<string, RuleGroup>();
  const rank: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
  for (const f of findings) {
    const g = groups.get(f.rule) ?? { rule: f.rule, severity: f.severity, findings: [] };
    if (rank[f.severity] < rank[g.severity]) g.severity = f.severity;
    g.findings.push(f);
    groups.set(f.rule, g);
  }
  return [...groups.values()].sort((a, b) => rank[a.severity] - rank[b.severity]);
}

export function CheckStep(props: CheckStepProps) {
  const { t, lang } = useI18n();
  const [selected, setSelected] = useState<Finding | null>(null);
  const report = props.run?.report ?? null;
  const groups = useMemo(() => (report ? groupByRule(report.issues) : []), [report]);
  const severityLabel = (s: Severity) => (lang === "zh-CN" ? SEVERITY_LABELS[s] : SEVERITY_EN[s]);

  const apps = report?.verdicts.filter((v) => v.document === "application") ?? [];
  const annual = report?.verdicts.filter((v) => v.document !== "application") ?? [];
  const where = selected && props.run ? props.run.locate(selected) : null;

  const click = (f: Finding) => {
    setSelected(f);
    props.onSelect?.(f);
  };

  return (
    <section className="step" aria-labelledby="step-check-title">
      <h2 id="step-check-title" className="step-title">
        {t("stepCheck")}
      </h2>
      <RunActions
        canRun={props.canRun}
        busy={props.busy}
        hostKind={props.hostKind}
        hasResult={Boolean(report)}
        labels={{ run: "runCheck", write: "writeReview", download: "downloadReview" }}
        onRun={props.onRun}
        onWrite={props.onWrite}
      />
      {report ? (
        <>
          <h3 className="sub-title">{t("verdicts")}</h3>
          <ul className="verdicts">
            {apps.length ? (
              <>
                <li>
                  <Badge color="success" appearance="filled">
                    {t("eligible", { n: apps.filter((v) => v.eligible).length })}
                  </Badge>
                </li>
                <li>
                  <Badge color="danger" appearance="filled">
                    {t("ineligible", { n: apps.filter((v) => !v.eligible).length })}
                  </Badge>
                </li>
                <li>
                  <Badge color="brand" appearance="tint">
                    {t("priority", { n: apps.filter((v) => v.priority).length })}
                  </Badge>
                </li>
              </>
            ) : null}
            {annual.length ? (
              <>
                <li>
                  <Badge color="success" appearance="tint">
                    {t("annualOk", { n: annual.filter((v) => v.eligible).length })}
                  </Badge>
                </li>
                <li>
                  <Badge color="danger" appearance="tint">
                    {t("vetoed", { n: annual.filter((v) => !v.eligible).length })}
                  </Badge>
                </li>
              </>
            ) : null}
          </ul>
          <Text as="p" size={200}>
            {t("summaryCounts", {
              errors: report.summary.errors,
              warnings: report.summary.warnings,
              infos: report.summary.infos,
            })}
          </Text>
          {selected ? (
            <Text as="p" size={200} className="selected-at" role="status">
              {where ? t("selectedAt", { ref: `${where.sheet}!${where.cell}` }) : t("noLocation")}
            </Text>
          ) : null}
          <h3 className="sub-title">{t("findingsByRule")}</h3>
          {groups.length === 0 ? <Text as="p">{t("noFindings")}</Text> : null}
          {groups.map((g) => (
            <div key={g.rule} className="rule-group">
              <h4 className="rule-title">
                <Badge color={SEVERITY_COLORS[g.severity]} appearance="filled">
                  {severityLabel(g.severity)}
                </Badge>{" "}
                <code>{g.rule}</code> <span className="count">（{g.findings.length}）</span>
              </h4>
              <ul className="findings">
                {g.findings.slice(0, SHOWN_PER_RULE).map((f, i) => (
                  <li key={i}>
                    <Button
                      appearance={selected === f ? "outline" : "subtle"}
                      className="finding"
                      aria-pressed={selected === f}
                      onClick={() => click(f)}
                    >
                      <span>
                        {f.outletName ? <strong>{f.outletName}：</strong> : null}
                        {f.message}
                      </span>
                    </Button>
                  </li>
                ))}
              </ul>
              {g.findings.length > SHOWN_PER_RULE ? (
                <Text size={200}>{t("moreFindings", { n: g.findings.length - SHOWN_PER_RULE })}</Text>
              ) : null}
            </div>
          ))}
        </>
      ) : null}
    </section>
  );
}
