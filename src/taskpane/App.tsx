/** The task pane: five steps over one session, long work with progress and cancel, problems as MessageBars. */
import { Button, FluentProvider, Tab, TabList, Text, webLightTheme } from "@fluentui/react-components";
import { useCallback, useMemo, useRef, useState } from "react";
import type { Finding } from "../core/findings";
import { UNREADABLE_RULE } from "../core/parse";
import type { WorkbookModel } from "../core/sheets/model";
import type { StatsReport } from "../core/statsTypes";
import { CheckStep } from "./components/CheckStep";
import { describeWhere, Notices, ProgressPanel, type Notice } from "./components/Feedback";
import { LoadStep } from "./components/LoadStep";
import { ScoreStep } from "./components/ScoreStep";
import { StatsStep } from "./components/StatsStep";
import { TemplateStep } from "./components/TemplateStep";
import { CancelledError, type Host, type WorkOptions, type WorkProgress } from "./host";
import { detectLang, I18nContext, translate, type I18n, type Lang, type MessageKey } from "./i18n";
import * as session from "./session";
import type { CheckRun, InputFile, LoadedFile, ScoreRun, SessionContext, TemplateChoice } from "./session";

export type StepId = "load" | "check" | "stats" | "score" | "template";
const STEPS: { id: StepId; label: MessageKey }[] = [
  { id: "load", label: "stepLoad" },
  { id: "check", label: "stepCheck" },
  { id: "stats", label: "stepStats" },
  { id: "score", label: "stepScore" },
  { id: "template", label: "stepTemplate" },
];

/** MessageBars shown for unreadable input; more are in the review workbook's 问题清单. */
const MAX_INPUT_NOTICES = 8;
/** The open workbook's sheets are loaded under this name (a second read replaces the first). */
const OPEN_WORKBOOK = "当前工作簿";

export interface AppProps {
  host: Host;
  initialLang?: Lang;
  /** The clock (tests pin it). */
  now?: () => Date;
}

