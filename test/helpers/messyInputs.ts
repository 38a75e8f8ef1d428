/**
 * Deterministic inputs full of what people type (full-width digits, ideographic and no-break spaces, labels for
 * codes, dates in every form, numbers as text, bad values of every kind), for the tests that hold the import and
 * the JSON parser to the output they gave before they were made faster (test/core/equivalence.test.ts).
 */
import { applicationForm, LEDGER_INFO_FORM, summaryForm, type FormLayout } from "../../src/core/sheets/layouts";
import type { CellValue, RawSheet, RawWorkbook, WorkbookMarker } from "../../src/core/sheets/model";
import { mulberry32 } from "../../scripts/seeded";

type Rng = () => number;

/** The generators' seeded PRNG (mulberry32). */
export const seeded = mulberry32;

const pick = <T>(rnd: Rng, values: readonly T[]): T => values[Math.floor(rnd() * values.length)]!;

/** Odd white space: ideographic, no-break, tab, line break, narrow no-break, BOM. */
const SPACES = [" ", "\u3000", "\u00a0", "\t", "\n", "\u202f", "\ufeff", "  "];

/** The value as typed with spaces around it, sometimes. */
function padded(rnd: Rng, value: string): string {
  const r = rnd();
  if (r < 0.7) return value;
  if (r < 0.8) return pick(rnd, SPACES) + value;
  if (r < 0.9) return value + pick(rnd, SPACES);
  return pick(rnd, SPACES) + value + pick(rnd, SPACES);
}

/** Full-width forms of ASCII (１２, ＡＢ, －) for some of the characters. */
function fullWidth(rnd: Rng, value: string): string {
  let out = "";
  for (const ch of value) {
    const code = ch.charCodeAt(0);
    out += code > 0x20 && code < 0x7f && rnd() < 0.5 ? String.fromCharCode(code + 0xfee0) : ch;
  }
  return out;
}

function messy(rnd: Rng, value: string): string {
  return padded(rnd, rnd() < 0.2 ? fullWidth(rnd, value) : value);
}

const BLANKS: CellValue[] = [null, "", " ", "\u3000", "\u00a0\t"];

/** What a column holds: values that read (however typed) and values that do not. */
interface Pool<T> {
  good: readonly T[];
  bad: readonly T[];
}

const DATES: Pool<CellValue> = {
  good: [
    { date: "2025-03-05" },
    { date: "2025-12-31" },
    45721,
    45721.6,
    45658,
    "2025-3-5",
    "2025/3/5",
    "2025.3.5",
    "2025年3月5日",
    "2025年03月5",
    "2025-03-05",
    "2024-02-29",
  ],
  bad: [
    60,
    61,
    0,
    -3,
    3000000,
    "2025-13-01",
    "2025-02-29",
    "2025-3-05-",
    "2025/3-5",
    "2025年3月5号",
    "25-3-5",
    "20250305",
    "明天",
    true,
  ],
};

const ITEMS: Pool<CellValue> = {
  good: [
    "B01 知识产权培训",
    "B01",
    "b02",
    "B06 知识产权信息素养教育",
    "知识产权信息咨询",
    "专利查新",
    "library.L01",
    "Library.l01 专利查新",
    "university.L01 知识产权特定信息检索",
    "B01：培训",
    "L10 知识产权分析工具开发",
    "V07 建立技术创新联盟等服务",
  ],
  bad: ["B1", "Z99", "培训", 5, false],
};

const CLIENT_TYPES: Pool<CellValue> = {
  good: ["社会公众", "企事业单位", "企业", "科研院所", "科研机构", "高校", "政府部门", "enterprise", "public"],
  bad: ["个人", "government x", 1],
};

const NAMES: Pool<CellValue> = {
  good: [
    "广州明远电子科技有限公司",
    "社会公众（讲座听众）",
    "广州恒达科技有限公司4391",
    "Ｇｕａｎｇｚｈｏｕ Ａ Ｌｔｄ",
    "广州\u3000天瑞",
    "a\u00a0b",
  ],
  bad: [12345, true],
};

const CODES: Pool<CellValue> = {
  good: [
    "91440101MA5AXY1234",
    "91440101ma5axy1234",
    "9144 0101 MA5A XY12 34",
    "９１４４０１０１ＭＡ５ＡＸＹ１２３４",
    "12440104455209812L",
    123456789012345,
    "ß-code",
  ],
  bad: [914401011234567890, true],
};

