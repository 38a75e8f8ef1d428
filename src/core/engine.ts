/**
 * The review engine: runs every rule over a batch of parsed documents and gives findings and
 * verdicts. Pure: settings, the reference date and (later) this year's grades are passed in.
 */
import { resolveItem, type CatalogItem } from "./catalog";
import { CATEGORIES, type Category, type Grade } from "./codes";
import type { Settings } from "./config";
import type { DocumentKind, Finding, Severity } from "./findings";
import { joinPath, type SourcedDocument, type SourcedLedger, type SourcedRegistry } from "./parse";
import { ALL_RULES } from "./rules";
import type {
  ApplicationContext,
  LedgerContext,
  OutletSubject,
  RegistryIndex,
  Report,
  Rule,
  SummaryContext,
} from "./rules/types";
import type { AnnualSummary, Application, RegistryOutlet, Services } from "./schemas";

export interface CheckOptions {
  settings: Settings;
  /** Reference date (ISO), e.g. the day the review runs; used only where a document gives no date. */
  today?: string | null;
  /** This year's grade per outlet (credit code), once scored. */
  grades?: ReadonlyMap<string, Grade>;
  /** Rules to run (default: all). */
  rules?: readonly Rule[];
}

export interface ApplicationVerdict {
  outlet: string | null;
  outletName: string | null;
  document: "application";
  file: string | null;
  /** Where the application sits in its file ("" or "[i]"), to tell apart two applications of one outlet. */
  pathPrefix: string;
  /** 符合认定条件: no error finding. */
  eligible: boolean;
  /** 优先纳入 (第六条). */
  priority: boolean;
  errors: number;
  warnings: number;
  infos: number;
}

export interface AnnualVerdict {
  outlet: string | null;
  outletName: string | null;
  /** The document the outlet's evaluation rests on: its summary, else its ledger, else its registry record. */
  document: "annualSummary" | "ledger" | "registry";
  file: string | null;
  year: number;
  /** An error finding of section B is open: the evaluation is 不合格 whatever the score (RUBRIC.md). */
  vetoed: boolean;
  errors: number;
  warnings: number;
  infos: number;
}

export type Verdict = ApplicationVerdict | AnnualVerdict;

export interface CheckResult {
  findings: Finding[];
  verdicts: Verdict[];
  /** Findings by the document they were raised on (an outlet's own findings go to the document they are shown on). */
  bySource: Map<SourcedDocument, Finding[]>;
  /** Evaluation year used for the annual rules, or null when the batch has no summary or ledger. */
  year: number | null;
}

/** Outlet key used everywhere: the credit code, or the name when the code is missing. */
export function outletKey(code: string | undefined, name: string | undefined): string | null {
  return code || name || null;
}

function buildRegistry(docs: readonly SourcedRegistry[]): {
  index: RegistryIndex;
  records: { record: RegistryOutlet; source: SourcedRegistry; position: number }[];
} {
  const byCode = new Map<string, { record: RegistryOutlet; source: SourcedRegistry; position: number }>();
  for (const source of docs) {
    source.doc.outlets.forEach((record, position) => byCode.set(record.creditCode, { record, source, position }));
  }
  return {
    index: {
      present: docs.length > 0,
      get: (code) => (code ? byCode.get(code)?.record : undefined),
    },
    records: [...byCode.values()],
  };
}

function asCategory(value: string | undefined): Category | undefined {
  return value && (CATEGORIES as readonly string[]).includes(value) ? (value as Category) : undefined;
}

/** Items written by name become codes (an unknown name is kept as written for `services/unknown-item`). */
function resolveServices(services: Services, category: string | undefined): Services {
  const resolve = (values: string[]): string[] => values.map((v) => resolveItem(v, category)?.code ?? v);
  return {
    ...services,
    basic: resolve(services.basic),
    lowCost: resolve(services.lowCost),
    valueAdded: resolve(services.valueAdded),
  };
}

function declaredCodes(services: Services): Set<string> {
  return new Set([...services.basic, ...services.lowCost, ...services.valueAdded]);
}

