/** 评分: evaluations ranked with grade and flags; score sheets for named reviewers; the results workbook. */
import {
  Badge,
  Button,
  Field,
  Table,
  TableBody,
  TableCell,
  TableHeader,
  TableHeaderCell,
  TableRow,
  Text,
  Textarea,
} from "@fluentui/react-components";
import { useState } from "react";
import { useI18n } from "../i18n";
import { RunActions } from "./RunActions";
import type { ScoreRun } from "../session";

export interface ScoreStepProps {
  run: ScoreRun | null;
  canRun: boolean;
  busy: boolean;
  hostKind: "excel" | "browser";
  onRun: () => void;
  onWrite: () => void;
  onMakeSheets: (reviewersText: string) => void;
}

export function ScoreStep(props: ScoreStepProps) {
  const { t, lang } = useI18n();
  const [reviewers, setReviewers] = useState("");
  const report = props.run?.report ?? null;
  const num = (v: number | null) => (v === null ? "—" : v.toLocaleString(lang, { maximumFractionDigits: 1 }));
  return (
    <section className="step" aria-labelledby="step-score-title">
      <h2 id="step-score-title" className="step-title">
        {t("stepScore")}
      </h2>
      <RunActions
        canRun={props.canRun}
        busy={props.busy}
        hostKind={props.hostKind}
        hasResult={Boolean(report)}
        labels={{ run: "runScore", write: "writeScore", download: "downloadScore" }}
        onRun={props.onRun}
        onWrite={props.onWrite}
      />
      {report?.evaluations.map((e) => (
        <div key={e.kind} className="evaluation">
          <h3 className="sub-title">
            {e.kind === "annual" && e.year !== null ? `${e.year} ` : ""}
            {e.label}
          </h3>
          <Table size="small" aria-label={e.label} className="narrow-table">
            <TableHeader>
              <TableRow>
                <TableHeaderCell className="rank">{t("rank")}</TableHeaderCell>
                <TableHeaderCell>{t("outlet")}</TableHeaderCell>
                <TableHeaderCell className="num">{t("score")}</TableHeaderCell>
                <TableHeaderCell>{t("grade")}</TableHeaderCell>
              </TableRow>
            </TableHeader>
            <TableBody>
              {e.outlets.map((o) => (
                <TableRow key={`${o.outlet}-${o.file ?? ""}`}>
                  <TableCell className="rank">{o.rank === null ? "—" : `${o.rank}${o.tie ? "=" : ""}`}</TableCell>
                  <TableCell>
                    <div>{o.outletName ?? o.outlet}</div>
                    {o.priority || o.vetoed || o.accredited || o.revocationProposed ? (
                      <div className="badges">
                        {o.accredited ? <Badge color="success">{t("flagAccredited")}</Badge> : null}
                        {o.priority ? <Badge color="brand">{t("flagPriority")}</Badge> : null}
                        {o.vetoed ? <Badge color="danger">{t("flagVetoed")}</Badge> : null}
                        {o.revocationProposed ? <Badge color="severe">{t("flagRevocation")}</Badge> : null}
                      </div>
                    ) : null}
                    {o.flags.length ? (
                      <ul className="flags" aria-label={t("flags")}>
                        {o.flags.map((f, i) => (
                          <li key={i}>
                            <Text size={200}>{f}</Text>
                          </li>
                        ))}
                      </ul>
                    ) : null}
                  </TableCell>
                  <TableCell className="num">{num(o.total)}</TableCell>
                  <TableCell>{o.gradeLabel ?? "—"}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        </div>
      ))}
      <Field label={t("reviewers")}>
        <Textarea value={reviewers} resize="vertical" onChange={(_, data) => setReviewers(data.value)} />
      </Field>
      <div className="actions">
        <Button disabled={props.busy} onClick={() => props.onMakeSheets(reviewers)}>
          {t("makeScoringSheets")}
        </Button>
      </div>
    </section>
  );
}
