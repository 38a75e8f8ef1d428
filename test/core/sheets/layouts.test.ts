import { CATALOG, itemsForCategory } from "../../../src/core/catalog";
import { CLIENT_DISTRICTS } from "../../../src/core/codes";
import {
  applicationForm,
  CellProblem,
  CODECS,
  cellRef,
  getPath,
  headerKey,
  itemFromText,
  itemOptions,
  LEDGER_INFO_FORM,
  ledgerColumns,
  matchHeader,
  REGISTRY_COLUMNS,
  setPath,
  summaryForm,
  yesNo,
  type FormLayout,
} from "../../../src/core/sheets/layouts";
import { ledgerEntrySchema, registryOutletSchema } from "../../../src/core/schemas";

describe("ledger layout", () => {
  const columns = ledgerColumns("library");

  it("has the columns of the issue, in order, keyed as FORMAT.md ledger entries", () => {
    expect(columns.map((c) => c.header)).toEqual([
      "服务日期",
      "服务事项",
      "服务对象类型",
      "服务对象名称",
      "统一社会信用代码",
      "所在区",
      "服务方式",
      "收费金额（元）",
      "报价（元）",
      "需求调整",
      "成果交付",
      "参与人次",
      "满意度",
      "服务人员",
      "佐证材料",
      "服务成果反馈",
    ]);
    // Every key is a field of the schema: a raw entry built from them all parses.
    const raw: Record<string, unknown> = {};
    for (const c of columns) setPath(raw, c.key, c.type === "money" || c.type === "integer" ? 1 : "x");
    const issues = ledgerEntrySchema.safeParse(raw).error?.issues ?? [];
    expect(issues.filter((i) => i.code === "unrecognized_keys")).toEqual([]);
  });

  it("offers the general list plus the category's list as “CODE 名称”", () => {
    const item = columns.find((c) => c.key === "item")!;
    expect(item.validation?.list).toEqual(itemOptions("library"));
    expect(item.validation?.list?.[0]).toBe("B01 知识产权培训");
    expect(item.validation?.list).toHaveLength(itemsForCategory("library").length);
    expect(item.validation?.list).toContain("library.L01 专利查新");
    // A long list is kept on a hidden sheet by the adapter.
    expect(item.validation?.listName).toBeTruthy();
    expect(ledgerColumns().find((c) => c.key === "item")!.validation?.list).toHaveLength(
      CATALOG.filter((i) => i.list === "general").length,
    );
  });

  it("has drop-downs for client type, the 11 districts and 市外, channel and satisfaction", () => {
    const list = (key: string) => columns.find((c) => c.key === key)!.validation?.list;
    expect(list("client.type")).toEqual(["政府部门", "科研机构", "高校", "企事业单位", "社会公众"]);
    expect(list("client.district")).toEqual([...CLIENT_DISTRICTS]);
    expect(list("client.district")).toHaveLength(12);
    expect(list("channel")).toEqual(["窗口", "线上", "电话", "上门", "会议"]);
    expect(list("satisfaction")).toEqual(["5 非常满意", "4 满意", "3 基本满意", "2 不满意", "1 非常不满意"]);
  });

  it("has date and number input rules", () => {
    const col = (key: string) => columns.find((c) => c.key === key)!;
    expect(col("date").type).toBe("date");
    expect(col("date").numFmt).toBe("yyyy-mm-dd");
    expect(col("fee").validation).toMatchObject({ min: 0 });
    expect(col("participants").type).toBe("integer");
    expect(col("client.creditCode").numFmt).toBe("@");
    expect(columns.filter((c) => c.required).map((c) => c.key)).toEqual([
      "date",
      "item",
      "client.type",
      "client.name",
      "fee",
      "deliverable",
    ]);
  });
});

