import { toHalfWidth } from "./text";

/**
 * The codes of FORMAT.md with their Chinese labels (附件1 wording). One source for schemas,
 * messages, reports and, later, drop-down lists.
 */

export const CATEGORIES = ["university", "research", "library", "park", "association", "market", "other"] as const;
export type Category = (typeof CATEGORIES)[number];

export const CATEGORY_LABELS: Record<Category, string> = {
  university: "高校类服务网点",
  research: "科研院所、科技情报机构类服务网点",
  library: "公共图书馆类服务网点",
  park: "经济技术开发区、高新技术产业开发区、产业园区生产力促进机构类服务网点",
  association: "行业组织类服务网点",
  market: "市场化服务机构类服务网点",
  other: "其他知识产权机构类服务网点",
};

/** Short labels for tables and messages. */
export const CATEGORY_SHORT_LABELS: Record<Category, string> = {
  university: "高校类",
  research: "科研院所、科技情报机构类",
  library: "公共图书馆类",
  park: "产业园区类",
  association: "行业组织类",
  market: "市场化服务机构类",
  other: "其他知识产权机构类",
};

export const MARKET_TYPES = ["consulting", "information", "agency", "legal", "operation"] as const;
export type MarketType = (typeof MARKET_TYPES)[number];
export const MARKET_TYPE_LABELS: Record<MarketType, string> = {
  consulting: "咨询服务类",
  information: "信息服务类",
  agency: "代理服务类",
  legal: "法律服务类",
  operation: "运营服务类",
};

export const QUALIFICATIONS = [
  "tisc",
  "university-center",
  "national-outlet",
  "provincial-outlet",
  "patent-doc-outlet",
  "national-base",
] as const;
export type Qualification = (typeof QUALIFICATIONS)[number];
export const QUALIFICATION_LABELS: Record<Qualification, string> = {
  tisc: "技术与创新支持中心（TISC）",
  "university-center": "高校国家知识产权信息服务中心",
  "national-outlet": "国家知识产权信息公共服务网点",
  "provincial-outlet": "省级知识产权信息公共服务网点",
  "patent-doc-outlet": "全国专利文献服务网点",
  "national-base": "国家级专利信息传播利用基地",
};

export const SERVICE_OBJECTS = ["government", "research", "university", "enterprise", "public"] as const;
export type ServiceObject = (typeof SERVICE_OBJECTS)[number];
export const SERVICE_OBJECT_LABELS: Record<ServiceObject, string> = {
  government: "政府部门",
  research: "科研机构",
  university: "高校",
  enterprise: "企事业单位",
  public: "社会公众",
};

/** The 11 districts of Guangzhou, in the guide's order of RULES.md. */
export const DISTRICTS = [
  "越秀区",
  "海珠区",
  "荔湾区",
  "天河区",
  "白云区",
  "黄埔区",
  "番禺区",
  "花都区",
  "南沙区",
  "从化区",
  "增城区",
] as const;
export type District = (typeof DISTRICTS)[number];
/** 行政区划代码 of each district: characters 3–8 of a credit code registered there. */
export const DISTRICT_DIVISIONS: Record<District, string> = {
  越秀区: "440104",
  海珠区: "440105",
  荔湾区: "440103",
  天河区: "440106",
  白云区: "440111",
  黄埔区: "440112",
  番禺区: "440113",
  花都区: "440114",
  南沙区: "440115",
  从化区: "440117",
  增城区: "440118",
};

export const OUTSIDE_CITY = "市外";
export const CLIENT_DISTRICTS = [...DISTRICTS, OUTSIDE_CITY] as const;
export type ClientDistrict = (typeof CLIENT_DISTRICTS)[number];

export const CHANNELS = ["窗口", "线上", "电话", "上门", "会议"] as const;
export type Channel = (typeof CHANNELS)[number];

/** 政务服务“好差评” five levels, 5 best. */
export const SATISFACTION_LEVELS: Record<1 | 2 | 3 | 4 | 5, string> = {
  5: "非常满意",
  4: "满意",
  3: "基本满意",
  2: "不满意",
  1: "非常不满意",
};

export const TEAM_ROLES = ["head", "fullTime", "partTime"] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];
export const TEAM_ROLE_LABELS: Record<TeamRole, string> = { head: "主要负责人", fullTime: "专职", partTime: "兼职" };

export const REGISTRY_STATUSES = ["active", "revoked", "terminated"] as const;
export type RegistryStatus = (typeof REGISTRY_STATUSES)[number];
export const REGISTRY_STATUS_LABELS: Record<RegistryStatus, string> = {
  active: "有效",
  revoked: "已撤销",
  terminated: "已终止",
};

export const REVOKE_REASONS = ["false-materials", "illegal-activity", "consecutive-fail", "terminated"] as const;
export type RevokeReason = (typeof REVOKE_REASONS)[number];
export const REVOKE_REASON_LABELS: Record<RevokeReason, string> = {
  "false-materials": "提供虚假材料",
  "illegal-activity": "违规经营/违法违规",
  "consecutive-fail": "连续两年评估不合格",
  terminated: "申请终止",
};

export const GRADES = ["excellent", "good", "pass", "fail"] as const;
export type Grade = (typeof GRADES)[number];
export const GRADE_LABELS: Record<Grade, string> = { excellent: "优秀", good: "良好", pass: "合格", fail: "不合格" };

/** Labels compare without white space and with full-width brackets as half-width ones. */
function labelKey(value: string): string {
  return toHalfWidth(value).replace(/\s+/gu, "");
}

/** Reverse lookup: accept a code or its Chinese label (and extra aliases), give the code. */
export function codeFromLabel<C extends string>(
  value: string,
  labels: Record<C, string>,
  aliases: Record<string, C> = {},
): C | undefined {
  const v = value.trim();
  if (Object.prototype.hasOwnProperty.call(labels, v)) return v as C;
  const key = labelKey(v);
  for (const [code, label] of Object.entries(labels) as [C, string][]) if (labelKey(label) === key) return code;
  for (const [alias, code] of Object.entries(aliases)) if (labelKey(alias) === key) return code;
  return undefined;
}
