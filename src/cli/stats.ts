/** `outlet-review stats`: loads the inputs as `check` does and prints the statistics report (CLI.md). */
import { UNREADABLE_RULE } from "../core/parse";
import { buildStatsReport } from "../core/stats";
import type { StatsReport } from "../core/statsTypes";
import { loadInputsAsync, type LoadedInputs } from "./load";
import type { Io } from "./main";
import { formatStatsTextReport } from "./statsTextReport";

export interface StatsRunOptions {
  year?: number;
  json: boolean;
}

/** What a run gives its caller: `--out` and `demo` make workbooks of it. */
export interface StatsRun {
  /** Documents loaded (none read at all is a usage failure for the caller). */
  documents: number;
  report: StatsReport;
  loaded: LoadedInputs;
}

/** Runs the command and prints its report. */
export async function runStats(inputs: readonly string[], options: StatsRunOptions, io: Io): Promise<StatsRun> {
  const progress = io.stderrIsTty;
  const loaded = await loadInputsAsync(inputs, {
    cwd: io.cwd,
    onFile: progress ? (file, i, total) => io.stderr(`\r读取 ${i + 1}/${total} ${file}`.padEnd(60)) : undefined,
  });
  if (progress) io.stderr("\r".padEnd(61) + "\r");

  const report = buildStatsReport(loaded.documents, options.year === undefined ? {} : { year: options.year });
  const unreadable = loaded.findings.filter((f) => f.rule === UNREADABLE_RULE);

  if (options.json) {
    io.stdout(JSON.stringify(report, null, 2) + "\n");
    // stdout holds the JSON alone, so what could not be read is told on stderr.
    for (const f of unreadable) {
      io.stderr(`无法读取：${f.file ?? ""}${f.path ? ` · ${f.path}` : ""}：${f.message}\n`);
    }
  } else {
    io.stdout(formatStatsTextReport(report, { unreadable }));
  }

  const ledgers = loaded.documents.filter((d) => d.kind === "ledger").length;
  const x = report.excluded;
  const excluded = x.unknownItem + x.badDate + x.otherYear + x.unreadable;
  io.stderr(
    `outlet-review stats：${report.year ?? "—"} 年度，台账 ${ledgers} 份，网点 ${report.outlets.length} 个；` +
      `计入服务记录 ${report.total.counts.total} 条（基础性 ${report.total.counts.basic}，低成本 ${report.total.counts.lowCost}，增值 ${report.total.counts.valueAdded}），` +
      `未计入 ${excluded} 条` +
      (unreadable.length ? `；无法读取 ${unreadable.length} 项` : "") +
      "\n",
  );
  if (loaded.documents.length === 0) io.stderr("outlet-review：没有任何文档可以读取\n");
  else if (ledgers === 0) io.stderr("outlet-review：输入中没有服务台账，无从统计\n");
  return { documents: loaded.documents.length, report, loaded };
}
