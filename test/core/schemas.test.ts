import { parseDocumentValue, parseJsonText } from "../../src/core/parse";
import { applicationSchema, ledgerEntrySchema, registrySchema } from "../../src/core/schemas";
import { runChecks } from "../../src/core/engine";
import { DEFAULT_SETTINGS } from "../../src/core/config";
import { application, ledger, registryOutlet } from "../helpers/fixtures";

describe("normalisation on parse", () => {
  it("trims text, half-widths and upper-cases credit codes, half-widths phones and numbers", () => {
    const doc = applicationSchema.parse(
      application((a) => {
        a.org.name = "  广州知衡知识产权代理有限公司 ";
        a.org.creditCode = " ９１４４０１０６ma５an７qw７e ";
        a.org.contact.mobile = "１３８ ０２２６ １４５８";
        a.org.staff = { total: "２８", fullTime: "９", partTime: " 4 " };
        a.infrastructure.venueArea = "３２０";
      }),
    );
    expect(doc.org.name).toBe("广州知衡知识产权代理有限公司");
    expect(doc.org.creditCode).toBe("91440106MA5AN7QW7E");
    expect(doc.org.contact?.mobile).toBe("13802261458");
    expect(doc.org.staff).toEqual({ total: 28, fullTime: 9, partTime: 4 });
    expect(doc.infrastructure.venueArea).toBe(320);
  });

  it("accepts the Chinese labels of codes", () => {
    const doc = applicationSchema.parse(
      application((a) => {
        a.category = "市场化服务机构类服务网点";
        a.marketTypes = ["代理服务类"];
        a.qualifications = ["省级知识产权信息公共服务网点", "技术与创新支持中心（TISC）"];
        a.serviceObjects = ["企事业单位", "社会公众"];
        a.team[1].role = "专职";
        a.attachments.license = "是";
      }),
    );
    expect(doc.category).toBe("market");
    expect(doc.marketTypes).toEqual(["agency"]);
    expect(doc.qualifications).toEqual(["provincial-outlet", "tisc"]);
    expect(doc.serviceObjects).toEqual(["enterprise", "public"]);
    expect(doc.team[1]!.role).toBe("fullTime");
    expect(doc.attachments.license).toBe(true);
  });

  it("normalises the date forms people write, and rejects impossible dates", () => {
    for (const written of ["2026-5-18", "2026/5/18", "2026.5.18", "2026年5月18日", "２０２６-０５-１８"]) {
      expect(applicationSchema.parse(application((a) => (a.submittedOn = written))).submittedOn).toBe("2026-05-18");
    }
    expect(applicationSchema.safeParse(application((a) => (a.submittedOn = "2026-02-30"))).success).toBe(false);
  });

  it("keeps an unparseable ledger date as written (ledger/date reports it on its row)", () => {
    expect(ledgerEntrySchema.parse({ date: "2025-13-02" }).date).toBe("2025-13-02");
    expect(ledgerEntrySchema.parse({ date: "2025年3月5日" }).date).toBe("2025-03-05");
  });

  it("reads satisfaction levels by name and districts without 区 or by former name", () => {
    const e = ledgerEntrySchema.parse({ satisfaction: "非常满意", client: { district: "萝岗区" } });
    expect(e.satisfaction).toBe(5);
    expect(e.client.district).toBe("黄埔区");
    expect(ledgerEntrySchema.parse({ client: { district: "广州市天河" } }).client.district).toBe("天河区");
    expect(ledgerEntrySchema.safeParse({ satisfaction: 6 }).success).toBe(false);
  });

  it("resolves service items given by 附件2 name to codes, by the outlet's category", () => {
    const parsed = parseDocumentValue(
      application((a) => {
        a.category = "library";
        a.services.basic = ["知识产权培训", "知识产权宣传"];
        a.services.lowCost = ["专利查新"];
      }),
      "a.json",
    );
    const result = runChecks(parsed.documents, { settings: DEFAULT_SETTINGS, rules: [] });
    expect(result.findings).toEqual([]);
    // The engine works on resolved codes; the general list wins for an ambiguous name.
    const { resolveItem } = jest.requireActual("../../src/core/catalog") as typeof import("../../src/core/catalog");
    expect(resolveItem("知识产权培训", "library")?.code).toBe("B01");
    expect(resolveItem("知识产权宣传", "library")?.code).toBe("library.B04");
    expect(resolveItem("专利查新", "library")?.code).toBe("library.L01");
  });

  it("rejects unknown keys with their path", () => {
    const r = registrySchema.safeParse({ type: "registry", outlets: [{ ...registryOutlet(), phone: "1" }] });
    expect(r.success).toBe(false);
    if (!r.success) expect(r.error.issues[0]).toMatchObject({ code: "unrecognized_keys", path: ["outlets", 0] });
  });
});

describe("parse: unreadable input as findings", () => {
  it("gives one finding per problem, in Chinese, naming the path, and stops after 20", () => {
    const bad = application((a) => {
      a.org.staff.fullTime = -1;
      a.category = 7;
    });
    const out = parseDocumentValue(bad, "x.json");
    expect(out.documents).toHaveLength(0);
    expect(out.findings.map((f) => f.path)).toEqual(["org.staff.fullTime", "category"]);
    expect(out.findings[0]!.message).toContain("不能小于 0");
    expect(out.findings[1]!.message).toContain("应为文本");
    const many = application((a) => {
      for (let i = 0; i < 30; i++) a[`extra${i}`] = i;
    });
    const lots = parseDocumentValue(many, "y.json");
    expect(lots.findings).toHaveLength(1); // one unrecognized_keys issue lists them all
    expect(lots.findings[0]!.message).toContain("extra0");
  });

  it("locates JSON syntax errors by line and column", () => {
    const out = parseJsonText('{\n  "type": "ledger",\n  "year": 2025\n  "entries": []\n}', "l.json");
    expect(out.findings[0]!.message).toMatch(/第 4 行/u);
  });

  it("an empty array is a finding, not a crash; a BOM is tolerated", () => {
    expect(parseJsonText("[]", "e.json").findings[0]!.message).toContain("空列表");
    expect(parseJsonText("\ufeff" + JSON.stringify(ledger()), "b.json").documents).toHaveLength(1);
  });
});