const DISTRICTS: Pool<CellValue> = {
  good: ["天河区", "天河", "广州市天河区", "广州天河", "萝岗区", "外地", "广州市外", "市外", "从化市", "越秀"],
  bad: ["北京", "toString", "__proto__", "越秀 区", 3],
};

const CHANNELS: Pool<CellValue> = {
  good: ["线上", "上门", "窗口", "电话", "会议"],
  bad: ["邮件", "线下", "online", 1],
};

const AMOUNTS: Pool<CellValue> = {
  good: [0, 100, 1200.5, "1,200", "１，２００", "８００", " 800元", "￥300", "¥ 1 000", "50 ㎡", "12人次", "-0", "3."],
  bad: [-100, "免费", "1e3", ".5", { date: "2025-01-01" }, true],
};

const COUNTS: Pool<CellValue> = {
  good: [0, 12, 80, "１２", "12人次", "1,200"],
  bad: [-1, 1.5, "很多", { date: "2025-01-01" }],
};

const SATISFACTION: Pool<CellValue> = {
  good: ["5 非常满意", "4 满意", "５ 非常满意", "满意", "非常不满意", "4满意", 3, 5],
  bad: ["一般", 6, 0, "6", "3.5", "3.5 满意", "35", true, 2.5],
};

const TEXTS: Pool<CellValue> = {
  good: [
    "讲座课件及签到表",
    "检索报告",
    "何嘉欣",
    "工作人员10",
    "EV-2025-0-1",
    "https://example.com/ev/1",
    "Ａ\u3000Ｂ",
    "多行\n文本",
    "😀 表情",
    "\ud800 孤立代理",
    42,
    false,
  ],
  bad: [],
};

const COLUMN_VALUES: Record<string, Pool<CellValue>> = {
  服务日期: DATES,
  服务事项: ITEMS,
  服务对象类型: CLIENT_TYPES,
  服务对象名称: NAMES,
  统一社会信用代码: CODES,
  所在区: DISTRICTS,
  服务方式: CHANNELS,
  "收费金额（元）": AMOUNTS,
  "报价（元）": AMOUNTS,
  需求调整: TEXTS,
  成果交付: TEXTS,
  参与人次: COUNTS,
  满意度: SATISFACTION,
  服务人员: TEXTS,
  佐证材料: TEXTS,
  服务成果反馈: TEXTS,
};

const LEDGER_HEADER = Object.keys(COLUMN_VALUES);
const ALIASES: Record<string, string> = { 日期: "服务日期", 服务时间: "服务日期", 区域: "所在区" };

function poolOf(header: string): Pool<CellValue> {
  const h = header.trim();
  return COLUMN_VALUES[ALIASES[h] ?? h] ?? TEXTS;
}

/** A cell of the column: blank now and then, a value that does not read with probability `bad`, else a good one. */
function cell<T>(rnd: Rng, pool: Pool<T>, bad: number, blank: T): T {
  const r = rnd();
  if (r < 0.1) return blank;
  const v = r < 0.1 + bad && pool.bad.length ? pick(rnd, pool.bad) : pick(rnd, pool.good);
  return (typeof v === "string" ? messy(rnd, v) : v) as T;
}

function ledgerRows(rnd: Rng, header: readonly string[], n: number, bad: number): CellValue[][] {
  const rows: CellValue[][] = [];
  for (let i = 0; i < n; i++) {
    const r = rnd();
    if (r < 0.03) rows.push(header.map(() => pick(rnd, BLANKS)));
    else if (r < 0.05)
      rows.push([pick(rnd, ["合计", " 合 计 ", "小计", "总计：", "计"]), ...header.slice(1).map(() => null)]);
    else rows.push(header.map((h) => cell(rnd, poolOf(h), bad, pick(rnd, BLANKS))));
  }
  return rows;
}

function infoSheet(rows: CellValue[][]): RawSheet {
  return { name: "网点信息", hidden: false, rows: [["服务情况记录台账 · 网点信息", null], ...rows] };
}

const GOOD_INFO: CellValue[][] = [
  ["网点名称", "广州市越秀区东湖图书馆"],
  ["网点统一社会信用代码", "12440104455209812L"],
  ["台账年度", 2025],
];

