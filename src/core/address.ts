/**
 * Where an address lies (RULES.md org/region; reused for statistics by district). Pure.
 * Only the beginning of an address says where it is: 广州 later in the text (广州路, 广州银行大厦) says nothing,
 * and a bare district name counts only when no other city has a district of that name.
 */
import { DISTRICTS, type District } from "./codes";
import { toHalfWidth } from "./text";

export interface AddressLocation {
  inGuangzhou: boolean;
  district: District | null;
  /** Why, when it is worth telling: a trap recognised, a former name mapped, a road read as a district. */
  note?: string;
}

type Name = readonly [text: string, district: District];

/** Zones of Guangzhou written after 广州(市), e.g. 广州开发区 = 广州 + 开发区. */
const ZONES_AFTER_CITY: readonly Name[] = [
  ["经济技术开发区", "黄埔区"],
  ["高新技术产业开发区", "黄埔区"],
  ["开发区", "黄埔区"],
  ["高新区", "黄埔区"],
  ["科学城", "黄埔区"],
  ["知识城", "黄埔区"],
  ["国际生物岛", "黄埔区"],
  ["生物岛", "黄埔区"],
  ["大学城", "番禺区"],
  ["南沙新区", "南沙区"],
];

/** Names that are Guangzhou on their own, at the start of an address. */
const STANDALONE: readonly Name[] = [
  ...ZONES_AFTER_CITY.map(([zone, d]) => [`广州${zone}`, d] as const),
  ["中新广州知识城", "黄埔区"],
  ["中新知识城", "黄埔区"],
  ["南沙新区", "南沙区"],
  // Districts that exist only in Guangzhou (白云区 is also in 贵阳市; 东山区 also in 鹤岗市).
  ...DISTRICTS.filter((d) => d !== "白云区").map((d) => [d, d] as const),
  ["萝岗区", "黄埔区"],
  ["芳村区", "荔湾区"],
  ["从化市", "从化区"],
  ["增城市", "增城区"],
  ["番禺市", "番禺区"],
  ["花都市", "花都区"],
];

/** Former names (merged or upgraded districts), after 广州(市). */
const FORMER: readonly Name[] = [
  ["萝岗区", "黄埔区"],
  ["萝岗", "黄埔区"],
  ["东山区", "越秀区"],
  ["芳村区", "荔湾区"],
  ["芳村", "荔湾区"],
  ["从化市", "从化区"],
  ["增城市", "增城区"],
  ["番禺市", "番禺区"],
  ["花都市", "花都区"],
];

/** District names without 区, to tell a road named after a district (天河路, 黄埔大道) from the district. */
const SHORT_DISTRICTS: readonly Name[] = DISTRICTS.map((d) => [d.slice(0, -1), d] as const);

const byLength = (names: readonly Name[]): readonly Name[] => [...names].sort((a, b) => b[0].length - a[0].length);

const AFTER_CITY = byLength([
  ...DISTRICTS.map((d) => [d, d] as const),
  ...FORMER,
  ...ZONES_AFTER_CITY,
  ...STANDALONE,
  ...SHORT_DISTRICTS,
]);
const AT_START = byLength(STANDALONE);

const FORMER_NOTE: Record<string, string> = {
  萝岗: "萝岗区已于 2014 年并入黄埔区",
  东山: "东山区已于 2005 年并入越秀区",
  芳村: "芳村区已于 2005 年并入荔湾区",
  从化市: "从化市已于 2014 年撤市设区",
  增城市: "增城市已于 2014 年撤市设区",
  番禺市: "番禺市已于 2000 年撤市设区",
  花都市: "花都市已于 2000 年撤市设区",
};

const ROAD = /^(东|南|西|北|中)*(路|大道|大街|街|巷|直街)/u;
/** Leading prefixes that do not change the answer. */
const COUNTRY_PROVINCE = /^(中华人民共和国|中国)?(广东省|广东)?/u;
/** 中国（广东）自由贸易试验区 and its pieces: only the 南沙 piece is in Guangzhou. */
const FREE_TRADE_ZONE = /^(中国)?\(?广东\)?自由贸易试验区/u;
const NANSHA_PIECE = /^(广州)?南沙(新区)?片区/u;
const LEADING_CITY = /^(.{2,7}?(?:省|自治区|市|自治州|地区|盟))/u;
const DISTRICT_LIST = DISTRICTS.map((d) => d.slice(0, -1)).join("、");

function startsWith(rest: string, names: readonly Name[]): Name | undefined {
  return names.find(([text]) => rest.startsWith(text));
}

function found(district: District, note?: string): AddressLocation {
  return note ? { inGuangzhou: true, district, note } : { inGuangzhou: true, district };
}

function notFound(note?: string): AddressLocation {
  return note ? { inGuangzhou: false, district: null, note } : { inGuangzhou: false, district: null };
}

/** Reads a matched name: a former name or a road that only looks like a district gets a note. */
function located(name: Name, after: string): AddressLocation {
  const [text, district] = name;
  const former = Object.keys(FORMER_NOTE).find((k) => text.startsWith(k));
  if (former) return found(district, `${FORMER_NOTE[former]}，按${district}计`);
  if (!text.endsWith("区") && SHORT_DISTRICTS.some(([s]) => s === text)) {
    const road = ROAD.exec(after);
    if (road) return found(district, `“${text}${road[0]}”可能是路名而非区名，所在区按${district}计，请核实`);
  }
  return found(district);
}

export function locateAddress(address: string | undefined): AddressLocation {
  const text = toHalfWidth(address ?? "").replace(/\s+/gu, "");
  if (text === "") return notFound("地址未填写");

  const ftz = FREE_TRADE_ZONE.exec(text);
  if (ftz) {
    if (NANSHA_PIECE.test(text.slice(ftz[0].length))) return found("南沙区");
    return notFound("中国（广东）自由贸易试验区中只有南沙片区在广州市");
  }

  const rest = text.replace(COUNTRY_PROVINCE, "");
  for (const city of ["广州市", "广州"]) {
    if (!rest.startsWith(city)) continue;
    const after = rest.slice(city.length);
    const name = startsWith(after, AFTER_CITY);
    if (name) return located(name, after.slice(name[0].length));
  }
  const name = startsWith(rest, AT_START);
  if (name) return located(name, rest.slice(name[0].length));

  return notFound(whyNot(rest));
}

/** The trap the address fell into, in words for the reviewer. */
function whyNot(rest: string): string | undefined {
  if (rest.startsWith("白云区")) return "贵阳市也有白云区，应写明“广州市白云区”";
  if (rest.startsWith("东山区")) return "鹤岗市也有东山区（广州市原东山区已并入越秀区），应写明“广州市”";
  if (/^广州(东|南|西|北|中)*(路|大道|大街|街|巷)/u.test(rest)) return "“广州路”“广州大道”等是路名，不表示所在城市";
  if (rest.startsWith("广州")) {
    const typo = rest.includes("黄浦") ? "；黄浦区是上海市的区，广州市的是黄埔区" : "";
    return `“广州市”之后应写明所在区（${DISTRICT_LIST}）${typo}`;
  }
  const notes: string[] = [];
  const city = LEADING_CITY.exec(rest)?.[1];
  if (city) notes.push(`地址以“${city}”开头`);
  if (rest.includes("黄浦区")) notes.push("黄浦区是上海市的区，广州市的是黄埔区");
  else if (rest.includes("广州")) notes.push("“广州”出现在地址后文（路名、楼名等），不表示机构位于广州市");
  return notes.length ? notes.join("；") : undefined;
}
