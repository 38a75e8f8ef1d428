/**
 * `outlet-review template <application|summary|ledger|scoring|registry>`: writes a template to fill (CLI.md). The
 * scoring template takes the materials as inputs and gets one row per outlet with its auto scores filled in.
 */
import { parseArgs } from "node:util";
import { parseSettings } from "../core/config";
import { CATEGORIES, CATEGORY_LABELS, codeFromLabel } from "../core/codes";
import { ruleIds } from "../core/rules";
import type { Rubric } from "../core/scoring/rubric";
import { DEFAULT_RUBRICS } from "../core/scoring/rubrics";
import { runScoring } from "../core/scoring/score";
import type { WorkbookModel } from "../core/sheets/model";
import {
  applicationTemplate,
  ledgerTemplate,
  registryTemplate,
  scoringTemplate,
  summaryTemplate,
  type ScoringPart,
} from "../core/sheets/templates";
import { loadInputsAsync } from "./load";
import type { Io } from "./main";
import { outFileProblem, writeOut, type OutputSources } from "./out";
import { readRubrics, ScoreUsageError } from "./score";

export class TemplateUsageError extends Error {}

/** Command-line names of the templates and what each is called in messages. */
export const TEMPLATE_NAMES = {
  application: "申报书模板",
  summary: "工作总结表模板",
  ledger: "台账模板",
  scoring: "评分表",
  registry: "网点名录模板",
} as const;
type TemplateName = keyof typeof TEMPLATE_NAMES;

const KINDS = Object.keys(TEMPLATE_NAMES).join("|");

function category(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  const code = codeFromLabel(value, CATEGORY_LABELS);
  if (!code) {
    throw new TemplateUsageError(
      `--category 应为网点类别之一：${CATEGORIES.map((c) => `${c}（${CATEGORY_LABELS[c]}）`).join("、")}；实为“${value}”`,
    );
  }
  return code;
}

/** Scoring parts of the evaluations found in the inputs (applications: only those eligible are scored). */
async function scoringParts(
  inputs: readonly string[],
  rubrics: Partial<Record<Rubric["kind"], Rubric>>,
  year: string | undefined,
  io: Io,
): Promise<{ parts: ScoringPart[]; inputs: OutputSources }> {
  const loaded = await loadInputsAsync(inputs, { cwd: io.cwd });
  for (const f of loaded.findings.filter((x) => x.severity === "error")) {
    io.stderr(`无法读取：${f.file ?? ""}${f.path ? ` · ${f.path}` : ""}：${f.message}\n`);
  }
  const settings = parseSettings(year === undefined ? {} : { year: Number(year) }, ruleIds());
  const result = runScoring(loaded.documents, { settings, today: io.today(), rubrics, sheets: [] });
  const parts = result.evaluations.map((e) => ({
    rubric: rubrics[e.kind] ?? DEFAULT_RUBRICS[e.kind],
    subjects: e.outlets
      .filter((o) => e.kind === "annual" || o.eligible)
      .map((o) => ({
        key: o.outlet,
        name: o.outletName,
        auto: o.criteria.flatMap((c) =>
          c.source === "auto" ? [{ criterion: c.criterion, x: c.x, score: c.score }] : [],
        ),
      })),
  }));
  if (!parts.length) {
    throw new TemplateUsageError("输入中没有可评分的申报书、工作总结表或服务台账；不给输入则写出空白评分表");
  }
  return { parts, inputs: loaded };
}

export async function runTemplate(args: string[], io: Io): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    strict: true,
    options: {
      category: { type: "string" },
      year: { type: "string" },
      rubric: { type: "string", multiple: true },
      reviewer: { type: "string", multiple: true },
      blind: { type: "boolean" },
      out: { type: "string" },
    },
  });
  const [name, ...inputs] = positionals;
  if (!name || !(name in TEMPLATE_NAMES)) {
    throw new TemplateUsageError(
      `${name ? `没有“${name}”模板；` : ""}请给出模板：outlet-review template <${KINDS}> --out 文件.xlsx`,
    );
  }
  const kind = name as TemplateName;
  if (!values.out) throw new TemplateUsageError(`请用 --out 给出要写出的文件，例如 --out ${TEMPLATE_NAMES[kind]}.xlsx`);
  const problem = outFileProblem(values.out);
  if (problem) throw new TemplateUsageError(problem);
  if (values.year !== undefined && !/^\d{4}$/u.test(values.year)) {
    throw new TemplateUsageError(`--year 应为四位年份，实为“${values.year}”`);
  }
  if (inputs.length && kind !== "scoring") {
    throw new TemplateUsageError(`${TEMPLATE_NAMES[kind]}不读取输入文件（只有 scoring 评分表按输入的材料生成）`);
  }
  if (values.category !== undefined && (kind === "scoring" || kind === "registry")) {
    throw new TemplateUsageError(`--category 只适用于 ledger、application 与 summary 模板`);
  }
  const cat = category(values.category);

  let model: WorkbookModel;
  let read: OutputSources = { inputs: [] };
  let detail = "";
  switch (kind) {
    case "ledger":
      model = ledgerTemplate({
        ...(cat ? { category: cat } : {}),
        ...(values.year ? { year: Number(values.year) } : {}),
      });
      break;
    case "application":
      model = applicationTemplate(cat ? { category: cat } : {});
      break;
    case "summary":
      model = summaryTemplate(cat ? { category: cat } : {});
      break;
    case "registry":
      model = registryTemplate();
      break;
    case "scoring": {
      let rubrics: Partial<Record<Rubric["kind"], Rubric>>;
      try {
        rubrics = readRubrics(values.rubric ?? [], io.cwd);
      } catch (error) {
        if (error instanceof ScoreUsageError) throw new TemplateUsageError(error.message);
        throw error;
      }
      let parts: ScoringPart[];
      if (inputs.length) {
        ({ parts, inputs: read } = await scoringParts(inputs, rubrics, values.year, io));
      } else {
        // No materials: a blank sheet of the given rubric (the annual one by default) to fill by hand.
        parts = [{ rubric: Object.values(rubrics)[0] ?? DEFAULT_RUBRICS.annual, subjects: [] }];
      }
      if (values.blind !== undefined) parts = parts.map((p) => ({ ...p, blind: values.blind }));
      const reviewers = values.reviewer ?? [];
      model = scoringTemplate({ parts, reviewers });
      const outlets = parts.reduce((n, p) => n + p.subjects.length, 0);
      detail = `：网点 ${outlets} 个，评审专家 ${reviewers.length || "未指定（1 张评分表）"}${reviewers.length ? " 名" : ""}`;
      break;
    }
  }
  // The inputs are passed so that --out never overwrites one of them.
  const written = await writeOut(model, values.out, io, read, TEMPLATE_NAMES[kind]);
  if (!written) return 2;
  io.stderr(`outlet-review template：${TEMPLATE_NAMES[kind]}${detail}\n`);
  return 0;
}
