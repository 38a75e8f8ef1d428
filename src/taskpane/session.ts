/**
 * A task-pane session: the files loaded and what the core made of them. Files are read by the application layer the
 * command line uses (src/app/readInput): bytes come from the file picker or from the open workbook. Long work yields between files so the
 * progress bar repaints and a cancel (AbortSignal) is honoured between steps.
 */
import { browserInflater, type Inflater } from "../adapters/zip/inflate";
import { importRaw, readInput, rejectedFile, type LoadedFile } from "../app/readInput";
import { DEFAULT_SETTINGS, type Settings } from "../core/config";
import { runChecks, type CheckResult } from "../core/engine";
import type { Finding } from "../core/findings";
import type { SourcedDocument } from "../core/parse";
import { buildCheckReport, countDocuments, type CheckReport, type InputRecord } from "../core/report";
import { ruleIds } from "../core/rules";
import type { ReviewerSheet } from "../core/scoring/reviewers";
import { buildScoreReport, type ScoreReport } from "../core/scoring/report";
import { DEFAULT_RUBRICS } from "../core/scoring/rubrics";
import { runScoring, type ScoringResult } from "../core/scoring/score";
import type { RawWorkbook, WorkbookModel } from "../core/sheets/model";
import { reviewWorkbook, scoreWorkbook, statsWorkbook, type Versions } from "../core/sheets/review";
import { dataCellRef } from "../core/sheets/reviewSheets/common";
import { documentSheets } from "../core/sheets/reviewSheets/documents";
import {
  applicationTemplate,
  ledgerTemplate,
  registryTemplate,
  scoringTemplate,
  summaryTemplate,
  type ScoringPart,
} from "../core/sheets/templates";
import { buildStatsReport } from "../core/stats";
import { escapeControls } from "../core/text";
import type { StatsReport } from "../core/statsTypes";
import { throwIfAborted, type WorkOptions } from "./host";

/** The version shown in 审核日志 (kept in step with package.json by the release). */
export const APP_VERSION = "0.1.0";

/** A file to load: the picker's File satisfies it (name + arrayBuffer, or read through FileReader). */
export interface InputFile {
  name: string;
  bytes(): Promise<Uint8Array>;
}

export type { LoadedFile };
export { importRaw };

export interface Loaded {
  documents: SourcedDocument[];
  sheets: ReviewerSheet[];
  findings: Finding[];
  inputs: InputRecord[];
}

/** Lets the browser paint and react to a click (cancel) between pieces of work. */
export function nextTick(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function sha256(bytes: Uint8Array): Promise<string | null> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return null; // Not a secure context: the audit log shows no hash rather than failing.
  try {
    const digest = await subtle.digest("SHA-256", bytes as BufferSource);
    return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
  } catch {
    return null;
  }
}

/** Called with each readable xlsx, e.g. to bring a filled template into the workbook open in Excel. */
export type OnWorkbook = (bytes: Uint8Array, raw: RawWorkbook) => Promise<unknown>;

export interface LoadOptions {
  /** The platform's inflater (the browser's by default; tests give Node's or the fallback). */
  inflate?: Inflater;
  onWorkbook?: OnWorkbook;
}

/**
 * One file by content, through the reader the command line uses (src/app/readInput): JSON, a workbook, or a clear
 * message for what cannot be reviewed. Never throws on input.
 */
export async function loadOne(file: InputFile, options: LoadOptions = {}): Promise<LoadedFile> {
  let bytes: Uint8Array;
  try {
    bytes = await file.bytes();
  } catch {
    return rejectedFile(
      escapeControls(file.name),
      null,
      "无法读取该文件（浏览器未能打开它，可能已被移动或删除）；该文件未审核",
    );
  }
  const name = escapeControls(file.name);
  const loaded = await readInput(
    { name, bytes, sha256: await sha256(bytes) },
    // Rows are kept only for a workbook that is to be brought into Excel.
    { inflate: options.inflate ?? browserInflater(), keepRows: options.onWorkbook !== undefined },
  );
  if (options.onWorkbook && loaded.workbook && loaded.documents.length + loaded.sheets.length > 0) {
    await options.onWorkbook(bytes, loaded.workbook);
  }
  // The workbook has done its part: it is not kept with the session.
  delete loaded.workbook;
  return loaded;
}

