import { Button, Text } from "@fluentui/react-components";
import { useI18n, type MessageKey } from "../i18n";

export interface RunActionsProps {
  canRun: boolean;
  busy: boolean;
  hostKind: "excel" | "browser";
  /** A result exists, so it can be written (in Excel) or downloaded (in a browser). */
  hasResult: boolean;
  labels: { run: MessageKey; write: MessageKey; download: MessageKey };
  onRun: () => void;
  onWrite: () => void;
}

/** The run and write/download buttons every computing step starts with, and why running is not possible yet. */
export function RunActions(props: RunActionsProps) {
  const { t } = useI18n();
  return (
    <>
      <div className="actions">
        <Button appearance="primary" disabled={!props.canRun || props.busy} onClick={props.onRun}>
          {t(props.labels.run)}
        </Button>
        {props.hasResult ? (
          <Button disabled={props.busy} onClick={props.onWrite}>
            {props.hostKind === "excel" ? t(props.labels.write) : t(props.labels.download)}
          </Button>
        ) : null}
      </div>
      {!props.canRun ? <Text as="p">{t("needDocuments")}</Text> : null}
    </>
  );
}
