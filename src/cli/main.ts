/**
 * `outlet-review`: the review engine on files (CLI.md). The shell reads files, the clock and the
 * arguments; everything it decides on comes from src/core.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { ConfigError, parseSettings, type Settings } from "../core/config";
import { parseDate } from "../core/dates";
import { runChecks, type CheckResult } from "../core/engine";
import { buildCheckReport, countDocuments, type CheckReport } from "../core/report";
import { ruleIds } from "../core/rules";
import { reviewWorkbook, scoreWorkbook, statsWorkbook } from "../core/sheets/review";
import { loadInputsAsync, type LoadedInputs } from "./load";
import { generatedAt, outFileProblem, versions, writeOut } from "./out";
import { runStats, type StatsRun } from "./stats";
import { formatTextReport } from "./textReport";
import { runScore, ScoreUsageError, type ScoreRun } from "./score";
import { runTemplate, TemplateUsageError } from "./template";

export const EXIT_OK = 0;
export const EXIT_STRICT = 1;
export const EXIT_USAGE = 2;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  /** Today's date (ISO); the only place the clock is read. */
  today: () => string;
  /** The time for 审核日志 (ISO 8601 with the offset); when absent, today's date stands for it. */
  now?: () => string;
  stderrIsTty: boolean;
}

const USAGE = `用法：outlet-review <命令> [参数]

命令：
  check <输入…> [--registry 文件] [--config 文件] [--year 年度] [--today 日期] [--json] [--strict] [--out 文件.xlsx]
        载入申报书、工作总结表、服务台账与网点名录（JSON 文件、填好的 xlsx 模板或文件夹），按《认定工作指南》逐条审核
  stats <输入…> [--year 年度] [--json] [--out 文件.xlsx]
        按第十四条统计服务台账：各网点与全市的服务次数（分层级、事项、服务对象、月份）、
        收费、参与人次、满意度，按网点类别与所在区汇总，并与上年度比较
  score <输入…> [--rubric 文件…] [--config 文件] [--year 年度] [--accredit 名额] [--json] [--out 文件.xlsx]
        载入材料与专家评分表（JSON 或填好的 xlsx 评分表，按内容识别），计算自动评分项，汇总专家评分，
        给出总分、等级、名次、否决项与各项标记（评审结果）
  template <application|summary|ledger|scoring|registry> [--category 类别] [--year 年度] --out 文件.xlsx
        写出待填写的模板（下拉列表、输入规则、填写说明与模板标记）：申报书、工作总结表、台账、网点名录；
        scoring 为专家评分表：template scoring [材料…] [--rubric 文件] [--reviewer 姓名…] [--blind]，
        按输入的材料逐个网点列出并填好自动评分项，每位专家一张
  demo [--out 文件夹]
        在随附的样例（samples/）上依次运行 check、stats 与 score，
        并写出 评审结果.xlsx 与 服务统计.xlsx（默认写到 ./out）
  help  显示本说明

参数：
  --registry 文件  市级网点名录（也可直接放在输入中，按内容识别）
  --config 文件    设置（阈值、日期、规则级别）JSON 文件
  --year 年度      评估或统计年度（默认取总结表与台账的年度）
  --today 日期     参照日期 YYYY-MM-DD（默认今天；申报书未填填报日期时用于判断禁入期）
  --rubric 文件    评分细则 JSON 文件，替换同类（annual 或 application）的默认细则
  --accredit 名额  认定评审的拟认定名额（覆盖评分细则中的 accreditCount）
  --json           在标准输出打印 JSON 报告（只有 JSON）
  --strict         发现任何“错误”级问题时以退出码 1 结束
  --out 文件.xlsx  另写出工作簿：check 为审核结果（申报汇总、年度总结、服务台账、网点名录、问题清单、审核日志，
                   有问题的单元格标色并加批注），stats 为服务统计表，score 为评审结果；文件夹不存在时自动创建

退出码：0 审核完成（无论发现什么）；1 --strict 且有错误；2 用法错误或没有任何输入可读。`;

function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

