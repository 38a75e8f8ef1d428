/**
 * Rules are modules in the style of ESLint's: metadata beside a check. A rule visits the
 * documents it cares about (one visitor per document kind) and reports findings through its
 * context; the engine adds outlet, document, file, severity and article.
 */
import type { CatalogItem } from "../catalog";
import type { Category, Grade } from "../codes";
import type { Settings } from "../config";
import type { Severity } from "../findings";
import type { AnnualSummary, Application, Ledger, LedgerEntry, RegistryOutlet } from "../schemas";

export interface RuleMeta {
  /** Stable id `area/name`, as in RULES.md. */
  readonly id: string;
  /** Article of the guide (or form section) the rule enforces, e.g. `第五条（一）`. */
  readonly article: string;
  /** Default severity; for rules that report two levels, the higher one. */
  readonly severity: Severity;
  /** The other level a two-level rule may report (RULES.md "error / warning"). */
  readonly alsoSeverity?: Severity;
  /** Chinese: what fails the rule (shown in docs/rules.md and the task pane). */
  readonly description: string;
  /** English catalogue of the same. */
  readonly descriptionEn: string;
  /** Section of RULES.md: A (application), B (annual evaluation) or input. */
  readonly section: "A" | "B" | "input";
  /** Document fields the rule reads (for docs, and to point at cells). */
  readonly fields: readonly string[];
}

/** What a rule reports; the engine completes it into a Finding. */
export interface Report {
  /** Path inside the document, e.g. `org.staff.fullTime`. */
  path?: string;
  message: string;
  /** Only for two-level rules: the level of this finding (default: meta.severity). */
  severity?: Severity;
}

/** Lookup of the registry (市级网点名录) by credit code. */
export interface RegistryIndex {
  /** True when a registry document was given: rules that need it stay silent otherwise. */
  readonly present: boolean;
  get(creditCode: string | undefined): RegistryOutlet | undefined;
}

export interface BaseContext {
  readonly settings: Settings;
  /** Reference date (ISO) passed in from outside; the core never reads the clock. */
  readonly today: string | null;
  readonly registry: RegistryIndex;
  report(report: Report): void;
}

export interface ApplicationContext extends BaseContext {
  /** Every application of the batch (for checks across the batch). */
  readonly applications: readonly Application[];
}

export interface SummaryContext extends BaseContext {
  readonly registryRecord: RegistryOutlet | undefined;
}

export interface LedgerContext extends BaseContext {
  /** The outlet's category, from its summary, application or registry record. */
  readonly category: Category | undefined;
  /** Item codes the outlet declared (summary, else application), or null when nothing declares them. */
  readonly declaredItems: ReadonlySet<string> | null;
  /** Where the declared items come from, for messages. */
  readonly declaredIn: "annualSummary" | "application" | null;
  readonly registryRecord: RegistryOutlet | undefined;
  /** Catalog item of each loaded entry (same index as `ledger.entries`), undefined when not in 附件2. */
  readonly items: readonly (CatalogItem | undefined)[];
  /** Reports on entry `index` (0-based among loaded entries); `field` is a path inside the entry. */
  reportEntry(index: number, field: string | null, message: string, severity?: Severity): void;
  /** 1-based entry number (JSON entry index, or sheet row) of loaded entry `index`, for messages. */
  entryNumber(index: number): number;
  /** How a message names loaded entry `index`: 第 N 条 (JSON entry) or 第 N 行 (sheet row). */
  entryLabel(index: number): string;
}

/** One outlet of an annual evaluation: everything the batch holds about it. */
export interface OutletSubject {
  readonly creditCode: string | undefined;
  readonly name: string | undefined;
  readonly year: number;
  readonly registryRecord: RegistryOutlet | undefined;
  readonly summaries: readonly AnnualSummary[];
  readonly ledgers: readonly Ledger[];
  /** Ledger entries loaded for `year` across the outlet's ledgers. */
  readonly entriesInYear: number;
  /**
   * This year's grade: from scoring, else the registry's evaluation record for the year, else
   * 不合格 when a section-B error is already open for the outlet (RUBRIC.md: vetoes force 不合格
   * whatever the score); undefined when none of these is known. Read when the rule runs.
   */
  readonly grade: Grade | undefined;
  readonly gradeSource: "scoring" | "registry" | "veto" | undefined;
  /** Section-B errors open for the outlet when the rule runs (rules run in RULES.md order). */
  readonly openErrors: number;
}

export type OutletContext = BaseContext;

export interface Rule {
  readonly meta: RuleMeta;
  application?(doc: Application, ctx: ApplicationContext): void;
  annualSummary?(doc: AnnualSummary, ctx: SummaryContext): void;
  ledger?(doc: Ledger, ctx: LedgerContext): void;
  outlet?(subject: OutletSubject, ctx: OutletContext): void;
}

export type { LedgerEntry };

/** Declares a rule (identity function that keeps the literal types and checks the shape). */
export function defineRule(rule: Rule): Rule {
  return rule;
}