function ledgerBook(sheets: RawSheet[], marker: WorkbookMarker | null): RawWorkbook {
  return {
    sheets: [
      { name: "填写说明", hidden: false, rows: [["服务情况记录台账 · 填写说明"]] },
      ...sheets,
      { name: "_lists", hidden: true, rows: [["B01 知识产权培训"]] },
    ],
    marker,
  };
}

/** Headers as people leave them: aliases, moved columns, an added 备注 and 序号, a column twice. */
function shuffledHeader(rnd: Rng): string[] {
  const header = LEDGER_HEADER.map((h) =>
    h === "服务日期"
      ? pick(rnd, ["服务日期", "日期", "服务时间 "])
      : h === "所在区"
        ? pick(rnd, ["所在区", "区域"])
        : h,
  );
  for (let i = header.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [header[i], header[j]] = [header[j]!, header[i]!];
  }
  return ["序号", ...header, "备注", "服务方式"];
}

function formRows(rnd: Rng, layout: FormLayout, bad: number): CellValue[][] {
  const rows: CellValue[][] = [[layout.title]];
  for (const item of layout.items) {
    if (item.kind === "heading" || item.kind === "text") rows.push([item.kind === "heading" ? item.text : null]);
    else if (item.kind === "field") {
      const pool = item.key === "year" ? YEARS : (FORM_VALUES[item.type] ?? TEXTS);
      rows.push([item.label, cell(rnd, item.bind.kind === "extraItems" ? ITEM_LISTS : pool, bad, pick(rnd, BLANKS))]);
    } else {
      rows.push([item.title]);
      rows.push(item.columns.map((c) => c.header));
      for (let i = 0; i < 3; i++) {
        rows.push(item.columns.map((c) => cell(rnd, c.key === "role" ? ROLES : TEXTS, bad, pick(rnd, BLANKS))));
      }
    }
  }
  return rows;
}

function messyCell(rnd: Rng, value: CellValue): CellValue {
  return typeof value === "string" ? messy(rnd, value) : value;
}

const YEARS: Pool<CellValue> = { good: [2025, "２０２５", " 2026 ", 2025.0], bad: [1999, "明年", 2025.5] };
const ROLES: Pool<CellValue> = { good: ["主要负责人", "专职人员", "兼职", "fullTime", "负责人"], bad: ["顾问"] };
const ITEM_LISTS: Pool<CellValue> = { good: ["B01、B03；L01", "专利查新", "library.L01，B02"], bad: ["Z99、B01"] };

const FORM_VALUES: Record<string, Pool<CellValue>> = {
  boolean: { good: ["是", "否", "√", "×", "☑", "□", 1, 0, true, false, "yes", "N"], bad: ["也许", 2] },
  integer: { good: [2025, 9, "１２", "12人", "2,000"], bad: [-1, 2.5, "abc", 2101] },
  number: { good: [320, "320 ㎡", "320平方米", 12.5], bad: ["-5", "很大"] },
  date: { good: [{ date: "2025-12-20" }, 45721, "2025/12/20", "2025年12月20日"], bad: ["2025-02-30", "下周"] },
  text: {
    good: [
      "广州知衡知识产权代理有限公司",
      "91440106MA5AN7QW7E",
      "９１４４０１０６ＭＡ５ＡＮ７ＱＷ７Ｅ",
      "market",
      "市场化服务机构类服务网点",
      "高校类服务网点",
      "企业",
      "13802261458",
      "+86 138 0226 1458",
      "ip@zhiheng-ip.com",
      "incoPat，智慧芽",
    ],
    bad: [914401011234567890],
  },
  longText: { good: ["本单位面向广州市创新主体提供专利检索服务。", "多行\n文本"], bad: [] },
};