/** Local time with its offset, e.g. 2026-11-24T10:30:05+08:00. */
function localNow(): string {
  const d = new Date();
  const pad = (n: number) => String(Math.abs(n)).padStart(2, "0");
  const offset = -d.getTimezoneOffset();
  const zone = `${offset >= 0 ? "+" : "-"}${pad(Math.trunc(offset / 60))}:${pad(offset % 60)}`;
  const day = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  return `${day}T${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}${zone}`;
}

export function defaultIo(): Io {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    today: localToday,
    now: localNow,
    stderrIsTty: Boolean(process.stderr.isTTY),
  };
}

class UsageError extends Error {}

function readSettings(
  cwd: string,
  configFile: string | undefined,
  year: string | undefined,
  today: string | undefined,
): Settings {
  let raw: Record<string, unknown> = {};
  if (configFile) {
    let text: string;
    try {
      text = readFileSync(resolve(cwd, configFile), "utf8");
    } catch {
      throw new UsageError(`找不到设置文件“${configFile}”`);
    }
    try {
      raw = JSON.parse(text) as Record<string, unknown>;
    } catch (error) {
      throw new UsageError(`设置文件“${configFile}”不是有效的 JSON：${error instanceof Error ? error.message : error}`);
    }
    if (!raw || typeof raw !== "object" || Array.isArray(raw))
      throw new UsageError(`设置文件“${configFile}”应为一个对象（{…}）`);
  }
  if (year !== undefined) {
    if (!/^\d{4}$/u.test(year)) throw new UsageError(`--year 应为四位年份，实为“${year}”`);
    raw = { ...raw, year: Number(year) };
  }
  if (today !== undefined) raw = { ...raw, today };
  try {
    return parseSettings(raw, ruleIds());
  } catch (error) {
    if (error instanceof ConfigError)
      throw new UsageError(`${configFile ? `设置文件“${configFile}”：` : ""}${error.message}`);
    throw error;
  }
}

/** What `demo` gathers from its three runs to write one review workbook of them. */
interface DemoRuns {
  check?: { loaded: LoadedInputs; result: CheckResult; report: CheckReport; settings: Settings };
  stats?: StatsRun;
  score?: ScoreRun;
}

function checkOut(out: string | undefined): void {
  const problem = out === undefined ? null : outFileProblem(out);
  if (problem) throw new UsageError(problem);
}

async function check(args: string[], io: Io, demoRoot?: string, runs?: DemoRuns): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      registry: { type: "string", multiple: true },
      config: { type: "string" },
      year: { type: "string" },
      today: { type: "string" },
      json: { type: "boolean", default: false },
      strict: { type: "boolean", default: false },
      out: { type: "string" },
    },
  });
  checkOut(values.out);
  const inputs = demoRoot ? [demoRoot] : positionals;
  if (!inputs.length) throw new UsageError("请给出要审核的文件或文件夹，例如：outlet-review check samples");
  if (values.today !== undefined && parseDate(values.today) !== values.today) {
    throw new UsageError(`--today 应为 YYYY-MM-DD 格式的日期，实为“${values.today}”`);
  }
  const settings = readSettings(io.cwd, values.config, values.year, values.today);
  const today = settings.today ?? io.today();

  const progress = io.stderrIsTty;
  const loaded = await loadInputsAsync([...inputs, ...(values.registry ?? [])], {
    cwd: io.cwd,
    limits: settings.limits,
    onFile: progress ? (file, i, total) => io.stderr(`\r读取 ${i + 1}/${total} ${file}`.padEnd(60)) : undefined,
  });
  if (progress) io.stderr("\r".padEnd(61) + "\r");
  for (const file of values.registry ?? []) {
    const shown = loaded.inputs.find((i) => file.endsWith(i.file) || i.file.endsWith(file));
    if (shown && !loaded.documents.some((d) => d.kind === "registry" && d.file === shown.file)) {
      io.stderr(`注意：--registry 文件“${file}”中没有网点名录（type 应为 "registry"）\n`);
    }
  }

  const result = runChecks(loaded.documents, { settings, today });
  const report = buildCheckReport(loaded.documents, loaded.findings, result, loaded.inputs);

  if (values.json) io.stdout(JSON.stringify(report, null, 2) + "\n");
  else io.stdout(formatTextReport(report, { year: result.year, verdicts: result.verdicts }));

  const d = report.documents;
  const s = report.summary;
  io.stderr(
    `outlet-review check：载入申报书 ${d.applications} 份、总结表 ${d.annualSummaries} 份、台账 ${d.ledgers} 份（${d.ledgerEntries} 条）、名录 ${d.registry} 份；` +
      `错误 ${s.errors}，警告 ${s.warnings}，提示 ${s.infos}\n`,
  );
  if (loaded.documents.length === 0) {
    io.stderr("outlet-review：没有任何文档可以读取\n");
    return EXIT_USAGE;
  }
  if (runs) runs.check = { loaded, result, report, settings };
  if (values.out) {
    const model = reviewWorkbook({
      documents: loaded.documents,
      check: result,
      checkReport: report,
      inputs: loaded.inputs,
      generatedAt: generatedAt(io),
      versions: versions(settings),
    });
    if (!(await writeOut(model, values.out, io, loaded, "审核工作簿"))) return EXIT_USAGE;
  }
  if (values.strict && s.errors > 0) return EXIT_STRICT;
  return EXIT_OK;
}

