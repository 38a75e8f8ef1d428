/** 载入: pick JSON/xlsx files (several at once), or read the sheets of the open workbook (Excel). */
import { Badge, Button, Field, Text } from "@fluentui/react-components";
import type { ChangeEvent } from "react";
import { useT } from "../i18n";
import type { Loaded, LoadedFile } from "../session";
import { documentCounts } from "../session";

export interface LoadStepProps {
  files: readonly LoadedFile[];
  loaded: Loaded;
  busy: boolean;
  onFiles: (files: File[]) => void;
  onReadWorkbook?: () => void;
  onClear: () => void;
}

export function LoadStep(props: LoadStepProps) {
  const t = useT();
  const onChange = (event: ChangeEvent<HTMLInputElement>) => {
    const picked = event.target.files ? Array.from(event.target.files) : [];
    // Cleared so that choosing the same file again (after fixing it) fires a change again.
    event.target.value = "";
    if (picked.length) props.onFiles(picked);
  };
  const c = documentCounts(props.loaded);
  return (
    <section className="step" aria-labelledby="step-load-title">
      <h2 id="step-load-title" className="step-title">
        {t("stepLoad")}
      </h2>
      <Field label={t("chooseFiles")} hint={t("chooseFilesHint")}>
        {(fieldProps) => (
          <input
            {...fieldProps}
            className="file-input"
            type="file"
            multiple
            // What the product reads, and what it recognises to say what to do with (a .xls, a .docx, a scan):
            // every file gets its line, by content, whatever its name.
            accept=".json,.xlsx,.xlsm,.xls,.et,.csv,.docx,.doc,.wps,.pdf,.zip,application/json,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={props.busy}
            onChange={onChange}
          />
        )}
      </Field>
      <div className="actions">
        {props.onReadWorkbook ? (
          <Button appearance="primary" disabled={props.busy} onClick={props.onReadWorkbook}>
            {t("readWorkbook")}
          </Button>
        ) : null}
        {props.files.length ? (
          <Button disabled={props.busy} onClick={props.onClear}>
            {t("clearFiles")}
          </Button>
        ) : null}
      </div>
      {props.files.length ? (
        <>
          <Text as="p" size={200}>
            {t("loadSummary", {
              applications: c.applications,
              summaries: c.annualSummaries,
              ledgers: c.ledgers,
              entries: c.ledgerEntries,
              registry: c.registry,
              sheets: c.sheets,
            })}
          </Text>
          <h3 className="sub-title">{t("filesLoaded")}</h3>
          <ul className="file-list" aria-label={t("filesLoaded")}>
            {props.files.map((f) => (
              <li key={f.name}>
                <Text className="file-name">{f.name}</Text>
                <span className="badges">
                  <Badge appearance="tint" color="success">
                    {t("documentsCount", { n: f.input.documents })}
                  </Badge>
                  {f.input.rejected ? (
                    <Badge appearance="tint" color="danger">
                      {t("rejectedCount", { n: f.input.rejected })}
                    </Badge>
                  ) : null}
                </span>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <Text as="p">{t("noFiles")}</Text>
      )}
    </section>
  );
}