/** Workbooks of every kind the import reads, each with its own mess. */
export function messyWorkbooks(): { name: string; raw: RawWorkbook }[] {
  const rnd = seeded(20250305);
  const books: { name: string; raw: RawWorkbook }[] = [];
  const ledgerSheet = (name: string, header: string[], rows: CellValue[][], above: CellValue[][] = []): RawSheet => ({
    name,
    hidden: false,
    rows: [...above, header, ...rows],
  });

  books.push({
    name: "ledger, template with marker",
    raw: ledgerBook(
      [
        infoSheet(GOOD_INFO),
        ledgerSheet("服务台账", LEDGER_HEADER, [
          ...ledgerRows(rnd, LEDGER_HEADER, 100, 0.02),
          // Total rows as people write them (and what only looks like one), the label in the first filled cell.
          ...[" 合 计 ", "总\u3000计", "小计：", "合计行", "计"].map((label) => [
            label,
            ...LEDGER_HEADER.slice(1).map(() => null),
          ]),
          [null, "\t合计", null, null, null, null, null, 1200],
        ]),
      ],
      { kind: "ledger", version: 1, options: { category: "library", year: "2025" } },
    ),
  });
  const header = shuffledHeader(rnd);
  books.push({
    name: "ledger without marker, moved columns, two sheets, no year",
    raw: ledgerBook(
      [
        infoSheet(GOOD_INFO.slice(0, 2)),
        ledgerSheet("服务台账", header, ledgerRows(rnd, header, 60, 0.02), [["某某网点服务台账"], [null]]),
        ledgerSheet("台账 (2)", LEDGER_HEADER, ledgerRows(rnd, LEDGER_HEADER, 30, 0.05)),
      ],
      null,
    ),
  });
  books.push({
    name: "ledger with most rows wrong (findings summarised)",
    raw: ledgerBook(
      [infoSheet(GOOD_INFO), ledgerSheet("服务台账", LEDGER_HEADER, ledgerRows(rnd, LEDGER_HEADER, 240, 0.4))],
      { kind: "ledger", version: 1, options: { category: "university" } },
    ),
  });
  books.push({
    name: "ledger with a wrong 网点信息",
    raw: ledgerBook(
      [
        infoSheet([
          ["网点名称", "广州市越秀区东湖图书馆"],
          ["网点统一社会信用代码", 914401011234567890],
          ["台账年度", "明年"],
        ]),
        ledgerSheet("服务台账", LEDGER_HEADER, ledgerRows(rnd, LEDGER_HEADER, 30, 0.03)),
      ],
      { kind: "ledger", version: 2, options: {} },
    ),
  });
  books.push({
    name: "ledger without 网点信息",
    raw: ledgerBook([ledgerSheet("Sheet1", LEDGER_HEADER, ledgerRows(rnd, LEDGER_HEADER, 30, 0.03))], null),
  });

  const registryHeader = [
    "统一社会信用代码",
    "网点名称",
    "网点类别",
    "地址",
    "主要负责人",
    "职务",
    "联系人",
    "手机",
    "邮箱",
    "状态",
    "认定日期",
    "撤销或终止日期",
    "撤销或终止原因",
  ];
  const outletCodes = [
    "12440104455209812L",
    "91440106MA5AN7QW7E",
    "91440101ma5axy1234",
    "９１４４０１０１ＭＡ５ＡＸＹ１２３４",
    "",
    "914401011234567890",
  ];
  const registryRows: CellValue[][] = [];
  for (let i = 0; i < 30; i++) {
    registryRows.push([
      messyCell(rnd, pick(rnd, outletCodes)),
      messyCell(rnd, pick(rnd, ["广州东湖图书馆", "知衡代理", "", "合计"])),
      messyCell(rnd, pick(rnd, ["公共图书馆类服务网点", "library", "高校类服务网点", "market", "别的", ""])),
      messyCell(rnd, pick(rnd, ["广州市越秀区", ""])),
      messyCell(rnd, pick(rnd, ["陈立衡", ""])),
      messyCell(rnd, pick(rnd, ["馆长", ""])),
      messyCell(rnd, pick(rnd, ["黄晓敏", ""])),
      messyCell(rnd, pick(rnd, ["13802261458", "+86 138 0226 1458", "0086-13802261458", 13802261458, ""])),
      messyCell(rnd, pick(rnd, ["ip@example.com", "ｉｐ＠ｅｘａｍｐｌｅ．ｃｏｍ", ""])),
      messyCell(rnd, pick(rnd, ["有效", "已撤销", "active", "terminated", "暂停", ""])),
      messyCell(rnd, pick(rnd, [...DATES.good, ...DATES.bad.slice(0, 3)])),
      messyCell(rnd, pick(rnd, [null, null, ...DATES.good])),
      messyCell(rnd, pick(rnd, [null, "提供虚假材料", "申请终止", "consecutive-fail", "别的"])),
    ]);
  }
  const evaluationRows: CellValue[][] = [];
  for (let i = 0; i < 40; i++) {
    evaluationRows.push([
      messyCell(rnd, pick(rnd, [...outletCodes, "91440000000000000X"])),
      "名称",
      messyCell(rnd, pick(rnd, [2024, 2023, "２０２４", "2024年", 1999, null])),
      messyCell(rnd, pick(rnd, [88, 61.5, "９０", 101, -1, "优", null])),
      messyCell(rnd, pick(rnd, ["优秀", "良好", "合格", "不合格", "good", "差", null])),
    ]);
  }
  books.push({
    name: "registry and evaluations",
    raw: {
      sheets: [
        { name: "网点名录", hidden: false, rows: [registryHeader, ...registryRows] },
        {
          name: "评估记录",
          hidden: false,
          rows: [["统一社会信用代码", "网点名称", "评估年度", "评估得分", "评估等级"], ...evaluationRows],
        },
      ],
      marker: { kind: "registry", version: 1 },
    },
  });

  for (const [kind, layout] of [
    ["application", applicationForm("market")],
    ["annualSummary", summaryForm("library")],
    ["application", applicationForm(undefined)],
  ] as const) {
    for (let k = 0; k < 2; k++) {
      books.push({
        name: `${kind} form ${k}`,
        raw: {
          sheets: [{ name: layout.sheet, hidden: false, rows: formRows(rnd, layout, k ? 0.01 : 0) }],
          marker: k ? null : { kind, version: 1, options: { category: "market" } },
        },
      });
    }
  }
  books.push({
    name: "ledger info form only",
    raw: { sheets: [infoSheet(formRows(rnd, LEDGER_INFO_FORM, 0).slice(1))], marker: null },
  });
  books.push({
    name: "one of the tool's outputs",
    raw: { sheets: [], marker: { kind: "reviewWorkbook", version: 1 } },
  });
  return books;
}