async function stats(args: string[], io: Io, runs?: DemoRuns): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      year: { type: "string" },
      json: { type: "boolean", default: false },
      out: { type: "string" },
    },
  });
  checkOut(values.out);
  if (!positionals.length) throw new UsageError("请给出要统计的台账文件或文件夹，例如：outlet-review stats samples");
  if (values.year !== undefined && !/^\d{4}$/u.test(values.year)) {
    throw new UsageError(`--year 应为四位年份，实为“${values.year}”`);
  }
  const year = values.year === undefined ? undefined : Number(values.year);
  const run = await runStats(positionals, { json: values.json, ...(year === undefined ? {} : { year }) }, io);
  if (run.documents === 0) return EXIT_USAGE;
  if (runs) runs.stats = run;
  if (values.out) {
    const model = statsWorkbook(run.report, {
      inputs: run.loaded.inputs,
      documents: countDocuments(run.loaded.documents),
      generatedAt: generatedAt(io),
      versions: versions(),
    });
    if (!(await writeOut(model, values.out, io, run.loaded, "服务统计工作簿"))) return EXIT_USAGE;
  }
  return EXIT_OK;
}

async function score(args: string[], io: Io, demoRoot?: string, runs?: DemoRuns): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      rubric: { type: "string", multiple: true },
      config: { type: "string" },
      year: { type: "string" },
      today: { type: "string" },
      accredit: { type: "string" },
      json: { type: "boolean", default: false },
      out: { type: "string" },
    },
  });
  checkOut(values.out);
  const inputs = demoRoot ? [demoRoot] : positionals;
  if (!inputs.length) {
    throw new UsageError("请给出要评分的材料与专家评分表（文件或文件夹），例如：outlet-review score samples");
  }
  if (values.today !== undefined && parseDate(values.today) !== values.today) {
    throw new UsageError(`--today 应为 YYYY-MM-DD 格式的日期，实为“${values.today}”`);
  }
  if (values.accredit !== undefined && !/^[1-9]\d*$/u.test(values.accredit)) {
    throw new UsageError(`--accredit 应为正整数（拟认定名额），实为“${values.accredit}”`);
  }
  const settings = readSettings(io.cwd, values.config, values.year, values.today);
  try {
    const run = await runScore(
      inputs,
      {
        settings,
        today: settings.today ?? io.today(),
        rubricFiles: values.rubric ?? [],
        json: values.json,
        ...(values.accredit !== undefined ? { accreditCount: Number(values.accredit) } : {}),
      },
      io,
    );
    if (run.documents === 0) return EXIT_USAGE;
    if (runs) runs.score = run;
    if (values.out) {
      const model = scoreWorkbook(run.result, {
        inputs: run.loaded.inputs,
        inputFindings: run.loaded.findings,
        documents: countDocuments(run.loaded.documents),
        generatedAt: generatedAt(io),
        versions: versions(settings),
      });
      if (!(await writeOut(model, values.out, io, run.loaded, "评审结果工作簿"))) return EXIT_USAGE;
    }
    return EXIT_OK;
  } catch (error) {
    if (error instanceof ScoreUsageError) throw new UsageError(error.message);
    throw error;
  }
}

