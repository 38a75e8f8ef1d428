/** What a rule reports, and what the engine hands to the report. */

export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];
export const SEVERITY_LABELS: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

export type DocumentKind = "application" | "annualSummary" | "ledger" | "registry";
export const DOCUMENT_LABELS: Record<DocumentKind, string> = {
  application: "申报书",
  annualSummary: "工作总结表",
  ledger: "服务台账",
  registry: "网点名录",
};

/** One finding as it appears in the JSON report of CLI.md (every field always present). */
export interface Finding {
  rule: string;
  severity: Severity;
  article: string;
  /** Credit code of the outlet, or its name when the code is missing. */
  outlet: string | null;
  outletName: string | null;
  document: DocumentKind | null;
  file: string | null;
  /** JSON path inside the file, e.g. `org.staff.fullTime` or `entries[11].fee`. */
  path: string | null;
  /** 1-based ledger entry (or sheet row) for ledger findings, else null. */
  entry: number | null;
  message: string;
}