// ---------------------------------------------------------------- JSON

const JSON_VALUES: Record<string, Pool<unknown>> = {
  date: {
    good: [
      "2025-03-05",
      "2025-3-5",
      "2025/3/5",
      "2025年3月5日",
      "２０２５－０３－０５",
      " 2025-03-05 ",
      "2024-02-29",
      "2025-13-01",
      "明天",
      "",
    ],
    bad: [45721, null, true],
  },
  item: {
    good: ["B01", "b02", "ｂ０３", " B04 ", "library.L01", "Library.l01", "知识产权培训", "Z99", ""],
    bad: [5, null],
  },
  "client.type": {
    good: ["enterprise", "企业", "企事业单位", "科研院所", " 高校 ", "public"],
    bad: ["个人", "", 1, null],
  },
  "client.name": { good: ["广州明远电子科技有限公司", " 社会公众 ", "Ａ\u3000Ｂ", ""], bad: [3, null] },
  "client.creditCode": {
    good: [
      "91440101MA5AXY1234",
      "91440101ma5axy1234",
      "9144 0101 MA5A XY12 34",
      "９１４４０１０１ＭＡ５ＡＸＹ１２３４",
      "",
    ],
    bad: [91440101, null],
  },
  "client.district": {
    good: ["天河区", "天河", "广州市天河区", "广州天河", "萝岗区", "外地", "市外"],
    bad: ["北京", "toString", "", 3, null],
  },
  channel: { good: ["线上", " 上门 ", "窗口", "电话", "会议"], bad: ["线下", "", 1, null] },
  fee: { good: [0, 100, 1200.5, "1,200", "８００", " 800 "], bad: [-100, "免费", "1e3", "", true, null] },
  quote: { good: [0, 300, "300"], bad: [-1, "x", null] },
  participants: { good: [12, 0, "１２"], bad: [-1, 2.5, "12人次", "", null] },
  satisfaction: { good: [5, 4, 1, "5", "满意", "非常满意", "５"], bad: [0, 6, 3.5, "5 非常满意", "", null] },
  staff: { good: ["何嘉欣", " 工作人员1 ", ""], bad: [7, null] },
  evidence: { good: ["EV-2025-0-1", ""], bad: [null] },
  adjustments: { good: ["无", "  "], bad: [null] },
  deliverable: { good: ["检索报告", ""], bad: [null] },
  feedback: { good: ["很好"], bad: [null] },
};

function setKey(target: Record<string, unknown>, path: string, value: unknown): void {
  const [head, rest] = path.split(".") as [string, string | undefined];
  if (rest === undefined) target[head] = value;
  else {
    const inner = (target[head] ??= {}) as Record<string, unknown>;
    inner[rest] = value;
  }
}