/** Loads files one by one, reporting progress and stopping at a cancel. */
export async function loadFiles(
  files: readonly InputFile[],
  options: WorkOptions & LoadOptions = {},
): Promise<LoadedFile[]> {
  const out: LoadedFile[] = [];
  for (let i = 0; i < files.length; i++) {
    throwIfAborted(options.signal);
    options.onProgress?.({ done: i, total: files.length, label: files[i]!.name });
    await nextTick();
    out.push(await loadOne(files[i]!, options));
  }
  throwIfAborted(options.signal);
  options.onProgress?.({ done: files.length, total: files.length });
  return out;
}

/** Adds files to a session: a file loaded again (same name) replaces its earlier load, never duplicates it. */
export function mergeFiles(current: readonly LoadedFile[], added: readonly LoadedFile[]): LoadedFile[] {
  const names = new Set(added.map((f) => f.name));
  return [...current.filter((f) => !names.has(f.name)), ...added];
}

export function combine(files: readonly LoadedFile[]): Loaded {
  return {
    documents: files.flatMap((f) => f.documents),
    sheets: files.flatMap((f) => f.sheets),
    findings: files.flatMap((f) => f.findings),
    inputs: files.map((f) => f.input),
  };
}

export function documentCounts(loaded: Loaded): CheckReport["documents"] & { sheets: number } {
  return { ...countDocuments(loaded.documents), sheets: loaded.sheets.length };
}

export interface SessionContext {
  settings?: Settings;
  /** Today's date (ISO); the only place the clock is read. */
  today: string;
  /** When a workbook was generated (审核日志). */
  now: string;
}

export function localToday(d = new Date()): string {
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export function appVersions(settings: Settings = DEFAULT_SETTINGS): Versions {
  return { app: APP_VERSION, rules: ruleIds().filter((id) => settings.rules[id] !== "off").length };
}

export interface CheckRun {
  result: CheckResult;
  report: CheckReport;
  /** The cell of a finding in the review workbook's sheets (sheet name and A1 ref), or null. */
  locate(finding: Finding): { sheet: string; cell: string } | null;
}

export async function check(loaded: Loaded, ctx: SessionContext, options: WorkOptions = {}): Promise<CheckRun> {
  const settings = ctx.settings ?? DEFAULT_SETTINGS;
  options.onProgress?.({ done: 0, total: 1 });
  await nextTick();
  throwIfAborted(options.signal);
  const result = runChecks(loaded.documents, { settings, today: ctx.today });
  const report = buildCheckReport(loaded.documents, loaded.findings, result, loaded.inputs);
  options.onProgress?.({ done: 1, total: 1 });
  let sheets: ReturnType<typeof documentSheets> | null = null;
  return {
    result,
    report,
    locate(finding) {
      // Built on the first click only: the same sheets the review workbook is made of, so the refs match.
      sheets ??= documentSheets({ documents: loaded.documents, check: result });
      const at = sheets.locate(finding);
      return at ? { sheet: at.sheet, cell: dataCellRef(at.row, at.col) } : null;
    },
  };
}

export async function stats(loaded: Loaded, options: WorkOptions = {}): Promise<StatsReport> {
  options.onProgress?.({ done: 0, total: 1 });
  await nextTick();
  throwIfAborted(options.signal);
  const report = buildStatsReport(loaded.documents, {});
  options.onProgress?.({ done: 1, total: 1 });
  return report;
}

export interface ScoreRun {
  result: ScoringResult;
  report: ScoreReport;
}

export async function score(loaded: Loaded, ctx: SessionContext, options: WorkOptions = {}): Promise<ScoreRun> {
  options.onProgress?.({ done: 0, total: 1 });
  await nextTick();
  throwIfAborted(options.signal);
  const result = runScoring(loaded.documents, {
    settings: ctx.settings ?? DEFAULT_SETTINGS,
    today: ctx.today,
    sheets: loaded.sheets,
  });
  const report = buildScoreReport(result, loaded.findings, loaded.inputs);
  options.onProgress?.({ done: 1, total: 1 });
  return { result, report };
}

export function reviewModel(
  loaded: Loaded,
  run: CheckRun,
  ctx: SessionContext,
  extra: { stats?: StatsReport; scoring?: ScoringResult } = {},
): WorkbookModel {
  return reviewWorkbook({
    documents: loaded.documents,
    check: run.result,
    checkReport: run.report,
    ...(extra.stats ? { stats: extra.stats } : {}),
    ...(extra.scoring ? { scoring: extra.scoring } : {}),
    inputs: loaded.inputs,
    generatedAt: ctx.now,
    versions: appVersions(ctx.settings),
  });
}

export function statsModel(loaded: Loaded, report: StatsReport, ctx: SessionContext): WorkbookModel {
  return statsWorkbook(report, {
    inputs: loaded.inputs,
    documents: countDocuments(loaded.documents),
    generatedAt: ctx.now,
    versions: { app: APP_VERSION },
  });
}

export function scoreModel(loaded: Loaded, run: ScoreRun, ctx: SessionContext): WorkbookModel {
  return scoreWorkbook(run.result, {
    inputs: loaded.inputs,
    inputFindings: loaded.findings,
    documents: countDocuments(loaded.documents),
    generatedAt: ctx.now,
    versions: appVersions(ctx.settings),
  });
}

/** Reviewers typed in a field: commas (either width), semicolons or lines separate them. */
export function parseReviewers(text: string): string[] {
  const names = text
    .split(/[,，;；、\n]/u)
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set(names)];
}