/** `demo`'s workbooks: 评审结果.xlsx (check, stats and score in one) and 服务统计.xlsx, in `dir`. */
async function writeDemo(dir: string, io: Io, runs: DemoRuns): Promise<number> {
  const { check: checked, stats: counted, score: scored } = runs;
  if (!checked) return EXIT_USAGE;
  const time = generatedAt(io);
  const review = reviewWorkbook({
    documents: checked.loaded.documents,
    check: checked.result,
    checkReport: checked.report,
    ...(counted ? { stats: counted.report } : {}),
    ...(scored ? { scoring: scored.result } : {}),
    inputs: checked.loaded.inputs,
    generatedAt: time,
    versions: versions(checked.settings),
  });
  const inputs = checked.loaded;
  if (!(await writeOut(review, join(dir, "评审结果.xlsx"), io, inputs, "审核与评审工作簿"))) return EXIT_USAGE;
  if (counted) {
    const model = statsWorkbook(counted.report, {
      inputs: counted.loaded.inputs,
      documents: countDocuments(counted.loaded.documents),
      generatedAt: time,
      versions: versions(),
    });
    if (!(await writeOut(model, join(dir, "服务统计.xlsx"), io, inputs, "服务统计工作簿"))) return EXIT_USAGE;
  }
  return EXIT_OK;
}

/** Samples shipped with the package (next to lib/ once compiled, next to src/ under ts-jest). */
export function samplesDir(): string {
  return join(__dirname, "..", "..", "samples");
}

export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  const [command, ...rest] = argv;
  try {
    switch (command) {
      case "check":
        return await check(rest, io);
      case "stats":
        return await stats(rest, io);
      case "score":
        return await score(rest, io);
      case "demo": {
        const { values } = parseArgs({ args: rest, strict: true, options: { out: { type: "string" } } });
        const root = samplesDir();
        const rule = "\n" + "═".repeat(72) + "\n\n";
        io.stderr(`演示：在随附样例 ${root} 上依次运行 check（审核）、stats（统计）与 score（评分）\n`);
        const runs: DemoRuns = {};
        const checked = await check([], io, root, runs);
        io.stdout(rule);
        const counted = await stats([root], io, runs);
        io.stdout(rule);
        const scored = await score([], io, root, runs);
        const written = await writeDemo(values.out ?? "out", io, runs);
        return Math.max(checked, counted, scored, written);
      }
      case undefined:
      case "help":
      case "--help":
      case "-h":
        io.stdout(USAGE + "\n");
        return command === undefined ? EXIT_USAGE : EXIT_OK;
      case "template":
        try {
          return await runTemplate(rest, io);
        } catch (error) {
          if (error instanceof TemplateUsageError) throw new UsageError(error.message);
          throw error;
        }
      default:
        io.stderr(`outlet-review：未知命令“${command}”\n\n${USAGE}\n`);
        return EXIT_USAGE;
    }
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`outlet-review：${error.message}\n`);
      return EXIT_USAGE;
    }
    // parseArgs errors come from Node's realm (not jest's), so match on the code, not on the class.
    const code = (error as { code?: unknown } | null)?.code;
    if (typeof code === "string" && code.startsWith("ERR_PARSE_ARGS")) {
      const option = /'([^']+)'/u.exec((error as Error).message)?.[1];
      const what = code === "ERR_PARSE_ARGS_UNKNOWN_OPTION" ? `未知参数“${option}”` : (error as Error).message;
      io.stderr(`outlet-review：参数错误：${what}\n\n${USAGE}\n`);
      return EXIT_USAGE;
    }
    throw error;
  }
}