function messyEntry(rnd: Rng, bad: number): unknown {
  if (rnd() < bad) return pick(rnd, [null, "entry", 5, [], [{}]]);
  const entry: Record<string, unknown> = {};
  for (const [path, pool] of Object.entries(JSON_VALUES)) {
    const v = cell(rnd, pool, bad, undefined);
    if (v !== undefined) setKey(entry, path, v);
  }
  if (rnd() < bad) entry.remark = "未知字段";
  if (rnd() < bad) setKey(entry, "client.phone", "138");
  if (rnd() < bad) entry.client = pick(rnd, ["企业", null, [], 3]);
  return entry;
}

/** JSON files: ledgers of messy entries, wrong headers, and documents of the other kinds with their own mess. */
export function messyJsonTexts(samples: Record<string, unknown>): { name: string; text: string }[] {
  const rnd = seeded(20251231);
  const texts: { name: string; text: string }[] = [];
  const ledger = (entries: unknown[], patch: Record<string, unknown> = {}) => ({
    type: "ledger",
    outlet: { name: " 广州东湖图书馆 ", creditCode: "１２４４０１０４４５５２０９８１２ｌ" },
    year: 2025,
    entries,
    ...patch,
  });
  const entries = (n: number, bad = 0.01) => Array.from({ length: n }, () => messyEntry(rnd, bad));
  texts.push({ name: "ledger.json", text: JSON.stringify(ledger(entries(400))) });
  texts.push({ name: "ledger-mostly-wrong.json", text: JSON.stringify(ledger(entries(60, 0.3))) });
  texts.push({ name: "ledger-year-text.json", text: JSON.stringify(ledger(entries(20), { year: "２０２５" })) });
  texts.push({ name: "ledger-bad-header.json", text: JSON.stringify(ledger(entries(5), { year: 1999, extra: 1 })) });
  texts.push({ name: "ledger-no-entries.json", text: JSON.stringify(ledger(entries(0), { entries: {} })) });
  texts.push({
    name: "batch.json",
    text: JSON.stringify([
      ledger(entries(30)),
      { type: "ledger" },
      { type: "nonsense" },
      {},
      7,
      ...Object.values(samples),
    ]),
  });
  // Each sample with one of its values made messy or wrong, many times over.
  const mutate = (value: unknown, depth: number, bad: number): unknown => {
    if (typeof value === "string") {
      const r = rnd();
      return r < 0.3 ? messy(rnd, value) : r < 0.3 + bad ? pick(rnd, [3, null, "", "是", "２０２５"]) : value;
    }
    if (typeof value === "number") {
      const r = rnd();
      if (r < 0.1) return pick(rnd, [String(value), fullWidth(rnd, String(value))]);
      return r < 0.1 + bad ? pick(rnd, [-value, "x"]) : value;
    }
    if (typeof value === "boolean") {
      const r = rnd();
      if (r < 0.2) return value ? pick(rnd, ["是", "√", "yes", " 有 "]) : pick(rnd, ["否", "N", "无", "×"]);
      return r < 0.2 + bad ? pick(rnd, ["也许", 1]) : value;
    }
    if (Array.isArray(value)) return value.map((v) => mutate(v, depth + 1, bad));
    if (value && typeof value === "object") {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) {
        // The type stays: a document of no known type is one finding, and nothing else of it is read.
        if (k === "type") out[k] = v;
        else if (rnd() > bad) out[k] = mutate(v, depth + 1, bad);
      }
      if (rnd() < bad) out[`extra${depth}`] = 1;
      return out;
    }
    return value;
  };
  for (const [name, doc] of Object.entries(samples)) {
    for (let k = 0; k < 3; k++) {
      // Ledgers have hundreds of entries: fewer of their values go wrong.
      const bad = k < 2 ? 0 : (doc as { type?: unknown }).type === "ledger" ? 0.003 : 0.02;
      texts.push({ name: `${name}#${k}`, text: JSON.stringify(mutate(doc, 0, bad)) });
    }
  }
  texts.push({ name: "broken.json", text: '{"type": "ledger", "entries": [1,,2]}' });
  texts.push({ name: "empty-list.json", text: "[]" });
  texts.push({ name: "bom.json", text: `\ufeff${JSON.stringify(ledger(entries(3)))}` });
  return texts;
}
