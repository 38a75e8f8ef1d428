/**
 * Review settings: every threshold of RULES.md in one validated object with the guide's defaults.
 * Loaded from a JSON file by the CLI (`--config`); a bad key is an error naming it.
 */
import { z } from "zod";
import { parseDate } from "./dates";
import { SEVERITIES } from "./findings";
import { DEFAULT_READ_LIMITS } from "./limits";

const isoDate = z.string().refine((v) => parseDate(v) === v, { message: "应为 YYYY-MM-DD 格式的日期" });

const narrativeTargetsSchema = z
  .strictObject({
    /** 附件1 二、工作基础和优势特点 (2000字左右) */
    foundation: z.number().int().positive().default(2000),
    /** 附件1 三、服务团队人员情况 (1000字左右) */
    team: z.number().int().positive().default(1000),
    /** 附件1 四、未来发展思路和支持措施 (2000字左右) */
    plan: z.number().int().positive().default(2000),
    /** 附件1 五、典型案例 (每个600字左右) */
    case: z.number().int().positive().default(600),
    /** 附件1 三、每人200字左右 */
    bio: z.number().int().positive().default(200),
  })
  .prefault({});

const summaryTargetsSchema = z
  .strictObject({
    /** 附件3 二、服务开展情况 (2000字左右) */
    services: z.number().int().positive().default(2000),
    /** 附件3 三、创新亮点 (1000字左右) */
    highlights: z.number().int().positive().default(1000),
    /** 附件3 四、工作体会及建议 (2000字左右) */
    reflections: z.number().int().positive().default(2000),
    /** 附件3 五、未来一年工作计划 (1000字左右) */
    plan: z.number().int().positive().default(1000),
    /** 附件3 三、典型案例 (每个500字左右) */
    case: z.number().int().positive().default(500),
  })
  .prefault({});

const positive = (fallback: number): z.ZodDefault<z.ZodNumber> => z.number().int().positive().default(fallback);

/** Reading limits (src/core/limits.ts): tool settings that make hostile files harmless, not rules of the guide. */
const limitsSchema = z
  .strictObject({
    maxFileBytes: positive(DEFAULT_READ_LIMITS.maxFileBytes),
    maxZipEntries: positive(DEFAULT_READ_LIMITS.maxZipEntries),
    maxPartBytes: positive(DEFAULT_READ_LIMITS.maxPartBytes),
    maxInflatedBytes: positive(DEFAULT_READ_LIMITS.maxInflatedBytes),
    maxRatio: positive(DEFAULT_READ_LIMITS.maxRatio),
    ratioGraceBytes: positive(DEFAULT_READ_LIMITS.ratioGraceBytes),
    maxCellsPerSheet: positive(DEFAULT_READ_LIMITS.maxCellsPerSheet),
    maxStringChars: positive(DEFAULT_READ_LIMITS.maxStringChars),
  })
  .prefault({});

export const RULE_LEVELS = ["off", ...SEVERITIES] as const;
export type RuleLevel = (typeof RULE_LEVELS)[number];

export const settingsSchema = z
  .strictObject({
    /** 第五条（一）: 5名及以上专职人员 */
    minFullTime: z.number().int().min(1).default(5),
    /** 第五条（一）: 若干兼职人员 */
    minPartTime: z.number().int().min(0).default(1),
    /** Share of a narrative's target length below which it is flagged (附件1/附件3 字数要求). */
    lengthRatio: z.number().gt(0).max(1).default(0.5),
    /** 第二十一条: 三年内不接受其网点认定的申请 */
    banYears: z.number().int().min(0).default(3),
    /** Mean satisfaction (1–5) below which `ledger/satisfaction` warns. */
    minSatisfaction: z.number().min(1).max(5).default(4),
    /** Share of ledger entries that must carry a satisfaction rating. */
    minSatisfactionCoverage: z.number().min(0).max(1).default(0.3),
    /** 附件1 五: 典型案例 1–2 个 */
    maxApplicationCases: z.number().int().min(1).default(2),
    /** 附件3 三: 典型案例 1–3 个 */
    maxSummaryCases: z.number().int().min(1).default(3),
    /** 第十八条: 每年12月底前报送 (month-day of the deadline in the summary's year). */
    summaryDeadline: z
      .string()
      .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/u, { message: "应为 MM-DD 格式，如 12-31" })
      .default("12-31"),
    /** Evaluation year; when absent, the year of the batch's summaries and ledgers. */
    year: z.number().int().min(2000).max(2100).optional(),
    /** Reference date ("today") for the ban window when an application has no 填报日期. */
    today: isoDate.optional(),
    applicationTargets: narrativeTargetsSchema,
    summaryTargets: summaryTargetsSchema,
    /** Per-rule severity override, ESLint style: "off", "error", "warning", "info". */
    rules: z.record(z.string(), z.enum(RULE_LEVELS)).default({}),
    /** Reading limits; any left out keep their defaults. */
    limits: limitsSchema,
  })
  .prefault({});

export type Settings = z.infer<typeof settingsSchema>;
export type SettingsInput = z.input<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = settingsSchema.parse({});

export class ConfigError extends Error {
  constructor(
    message: string,
    readonly key: string,
  ) {
    super(message);
    this.name = "ConfigError";
  }
}

/** Validates settings; throws ConfigError naming the first bad key (in Chinese). */
export function parseSettings(input: unknown, knownRuleIds?: readonly string[]): Settings {
  const result = settingsSchema.safeParse(input ?? {});
  if (!result.success) {
    const issue = result.error.issues[0]!;
    const key =
      issue.code === "unrecognized_keys"
        ? [...issue.path, issue.keys[0]].join(".")
        : issue.path.map(String).join(".") || "(根)";
    const what = issue.code === "unrecognized_keys" ? "未知的设置项" : issue.message;
    throw new ConfigError(`设置项 ${key}：${what}`, key);
  }
  if (knownRuleIds) {
    for (const id of Object.keys(result.data.rules)) {
      if (!knownRuleIds.includes(id)) throw new ConfigError(`设置项 rules.${id}：没有这条规则`, `rules.${id}`);
    }
  }
  return result.data;
}