describe("codecs", () => {
  it("item code ↔ “B01 知识产权培训”; a name, a code in any case or a label resolve to the code", () => {
    expect(CODECS.item.toCell("B01")).toBe("B01 知识产权培训");
    expect(CODECS.item.toCell("library.L01")).toBe("library.L01 专利查新");
    expect(CODECS.item.toCell("Z99")).toBe("Z99");
    expect(CODECS.item.fromCell("B01 知识产权培训")).toBe("B01");
    expect(CODECS.item.fromCell(" 知识产权培训 ")).toBe("B01");
    expect(CODECS.item.fromCell("ｂ０１")).toBe("B01");
    expect(CODECS.item.fromCell("library.L01 专利查新")).toBe("library.L01");
    expect(CODECS.item.fromCell("专利查新", { category: "library" })).toBe("library.L01");
    // Unknown text is kept for the rules (ledger/unknown-item) to report.
    expect(CODECS.item.fromCell("代办营业执照")).toBe("代办营业执照");
    expect(itemFromText("B01知识产权培训")).toBe("B01");
  });

  it("client type code ↔ 中文", () => {
    const type = ledgerColumns().find((c) => c.key === "client.type")!.codec;
    expect(type.toCell("enterprise")).toBe("企事业单位");
    expect(type.fromCell("企事业单位")).toBe("enterprise");
    expect(type.fromCell("public")).toBe("public");
    expect(type.fromCell("个体户")).toBe("个体户");
  });

  it("satisfaction 5 ↔ “5 非常满意”; a level's name or a digit read too", () => {
    expect(CODECS.satisfaction.toCell(5)).toBe("5 非常满意");
    expect(CODECS.satisfaction.toCell(undefined)).toBeNull();
    expect(CODECS.satisfaction.fromCell("5 非常满意")).toBe(5);
    expect(CODECS.satisfaction.fromCell("满意")).toBe(4);
    expect(CODECS.satisfaction.fromCell("３")).toBe(3);
    expect(CODECS.satisfaction.fromCell(2)).toBe(2);
    expect(CODECS.satisfaction.fromCell("很好")).toBe("很好");
  });

  it("booleans ↔ 是/否", () => {
    expect(CODECS.boolean.toCell(true)).toBe("是");
    expect(CODECS.boolean.toCell(false)).toBe("否");
    expect(CODECS.boolean.fromCell("是")).toBe(true);
    expect(CODECS.boolean.fromCell(" 否 ")).toBe(false);
    expect(CODECS.boolean.fromCell(true)).toBe(true);
    expect(CODECS.boolean.fromCell("√")).toBe(true);
    expect(CODECS.boolean.fromCell("也许")).toBe("也许");
    expect(yesNo(null)).toBeUndefined();
    expect(yesNo("x?")).toBeNull();
  });

  it("dates ↔ { date }: serials, the four text forms, full-width digits", () => {
    expect(CODECS.date.toCell("2025-03-05")).toEqual({ date: "2025-03-05" });
    expect(CODECS.date.toCell("2025-02-30")).toBe("2025-02-30");
    expect(CODECS.date.fromCell({ date: "2025-03-05" })).toBe("2025-03-05");
    expect(CODECS.date.fromCell(45721)).toBe("2025-03-05");
    expect(CODECS.date.fromCell(45721.75)).toBe("2025-03-05");
    for (const text of ["2025-3-5", "2025/3/5", "2025.3.5", "2025年3月5日", "２０２５年３月５日 "]) {
      expect(CODECS.date.fromCell(text)).toBe("2025-03-05");
    }
    // Unparseable text is kept: ledger/date reports it on its row.
    expect(CODECS.date.fromCell("三月初")).toBe("三月初");
    expect(CODECS.date.fromCell(true)).toBeInstanceOf(CellProblem);
  });

  it("numbers: as text, with thousands separators, full-width, with units", () => {
    expect(CODECS.number.fromCell(800)).toBe(800);
    expect(CODECS.number.fromCell("1,200")).toBe(1200);
    expect(CODECS.number.fromCell("８００")).toBe(800);
    expect(CODECS.number.fromCell(" 800元 ")).toBe(800);
    expect(CODECS.number.fromCell("￥1200.50")).toBe(1200.5);
    expect(CODECS.number.fromCell("80人次")).toBe(80);
    expect(CODECS.number.fromCell("免费")).toBe("免费");
    expect(CODECS.number.fromCell("  ")).toBeUndefined();
    expect(CODECS.number.fromCell({ date: "2025-01-01" })).toBeInstanceOf(CellProblem);
  });

  it("codes: a long number that Excel has rounded is a problem, not a wrong code", () => {
    expect(CODECS.code.fromCell(" 91440101MA5AXY1234 ")).toBe("91440101MA5AXY1234");
    expect(CODECS.code.fromCell(13802261458)).toBe("13802261458");
    expect(CODECS.code.fromCell(124401114554122720)).toBeInstanceOf(CellProblem);
  });

  it("lists of names in one cell", () => {
    expect(CODECS.list.toCell(["incoPat", "智慧芽（PatSnap）"])).toBe("incoPat、智慧芽（PatSnap）");
    expect(CODECS.list.fromCell("incoPat、智慧芽（PatSnap）; CNKI\n万方")).toEqual([
      "incoPat",
      "智慧芽（PatSnap）",
      "CNKI",
      "万方",
    ]);
    expect(CODECS.list.toCell([])).toBeNull();
  });

  it("text: numbers and dates as written, blanks as absent", () => {
    expect(CODECS.text.fromCell("  张三 ")).toBe("张三");
    expect(CODECS.text.fromCell(12)).toBe("12");
    expect(CODECS.text.fromCell("   ")).toBeUndefined();
    expect(CODECS.text.fromCell({ date: "2025-04-01" })).toBe("2025-04-01");
  });
});