/** Local time with its offset, for 审核日志 (e.g. 2026-11-24T10:30:05+08:00). */
function stamp(d: Date): string {
  const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");
  const offset = -d.getTimezoneOffset();
  const zone = `${offset >= 0 ? "+" : "-"}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  return `${session.localToday(d)}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${zone}`;
}

/** The picker's File: arrayBuffer where the browser has it, FileReader otherwise (older webviews, jsdom). */
export function fromFile(file: File): InputFile {
  return {
    name: file.name,
    bytes: () =>
      typeof file.arrayBuffer === "function"
        ? file.arrayBuffer().then((b) => new Uint8Array(b))
        : new Promise<Uint8Array>((resolve, reject) => {
            const reader = new FileReader();
            reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
            reader.onerror = () => reject(reader.error ?? new Error("FileReader"));
            reader.readAsArrayBuffer(file);
          }),
  };
}

export function App(props: AppProps) {
  const { host } = props;
  const [lang, setLang] = useState<Lang>(() => props.initialLang ?? detectLang());
  const i18n = useMemo<I18n>(() => ({ lang, setLang, t: (key, values) => translate(lang, key, values) }), [lang]);
  const { t } = i18n;

  const [step, setStep] = useState<StepId>("load");
  const [files, setFiles] = useState<LoadedFile[]>([]);
  const [checkRun, setCheckRun] = useState<CheckRun | null>(null);
  const [statsReport, setStatsReport] = useState<StatsReport | null>(null);
  const [scoreRun, setScoreRun] = useState<ScoreRun | null>(null);
  const [busy, setBusy] = useState<{ label: string; progress: WorkProgress } | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const controller = useRef<AbortController | null>(null);
  const nextId = useRef(1);

  const loaded = useMemo(() => session.combine(files), [files]);
  const ctx = (): SessionContext => {
    const d = (props.now ?? (() => new Date()))();
    return { today: session.localToday(d), now: stamp(d) };
  };

  const notify = useCallback((n: Omit<Notice, "id">) => {
    setNotices((list) => [...list, { ...n, id: nextId.current++ }]);
  }, []);
  const dismiss = (id: number) => setNotices((list) => list.filter((n) => n.id !== id));

  /** Runs long work with a progress bar and a cancel; a cancel or an error becomes a notice, never a crash. */
  async function work<T>(label: string, task: (options: WorkOptions) => Promise<T>): Promise<T | undefined> {
    const abort = new AbortController();
    controller.current = abort;
    setBusy({ label, progress: { done: 0, total: 0 } });
    try {
      return await task({
        signal: abort.signal,
        onProgress: (progress) => setBusy({ label, progress }),
      });
    } catch (error) {
      if (error instanceof CancelledError || abort.signal.aborted) notify({ intent: "warning", text: t("cancelled") });
      else {
        const message = error instanceof Error ? error.message : String(error);
        notify({ intent: "error", text: t("unexpectedError", { message }) });
      }
      return undefined;
    } finally {
      controller.current = null;
      setBusy(null);
    }
  }

  /** New files invalidate every result: they were computed on other inputs. */
  function addFiles(added: LoadedFile[]) {
    setFiles((current) => session.mergeFiles(current, added));
    setCheckRun(null);
    setStatsReport(null);
    setScoreRun(null);
    // Errors first: what could not be read at all matters more than a cell left out or a file's encoding.
    const rank = { error: 0, warning: 1, info: 2 } as const;
    const unreadable: Finding[] = added
      .flatMap((f) => f.findings.filter((x) => x.rule === UNREADABLE_RULE))
      .sort((a, b) => rank[a.severity] - rank[b.severity]);
    for (const f of unreadable.slice(0, MAX_INPUT_NOTICES)) {
      // A warning (a cell left unread) or a note (a file read in another encoding) is not an error.
      notify({ intent: f.severity, title: `${t("errorTitle")}：${describeWhere(f, t)}`, text: f.message });
    }
    if (unreadable.length > MAX_INPUT_NOTICES) {
      notify({ intent: "error", text: t("moreFindings", { n: unreadable.length - MAX_INPUT_NOTICES }) });
    }
  }

  async function onFiles(picked: File[]) {
    // In Excel a filled template also lands in the open workbook (its own sheets where ExcelApi 1.13 allows).
    const insert = host.insertWorkbook?.bind(host);
    const result = await work(t("stepLoad"), (o) =>
      session.loadFiles(picked.map(fromFile), {
        ...o,
        ...(insert ? { onWorkbook: (b, raw) => insert(b, raw, o) } : {}),
      }),
    );
    if (result) addFiles(result);
  }

  async function onReadWorkbook() {
    const read = host.readOpenWorkbook;
    if (!read) return;
    const result = await work(t("readWorkbook"), async (o) => session.importRaw(await read(o), OPEN_WORKBOOK, null));
    if (result) addFiles([result]);
  }

  async function write(model: () => WorkbookModel, name: string) {
    const result = await work(name, async (o) => host.writeWorkbook(model(), name, o));
    if (!result) return;
    if (result.kind === "download") {
      notify({ intent: "success", text: t("written", { name }), link: { url: result.url, name } });
    } else {
      notify({ intent: "success", text: t("writtenToWorkbook", { name }) });
    }
  }

  async function runCheck() {
    const run = await work(t("runCheck"), (o) => session.check(loaded, ctx(), o));
    if (run) setCheckRun(run);
  }

  async function runStats() {
    const report = await work(t("runStats"), (o) => session.stats(loaded, o));
    if (report) setStatsReport(report);
  }

  async function runScore() {
    const run = await work(t("runScore"), (o) => session.score(loaded, ctx(), o));
    if (run) setScoreRun(run);
  }

  function select(finding: Finding) {
    const at = checkRun?.locate(finding);
    if (!at || !host.selectCell) return;
    host.selectCell(at.sheet, at.cell).catch((error: unknown) => {
      notify({ intent: "warning", text: error instanceof Error ? error.message : String(error) });
    });
  }

  const c = ctx;
  const canRun = loaded.documents.length > 0;
  const isBusy = busy !== null;

  return (
    <I18nContext.Provider value={i18n}>
      <FluentProvider theme={webLightTheme} lang={lang} className="app">
        <header className="app-header">
          <h1 className="app-title">{t("appTitle")}</h1>
          <Button
            size="small"
            appearance="transparent"
            className="lang-switch"
            aria-label={`${t("language")}：${lang === "zh-CN" ? "English" : "中文"}`}
            onClick={() => setLang(lang === "zh-CN" ? "en-US" : "zh-CN")}
          >
            {lang === "zh-CN" ? "English" : "中文"}
          </Button>
        </header>
        <Text as="p" size={200} className="app-mode">
          {host.kind === "excel" ? t("modeExcel") : t("modeBrowser")}
        </Text>
        <TabList
          selectedValue={step}
          onTabSelect={(_, data) => setStep(data.value as StepId)}
          aria-label={t("steps")}
          size="small"
          className="steps"
        >
          {STEPS.map((s) => (
            <Tab key={s.id} value={s.id}>
              {t(s.label)}
            </Tab>
          ))}
        </TabList>
        {busy ? (
          <ProgressPanel label={busy.label} progress={busy.progress} onCancel={() => controller.current?.abort()} />
        ) : null}
        <Notices notices={notices} onDismiss={dismiss} />
        <main className="app-body" role="tabpanel" aria-label={t(STEPS.find((s) => s.id === step)!.label)}>
          {step === "load" ? (
            <LoadStep
              files={files}
              loaded={loaded}
              busy={isBusy}
              onFiles={(f) => void onFiles(f)}
              {...(host.readOpenWorkbook ? { onReadWorkbook: () => void onReadWorkbook() } : {})}
              onClear={() => {
                setFiles([]);
                setCheckRun(null);
                setStatsReport(null);
                setScoreRun(null);
              }}
            />
          ) : null}
          {step === "check" ? (
            <CheckStep
              run={checkRun}
              canRun={canRun}
              busy={isBusy}
              hostKind={host.kind}
              onRun={() => void runCheck()}
              onWrite={() =>
                checkRun &&
                void write(
                  () =>
                    session.reviewModel(loaded, checkRun, c(), {
                      ...(statsReport ? { stats: statsReport } : {}),
                      ...(scoreRun ? { scoring: scoreRun.result } : {}),
                    }),
                  "审核结果.xlsx",
                )
              }
              {...(host.selectCell ? { onSelect: select } : {})}
            />
          ) : null}
          {step === "stats" ? (
            <StatsStep
              report={statsReport}
              canRun={canRun}
              busy={isBusy}
              hostKind={host.kind}
              onRun={() => void runStats()}
              onWrite={() =>
                statsReport && void write(() => session.statsModel(loaded, statsReport, c()), "服务统计.xlsx")
              }
            />
          ) : null}
          {step === "score" ? (
            <ScoreStep
              run={scoreRun}
              canRun={canRun}
              busy={isBusy}
              hostKind={host.kind}
              onRun={() => void runScore()}
              onWrite={() => scoreRun && void write(() => session.scoreModel(loaded, scoreRun, c()), "评审结果.xlsx")}
              onMakeSheets={(text) =>
                void write(
                  () => session.scoringSheetsModel(scoreRun?.result ?? null, session.parseReviewers(text)),
                  "评分表.xlsx",
                )
              }
            />
          ) : null}
          {step === "template" ? (
            <TemplateStep
              busy={isBusy}
              onMake={(kind: TemplateChoice, category) =>
                void write(
                  () => session.templateModel(kind, category, scoreRun?.result ?? null),
                  `${session.TEMPLATE_FILES[kind]}${category ? `-${category}` : ""}.xlsx`,
                )
              }
            />
          ) : null}
        </main>
      </FluentProvider>
    </I18nContext.Provider>
  );
}
