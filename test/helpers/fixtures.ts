/* eslint-disable @typescript-eslint/no-explicit-any -- fixtures are raw JSON, as submitted. */
/**
 * Raw documents (as a JSON file would hold them) that pass every rule: each test case starts from
 * one of these and changes the one thing it is about.
 */
export type Doc = Record<string, any>;

/** `n` characters of believable Chinese prose without white space (narratives count 字数 this way). */
export function prose(
  n: number,
  seed = "本单位面向广州市创新主体提供专利检索、分析与知识产权信息咨询服务，年度服务企业逾百家。",
): string {
  let out = "";
  while ([...out].length < n) out += seed;
  return [...out].slice(0, n).join("");
}

export const APPLICANT_CODE = "91440106MA5AN7QW7E";
export const OUTLET_CODE = "12440104455209812L";

export function application(mutate?: (doc: Doc) => void): Doc {
  const doc: Doc = {
    type: "application",
    year: 2026,
    submittedOn: "2026-05-18",
    org: {
      name: "广州知衡知识产权代理有限公司",
      creditCode: APPLICANT_CODE,
      nature: "企业",
      address: "广州市天河区珠江新城华夏路16号富力盈凯广场2806室",
      head: { name: "陈立衡", title: "总经理" },
      staff: { total: 28, fullTime: 9, partTime: 4 },
      contact: { name: "黄晓敏", mobile: "13802261458", email: "ip@zhiheng-ip.com" },
      website: "https://www.zhiheng-ip.com",
    },
    category: "market",
    marketTypes: ["agency", "consulting"],
    qualifications: [],
    serviceObjects: ["enterprise", "university"],
    infrastructure: {
      venue: true,
      venueArea: 320,
      equipment: true,
      resources: true,
      databases: ["incoPat", "智慧芽（PatSnap）"],
    },
    workSystems: ["《知识产权信息公共服务工作制度》", "《服务质量管理办法》"],
    services: {
      basic: ["B01", "B03", "B04"],
      lowCost: ["L01", "L03", "market.L06"],
      valueAdded: ["V01"],
    },
    narratives: {
      foundation: prose(1500),
      team: prose(800),
      plan: prose(1500),
    },
    team: [
      { name: "陈立衡", role: "head", education: "硕士", credentials: ["专利代理师资格证"], bio: prose(180) },
      ...["李", "王", "张", "刘", "杨"].map((s, i) => ({
        name: `${s}专职${i + 1}`,
        role: "fullTime",
        education: "本科",
        credentials: i % 2 === 0 ? ["专利代理师资格证"] : [],
        bio: prose(150),
      })),
      { name: "赵兼职", role: "partTime", education: "博士", credentials: ["法律职业资格证"], bio: prose(120) },
    ],
    cases: [{ name: "某智能网联汽车企业专利导航项目", period: "2025年3月—2025年9月", content: prose(560) }],
    attachments: { license: true, systems: true, history: true, credentials: true, other: true },
    declaration: { handler: "黄晓敏", head: "陈立衡", date: "2026-05-16", sealed: true },
  };
  mutate?.(doc);
  return doc;
}

export function summary(mutate?: (doc: Doc) => void): Doc {
  const doc: Doc = {
    type: "annualSummary",
    year: 2025,
    submittedOn: "2025-12-20",
    org: {
      name: "广州市越秀区东湖图书馆",
      creditCode: OUTLET_CODE,
      nature: "事业单位",
      address: "广州市越秀区东湖路123号",
      head: { name: "梁文清", title: "馆长" },
      staff: { total: 15, fullTime: 6, partTime: 3 },
      contact: { name: "何嘉欣", mobile: "020-83841234", email: "ipservice@donghulib.cn" },
    },
    category: "library",
    qualifications: [],
    serviceObjects: ["public", "enterprise"],
    services: { basic: ["B01", "B02", "B04", "library.B04"], lowCost: ["library.L01"], valueAdded: [] },
    infrastructure: { venue: true, venueArea: 260, equipment: true, resources: true, databases: ["incoPat"] },
    narratives: {
      services: prose(1600),
      highlights: prose(800),
      reflections: prose(1500),
      plan: prose(800),
    },
    cases: [{ name: "世界知识产权日专题讲座", period: "2025年4月", content: prose(450) }],
    evidence: { services: true, facilities: true, team: true, systems: true, feedback: true },
  };
  mutate?.(doc);
  return doc;
}

export function ledgerEntry(mutate?: (entry: Doc) => void): Doc {
  const entry: Doc = {
    date: "2025-04-26",
    item: "B01",
    client: { type: "public", name: "社会公众（讲座听众）", district: "越秀区" },
    channel: "会议",
    fee: 0,
    deliverable: "讲座课件及签到表",
    participants: 80,
    satisfaction: 5,
    staff: "何嘉欣",
  };
  mutate?.(entry);
  return entry;
}

/** Ten clean entries across the year; all rated 4–5. */
export function ledger(mutate?: (doc: Doc) => void): Doc {
  const entries: Doc[] = [
    ledgerEntry(),
    ledgerEntry((e) => {
      e.date = "2025-01-08";
      e.item = "B04";
      e.client = {
        type: "enterprise",
        name: "广州明远电子科技有限公司",
        creditCode: "91440101MA5AXY1234",
        district: "天河区",
      };
      e.channel = "电话";
      e.deliverable = "咨询答复记录";
      delete e.participants;
      e.satisfaction = 4;
    }),
    ledgerEntry((e) => {
      e.date = "2025-03-12";
      e.item = "library.L01";
      e.client = { type: "university", name: "广州云山理工大学", district: "天河区" };
      e.channel = "线上";
      e.fee = 800;
      e.quote = 800;
      e.deliverable = "专利查新报告1份";
      delete e.participants;
    }),
    ...Array.from({ length: 7 }, (_, i) =>
      ledgerEntry((e) => {
        e.date = `2025-${String(i + 5).padStart(2, "0")}-1${i}`;
        e.item = i % 2 ? "B02" : "B04";
        e.client = { type: "enterprise", name: `广州客户企业${i + 1}号有限公司`, district: "海珠区" };
        e.channel = "窗口";
        e.deliverable = i % 2 ? "专利文献全文2篇" : "咨询答复记录";
        delete e.participants;
        e.satisfaction = i % 3 ? 5 : 4;
      }),
    ),
  ];
  const doc: Doc = {
    type: "ledger",
    outlet: { name: "广州市越秀区东湖图书馆", creditCode: OUTLET_CODE },
    year: 2025,
    entries,
  };
  mutate?.(doc);
  return doc;
}

export function registryOutlet(mutate?: (outlet: Doc) => void): Doc {
  const outlet: Doc = {
    creditCode: OUTLET_CODE,
    name: "广州市越秀区东湖图书馆",
    category: "library",
    address: "广州市越秀区东湖路123号",
    head: { name: "梁文清", title: "馆长" },
    contact: { name: "何嘉欣", mobile: "020-83841234", email: "ipservice@donghulib.cn" },
    status: "active",
    accreditedOn: "2023-09-20",
    evaluations: [{ year: 2024, score: 91.2, grade: "excellent" }],
  };
  mutate?.(outlet);
  return outlet;
}

export function registry(...outlets: Doc[]): Doc {
  return { type: "registry", outlets: outlets.length ? outlets : [registryOutlet()] };
}