describe("headers", () => {
  const columns = ledgerColumns();
  it("match after trimming, full-width folding, required-marks and brackets", () => {
    const key = (text: string) => matchHeader(text, columns)?.key;
    expect(key(" 服务日期 ")).toBe("date");
    expect(key("*服务日期")).toBe("date");
    expect(key("收费金额(元)")).toBe("fee");
    expect(key("收费金额")).toBe("fee");
    expect(key("收费金额（万元）")).toBeUndefined();
    expect(key("服务对象统一社会信用代码")).toBe("client.creditCode");
    expect(key("日期")).toBe("date");
    expect(key("备注")).toBeUndefined();
    expect(headerKey("  报价（元）：")).toBe("报价(元)");
  });

  it("registry columns are keys of a registry outlet", () => {
    const raw: Record<string, unknown> = {};
    for (const c of REGISTRY_COLUMNS) setPath(raw, c.key, "x");
    const issues = registryOutletSchema.safeParse(raw).error?.issues ?? [];
    expect(issues.filter((i) => i.code === "unrecognized_keys")).toEqual([]);
  });
});

describe("forms", () => {
  const labels = (layout: FormLayout) => layout.items.flatMap((i) => (i.kind === "field" ? [headerKey(i.label)] : []));
  it.each([
    ["申报书", applicationForm("market")],
    ["工作总结表", summaryForm("library")],
    ["网点信息", LEDGER_INFO_FORM],
  ])("%s: every label is unique (the import finds fields by it)", (_name, layout) => {
    const all = labels(layout);
    expect(new Set(all).size).toBe(all.length);
  });

  it("申报书 mirrors 附件1: sections 一 to 七, a checkbox per option, team and case tables", () => {
    const form = applicationForm("market");
    const headings = form.items.flatMap((i) => (i.kind === "heading" ? [i.text] : []));
    for (const s of ["一、", "二、", "三、", "四、", "五、", "六、", "七、"]) {
      expect(headings.some((h) => h.startsWith(s))).toBe(true);
    }
    const fields = form.items.flatMap((i) => (i.kind === "field" ? [i] : []));
    expect(fields.filter((f) => f.bind.kind === "member" && f.bind.path === "qualifications")).toHaveLength(6);
    expect(fields.filter((f) => f.bind.kind === "member" && f.bind.path === "serviceObjects")).toHaveLength(5);
    expect(fields.filter((f) => f.bind.kind === "member" && f.bind.path.startsWith("services."))).toHaveLength(
      itemsForCategory("market").length,
    );
    expect(fields.find((f) => f.key === "infrastructure.venue")?.validation?.list).toEqual(["是", "否"]);
    expect(fields.find((f) => f.key === "narratives.foundation")?.type).toBe("longText");
    const tables = form.items.flatMap((i) => (i.kind === "table" ? [i.key] : []));
    expect(tables).toEqual(["team", "cases"]);
  });

  it("工作总结表 mirrors 附件3: sections 一 to 六 and up to three cases", () => {
    const form = summaryForm();
    const keys = form.items.flatMap((i) => (i.kind === "field" ? [i.key] : []));
    expect(keys).toEqual(
      expect.arrayContaining([
        "narratives.services",
        "narratives.highlights",
        "narratives.reflections",
        "narratives.plan",
        "evidence.feedback",
      ]),
    );
    expect(form.items.find((i) => i.kind === "table")).toMatchObject({ key: "cases", inputRows: 3 });
  });
});

describe("helpers", () => {
  it("key paths", () => {
    const o: Record<string, unknown> = {};
    setPath(o, "client.name", "甲");
    setPath(o, "client.type", "public");
    expect(o).toEqual({ client: { name: "甲", type: "public" } });
    expect(getPath(o, "client.name")).toBe("甲");
    expect(getPath(o, "client.x.y")).toBeUndefined();
  });

  it("cell references quote sheet names that need it", () => {
    expect(cellRef("服务台账", 3, 12)).toBe("服务台账!D12");
    expect(cellRef("服务台账", null, 12)).toBe("服务台账!12:12");
    expect(cellRef("评分表-专家A 陈教授", 0, 3)).toBe("'评分表-专家A 陈教授'!A3");
    expect(cellRef("O'Neil", 1, 2)).toBe("'O''Neil'!B2");
  });
});
