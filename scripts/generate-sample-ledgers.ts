/**
 * Writes the sample service ledgers (服务情况记录台账, 第十四条) of the three outlets whose 2025 annual summaries
 * ship in samples/summaries: 东湖图书馆 (library), 粤信 (market) and 岭南医科大学 (university).
 *
 *   npx tsx scripts/generate-sample-ledgers.ts
 *
 * Deterministic: one seeded PRNG per outlet and no clock, so the committed JSON is reproducible and the counts quoted
 * in the summaries stay true. Each ledger follows a plan (item → number of services) so that the summaries can cite
 * exact figures; dates, clients, prices and ratings are drawn around it. Each outlet then gets its own small set of
 * realistic defects, so that the sample batch exercises the ledger rules of RULES.md section B.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import {
  DISTRICT_DIVISIONS,
  type Channel,
  type ClientDistrict,
  type District,
  type ServiceObject,
} from "../src/core/codes";
import { makeCreditCode } from "../src/core/creditCode";
import { mulberry32, type Rng } from "./seeded";

const YEAR = 2025;
const OUT_DIR = resolve(__dirname, "..", "samples", "ledgers");

// ---------------------------------------------------------------- randomness

/** FNV-1a, to turn an outlet's slug into its seed. */
function hashSeed(text: string): number {
  let h = 0x811c9dc5;
  for (const ch of text) {
    h ^= ch.codePointAt(0)!;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

class Random {
  constructor(private readonly next: Rng) {}

  float(): number {
    return this.next();
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** A multiple of `step` in [min, max]: prices are quoted in round figures. */
  round(min: number, max: number, step: number): number {
    return this.int(Math.ceil(min / step), Math.floor(max / step)) * step;
  }

  pick<T>(values: readonly T[]): T {
    if (values.length === 0) throw new Error("pick from an empty list");
    return values[Math.floor(this.next() * values.length)]!;
  }

  weighted<T>(pairs: readonly (readonly [T, number])[]): T {
    const total = pairs.reduce((s, [, w]) => s + w, 0);
    let r = this.next() * total;
    for (const [value, w] of pairs) {
      r -= w;
      if (r < 0) return value;
    }
    return pairs[pairs.length - 1]![0];
  }

  /** `k` distinct indices in [0, n), in random order. */
  sample(n: number, k: number): number[] {
    if (k > n) throw new Error(`cannot pick ${k} of ${n}`);
    const out: number[] = [];
    const seen = new Set<number>();
    while (out.length < k) {
      const i = this.int(0, n - 1);
      if (seen.has(i)) continue;
      seen.add(i);
      out.push(i);
    }
    return out;
  }
}

// ---------------------------------------------------------------- calendar of 2025

/** 法定节假日 2025 (国务院办公厅通知): days off, and the weekend days worked in exchange (调休上班). */
const HOLIDAYS = new Set([
  "2025-01-01",
  ...range(28, 31).map((d) => `2025-01-${pad(d)}`),
  ...range(1, 4).map((d) => `2025-02-0${d}`),
  "2025-04-04",
  "2025-04-05",
  "2025-04-06",
  ...range(1, 5).map((d) => `2025-05-0${d}`),
  "2025-05-31",
  "2025-06-01",
  "2025-06-02",
  ...range(1, 8).map((d) => `2025-10-0${d}`),
]);
const MAKEUP_WORKDAYS = new Set(["2025-01-26", "2025-02-08", "2025-04-27", "2025-09-28", "2025-10-11"]);

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

interface Day {
  iso: string;
  month: number;
  day: number;
  weekday: number; // 0 = Sunday
  workday: boolean;
}

const DAYS: readonly Day[] = (() => {
  const out: Day[] = [];
  for (let t = Date.UTC(YEAR, 0, 1); t < Date.UTC(YEAR + 1, 0, 1); t += 86_400_000) {
    const d = new Date(t);
    const iso = d.toISOString().slice(0, 10);
    const weekday = d.getUTCDay();
    const workday = MAKEUP_WORKDAYS.has(iso) || (weekday !== 0 && weekday !== 6 && !HOLIDAYS.has(iso));
    out.push({ iso, month: d.getUTCMonth() + 1, day: d.getUTCDate(), weekday, workday });
  }
  return out;
})();

/** Which days a kind of service can fall on. */
type DayRule = "workday" | "libraryOpen" | "weekendEvent";

function dayAllowed(day: Day, rule: DayRule): boolean {
  switch (rule) {
    case "workday":
      return day.workday;
    // The library opens Tuesday to Sunday and closes for the first days of 春节.
    case "libraryOpen":
      return day.weekday !== 1 && !(day.month === 1 && day.day >= 28) && !(day.month === 2 && day.day <= 2);
    // Public lectures and fairs are held at weekends and on holidays too, but not over 春节.
    case "weekendEvent":
      return (
        (day.weekday === 0 || day.weekday === 6 || HOLIDAYS.has(day.iso)) &&
        !(day.iso >= "2025-01-28" && day.iso <= "2025-02-04")
      );
  }
}

/** A window of the year that attracts a share of an item's services (世界知识产权日, 广交会…). */
interface Peak {
  from: string;
  to: string;
  share: number;
}

// 4月26日 世界知识产权日 and the week before it: lectures, fairs and consultation desks cluster there.
const IP_DAY: Peak = { from: "2025-04-19", to: "2025-04-30", share: 0.3 };

/** Where one service falls: a month (1–12) or a peak window. */
type Slot = number | Peak;

/**
 * The slots of an item's `count` services: the peaks take their share, the rest is spread over the months by
 * systematic sampling (evenly spaced points on the cumulative weights), then shuffled. Unlike drawing each month
 * independently, this keeps a ledger of a few hundred rows close to the intended seasonal shape.
 */
function slots(rnd: Random, count: number, months: readonly number[], peaks: readonly Peak[] = []): Slot[] {
  const out: Slot[] = [];
  for (const peak of peaks) for (let k = Math.round(count * peak.share); k > 0; k--) out.push(peak);
  const rest = count - out.length;
  const total = months.reduce((s, w) => s + w, 0);
  const offset = rnd.float();
  for (let n = 0; n < rest; n++) {
    let x = ((n + offset) / rest) * total;
    let month = 12;
    for (let m = 0; m < 12; m++) {
      x -= months[m]!;
      if (x < 0) {
        month = m + 1;
        break;
      }
    }
    out.push(month);
  }
  for (let i = out.length - 1; i > 0; i--) {
    const j = rnd.int(0, i);
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

function pickDate(rnd: Random, slot: Slot, rule: DayRule): string {
  const days =
    typeof slot === "number"
      ? DAYS.filter((d) => d.month === slot && dayAllowed(d, rule))
      : DAYS.filter((d) => d.iso >= slot.from && d.iso <= slot.to && dayAllowed(d, rule));
  return rnd.pick(days).iso;
}

// ---------------------------------------------------------------- clients

interface Client {
  type: ServiceObject;
  name?: string;
  creditCode?: string;
  district?: ClientDistrict;
}

/** Clients from outside the city come mostly from the neighbouring cities of the 大湾区. */
const OUTSIDE: readonly (readonly [string, string])[] = [
  ["佛山", "440604"],
  ["佛山", "440606"],
  ["东莞", "441900"],
  ["中山", "442000"],
  ["深圳", "440305"],
  ["清远", "441802"],
];

/** What firms each district is known for, so that names fit their address. */
const SECTORS: Record<District, readonly string[]> = {
  越秀区: ["文化传播", "教育科技", "贸易", "服饰", "餐饮管理", "广告"],
  海珠区: ["信息技术", "电子商务", "布艺", "软件科技", "文化创意"],
  荔湾区: ["中药饮片", "茶业", "珠宝", "医药", "食品"],
  天河区: ["软件科技", "信息技术", "网络科技", "数字科技", "智能科技", "传媒"],
  白云区: ["化妆品", "生物科技", "精细化工", "皮具", "家具", "日用品"],
  黄埔区: ["生物医药", "新材料科技", "智能装备", "半导体", "医疗器械", "精密机械"],
  番禺区: ["珠宝首饰", "游戏科技", "灯光音响", "电子科技", "动漫文化"],
  花都区: ["皮具", "汽车零部件", "香料", "音响设备", "箱包"],
  南沙区: ["汽车科技", "海洋科技", "智能制造", "供应链管理", "新能源科技"],
  从化区: ["食品", "生物科技", "农业科技", "茶业"],
  增城区: ["服装", "新能源科技", "汽车配件", "食品", "电子科技"],
};
const OUTSIDE_SECTORS = ["陶瓷", "家电", "五金制品", "灯饰", "电子科技", "家具"];

/** 字号: two characters, the kind Guangzhou firms register. */
const TRADE_NAMES = (
  "瑞康 博创 恒昇 智汇 联拓 德诚 天朗 汇通 新锐 鼎盛 华拓 宏图 迈特 领翔 卓创 泓润 铭扬 " +
  "粤科 穗达 羊城 珠泓 南岭 越鸿 荔丰 云山 白鹭 木棉 丰泽 嘉禾 启明 弘业 锦程 晟源 诺康 " +
  "达骏 华研 亿科 百川 正元 创域 悦芙 蓝湾 金穗 兴邦 凯远 立信 方圆 致远 明辉 润禾 清源 " +
  "优品 鹏程 安捷 朗明 合盈"
).split(" ");

// 欧阳 is the one two-character surname of the list.
const SURNAMES = [..."陈李黄张梁刘林何吴罗郑谢冯邓曾彭苏卢蔡潘杨区麦钟叶周谭邱温", "欧阳"];

/** A pool of firms with repeat customers: the first ones come back often, the long tail once. */
class Firms {
  private readonly firms: Client[] = [];
  private readonly weights: number[] = [];
  private readonly names = new Set<string>();

  constructor(
    private readonly rnd: Random,
    districts: readonly (readonly [ClientDistrict, number])[],
    size: number,
    sectorOverride?: readonly string[],
  ) {
    for (let i = 0; i < size; i++) {
      const district = rnd.weighted(districts);
      this.firms.push(this.makeFirm(district, sectorOverride));
      this.weights.push(1 / Math.pow(i + 1, 0.7));
    }
  }

  private makeFirm(district: ClientDistrict, sectorOverride?: readonly string[]): Client {
    for (;;) {
      const trade = this.rnd.pick(TRADE_NAMES);
      let name: string;
      let division: string;
      if (district === "市外") {
        const [city, div] = this.rnd.pick(OUTSIDE);
        name = `${city}市${trade}${this.rnd.pick(sectorOverride ?? OUTSIDE_SECTORS)}有限公司`;
        division = div;
      } else {
        const sector = this.rnd.pick(sectorOverride ?? SECTORS[district]);
        name = `广州${this.rnd.chance(0.5) ? "市" : ""}${trade}${sector}${this.rnd.chance(0.08) ? "股份" : ""}有限公司`;
        // Firms registered before 2015 kept their district code; many newer ones carry the city-level 440101.
        division = this.rnd.chance(0.2) ? "440101" : DISTRICT_DIVISIONS[district];
      }
      if (this.names.has(name)) continue;
      this.names.add(name);
      return { type: "enterprise", name, creditCode: makeCreditCode("91", division, this.orgCode()), district };
    }
  }

  /** 组织机构代码 body: "MA" + 6 characters for firms registered since 2015, 8 digits for older ones. */
  private orgCode(): string {
    const charset = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    if (this.rnd.chance(0.75)) {
      let body = `MA${this.rnd.pick(["5", "9"])}`;
      while (body.length < 8) body += this.rnd.pick([...charset]);
      return body;
    }
    let body = this.rnd.pick(["6", "7"]);
    while (body.length < 8) body += String(this.rnd.int(0, 9));
    return body;
  }

  pick(): Client {
    return this.rnd.weighted(this.firms.map((f, i) => [f, this.weights[i]!] as const));
  }
}

/** 社会公众: named the way a service desk writes them down (surname and title), never with an ID number. */
function person(rnd: Random, districts: readonly (readonly [ClientDistrict, number])[], prefix = ""): Client {
  const name = `${prefix}${rnd.pick(SURNAMES)}${rnd.chance(0.55) ? "先生" : "女士"}`;
  const client: Client = { type: "public", name };
  if (rnd.chance(0.9)) client.district = rnd.weighted(districts);
  return client;
}

function fixed(type: ServiceObject, name: string, district?: ClientDistrict): Client {
  return district ? { type, name, district } : { type, name };
}

// ---------------------------------------------------------------- ledger entries

interface Entry {
  date?: string;
  item?: string;
  client: Client;
  channel?: Channel;
  fee?: number;
  quote?: number;
  adjustments?: string;
  deliverable?: string;
  participants?: number;
  satisfaction?: number;
  staff?: string;
  evidence?: string;
  feedback?: string;
}

/** The item-specific part of a row; `quote` overrides the plan's price range when the price depends on the work. */
type Made = Pick<Entry, "client" | "deliverable" | "participants" | "adjustments" | "quote">;

/** What one service of an item looks like; `make` fills client, deliverable and the item-specific fields. */
interface Plan {
  item: string;
  count: number;
  rule: DayRule;
  peaks?: readonly Peak[];
  /** Month weights overriding the outlet's, for seasonal items (summer classes, 广交会). */
  months?: readonly number[];
  channels: readonly (readonly [Channel, number])[];
  /** Low-cost and value-added prices: quote range and rounding step. */
  price?: { min: number; max: number; step: number };
  /** Pins the n-th service to a month, for periodic work (monthly bulletins, quarterly statistics). */
  monthOf?: (n: number) => number;
  /** The service's details; `date` lets seasonal content (世界知识产权日, 广交会, the school year) fit its day. */
  make: (rnd: Random, n: number, date: string) => Made;
  /** Scope changes agreed with a client of this item, recorded as 需求调整 with a higher fee. */
  adjustments?: readonly string[];
  feedback?: readonly string[];
  /** How many staff names go on a row (two for lectures and fairs). */
  crew?: number;
}

interface Outlet {
  slug: string;
  name: string;
  creditCode: string;
  evidencePrefix: string;
  months: readonly number[];
  staff: readonly string[];
  /** Share of entries with a satisfaction rating, and the distribution of the ratings. */
  ratedShare: number;
  ratings: readonly (readonly [number, number])[];
  plans: (rnd: Random) => Plan[];
  /** The outlet's own defects, applied to the finished, date-sorted ledger. */
  defects: (rnd: Random, entries: Entry[]) => Entry[];
}

const key = (e: Entry): string => [e.date, e.item, e.client.name, e.deliverable].join("|");

function buildLedger(outlet: Outlet): Entry[] {
  const rnd = new Random(mulberry32(hashSeed(outlet.slug)));
  const entries: Entry[] = [];
  const seen = new Set<string>();
  for (const plan of outlet.plans(rnd)) {
    const planSlots = plan.monthOf
      ? range(0, plan.count - 1).map(plan.monthOf)
      : slots(rnd, plan.count, plan.months ?? outlet.months, plan.peaks);
    for (let n = 0; n < plan.count; n++) {
      // Redraw until the row differs from every other in date, item, client and deliverable: the only duplicates in
      // the samples are the ones injected on purpose.
      for (;;) {
        const date = pickDate(rnd, planSlots[n]!, plan.rule);
        const made = plan.make(rnd, n, date);
        const entry: Entry = {
          date,
          item: plan.item,
          client: made.client,
          channel: rnd.weighted(plan.channels),
          fee: 0,
        };
        if (plan.price || made.quote !== undefined) {
          const quote = made.quote ?? rnd.round(plan.price!.min, plan.price!.max, plan.price!.step);
          entry.quote = quote;
          // Mostly the quoted price; sometimes a 小微企业 discount, sometimes a scope change agreed with the client.
          const r = rnd.float();
          if (r < 0.1) entry.fee = Math.round((quote * 0.8) / 50) * 50;
          else if (r < 0.18 && plan.adjustments && !made.adjustments) {
            entry.fee = quote + rnd.round(200, Math.max(200, quote * 0.3), 100);
            entry.adjustments = rnd.pick(plan.adjustments);
          } else entry.fee = quote;
        }
        if (made.adjustments) entry.adjustments = made.adjustments;
        entry.deliverable = made.deliverable;
        if (made.participants !== undefined) entry.participants = made.participants;
        if (rnd.chance(outlet.ratedShare)) {
          entry.satisfaction = rnd.weighted(outlet.ratings);
          if (plan.feedback && rnd.chance(0.12) && entry.satisfaction >= 4) entry.feedback = rnd.pick(plan.feedback);
        }
        const crew = plan.crew ?? 1;
        const staff = new Set<string>();
        while (staff.size < crew) staff.add(rnd.pick(outlet.staff));
        entry.staff = [...staff].join("、");
        if (seen.has(key(entry))) continue;
        seen.add(key(entry));
        entries.push(entry);
        break;
      }
    }
  }
  entries.sort((a, b) => (a.date! < b.date! ? -1 : a.date! > b.date! ? 1 : 0));
  // 佐证材料编号 follow the order of the year, as an archive numbers its files.
  entries.forEach((e, i) => (e.evidence = `${outlet.evidencePrefix}-${YEAR}-${pad(i + 1, 4)}`));
  return outlet.defects(rnd, entries);
}

const SEARCH_ADJUSTMENTS = [
  "客户补充技术方案，增加一个技术分支，追加检索费用",
  "扩大检索范围至PCT及欧美同族",
  "交付期限由10个工作日压缩至5个工作日，按加急收费",
];
const ANALYSIS_ADJUSTMENTS = ["增加2家竞争对手的专利对比", "报告增加英文摘要", "增加近五年专利诉讼案例梳理"];

/** Put the fields in the order of FORMAT.md, and leave out what was never recorded. */
function ordered(e: Entry): Record<string, unknown> {
  const client: Record<string, unknown> = { type: e.client.type };
  if (e.client.name !== undefined) client.name = e.client.name;
  if (e.client.creditCode !== undefined) client.creditCode = e.client.creditCode;
  if (e.client.district !== undefined) client.district = e.client.district;
  const out: Record<string, unknown> = {};
  if (e.date !== undefined) out.date = e.date;
  if (e.item !== undefined) out.item = e.item;
  out.client = client;
  for (const k of [
    "channel",
    "fee",
    "quote",
    "adjustments",
    "deliverable",
    "participants",
    "satisfaction",
    "staff",
    "evidence",
    "feedback",
  ] as const) {
    if (e[k] !== undefined) out[k] = e[k];
  }
  return out;
}

// ---------------------------------------------------------------- shared content

const CONSULT_CHANNELS = [
  ["窗口", 4],
  ["电话", 3],
  ["线上", 3],
] as const;
const ONLINE = [["线上", 1]] as const;
const MEETING = [
  ["会议", 5],
  ["线上", 1],
] as const;

const PATENT_OFFICES = ["CN", "US", "EP", "JP", "KR", "WO"];

/** Patent texts sent to a reader: mostly Chinese ones, sometimes with a few foreign family members. */
function patentTexts(rnd: Random): string {
  const n = rnd.int(1, 8);
  const offices = new Set<string>(["CN"]);
  // The target is redrawn each round, which keeps most deliveries to one or two offices.
  while (offices.size < Math.min(n, rnd.int(1, 3))) offices.add(rnd.pick(PATENT_OFFICES));
  return `专利全文PDF ${n}篇（${[...offices].join("、")}）`;
}

/** Everyday product fields brought to a public library's desk. */
const PUBLIC_TOPICS = [
  "空气炸锅防粘涂层",
  "折叠婴儿推车",
  "中药足浴配方",
  "奶茶杯盖防漏结构",
  "LED植物补光灯",
  "宠物自动喂食器",
  "电动牙刷刷头",
  "凉茶饮料配方",
  "陶瓷釉料配方",
  "广绣工艺品",
  "智能门锁",
  "早教积木玩具",
  "醒狮道具结构",
  "便携榨汁杯",
  "广式月饼馅料工艺",
  "护发精油配方",
];

// ---------------------------------------------------------------- 东湖图书馆 (library)

const DONGHU_DISTRICTS = [
  ["越秀区", 46],
  ["天河区", 12],
  ["海珠区", 10],
  ["荔湾区", 8],
  ["白云区", 8],
  ["番禺区", 4],
  ["黄埔区", 4],
  ["花都区", 2],
  ["增城区", 1.5],
  ["南沙区", 1],
  ["从化区", 1],
  ["市外", 2.5],
] as const;

const DONGHU_LECTURES: readonly (readonly [string, ServiceObject, string, number, number])[] = [
  // [topic, client type, audience, min participants, max participants]
  ["专利检索入门：国家知识产权局专利检索系统实操", "public", "社会公众（公益讲座读者）", 30, 80],
  ["商标注册那些事：个人与小微企业商标申请指引", "public", "社会公众（公益讲座读者）", 40, 120],
  ["著作权登记与原创作品保护", "public", "社会公众（公益讲座读者）", 30, 90],
  ["读懂一份专利说明书", "public", "社会公众（公益讲座读者）", 20, 60],
  ["小微企业知识产权风险防范", "enterprise", "越秀区中小微企业（企业专场）", 25, 70],
  ["跨境电商商标与外观设计保护", "enterprise", "越秀区中小微企业（企业专场）", 30, 90],
  ["地理标志与老字号品牌保护", "public", "东湖街道社区居民", 40, 150],
  ["非遗技艺与知识产权保护", "public", "非遗传承人及手工艺从业者", 20, 60],
  ["高校毕业生创业知识产权第一课", "university", "高校学生（创新创业社团）", 40, 200],
  ["长者防范“专利代办”“商标续展”诈骗讲座", "public", "东湖街道社区居民", 30, 100],
  ["专利数据库检索进阶：Espacenet与PATENTSCOPE", "public", "社会公众（公益讲座读者）", 20, 50],
];

const DONGHU_SUMMER_LECTURE = ["青少年发明创造与专利启蒙", "public", "中小学生及家长", 20, 80] as const;

/** Around 4月23日 世界读书日 and 4月26日 世界知识产权日, then the community events of the rest of the year. */
const DONGHU_OUTREACH_APRIL = [
  "世界知识产权日主题展览及有奖问答",
  "“知识产权宣传周”咨询台及宣传品派发",
  "“书香越秀”阅读节知识产权专题书展",
];
const DONGHU_OUTREACH = ["社区知识产权普法宣传摊位", "“防范知识产权代理诈骗”宣传进社区", "老字号品牌保护主题展"];

const DONGHU_CONSULT = [
  "专利申请流程",
  "商标注册流程及官费",
  "作品著作权登记",
  "专利检索方法",
  "专利法律状态查询",
  "外观设计专利申请",
  "商标近似判断",
  "专利年费缴纳及减缴",
  "网店商标被投诉的处理",
  "PCT国际申请途径",
  "广州市知识产权资助政策",
  "个人发明专利申请材料",
  "商标被抢注怎么办",
  "馆藏知识产权图书及数据库使用",
];

const DONGHU_GOV = [
  ["越秀区科技和工业信息化局", "《越秀区专利申请授权情况季度分析》"],
  ["越秀区市场监督管理局", "《越秀区文创企业商标注册情况简报》"],
  ["越秀区文化广电旅游体育局", "《越秀区非遗老字号知识产权保护现状调研报告》"],
] as const;

const DONGHU: Outlet = {
  slug: "donghu-library",
  name: "广州市越秀区东湖图书馆",
  creditCode: "12440104455209812L",
  evidencePrefix: "TZ",
  months: [8, 4, 8, 13, 9, 8, 8, 7, 9, 9, 11, 9],
  staff: ["何嘉欣", "陈俊杰", "黄诗琪", "吴浩然", "郑雅文", "麦颖", "林志强", "苏敏"],
  ratedShare: 0.62,
  ratings: [
    [5, 58],
    [4, 34],
    [3, 7],
    [2, 1],
  ],
  plans: (rnd) => {
    const firms = new Firms(rnd, DONGHU_DISTRICTS, 70);
    const visitor = (): Client => (rnd.chance(0.72) ? person(rnd, DONGHU_DISTRICTS) : firms.pick());
    return [
      {
        item: "B01",
        count: 36,
        rule: "weekendEvent",
        peaks: [IP_DAY],
        channels: MEETING,
        crew: 2,
        make: (_rnd, _n, date) => {
          // In the school holidays the library runs its 青少年 series.
          const summer = date >= "2025-07-05" && date <= "2025-08-31" && rnd.chance(0.6);
          const [topic, type, audience, min, max] = summer ? DONGHU_SUMMER_LECTURE : rnd.pick(DONGHU_LECTURES);
          const participants = rnd.int(min, max);
          return { client: fixed(type, audience, "越秀区"), deliverable: `《${topic}》课件及签到表`, participants };
        },
        feedback: ["讲解通俗，现场演示检索很实用", "希望多开周末场次", "建议增加商标实操内容"],
      },
      {
        item: "B05",
        count: 10,
        rule: "weekendEvent",
        peaks: [{ from: "2025-04-19", to: "2025-04-27", share: 0.45 }],
        channels: [["会议", 1]],
        crew: 2,
        make: (_rnd, _n, date) => ({
          client: fixed("public", "社会公众（活动参与者）", "越秀区"),
          deliverable: `${rnd.pick(date.startsWith("2025-04") ? DONGHU_OUTREACH_APRIL : DONGHU_OUTREACH)}：展板${rnd.int(6, 16)}块、宣传折页${rnd.round(200, 600, 50)}份、新闻稿1篇`,
          participants: rnd.int(80, 400),
        }),
      },
      {
        item: "B04",
        count: 200,
        rule: "libraryOpen",
        peaks: [{ ...IP_DAY, share: 0.06 }],
        channels: CONSULT_CHANNELS,
        make: () => ({ client: visitor(), deliverable: `咨询答复记录（${rnd.pick(DONGHU_CONSULT)}）` }),
        feedback: ["馆员解答耐心", "一次就讲清楚了申请流程", "推荐的免费检索平台很好用"],
      },
      {
        item: "B02",
        count: 50,
        rule: "libraryOpen",
        channels: ONLINE,
        make: () => ({ client: visitor(), deliverable: patentTexts(rnd) }),
      },
      {
        item: "B03",
        count: 42,
        rule: "libraryOpen",
        channels: [
          ["窗口", 3],
          ["线上", 2],
        ],
        make: () => ({
          client: visitor(),
          deliverable: `专利文献清单（${rnd.int(8, 60)}条，${rnd.pick(PUBLIC_TOPICS)}）`,
        }),
      },
      {
        item: "library.B01",
        count: 18,
        rule: "libraryOpen",
        channels: [["窗口", 1]],
        make: () => ({
          client: visitor(),
          deliverable: rnd.pick([
            "馆藏知识产权图书借阅清单及电子资源使用指引",
            "专利检索数据库远程访问账号及使用说明",
            "《专利审查指南》等工具书借阅登记",
          ]),
        }),
      },
      {
        item: "B07",
        count: 12,
        rule: "workday",
        // One issue a month.
        monthOf: (n) => n + 1,
        channels: ONLINE,
        make: (_rnd, n) => ({
          client: fixed("public", "社会公众（公众号订阅读者）"),
          deliverable: `《东湖知识产权资讯》2025年第${n + 1}期（政策法规与典型案例）`,
        }),
      },
      {
        item: "library.L01",
        count: 30,
        rule: "workday",
        channels: [
          ["窗口", 2],
          ["线上", 3],
        ],
        price: { min: 800, max: 2400, step: 100 },
        adjustments: SEARCH_ADJUSTMENTS,
        make: () => ({
          client: rnd.chance(0.8) ? firms.pick() : person(rnd, DONGHU_DISTRICTS, "个人发明人"),
          deliverable: `专利查新报告1份（对比文献${rnd.int(6, 28)}篇）`,
        }),
        feedback: ["查新报告对比文献针对性强", "据报告调整了权利要求后提交申请"],
      },
      {
        item: "library.L02",
        count: 3,
        rule: "workday",
        months: [0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1],
        channels: [["上门", 1]],
        price: { min: 4000, max: 6000, step: 500 },
        make: () => {
          const [agency, report] = rnd.pick(DONGHU_GOV);
          return { client: fixed("government", agency, "越秀区"), deliverable: `${report}1份` };
        },
      },
    ];
  },
  // Almost clean: two rows where the desk forgot to note what was handed over.
  defects: (rnd, entries) => {
    for (const i of rnd.sample(entries.length, 2)) delete entries[i]!.deliverable;
    return entries;
  },
};

// ---------------------------------------------------------------- 粤信 (market: agency, legal)

const YUEXIN_DISTRICTS = [
  ["天河区", 24],
  ["黄埔区", 20],
  ["番禺区", 10],
  ["白云区", 10],
  ["海珠区", 8],
  ["越秀区", 6],
  ["增城区", 5],
  ["花都区", 5],
  ["南沙区", 4],
  ["荔湾区", 3],
  ["从化区", 1.5],
  ["市外", 3.5],
] as const;

const YUEXIN_TRAININGS = [
  "高新技术企业认定中的知识产权要点",
  "专利挖掘与技术交底书撰写实务",
  "跨境电商知识产权风险防范",
  "商标品牌保护与维权路径",
  "知识产权质押融资政策解读",
  "企业知识产权管理规范（GB/T 29490）解读",
];
const YUEXIN_AUDIENCES: readonly (readonly [string, ClientDistrict])[] = [
  ["黄埔区科技企业知识产权专员", "黄埔区"],
  ["天河软件园入园企业", "天河区"],
  ["番禺区珠宝首饰行业协会会员企业", "番禺区"],
  ["白云区美妆日化企业", "白云区"],
  ["花都区皮具商会会员企业", "花都区"],
  ["南沙区跨境电商企业", "南沙区"],
];

const YUEXIN_CONSULT = [
  "高新技术企业认定中的知识产权要求",
  "专利申请类型选择",
  "商标续展及变更",
  "知识产权质押融资政策",
  "专利费用减缴",
  "研发立项前的专利检索",
  "职务发明奖酬",
  "软件著作权与专利的保护差异",
  "商标许可合同备案",
  "专利权转让手续",
];
const YUEXIN_FILING = [
  "商标近似查询及申请指引",
  "软件著作权登记材料指引",
  "外观设计专利申请材料指引",
  "PCT国际申请流程指引",
  "马德里商标国际注册指引",
];
const YUEXIN_RIGHTS = [
  "侵权警告函应对建议",
  "商标被抢注处理途径",
  "专利法律状态查询及维权路径建议",
  "维权援助机构推介",
  "被诉侵权应诉要点",
];
const YUEXIN_FAIR = ["广交会参展知识产权风险提示", "展会现场侵权投诉处理指引", "参展产品外观设计侵权排查"];
const YUEXIN_ECOMMERCE = ["亚马逊店铺外观专利投诉应对", "跨境电商商标布局咨询", "TikTok Shop品牌备案咨询"];
const SEARCH_KINDS = [
  "查新检索",
  "技术主题检索",
  "法律状态检索",
  "同族专利检索",
  "专利稳定性检索",
  "侵权风险（FTO）检索",
];
/** Technical fields that fit a firm's line of business; anyone else brings one of the general ones. */
const FIELDS_BY_SECTOR: readonly (readonly [RegExp, readonly string[]])[] = [
  [/生物|医药|药业|医疗|健康|基因|中药/u, ["口服液制备工艺", "医用敷料", "体外诊断试剂", "中药提取工艺"]],
  [/化妆品|化工|日用/u, ["化妆品防腐体系", "洗护产品配方", "化妆品包装泵头结构"]],
  [/汽车|新能源/u, ["新能源汽车热管理", "锂电池正极材料", "车载智能座舱"]],
  [
    /电子|半导体|照明|灯光|音响|智能|软件|信息|网络|数字|游戏/u,
    ["LED显示驱动芯片", "扫地机器人导航", "智能家居网关", "工业视觉检测"],
  ],
  [/珠宝|首饰/u, ["珠宝镶嵌工艺", "贵金属表面处理"]],
  [/皮具|箱包|服装|服饰|布艺/u, ["箱包拉杆结构", "面料防水工艺"]],
  [/食品|茶|餐饮/u, ["茶饮料制备工艺", "食品保鲜包装"]],
  [/材料|精密|装备|机械|制造/u, ["可降解包装材料", "精密减速器", "工业视觉检测"]],
];

function fieldFor(rnd: Random, client: Client): string {
  const match = FIELDS_BY_SECTOR.find(([re]) => re.test(client.name ?? ""));
  return rnd.pick(match ? match[1] : TECH_FIELDS);
}

const TECH_FIELDS = [
  "锂电池正极材料",
  "扫地机器人导航",
  "化妆品防腐体系",
  "车载智能座舱",
  "可降解包装材料",
  "LED显示驱动芯片",
  "宠物智能用品",
  "珠宝镶嵌工艺",
  "新能源汽车热管理",
  "工业视觉检测",
  "口服液制备工艺",
  "智能家居网关",
];

const YUEXIN: Outlet = {
  slug: "yuexin-ip",
  name: "广州粤信知识产权服务有限公司",
  creditCode: "91440106MA5BL6RX97",
  evidencePrefix: "YX",
  months: [8, 4, 9, 11, 8, 8, 7, 7, 9, 10, 11, 10],
  staff: ["陈婉婷", "张伟明", "李慧玲", "刘子豪", "冯晓峰", "谢雨桐", "邓家乐", "曾凡", "罗志坚"],
  ratedShare: 0.46,
  ratings: [
    [5, 48],
    [4, 38],
    [3, 11],
    [2, 3],
  ],
  plans: (rnd) => {
    const firms = new Firms(rnd, YUEXIN_DISTRICTS, 150);
    const firmOrPerson = (p: number): Client => (rnd.chance(p) ? firms.pick() : person(rnd, YUEXIN_DISTRICTS));
    // 广交会: spring session from mid-April, autumn session from mid-October, with the weeks of preparation before.
    const cantonFair: Peak[] = [
      { from: "2025-04-01", to: "2025-05-05", share: 0.3 },
      { from: "2025-10-09", to: "2025-11-04", share: 0.3 },
    ];
    const inFair = (date: string): boolean => cantonFair.some((p) => date >= p.from && date <= p.to);
    // 代理服务 is priced per filing: 发明 is several times a 实用新型, a trademark is priced per class.
    const agency = (): Made => {
      const kind = rnd.weighted([
        ["invention", 3],
        ["utility", 3],
        ["design", 2],
        ["trademark", 4],
        ["software", 2],
      ] as const);
      const n = kind === "invention" || kind === "software" ? 1 : rnd.int(1, kind === "utility" ? 2 : 4);
      const [deliverable, unit] = {
        invention: [`发明专利申请代理1件（已取得受理通知书）`, rnd.round(3000, 4500, 100)],
        utility: [`实用新型专利申请代理${n}件（已受理）`, rnd.round(1500, 2500, 100)],
        design: [`外观设计专利申请代理${n}件（已受理）`, rnd.round(800, 1200, 100)],
        trademark: [
          `商标注册申请代理${n}件（第${rnd.pick(["3", "9", "18", "25", "35", "42"])}类等）`,
          rnd.round(600, 900, 50),
        ],
        software: [`计算机软件著作权登记代理1件（已下证）`, rnd.round(600, 1200, 100)],
      }[kind] as [string, number];
      return { client: firmOrPerson(0.9), deliverable, quote: unit * n };
    };
    return [
      {
        item: "B04",
        count: 140,
        rule: "workday",
        channels: CONSULT_CHANNELS,
        make: () => ({ client: firmOrPerson(0.75), deliverable: `咨询答复记录（${rnd.pick(YUEXIN_CONSULT)}）` }),
        feedback: ["回复及时", "政策讲解清楚"],
      },
      {
        item: "market.B06",
        count: 60,
        rule: "workday",
        channels: CONSULT_CHANNELS,
        make: () => ({ client: firmOrPerson(0.7), deliverable: `指引材料及答复记录（${rnd.pick(YUEXIN_FILING)}）` }),
      },
      {
        item: "B09",
        count: 28,
        rule: "workday",
        channels: [
          ["窗口", 2],
          ["电话", 1],
          ["上门", 1],
        ],
        make: () => ({ client: firmOrPerson(0.85), deliverable: `维权援助意见（${rnd.pick(YUEXIN_RIGHTS)}）` }),
        feedback: ["给出的维权路径很清晰"],
      },
      {
        item: "B10",
        count: 26,
        rule: "workday",
        peaks: cantonFair,
        channels: [
          ["线上", 2],
          ["上门", 1],
          ["电话", 1],
        ],
        make: (_rnd, _n, date) => ({
          client: firms.pick(),
          deliverable: `咨询意见书（${rnd.pick(inFair(date) ? YUEXIN_FAIR : YUEXIN_ECOMMERCE)}）`,
        }),
        feedback: ["参展前的风险排查很有帮助"],
      },
      {
        item: "B01",
        count: 16,
        rule: "workday",
        peaks: [IP_DAY],
        channels: MEETING,
        crew: 2,
        make: (_rnd, _n, date) => {
          const [audience, district] = rnd.pick(YUEXIN_AUDIENCES);
          return {
            client: fixed("enterprise", audience, district),
            deliverable: `《${inFair(date) ? "广交会参展知识产权合规指引" : rnd.pick(YUEXIN_TRAININGS)}》课件及签到表`,
            participants: rnd.int(20, 150),
          };
        },
        feedback: ["案例贴近企业实际", "希望提供课件电子版"],
      },
      {
        item: "B03",
        count: 35,
        rule: "workday",
        channels: [
          ["线上", 2],
          ["窗口", 1],
        ],
        make: () => {
          const client = firmOrPerson(0.8);
          return { client, deliverable: `基础检索指导记录及检索式（${fieldFor(rnd, client)}）` };
        },
      },
      {
        item: "B05",
        count: 5,
        rule: "workday",
        peaks: [{ from: "2025-04-21", to: "2025-04-30", share: 0.6 }],
        channels: [["会议", 1]],
        crew: 2,
        make: (_rnd, _n, date) => ({
          client: fixed("enterprise", ...rnd.pick(YUEXIN_AUDIENCES)),
          deliverable: `${date.startsWith("2025-04") ? "知识产权宣传周园区咨询摊位" : "园区知识产权公益咨询日"}：宣传册${rnd.round(100, 400, 50)}份、现场登记表`,
          participants: rnd.int(60, 260),
        }),
      },
      {
        item: "L01",
        count: 62,
        rule: "workday",
        channels: [
          ["线上", 3],
          ["窗口", 1],
        ],
        price: { min: 600, max: 3500, step: 100 },
        make: () => {
          const client = firmOrPerson(0.92);
          const field = fieldFor(rnd, client);
          return { client, deliverable: `${rnd.pick(SEARCH_KINDS)}报告（${field}，含${rnd.int(8, 45)}篇对比文件）` };
        },
        adjustments: SEARCH_ADJUSTMENTS,
        feedback: ["报告结论明确", "对比文件筛选精准，节省了研发部门时间"],
      },
      {
        item: "L14",
        count: 95,
        rule: "workday",
        channels: [
          ["窗口", 2],
          ["线上", 3],
          ["上门", 1],
        ],
        make: agency,
        adjustments: ["申请前增加一次新颖性预检索", "客户要求加急提交，加收加急服务费"],
      },
      {
        item: "L13",
        count: 22,
        rule: "workday",
        channels: [
          ["上门", 2],
          ["窗口", 1],
        ],
        price: { min: 2000, max: 9000, step: 500 },
        adjustments: ["追加电商平台侵权链接投诉", "增加一次公证取证"],
        make: () => ({
          client: firms.pick(),
          deliverable: rnd.pick([
            "商标侵权调查报告1份",
            "专利无效宣告请求书1份（已提交国家知识产权局）",
            `电商平台侵权投诉${rnd.int(5, 30)}条（已下架过半）`,
            "证据保全公证协助及取证报告1份",
            "行政查处投诉材料1套（已获立案）",
          ]),
        }),
        feedback: ["侵权链接下架很快"],
      },
      {
        item: "L07",
        count: 14,
        rule: "workday",
        channels: [
          ["线上", 1],
          ["上门", 1],
        ],
        price: { min: 3000, max: 9000, step: 500 },
        make: () => {
          const client = firms.pick();
          const report = rnd.pick(["竞争对手专利分析报告", "专利态势分析报告", "知识产权分析评议报告"]);
          return { client, deliverable: `${report}1份（${fieldFor(rnd, client)}，${rnd.int(24, 68)}页）` };
        },
        adjustments: ANALYSIS_ADJUSTMENTS,
      },
      {
        item: "market.L06",
        count: 12,
        rule: "workday",
        channels: [
          ["上门", 1],
          ["线上", 1],
        ],
        price: { min: 1500, max: 5000, step: 500 },
        make: () => ({ client: firms.pick(), deliverable: "侵权比对分析意见书1份（附技术特征比对表）" }),
      },
      {
        item: "L12",
        count: 9,
        rule: "workday",
        channels: [["上门", 1]],
        price: { min: 3000, max: 6000, step: 500 },
        make: () => ({
          client: firms.pick(),
          deliverable: `年度知识产权托管服务协议及台账（专利${rnd.int(12, 80)}件、商标${rnd.int(3, 30)}件）`,
        }),
      },
      {
        item: "V03",
        count: 5,
        rule: "workday",
        channels: [["上门", 1]],
        price: { min: 3000, max: 8000, step: 500 },
        make: () => ({
          client: firms.pick(),
          deliverable: `专利转让交易撮合（${rnd.int(1, 4)}件，已完成著录项目变更）`,
        }),
      },
      {
        item: "V04",
        count: 7,
        rule: "workday",
        channels: [["上门", 1]],
        price: { min: 3000, max: 6000, step: 500 },
        make: () => ({
          client: firms.pick(),
          deliverable: `知识产权质押融资辅导（协助获批贷款${rnd.round(100, 800, 50)}万元）`,
        }),
      },
      // Not ticked in the 2025 summary: 主要服务事项变更 the bureau has not been told of (第二十条).
      {
        item: "L17",
        count: 5,
        rule: "workday",
        channels: [["上门", 1]],
        price: { min: 5000, max: 8000, step: 500 },
        make: () => ({ client: firms.pick(), deliverable: "贯标辅导：知识产权管理手册及程序文件1套" }),
      },
      {
        item: "V05",
        count: 3,
        rule: "workday",
        channels: [["上门", 1]],
        price: { min: 5000, max: 9000, step: 500 },
        make: () => ({ client: firms.pick(), deliverable: `专利价值评估报告1份（${rnd.int(1, 5)}件发明专利）` }),
      },
    ];
  },
  defects: (rnd, entries) => {
    const touched = new Set<number>();
    const take = (pred: (e: Entry) => boolean, k: number): number[] => {
      const pool = entries.map((_e, i) => i).filter((i) => !touched.has(i) && pred(entries[i]!));
      const out = rnd.sample(pool.length, k).map((j) => pool[j]!);
      out.forEach((i) => touched.add(i));
      return out;
    };
    // Basic services charged for (第十条: 基础性服务免费提供).
    const charges: readonly (readonly [string, RegExp, number, string])[] = [
      ["B04", /咨询/u, 200, "客户要求出具书面咨询意见，收取工本费"],
      ["B04", /咨询/u, 300, "加急当日答复"],
      ["market.B06", /商标近似/u, 300, "商标近似查询按次收费"],
      ["market.B06", /外观设计|软件著作权/u, 500, "代填申请表格"],
      ["B10", /广交会|展会/u, 800, "展会现场驻场半天"],
      ["B03", /检索/u, 400, "代为检索并整理清单"],
    ];
    for (const [item, about, fee, note] of charges) {
      const [i] = take((e) => e.item === item && about.test(e.deliverable ?? ""), 1);
      entries[i!]!.fee = fee;
      entries[i!]!.adjustments = note;
    }
    // Low-cost work logged with neither quote nor fee.
    for (const i of take((e) => e.item === "L14" || e.item === "L01" || e.item === "L13", 5)) {
      delete entries[i]!.quote;
      delete entries[i]!.fee;
    }
    // Items written by their 附件2 name: accepted, no finding.
    const byName: readonly (readonly [string, string])[] = [
      ["B04", "知识产权信息咨询"],
      ["L01", "知识产权特定信息检索"],
      ["L14", "知识产权代理服务"],
    ];
    for (const [code, name] of byName) entries[take((e) => e.item === code, 1)[0]!]!.item = name;
    // A trademark filing logged under a name that is not in 附件2.
    entries[take((e) => e.item === "L14" && /商标注册/u.test(e.deliverable ?? ""), 1)[0]!]!.item = "商标注册代理";
    // Wrong years: a late-2024 job booked into this ledger, and two typos in the year.
    const [late, typo1, typo2] = [
      take((e) => e.date! <= "2025-01-10", 1)[0]!,
      take((e) => e.date!.startsWith("2025-03"), 1)[0]!,
      take((e) => e.date! >= "2025-12-20", 1)[0]!,
    ];
    entries[late]!.date = "2024-12-30";
    entries[typo1]!.date = entries[typo1]!.date!.replace("2025", "2024");
    entries[typo2]!.date = entries[typo2]!.date!.replace("2025", "2026");
    // A month typed as 13: kept as written, reported as unparseable.
    const bad = take((e) => e.date!.startsWith("2025-12-0"), 1)[0]!;
    entries[bad]!.date = entries[bad]!.date!.replace("2025-12-", "2025-13-");
    // Two rows pasted twice: exact copies right after the original.
    const dupes = take((e) => e.date!.startsWith("2025-0") && e.item === "L14", 2).sort((a, b) => b - a);
    for (const i of dupes) entries.splice(i + 1, 0, structuredClone(entries[i]!));
    return entries;
  },
};

// ---------------------------------------------------------------- 岭南医科大学 (university)

const LINGNAN_SCHOOLS = [
  "基础医学院",
  "临床医学院",
  "药学院",
  "公共卫生学院",
  "护理学院",
  "生物医学工程学院",
  "中西医结合学院",
  "口腔医学院",
];
const LINGNAN_HOSPITALS = ["广州岭南医科大学附属第一医院", "广州岭南医科大学附属第二医院"];
const LINGNAN_OFFICES = ["科研处", "技术转移中心", "学科建设办公室", "研究生院"];
const LINGNAN_COMPANY_DISTRICTS = [
  ["黄埔区", 35],
  ["白云区", 25],
  ["番禺区", 8],
  ["天河区", 10],
  ["南沙区", 6],
  ["海珠区", 5],
  ["增城区", 4],
  ["从化区", 2],
  ["市外", 5],
] as const;
const MED_SECTORS = ["生物医药科技", "医疗器械", "生物科技", "医药科技", "健康科技", "基因科技", "药业"];
const MED_TOPICS = [
  "PD-1抑制剂联合用药",
  "可降解心血管支架",
  "中药复方治疗糖尿病肾病",
  "腔镜吻合器",
  "mRNA递送脂质纳米粒",
  "AI辅助肺结节影像诊断",
  "下肢康复外骨骼",
  "口腔种植体表面处理",
  "幽门螺杆菌快速检测试剂",
  "CAR-T细胞制备工艺",
  "岭南中药材指纹图谱",
  "医用水凝胶敷料",
];
const LINGNAN_COURSES = [
  "《医学文献与专利信息检索》课程",
  "研究生专利信息检索专题讲座",
  "本科生创新创业项目专利检索工作坊",
];

/** New teachers start in September; theses are proposed in autumn and in March. */
function coursesFor(date: string): readonly string[] {
  const month = Number(date.slice(5, 7));
  const extra: string[] = [];
  if (month === 9 || month === 10) extra.push("新入职教师知识产权素养培训");
  if (month === 3 || (month >= 9 && month <= 11)) extra.push("学位论文开题查新与文献管理讲座");
  return [...LINGNAN_COURSES, ...extra];
}
const LINGNAN_TRAININGS = [
  "专利申请实务与技术交底书撰写",
  "职务科技成果披露与赋权改革政策解读",
  "医疗器械专利布局与注册申报衔接",
  "药物研发中的专利检索与FTO分析",
];
const QUARTERS = ["2024年第四季度", "2025年第一季度", "2025年第二季度", "2025年第三季度"];
const LINGNAN_CONSULT = [
  "技术交底书撰写",
  "职务发明奖励政策",
  "论文发表与专利申请的先后顺序",
  "专利检索数据库使用",
  "基金申请书中的知识产权描述",
  "成果转化合同条款",
  "PCT申请时机",
  "专利费用资助报销",
];

const LINGNAN: Outlet = {
  slug: "lingnan-medical-university",
  name: "广州岭南医科大学",
  creditCode: "124401114554122714",
  evidencePrefix: "LYTZ",
  // Teaching calendar: quiet in the winter and summer vacations, busy in term.
  months: [5, 2, 10, 12, 11, 10, 4, 3, 10, 9, 12, 10],
  staff: ["林颖", "彭思远", "卢晓琳", "蔡文博", "何静", "苏子航", "温嘉琪"],
  ratedShare: 0.16,
  ratings: [
    [5, 50],
    [4, 40],
    [3, 10],
  ],
  plans: (rnd) => {
    const firms = new Firms(rnd, LINGNAN_COMPANY_DISTRICTS, 45, MED_SECTORS);
    const school = (): string => rnd.pick(LINGNAN_SCHOOLS);
    const researcher = (): Client => {
      const r = rnd.float();
      const s = school();
      if (r < 0.35) return fixed("university", `${s}（${rnd.pick(SURNAMES)}教授课题组）`, "白云区");
      if (r < 0.6) return fixed("university", `${s}${rnd.pick(SURNAMES)}老师`, "白云区");
      if (r < 0.85) return fixed("university", `${s}研究生${rnd.pick(SURNAMES)}同学`, "白云区");
      return fixed("enterprise", rnd.pick(LINGNAN_HOSPITALS), "白云区");
    };
    const anyone = (external: number): Client => (rnd.chance(external) ? firms.pick() : researcher());
    return [
      {
        item: "B06",
        count: 30,
        rule: "workday",
        peaks: [{ ...IP_DAY, share: 0.15 }],
        months: [1, 0, 12, 10, 9, 5, 0, 0, 12, 10, 11, 6],
        channels: [
          ["会议", 4],
          ["线上", 1],
        ],
        crew: 2,
        make: (_rnd, _n, date) => ({
          client: fixed("university", `${school()}${rnd.pick(["本科生", "研究生", "教师"])}`, "白云区"),
          deliverable: `${rnd.pick(coursesFor(date))}课件及签到表`,
          participants: rnd.int(30, 200),
        }),
        feedback: ["检索实操环节很有用", "希望课程增加专利分析工具的练习"],
      },
      {
        item: "B01",
        count: 12,
        rule: "workday",
        peaks: [IP_DAY],
        channels: MEETING,
        crew: 2,
        make: () => ({
          client: rnd.chance(0.7)
            ? fixed("university", `${school()}教师及科研人员`, "白云区")
            : fixed("enterprise", "白云区、黄埔区生物医药企业", "白云区"),
          deliverable: `《${rnd.pick(LINGNAN_TRAININGS)}》课件及签到表`,
          participants: rnd.int(20, 120),
        }),
      },
      {
        item: "B04",
        count: 105,
        rule: "workday",
        channels: CONSULT_CHANNELS,
        make: () => ({ client: anyone(0.12), deliverable: `咨询答复记录（${rnd.pick(LINGNAN_CONSULT)}）` }),
      },
      {
        item: "B02",
        count: 45,
        rule: "workday",
        channels: ONLINE,
        make: () => ({ client: anyone(0.1), deliverable: patentTexts(rnd) }),
      },
      {
        item: "B03",
        count: 40,
        rule: "workday",
        channels: [
          ["线上", 3],
          ["窗口", 1],
        ],
        make: () => ({
          client: anyone(0.15),
          deliverable: `专利检索清单（${rnd.int(10, 80)}条，${rnd.pick(MED_TOPICS)}）`,
        }),
      },
      {
        item: "university.B08",
        count: 12,
        rule: "workday",
        channels: [
          ["上门", 1],
          ["会议", 1],
        ],
        make: () => ({
          client: rnd.chance(0.5) ? fixed("university", "技术转移中心", "白云区") : researcher(),
          deliverable: rnd.pick([
            `可转化专利梳理表（${rnd.int(6, 40)}件）`,
            "技术成果推介材料1份",
            "专利许可意向企业对接清单",
          ]),
        }),
      },
      {
        item: "university.B09",
        count: 4,
        rule: "workday",
        // Each quarter's figures, reported in the first month of the next quarter.
        monthOf: (n) => [1, 4, 7, 10][n]!,
        channels: ONLINE,
        make: (_rnd, n) => ({
          client: fixed("university", "科研处", "白云区"),
          deliverable: `学校专利申请授权统计表（${QUARTERS[n]!}）`,
        }),
      },
      {
        item: "university.B10",
        count: 20,
        rule: "workday",
        channels: ONLINE,
        make: () => ({
          client: fixed("university", `${school()}（${rnd.pick(SURNAMES)}教授课题组）`, "白云区"),
          deliverable: `课题专利与文献跟踪简报（${rnd.pick(MED_TOPICS)}）`,
        }),
      },
      {
        item: "L01",
        count: 42,
        rule: "workday",
        channels: [
          ["线上", 3],
          ["窗口", 1],
        ],
        price: { min: 500, max: 3000, step: 100 },
        adjustments: SEARCH_ADJUSTMENTS,
        make: () => ({
          client: anyone(0.35),
          deliverable: `${rnd.pick(["专利查新检索报告", "侵权风险（FTO）检索报告", "法律状态及同族检索报告"])}1份（${rnd.pick(MED_TOPICS)}，对比文献${rnd.int(6, 35)}篇）`,
        }),
        feedback: ["报告用于项目结题，评审专家认可", "交付及时"],
      },
      {
        item: "L07",
        count: 8,
        rule: "workday",
        channels: [
          ["上门", 1],
          ["线上", 1],
        ],
        price: { min: 3000, max: 9000, step: 500 },
        adjustments: ANALYSIS_ADJUSTMENTS,
        make: () => ({
          client: rnd.chance(0.5) ? firms.pick() : fixed("university", rnd.pick(LINGNAN_OFFICES), "白云区"),
          deliverable: `${rnd.pick(["重大科研项目知识产权分析评议报告", "专利技术分析报告"])}1份（${rnd.pick(MED_TOPICS)}）`,
        }),
      },
      {
        item: "university.L08",
        count: 3,
        rule: "workday",
        months: [0, 0, 1, 1, 1, 1, 0, 0, 1, 1, 1, 1],
        channels: [["线上", 1]],
        price: { min: 5000, max: 8000, step: 500 },
        make: (_rnd, n) => ({
          client: fixed("university", "学科建设办公室", "白云区"),
          deliverable: `${["临床医学", "药学", "生物医学工程"][n]!}学科专利竞争力与发展态势分析报告1份`,
        }),
      },
    ];
  },
  // Satisfaction forms mostly not collected (ratedShare above); a few rows where the client was never written down.
  defects: (rnd, entries) => {
    const pool = entries.map((_e, i) => i).filter((i) => entries[i]!.client.type !== "enterprise");
    for (const j of rnd.sample(pool.length, 4)) delete entries[pool[j]!]!.client.name;
    return entries;
  },
};

// ---------------------------------------------------------------- output

function main(): void {
  mkdirSync(OUT_DIR, { recursive: true });
  for (const outlet of [DONGHU, YUEXIN, LINGNAN]) {
    const entries = buildLedger(outlet);
    const ledger = {
      type: "ledger",
      outlet: { name: outlet.name, creditCode: outlet.creditCode },
      year: YEAR,
      entries: entries.map(ordered),
    };
    const file = join(OUT_DIR, `${outlet.slug}.json`);
    writeFileSync(file, `${JSON.stringify(ledger, null, 2)}\n`, "utf8");
    console.log(`${relative(process.cwd(), file)}: ${entries.length} entries`);
  }
}

main();
