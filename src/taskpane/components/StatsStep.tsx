/** 统计: the city total by tier, per outlet and by month (the full tables go to the statistics workbook). */
import { Table, TableBody, TableCell, TableHeader, TableHeaderCell, TableRow, Text } from "@fluentui/react-components";
import type { StatsReport } from "../../core/statsTypes";
import { useI18n } from "../i18n";
import { RunActions } from "./RunActions";

export interface StatsStepProps {
  report: StatsReport | null;
  canRun: boolean;
  busy: boolean;
  hostKind: "excel" | "browser";
  onRun: () => void;
  onWrite: () => void;
}

export function StatsStep(props: StatsStepProps) {
  const { t, lang } = useI18n();
  const n = (v: number) => v.toLocaleString(lang);
  const r = props.report;
  return (
    <section className="step" aria-labelledby="step-stats-title">
      <h2 id="step-stats-title" className="step-title">
        {t("stepStats")}
      </h2>
      <RunActions
        canRun={props.canRun}
        busy={props.busy}
        hostKind={props.hostKind}
        hasResult={Boolean(r)}
        labels={{ run: "runStats", write: "writeStats", download: "downloadStats" }}
        onRun={props.onRun}
        onWrite={props.onWrite}
      />
      {r ? (
        <>
          {r.year !== null ? <Text as="p">{t("statsYear", { year: String(r.year) })}</Text> : null}
          <Table size="small" aria-label={t("totals")} className="narrow-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("item")}</TableHeaderCell>
                <TableHeaderCell className="num">{t("cityTotal")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              <TableRow>
                <TableCell>{t("tierBasic")}</TableCell>
                <TableCell className="num">{n(r.total.counts.basic)}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell>{t("tierLowCost")}</TableCell>
                <TableCell className="num">{n(r.total.counts.lowCost)}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell>{t("tierValueAdded")}</TableCell>
                <TableCell className="num">{n(r.total.counts.valueAdded)}</TableCell>
              </TableRow>
              <TableRow>
                <TableCell>
                  <strong>{t("total")}</strong>
                </TableCell>
                <TableCell className="num">
                  <strong>{n(r.total.counts.total)}</strong>
                </TableCell>
              </TableRow>
            </TableBody>
          </Table>
          <h3 className="sub-title">{t("byOutlet")}</h3>
          <Table size="small" aria-label={t("byOutlet")} className="narrow-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("outlet")}</TableHeaderCell>
                <TableHeaderCell className="num">{t("total")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {r.outlets.map((o, i) => (
                <TableRow key={`${o.outlet ?? ""}-${i}`}>
                  <TableCell>{o.outletName ?? o.outlet ?? "—"}</TableCell>
                  <TableCell className="num">{n(o.counts.total)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <h3 className="sub-title">{t("byMonth")}</h3>
          <Table size="small" aria-label={t("byMonth")} className="narrow-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell>{t("month")}</TableHeaderCell>
                <TableHeaderCell className="num">{t("total")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {Object.entries(r.total.byMonth)
                .sort(([a], [b]) => a.localeCompare(b))
                .map(([month, count]) => (
                  <TableRow key={month}>
                    <TableCell>{month}</TableCell>
                    <TableCell className="num">{n(count)}</TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </>
      ) : null}
    </section>
  );
}
