import {
  CATALOG,
  LIST_IDS,
  LIST_LABELS,
  TIERS,
  TIER_LABELS,
  getItem,
  isCatalogItemAllowed,
  isItemAllowed,
  itemLabel,
  itemsForCategory,
  listItems,
  resolveItem,
  type ListId,
  type Tier,
} from "../../src/core/catalog";
import { CATEGORY_LABELS } from "../../src/core/codes";

// Counted by hand from 附件2 of the guide, 其他…服务 items left out.
const COUNTS: Record<ListId, Record<Tier, number>> = {
  general: { basic: 11, lowCost: 17, valueAdded: 7 },
  university: { basic: 11, lowCost: 8, valueAdded: 1 },
  research: { basic: 7, lowCost: 8, valueAdded: 3 },
  library: { basic: 5, lowCost: 2, valueAdded: 0 },
  park: { basic: 3, lowCost: 3, valueAdded: 3 },
  association: { basic: 10, lowCost: 3, valueAdded: 1 },
  market: { basic: 8, lowCost: 13, valueAdded: 5 },
};

describe("catalog contents", () => {
  it.each(LIST_IDS.flatMap((list) => TIERS.map((tier) => [list, tier] as const)))("%s %s count", (list, tier) => {
    const items = listItems(list).filter((i) => i.tier === tier);
    expect(items).toHaveLength(COUNTS[list][tier]);
    expect(items.map((i) => i.number)).toEqual(items.map((_, k) => k + 1));
  });

  it("holds every list, in list then tier then number order", () => {
    expect(LIST_IDS).toEqual(["general", "university", "research", "library", "park", "association", "market"]);
    const total = Object.values(COUNTS).reduce((s, c) => s + c.basic + c.lowCost + c.valueAdded, 0);
    expect(CATALOG).toHaveLength(total);
    expect(CATALOG).toEqual(LIST_IDS.flatMap((list) => listItems(list)));
    for (const list of LIST_IDS) {
      const order = listItems(list).map((i) => [TIERS.indexOf(i.tier), i.number]);
      expect(order).toEqual([...order].sort((a, b) => a[0]! - b[0]! || a[1]! - b[1]!));
    }
  });

  it("uses unique, well-formed codes", () => {
    const codes = CATALOG.map((i) => i.code);
    expect(new Set(codes).size).toBe(codes.length);
    for (const item of CATALOG) {
      const local = `${{ basic: "B", lowCost: "L", valueAdded: "V" }[item.tier]}${String(item.number).padStart(2, "0")}`;
      expect(item.code).toBe(item.list === "general" ? local : `${item.list}.${local}`);
      expect(item.code).toMatch(/^((university|research|library|park|association|market)\.)?[BLV]\d{2}$/);
      expect(getItem(item.code)).toBe(item);
    }
  });

  it("leaves out the 其他 items and keeps names clean", () => {
    for (const item of CATALOG) {
      expect(item.name.startsWith("其他")).toBe(false);
      expect(item.name).not.toMatch(/[\s：:]/u);
      expect(item.description.trim()).not.toBe("");
    }
  });

  it("has the 附件2 names", () => {
    const names: Record<string, string> = {
      B01: "知识产权培训",
      B10: "电商及展会知识产权咨询",
      B11: "知识产权纠纷调解",
      L01: "知识产权特定信息检索",
      L17: "知识产权贯标辅导",
      V01: "知识产权战略及管理咨询",
      V07: "建立技术创新联盟等服务",
      "university.B01": "知识产权信息资源提供",
      "university.B11": "建设具有学科特色的知识产权数据库平台",
      "university.L08": "学科态势分析服务",
      "university.V01": "制作知识产权和技术类刊物",
      "research.B01": "知识产权信息资源导航",
      "research.V01": "建设特色资源数据库",
      "research.V03": "提供知识产权战略制定和管理咨询",
      "library.B05": "知识产权培训",
      "library.L01": "专利查新",
      "library.L02": "决策参考",
      "park.L02": "知识产权分析评议",
      "park.V03": "知识产权质押融资",
      "association.B08": "编辑知识产权类刊物或文章",
      "association.L03": "知识产权数据库及工具平台开发",
      "market.B06": "知识产权申请及登记咨询",
      "market.L06": "侵权对比分析",
      "market.L13": "知识产权数据统计监测",
      "market.V05": "知识产权资产评估",
    };
    for (const [code, name] of Object.entries(names)) expect(getItem(code)?.name).toBe(name);
    expect(getItem("library.V01")).toBeUndefined();
    expect(getItem("B12")).toBeUndefined();
  });

  it("has the 附件2 descriptions verbatim", () => {
    expect(getItem("B11")?.description).toBe(
      "协助知识产权行政与司法保护机关处理知识产权纠纷，根据相关部门的授权和委托，对服务对象的知识产权纠纷进行调解。",
    );
    expect(getItem("L17")?.description).toBe(
      "为企业贯彻国家标准《企业知识产权管理规范》提供辅导服务，帮助企业顺利开展贯标工作并通过贯标认证。",
    );
    expect(getItem("library.L02")?.description).toBe(
      "为政府及有关部门提供知识产权相关决策参考信息，通过信息收集、领域调研、规划研究等方式为政府及有关部门提供简报和调研报告。",
    );
    expect(getItem("market.L06")?.description).toBe(
      "对涉案知识产权及涉嫌侵权客体进行对比分析，分析专利权是否稳定、有效，提出侵权判定分析意见。",
    );
    expect(getItem("research.V01")?.description).toBe(
      "围绕本地区用户的需求，结合本地区特色，建设企业专利专题数据库和产业专题专利数据库。",
    );
    // The guide's own typo (知识产 for 知识产权) is kept: the catalog is a transcription.
    expect(getItem("university.B07")?.description).toContain("向全校师生推广图书馆所提供的知识产信息服务");
    const libraryTraining = getItem("library.B05")!.description;
    expect(libraryTraining).toMatch(/^1）基本知识培训：/u);
    expect(libraryTraining).toContain("\n2）专利数据检索和分析技巧培训：");
  });

  it("tags training, outreach and literacy-education items", () => {
    const training = CATALOG.filter((i) => i.training).map((i) => i.code);
    expect(training).toEqual([
      "B01",
      "B05",
      "B06",
      "university.B05",
      "university.B06",
      "university.B07",
      "research.B05",
      "research.B06",
      "library.B04",
      "library.B05",
      "park.B03",
      "association.B01",
      "association.B04",
      "market.B01",
      "market.B04",
    ]);
    for (const code of ["B07", "L16", "L17", "market.L11", "market.L12", "research.L07", "association.B06"]) {
      expect(getItem(code)?.training).toBe(false);
    }
  });

  it("labels tiers, lists and items", () => {
    expect(TIER_LABELS).toEqual({ basic: "基础性服务", lowCost: "低成本专业化服务", valueAdded: "增值服务" });
    expect(LIST_LABELS.general).toBe("适用于所有网点的知识产权信息服务");
    for (const list of LIST_IDS) if (list !== "general") expect(LIST_LABELS[list]).toBe(CATEGORY_LABELS[list]);
    expect(itemLabel(getItem("B01")!)).toBe("B01 知识产权培训");
    expect(itemLabel(getItem("library.L01")!)).toBe("library.L01 专利查新");
  });
});

