/**
 * The documents of FORMAT.md as zod schemas: the one definition of their shapes. Types are inferred.
 * Parsing normalises what people type (trimmed text; full-width digits and letters in codes,
 * numbers and phones; upper-case credit codes; Chinese labels for codes) and rejects unknown keys.
 * Fields that a rule checks for presence are optional here, so that a missing value becomes that
 * rule's finding rather than an unreadable document.
 */
import { z } from "zod";
import {
  CATEGORIES,
  CATEGORY_LABELS,
  CHANNELS,
  CLIENT_DISTRICTS,
  DISTRICTS,
  GRADES,
  GRADE_LABELS,
  MARKET_TYPE_LABELS,
  QUALIFICATIONS,
  QUALIFICATION_LABELS,
  REGISTRY_STATUSES,
  REGISTRY_STATUS_LABELS,
  REVOKE_REASONS,
  REVOKE_REASON_LABELS,
  SATISFACTION_LEVELS,
  SERVICE_OBJECTS,
  SERVICE_OBJECT_LABELS,
  TEAM_ROLES,
  TEAM_ROLE_LABELS,
  codeFromLabel,
} from "./codes";
import { parseDate } from "./dates";
import { memoByText, normaliseCode, normalisePhone, toHalfWidth } from "./text";

// ---------------------------------------------------------------- field helpers

const text = z.string().trim();

const creditCode = z.preprocess((v) => (typeof v === "string" ? normaliseCode(v, true) : v), z.string());
const phone = z.preprocess((v) => (typeof v === "string" ? normalisePhone(v) : v), z.string());
const email = z.preprocess((v) => (typeof v === "string" ? toHalfWidth(v).trim() : v), z.string());

/** A number written as text ("５", " 12 ") is read as the number; anything else is left for zod to reject. */
function numeric<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => {
    if (typeof v !== "string") return v;
    const s = toHalfWidth(v).trim().replace(/,/gu, "");
    return /^-?\d+(\.\d+)?$/u.test(s) ? Number(s) : v;
  }, schema);
}
const count = numeric(z.number().int().min(0));
const amount = numeric(z.number().min(0));

const YES = new Set(["是", "有", "true", "yes", "y", "√", "✓"]);
const NO = new Set(["否", "无", "false", "no", "n", "×", ""]);
const flag = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  const s = toHalfWidth(v).trim().toLowerCase();
  if (YES.has(s)) return true;
  if (NO.has(s)) return false;
  return v;
}, z.boolean());

/** ISO date; the other forms people write (2025/3/5, 2025年3月5日) are normalised first. */
const isoDate = z.preprocess(
  (v) => (typeof v === "string" ? (parseDate(v) ?? toHalfWidth(v).trim()) : v),
  z.string().refine((v) => parseDate(v) === v, { message: "日期应为 YYYY-MM-DD 格式的有效日期" }),
);
/**
 * A ledger date is kept even when unparseable: `ledger/date` reports it on its row. Remembered: a ledger's million
 * rows hold a few hundred distinct days.
 */
const ledgerDateText = memoByText((v) => parseDate(v) ?? toHalfWidth(v).trim());
const ledgerDate = z.preprocess((v) => (typeof v === "string" ? ledgerDateText(v) : v), z.string());

function labelled<const T extends readonly [string, ...string[]]>(
  values: T,
  labels: Record<T[number], string>,
  aliases: Record<string, T[number]> = {},
) {
  const code = memoByText((v) => codeFromLabel(toHalfWidth(v), labels, aliases) ?? v.trim());
  return z.preprocess((v) => (typeof v === "string" ? code(v) : v), z.enum(values));
}

const year = numeric(z.number().int().min(2000).max(2100));

// ---------------------------------------------------------------- shared parts

export const personSchema = z.strictObject({ name: text.optional(), title: text.optional() });
export const contactSchema = z.strictObject({
  name: text.optional(),
  mobile: phone.optional(),
  email: email.optional(),
});

export const orgSchema = z.strictObject({
  name: text.optional(),
  creditCode: creditCode.optional(),
  nature: text.optional(),
  address: text.optional(),
  head: personSchema.optional(),
  staff: z.strictObject({ total: count.optional(), fullTime: count.optional(), partTime: count.optional() }).optional(),
  contact: contactSchema.optional(),
  website: text.optional(),
  wechat: text.optional(),
});

