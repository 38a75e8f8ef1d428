/** Progress of long work (with its cancel button) and the notices (Fluent MessageBars) of the pane. */
import {
  Button,
  Field,
  Link,
  MessageBar,
  MessageBarActions,
  MessageBarBody,
  MessageBarTitle,
  ProgressBar,
} from "@fluentui/react-components";
import type { Finding } from "../../core/findings";
import type { WorkProgress } from "../host";
import { useT, type Translate } from "../i18n";

export interface Notice {
  id: number;
  intent: "error" | "warning" | "success" | "info";
  title?: string;
  text: string;
  /** A download link to click when the automatic one was blocked. */
  link?: { url: string; name: string };
}

export function ProgressPanel(props: { label: string; progress: WorkProgress; onCancel: () => void }) {
  const t = useT();
  const { done, total, label } = props.progress;
  const text = total > 0 ? t("progressOf", { label: label ?? props.label, done, total }) : props.label;
  return (
    <div className="panel-progress" role="status" aria-live="polite">
      <Field label={props.label} validationMessage={text} validationState="none">
        <ProgressBar value={total > 0 ? done / total : undefined} max={1} thickness="large" />
      </Field>
      <Button onClick={props.onCancel}>{t("cancel")}</Button>
    </div>
  );
}

/** File, sheet, row and field of a finding about unreadable input, from its path (`服务台账!C5`, `org.staff`). */
export function describeWhere(f: Finding, t: Translate): string {
  const parts: string[] = [];
  if (f.file) parts.push(`${t("fileLabel")}“${f.file}”`);
  const ref = f.path ? /^(?:'((?:[^']|'')+)'|([^!]+))!([A-Z]*)(\d+)(?::\d+)?$/u.exec(f.path) : null;
  if (ref) {
    parts.push(`${t("sheetLabel")}“${(ref[1] ?? ref[2] ?? "").replace(/''/gu, "'")}”`);
    parts.push(t("rowLabel", { n: Number(ref[4]) }) + (ref[3] ? `（${ref[3]}${ref[4]}）` : ""));
  } else {
    if (f.entry !== null) parts.push(t("entryLabel", { n: f.entry }));
    if (f.path) parts.push(`${t("fieldLabel")} ${f.path}`);
  }
  return parts.join(" · ");
}

export function Notices(props: { notices: readonly Notice[]; onDismiss: (id: number) => void }) {
  const t = useT();
  if (!props.notices.length) return null;
  return (
    <div className="notices">
      {props.notices.map((n) => (
        <MessageBar key={n.id} intent={n.intent} layout="multiline">
          <MessageBarBody>
            {n.title ? <MessageBarTitle>{n.title}</MessageBarTitle> : null}
            {n.text}
            {n.link ? (
              <>
                {" "}
                <Link href={n.link.url} download={n.link.name}>
                  {t("downloadAgain", { name: n.link.name })}
                </Link>
              </>
            ) : null}
          </MessageBarBody>
          <MessageBarActions>
            <Button size="small" appearance="transparent" onClick={() => props.onDismiss(n.id)}>
              {t("dismiss")}
            </Button>
          </MessageBarActions>
        </MessageBar>
      ))}
    </div>
  );
}