/** One score sheet per reviewer over the outlets to score (as `template scoring` does); blank without materials. */
export function scoringSheetsModel(scoring: ScoringResult | null, reviewers: readonly string[]): WorkbookModel {
  const parts: ScoringPart[] = (scoring?.evaluations ?? [])
    .map((e) => ({
      rubric: DEFAULT_RUBRICS[e.kind],
      subjects: e.outlets
        .filter((o) => e.kind === "annual" || o.eligible)
        .map((o) => ({
          key: o.outlet,
          name: o.outletName,
          auto: o.criteria.flatMap((c) =>
            c.source === "auto" ? [{ criterion: c.criterion, x: c.x, score: c.score }] : [],
          ),
        })),
    }))
    .filter((p) => p.subjects.length > 0);
  if (!parts.length) parts.push({ rubric: DEFAULT_RUBRICS.annual, subjects: [] });
  return scoringTemplate({ parts, reviewers });
}

export const TEMPLATE_CHOICES = ["ledger", "application", "annualSummary", "registry", "scoring"] as const;
export type TemplateChoice = (typeof TEMPLATE_CHOICES)[number];
/** File names of the templates (Chinese, as the CLI's messages call them). */
export const TEMPLATE_FILES: Record<TemplateChoice, string> = {
  ledger: "台账模板",
  application: "申报书模板",
  annualSummary: "工作总结表模板",
  registry: "网点名录模板",
  scoring: "评分表",
};

export function hasCategory(kind: TemplateChoice): boolean {
  return kind === "ledger" || kind === "application" || kind === "annualSummary";
}

export function templateModel(kind: TemplateChoice, category?: string, scoring?: ScoringResult | null): WorkbookModel {
  const cat = category && hasCategory(kind) ? { category } : {};
  switch (kind) {
    case "ledger":
      return ledgerTemplate(cat);
    case "application":
      return applicationTemplate(cat);
    case "annualSummary":
      return summaryTemplate(cat);
    case "registry":
      return registryTemplate();
    case "scoring":
      return scoringSheetsModel(scoring ?? null, []);
  }
}