/** Category is kept as written when unknown: `category/valid` reports it. */
const categoryCode = memoByText((v) => codeFromLabel(toHalfWidth(v), CATEGORY_LABELS) ?? v.trim());
const categoryField = z.preprocess((v) => (typeof v === "string" ? categoryCode(v) : v), z.string());
const marketTypeCode = memoByText((v) => codeFromLabel(toHalfWidth(v), MARKET_TYPE_LABELS) ?? v.trim());
const marketTypeField = z.preprocess((v) => (typeof v === "string" ? marketTypeCode(v) : v), z.string());

const qualification = labelled(QUALIFICATIONS, QUALIFICATION_LABELS, { TISC: "tisc", 技术与创新支持中心: "tisc" });
const serviceObject = labelled(SERVICE_OBJECTS, SERVICE_OBJECT_LABELS, { 科研院所: "research", 企业: "enterprise" });

/** Service item: a 附件2 code or exact name, resolved against the catalog after parsing. */
const item = z.preprocess((v) => (typeof v === "string" ? toHalfWidth(v).trim() : v), z.string());

export const servicesSchema = z.strictObject({
  basic: z.array(item).default([]),
  lowCost: z.array(item).default([]),
  valueAdded: z.array(item).default([]),
  other: z.strictObject({ basic: text.optional(), lowCost: text.optional(), valueAdded: text.optional() }).default({}),
});

export const infrastructureSchema = z.strictObject({
  venue: flag.optional(),
  venueArea: amount.optional(),
  equipment: flag.optional(),
  resources: flag.optional(),
  databases: z.array(text).default([]),
});

export const caseSchema = z.strictObject({ name: text.optional(), period: text.optional(), content: text.optional() });

/** What 附件1 and 附件3 share (一、机构基本情况). */
const outletFormFields = {
  year,
  submittedOn: isoDate.optional(),
  org: orgSchema.default({}),
  category: categoryField.optional(),
  marketTypes: z.array(marketTypeField).default([]),
  qualifications: z.array(qualification).default([]),
  qualificationOther: text.optional(),
  serviceObjects: z.array(serviceObject).default([]),
  services: servicesSchema.default({ basic: [], lowCost: [], valueAdded: [], other: {} }),
  infrastructure: infrastructureSchema.default({ databases: [] }),
  cases: z.array(caseSchema).default([]),
};

// ---------------------------------------------------------------- 申报书 (附件1)

export const teamMemberSchema = z.strictObject({
  name: text.optional(),
  role: labelled(TEAM_ROLES, TEAM_ROLE_LABELS, { 专职人员: "fullTime", 兼职人员: "partTime", 负责人: "head" }),
  education: text.optional(),
  credentials: z.array(text).default([]),
  bio: text.optional(),
});

export const applicationSchema = z.strictObject({
  type: z.literal("application"),
  ...outletFormFields,
  workSystems: z.array(text).default([]),
  narratives: z.strictObject({ foundation: text.optional(), team: text.optional(), plan: text.optional() }).default({}),
  team: z.array(teamMemberSchema).default([]),
  attachments: z
    .strictObject({
      license: flag.optional(),
      systems: flag.optional(),
      history: flag.optional(),
      credentials: flag.optional(),
      other: flag.optional(),
    })
    .default({}),
  declaration: z
    .strictObject({
      handler: text.optional(),
      head: text.optional(),
      date: isoDate.optional(),
      sealed: flag.optional(),
    })
    .default({}),
});

// ---------------------------------------------------------------- 工作总结表 (附件3)

export const annualSummarySchema = z.strictObject({
  type: z.literal("annualSummary"),
  ...outletFormFields,
  narratives: z
    .strictObject({
      services: text.optional(),
      highlights: text.optional(),
      reflections: text.optional(),
      plan: text.optional(),
    })
    .default({}),
  evidence: z
    .strictObject({
      services: flag.optional(),
      facilities: flag.optional(),
      team: flag.optional(),
      systems: flag.optional(),
      feedback: flag.optional(),
    })
    .default({}),
});

// ---------------------------------------------------------------- 服务台账 (第十四条)