/** Most common year of the batch's summaries and ledgers. */
function batchYear(summaries: readonly AnnualSummary[], ledgerYears: readonly number[]): number | null {
  const counts = new Map<number, number>();
  for (const y of [...summaries.map((s) => s.year), ...ledgerYears]) counts.set(y, (counts.get(y) ?? 0) + 1);
  let best: number | null = null;
  for (const [y, n] of counts)
    if (best === null || n > counts.get(best)! || (n === counts.get(best) && y > best)) best = y;
  return best;
}

/** Entries dated in `year`, or whose date has no year to tell (missing or not starting YYYY-). */
function countEntriesInYear(entries: readonly { date?: string | undefined }[], year: number): number {
  const prefix = `${year}-`;
  let n = 0;
  for (const { date } of entries) {
    if (!date || date.length < 5 || date.charCodeAt(4) !== 45) {
      n++;
      continue;
    }
    let digits = true;
    for (let k = 0; k < 4; k++) {
      const d = date.charCodeAt(k);
      if (d < 48 || d > 57) digits = false;
    }
    if (!digits || date.startsWith(prefix)) n++;
  }
  return n;
}

export function runChecks(documents: readonly SourcedDocument[], options: CheckOptions): CheckResult {
  const { settings } = options;
  const today = options.today ?? settings.today ?? null;
  const rules = (options.rules ?? ALL_RULES).filter((r) => settings.rules[r.meta.id] !== "off");
  const severityOf = (rule: Rule, requested: Severity | undefined): Severity => {
    const override = settings.rules[rule.meta.id];
    if (override && override !== "off") return override;
    return requested ?? rule.meta.severity;
  };

  const registries = documents.filter((d): d is SourcedRegistry => d.kind === "registry");
  const { index: registry, records: registryRecords } = buildRegistry(registries);

  // Resolve item names once, by each document's category.
  const applications = documents
    .filter((d) => d.kind === "application")
    .map((d) => ({ ...d, origin: d, doc: { ...d.doc, services: resolveServices(d.doc.services, d.doc.category) } }));
  const summaries = documents
    .filter((d) => d.kind === "annualSummary")
    .map((d) => ({ ...d, origin: d, doc: { ...d.doc, services: resolveServices(d.doc.services, d.doc.category) } }));
  const ledgers = documents.filter((d): d is SourcedLedger => d.kind === "ledger");

  const findings: Finding[] = [];
  const verdicts: Verdict[] = [];
  const bySource = new Map<SourcedDocument, Finding[]>();
  const onSource = (source: SourcedDocument | undefined, f: Finding) => {
    if (!source) return;
    const list = bySource.get(source);
    if (list) list.push(f);
    else bySource.set(source, [f]);
  };

  const make = (
    rule: Rule,
    report: Report,
    where: {
      outlet: string | null;
      outletName: string | null;
      document: DocumentKind;
      file: string | null;
      prefix: string;
      entry?: number | null;
      fullPath?: string | null;
    },
  ): Finding => ({
    rule: rule.meta.id,
    severity: severityOf(rule, report.severity),
    article: rule.meta.article,
    outlet: where.outlet,
    outletName: where.outletName,
    document: where.document,
    file: where.file,
    path: where.fullPath !== undefined ? where.fullPath : joinPath(where.prefix, report.path),
    entry: where.entry ?? null,
    message: `${report.message}（${rule.meta.article}）`,
  });

  const tally = (list: readonly Finding[]) => ({
    errors: list.filter((f) => f.severity === "error").length,
    warnings: list.filter((f) => f.severity === "warning").length,
    infos: list.filter((f) => f.severity === "info").length,
  });

  // ------------------------------------------------------------ A. applications
  const allApplications: Application[] = applications.map((a) => a.doc);
  for (const source of applications) {
    const doc = source.doc;
    const where = {
      outlet: outletKey(doc.org.creditCode, doc.org.name),
      outletName: doc.org.name ?? null,
      document: "application" as const,
      file: source.file,
      prefix: source.pathPrefix,
    };
    const own: Finding[] = [];
    for (const rule of rules) {
      if (!rule.application) continue;
      const ctx: ApplicationContext = {
        settings,
        today,
        registry,
        applications: allApplications,
        report: (r) => own.push(make(rule, r, where)),
      };
      rule.application(doc, ctx);
    }
    findings.push(...own);
    for (const f of own) onSource(source.origin, f);
    verdicts.push({
      outlet: where.outlet,
      outletName: where.outletName,
      document: "application",
      file: source.file,
      pathPrefix: source.pathPrefix,
      eligible: !own.some((f) => f.severity === "error"),
      priority: own.some((f) => f.rule === "priority/qualification"),
      ...tally(own),
    });
  }

  // ------------------------------------------------------------ B. annual evaluation
  const year =
    settings.year ??
    batchYear(
      summaries.map((s) => s.doc),
      ledgers.map((l) => l.doc.year),
    );
  // Findings that count toward the year's verdicts (and vetoes): those on the evaluation year's
  // documents and the outlets' own; a previous year's ledger is checked but vetoes nothing this year.
  const annual = new Map<string, Finding[]>();
  const addAnnual = (f: Finding, source: SourcedDocument | undefined, docYear: number | null) => {
    findings.push(f);
    onSource(source, f);
    if (docYear !== null && docYear !== year) return;
    const key = f.outlet ?? "";
    const list = annual.get(key);
    if (list) list.push(f);
    else annual.set(key, [f]);
  };

  for (const source of summaries) {
    const doc = source.doc;
    const record = registry.get(doc.org.creditCode);
    const where = {
      outlet: outletKey(doc.org.creditCode, doc.org.name),
      outletName: doc.org.name ?? record?.name ?? null,
      document: "annualSummary" as const,
      file: source.file,
      prefix: source.pathPrefix,
    };
    for (const rule of rules) {
      if (!rule.annualSummary) continue;
      const ctx: SummaryContext = {
        settings,
        today,
        registry,
        registryRecord: record,
        report: (r) => addAnnual(make(rule, r, where), source.origin, doc.year),
      };
      rule.annualSummary(doc, ctx);
    }
  }

  for (const source of ledgers) {
    const doc = source.doc;
    const code = doc.outlet.creditCode;
    const record = registry.get(code);
    const summary = summaries.find((s) => s.doc.org.creditCode === code && code)?.doc;
    const application = applications.find((a) => a.doc.org.creditCode === code && code)?.doc;
    const category = asCategory(summary?.category) ?? asCategory(application?.category) ?? record?.category;
    const declaredSource = summary ?? application;
    // Items repeat: resolve each distinct text once per ledger.
    const resolved = new Map<string, CatalogItem | undefined>();
    const items: (CatalogItem | undefined)[] = doc.entries.map((e) => {
      const text = e.item;
      if (!text) return undefined;
      if (resolved.has(text)) return resolved.get(text);
      const item = resolveItem(text, category);
      resolved.set(text, item);
      return item;
    });
    const where = {
      outlet: outletKey(code, doc.outlet.name),
      outletName: doc.outlet.name ?? record?.name ?? null,
      document: "ledger" as const,
      file: source.file,
      prefix: source.pathPrefix,
    };
    for (const rule of rules) {
      if (!rule.ledger) continue;
      const ctx: LedgerContext = {
        settings,
        today,
        registry,
        registryRecord: record,
        category,
        declaredItems: declaredSource ? declaredCodes(declaredSource.services) : null,
        declaredIn: summary ? "annualSummary" : application ? "application" : null,
        items,
        report: (r) => addAnnual(make(rule, r, where), source, doc.year),
        reportEntry: (index, field, message, severity) =>
          addAnnual(
            make(
              rule,
              { message, ...(severity ? { severity } : {}) },
              { ...where, entry: source.entryNumbers[index] ?? null, fullPath: source.entryPath(index, field) },
            ),
            source,
            doc.year,
          ),
        entryNumber: (index) => source.entryNumbers[index] ?? index + 1,
        entryLabel: (index) =>
          `第 ${source.entryNumbers[index] ?? index + 1} ${source.entryUnit === "row" ? "行" : "条"}`,
      };
      rule.ledger(doc, ctx);
    }
  }

  if (year !== null) {
    // Outlets under evaluation: every outlet with a summary or ledger, and every active registry outlet.
    const subjects = new Map<
      string,
      {
        code: string | undefined;
        name: string | undefined;
        summaries: { doc: AnnualSummary; file: string | null; prefix: string; origin: SourcedDocument }[];
        ledgers: SourcedLedger[];
        record: RegistryOutlet | undefined;
        registrySource?: { file: string | null; path: string; origin: SourcedDocument };
      }
    >();
    const subjectFor = (code: string | undefined, name: string | undefined) => {
      const key = outletKey(code, name) ?? "";
      let s = subjects.get(key);
      if (!s) {
        s = { code, name, summaries: [], ledgers: [], record: registry.get(code) };
        subjects.set(key, s);
      }
      return s;
    };
    for (const s of summaries) {
      if (s.doc.year !== year) continue;
      subjectFor(s.doc.org.creditCode, s.doc.org.name).summaries.push({
        doc: s.doc,
        file: s.file,
        prefix: s.pathPrefix,
        origin: s.origin,
      });
    }
    for (const l of ledgers) {
      if (l.doc.year !== year) continue;
      subjectFor(l.doc.outlet.creditCode, l.doc.outlet.name).ledgers.push(l);
    }
    for (const { record, source, position } of registryRecords) {
      if (record.status !== "active" && !subjects.has(record.creditCode)) continue;
      const s = subjectFor(record.creditCode, record.name);
      s.registrySource = {
        file: source.file,
        path: joinPath(source.pathPrefix, `outlets[${position}]`)!,
        origin: source,
      };
    }

    for (const s of subjects.values()) {
      const key = outletKey(s.code, s.name) ?? "";
      const scored = s.code ? options.grades?.get(s.code) : undefined;
      const recorded = s.record?.evaluations.find((e) => e.year === year)?.grade;
      const openErrors = () => (annual.get(key) ?? []).filter((f) => f.severity === "error").length;
      const entriesInYear = s.ledgers.reduce((n, l) => n + countEntriesInYear(l.doc.entries, year), 0);
      const subject: OutletSubject = {
        creditCode: s.code,
        name: s.name ?? s.record?.name,
        year,
        registryRecord: s.record,
        summaries: s.summaries.map((x) => x.doc),
        ledgers: s.ledgers.map((l) => l.doc),
        entriesInYear,
        get grade() {
          return scored ?? recorded ?? (openErrors() > 0 ? "fail" : undefined);
        },
        get gradeSource() {
          return scored ? "scoring" : recorded ? "registry" : openErrors() > 0 ? "veto" : undefined;
        },
        get openErrors() {
          return openErrors();
        },
      };
      const first = s.summaries[0];
      const firstLedger = s.ledgers[0];
      const where = first
        ? { document: "annualSummary" as const, file: first.file, prefix: first.prefix }
        : firstLedger
          ? { document: "ledger" as const, file: firstLedger.file, prefix: firstLedger.pathPrefix }
          : {
              document: "registry" as const,
              file: s.registrySource?.file ?? null,
              prefix: s.registrySource?.path ?? "",
            };
      const full = {
        outlet: outletKey(s.code, s.name),
        outletName: subject.name ?? null,
        ...where,
      };
      for (const rule of rules) {
        if (!rule.outlet) continue;
        const shownOn = first?.origin ?? firstLedger ?? s.registrySource?.origin;
        rule.outlet(subject, {
          settings,
          today,
          registry,
          report: (r) => addAnnual(make(rule, r, full), shownOn, null),
        });
      }
      const own = annual.get(full.outlet ?? "") ?? [];
      verdicts.push({
        outlet: full.outlet,
        outletName: full.outletName,
        document: where.document,
        file: where.file,
        year,
        vetoed: own.some((f) => f.severity === "error"),
        ...tally(own),
      });
    }
  }

  return { findings, verdicts, bySource, year };
}
