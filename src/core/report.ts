/** The JSON report of `check`, exactly as CLI.md specifies it. Pure: input hashes are passed in. */
import type { CheckResult, Verdict } from "./engine";
import type { Finding } from "./findings";
import type { SourcedDocument } from "./parse";

export const REPORT_VERSION = 1;

export interface InputRecord {
  file: string;
  sha256: string | null;
  /** Documents loaded from the file. */
  documents: number;
  /** Documents, or ledger entries, that could not be loaded. */
  rejected: number;
}

export interface CheckReport {
  version: number;
  documents: {
    applications: number;
    annualSummaries: number;
    ledgers: number;
    ledgerEntries: number;
    registry: number;
  };
  issues: Finding[];
  verdicts: ReportVerdict[];
  summary: { errors: number; warnings: number; infos: number; byRule: Record<string, number> };
  inputs: InputRecord[];
}

export interface ReportVerdict {
  outlet: string | null;
  outletName: string | null;
  document: Verdict["document"];
  /** Application: 符合认定条件. Annual evaluation: no section-B error open (not vetoed). */
  eligible: boolean;
  priority: boolean;
  errors: number;
  warnings: number;
  infos: number;
}

export function countDocuments(documents: readonly SourcedDocument[]): CheckReport["documents"] {
  const out = { applications: 0, annualSummaries: 0, ledgers: 0, ledgerEntries: 0, registry: 0 };
  for (const d of documents) {
    if (d.kind === "application") out.applications++;
    else if (d.kind === "annualSummary") out.annualSummaries++;
    else if (d.kind === "registry") out.registry++;
    else {
      out.ledgers++;
      out.ledgerEntries += d.doc.entries.length;
    }
  }
  return out;
}

export function buildCheckReport(
  documents: readonly SourcedDocument[],
  inputFindings: readonly Finding[],
  result: CheckResult,
  inputs: readonly InputRecord[],
): CheckReport {
  const issues = [...inputFindings, ...result.findings];
  const byRule: Record<string, number> = {};
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const f of issues) {
    byRule[f.rule] = (byRule[f.rule] ?? 0) + 1;
    if (f.severity === "error") errors++;
    else if (f.severity === "warning") warnings++;
    else infos++;
  }
  return {
    version: REPORT_VERSION,
    documents: countDocuments(documents),
    issues,
    verdicts: result.verdicts.map((v) => ({
      outlet: v.outlet,
      outletName: v.outletName,
      document: v.document,
      eligible: v.document === "application" ? v.eligible : !v.vetoed,
      priority: v.document === "application" ? v.priority : false,
      errors: v.errors,
      warnings: v.warnings,
      infos: v.infos,
    })),
    summary: { errors, warnings, infos, byRule },
    inputs: [...inputs],
  };
}