const DISTRICT_ALIASES: Record<string, (typeof CLIENT_DISTRICTS)[number]> = Object.fromEntries([
  ...DISTRICTS.map((d) => [d.slice(0, -1), d] as const),
  ["萝岗区", "黄埔区"],
  ["东山区", "越秀区"],
  ["芳村区", "荔湾区"],
  ["从化市", "从化区"],
  ["增城市", "增城区"],
  ["番禺市", "番禺区"],
  ["花都市", "花都区"],
  ["广州市外", "市外"],
  ["外地", "市外"],
]);
const districtOf = memoByText((v) => {
  const s = toHalfWidth(v)
    .trim()
    .replace(/^广州市?/u, "");
  return DISTRICT_ALIASES[s] ?? s;
});
const clientDistrict = z.preprocess((v) => (typeof v === "string" ? districtOf(v) : v), z.enum(CLIENT_DISTRICTS));

const satisfaction = z.preprocess((v) => {
  if (typeof v !== "string") return v;
  const s = toHalfWidth(v).trim();
  for (const [level, name] of Object.entries(SATISFACTION_LEVELS)) if (name === s) return Number(level);
  return /^\d$/u.test(s) ? Number(s) : v;
}, z.number().int().min(1).max(5));

export const ledgerEntrySchema = z.strictObject({
  date: ledgerDate.optional(),
  item: item.optional(),
  client: z
    .strictObject({
      type: labelled(SERVICE_OBJECTS, SERVICE_OBJECT_LABELS, { 科研院所: "research", 企业: "enterprise" }).optional(),
      name: text.optional(),
      creditCode: creditCode.optional(),
      district: clientDistrict.optional(),
    })
    .default({}),
  channel: z.preprocess((v) => (typeof v === "string" ? v.trim() : v), z.enum(CHANNELS)).optional(),
  fee: amount.optional(),
  quote: amount.optional(),
  adjustments: text.optional(),
  deliverable: text.optional(),
  participants: count.optional(),
  satisfaction: satisfaction.optional(),
  staff: text.optional(),
  evidence: text.optional(),
  feedback: text.optional(),
});

export const ledgerHeaderSchema = z.strictObject({
  type: z.literal("ledger"),
  outlet: z.strictObject({ name: text.optional(), creditCode: creditCode.optional() }),
  year,
  entries: z.array(z.unknown()),
});

export const ledgerSchema = ledgerHeaderSchema.extend({ entries: z.array(ledgerEntrySchema) });

// ---------------------------------------------------------------- 市级网点名录

export const evaluationSchema = z.strictObject({
  year,
  score: numeric(z.number().min(0).max(100)).optional(),
  grade: labelled(GRADES, GRADE_LABELS),
});

export const registryOutletSchema = z.strictObject({
  creditCode,
  name: text,
  category: labelled(CATEGORIES, CATEGORY_LABELS),
  address: text.optional(),
  head: personSchema.optional(),
  contact: contactSchema.optional(),
  status: labelled(REGISTRY_STATUSES, REGISTRY_STATUS_LABELS),
  accreditedOn: isoDate.optional(),
  revokedOn: isoDate.optional(),
  revokeReason: labelled(REVOKE_REASONS, REVOKE_REASON_LABELS).optional(),
  evaluations: z.array(evaluationSchema).default([]),
});

export const registrySchema = z.strictObject({
  type: z.literal("registry"),
  outlets: z.array(registryOutletSchema),
});

// ---------------------------------------------------------------- types

export type Application = z.infer<typeof applicationSchema>;
export type AnnualSummary = z.infer<typeof annualSummarySchema>;
export type Ledger = z.infer<typeof ledgerSchema>;
export type LedgerEntry = z.infer<typeof ledgerEntrySchema>;
export type Registry = z.infer<typeof registrySchema>;
export type RegistryOutlet = z.infer<typeof registryOutletSchema>;
export type Org = z.infer<typeof orgSchema>;
export type TeamMember = z.infer<typeof teamMemberSchema>;
export type CaseStudy = z.infer<typeof caseSchema>;
export type Services = z.infer<typeof servicesSchema>;
export type Infrastructure = z.infer<typeof infrastructureSchema>;
export type Evaluation = z.infer<typeof evaluationSchema>;

export type DocumentType = "application" | "annualSummary" | "ledger" | "registry";
export const DOCUMENT_TYPES: readonly DocumentType[] = ["application", "annualSummary", "ledger", "registry"];