describe("categories", () => {
  it("gives the general list plus the category's own", () => {
    expect(itemsForCategory("library")).toEqual([...listItems("general"), ...listItems("library")]);
    expect(itemsForCategory("market")).toHaveLength(35 + 26);
    for (const category of ["other", "unknown", "general", undefined]) {
      expect(itemsForCategory(category)).toEqual(listItems("general"));
    }
  });

  it("isCatalogItemAllowed agrees with isItemAllowed for every item and category", () => {
    for (const item of CATALOG) {
      for (const category of [...Object.keys(CATEGORY_LABELS), "general", "nonsense", undefined]) {
        expect([item.code, category, isCatalogItemAllowed(item, category)]).toEqual([
          item.code,
          category,
          isItemAllowed(item.code, category),
        ]);
      }
    }
  });

  it("allows general items everywhere and category items only in their category", () => {
    expect(isItemAllowed("B01", "other")).toBe(true);
    expect(isItemAllowed("V07", "other")).toBe(true);
    expect(isItemAllowed("B01", undefined)).toBe(true);
    expect(isItemAllowed("library.L01", "other")).toBe(false);
    expect(isItemAllowed("library.L01", "library")).toBe(true);
    expect(isItemAllowed("library.L01", "university")).toBe(false);
    expect(isItemAllowed("park.V03", undefined)).toBe(false);
    expect(isItemAllowed("B12", "other")).toBe(false);
    expect(isItemAllowed("library.V01", "library")).toBe(false);
  });
});

describe("resolveItem", () => {
  it("resolves codes, in any case and with stray spaces", () => {
    expect(resolveItem("B01")?.code).toBe("B01");
    expect(resolveItem("  L17 ")?.code).toBe("L17");
    expect(resolveItem("b01")?.code).toBe("B01");
    expect(resolveItem("Library.l01")?.code).toBe("library.L01");
    expect(resolveItem("PARK.V03", "university")?.code).toBe("park.V03");
  });

  it("resolves a general-list name, also when other lists share it", () => {
    expect(resolveItem("知识产权纠纷调解")?.code).toBe("B11");
    expect(resolveItem(" 知识产权 培训 ")?.code).toBe("B01");
    // 知识产权培训 is in every list: the general list wins.
    expect(resolveItem("知识产权培训", "library")?.code).toBe("B01");
    expect(resolveItem("知识产权贯标辅导", "market")?.code).toBe("L17");
  });

  it("resolves a name only in the category's list", () => {
    expect(resolveItem("专利查新", "library")?.code).toBe("library.L01");
    // 知识产权咨询 is in four category lists but not the general one.
    expect(resolveItem("知识产权咨询", "park")?.code).toBe("park.B02");
    expect(resolveItem("知识产权信息资源提供", "university")?.code).toBe("university.B01");
  });

  it("resolves a name of exactly one other category's list", () => {
    expect(resolveItem("专利查新", "market")?.code).toBe("library.L01");
    expect(resolveItem("知识产权质押融资")?.code).toBe("park.V03");
    expect(resolveItem("学科态势分析服务", "other")?.code).toBe("university.L08");
  });

  it("gives undefined for unknown or ambiguous names", () => {
    expect(resolveItem("专利代理")).toBeUndefined();
    expect(resolveItem("")).toBeUndefined();
    expect(resolveItem("   ")).toBeUndefined();
    expect(resolveItem("其他基础性服务")).toBeUndefined();
    // In several category lists and not in the general one or the outlet's own.
    expect(resolveItem("知识产权咨询", "market")).toBeUndefined();
    expect(resolveItem("知识产权信息资源提供", "park")).toBeUndefined();
  });
});
