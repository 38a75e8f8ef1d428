/**
 * The scanners' fast paths (rows and cells, shared-string items, plain start tags in the shape writers emit) pinned
 * to the general path: random parts mixing that shape with every near miss, fed whole and cut at random byte
 * boundaries, give the same values (or the same error) with the fast paths on and off.
 */
import fc from "fast-check";
import { SheetScanner } from "../../../src/adapters/xlsx/sheet";
import { SharedStringsScanner } from "../../../src/adapters/xlsx/strings";
import { TagCursor, type ChunkScanner } from "../../../src/adapters/xlsx/xml";

/** Feeds `xml` in chunks of the given sizes (cycled; the rest whole when there are none) and ends the part. */
function feed(scanner: ChunkScanner, xml: Buffer, sizes: readonly number[]): void {
  let k = 0;
  for (let i = 0; i < xml.length;) {
    const size = sizes.length === 0 ? xml.length : sizes[k++ % sizes.length]!;
    scanner.write(xml.subarray(i, i + size));
    i += size;
  }
  scanner.end();
}

/** What a scan gives: the value, or the error's message. */
function outcome<T>(read: () => T): { value: T } | { error: string } {
  try {
    return { value: read() };
  } catch (error) {
    return { error: String(error) };
  }
}

const STRINGS = ["零", "一", null, "三"];

function sheetOutcome(xml: Buffer, sizes: readonly number[], fast: boolean) {
  return outcome(() => {
    const scanner = new SheetScanner(STRINGS, fast);
    feed(scanner, xml, sizes);
    return scanner.values.result();
  });
}

function stringsOutcome(xml: Buffer, sizes: readonly number[], fast: boolean) {
  return outcome(() => {
    const scanner = new SharedStringsScanner(fast);
    feed(scanner, xml, sizes);
    return scanner.strings;
  });
}

const reference = fc.oneof(
  fc.constantFrom("A1", "B2", "P99", "XFD3", "XFE3", "AAAA1", "a1", "$B$2", " C3", "D", "7", "", "E1x", "Z1048577"),
  fc.tuple(fc.constantFrom("A", "K", "AB", "ZZ"), fc.nat({ max: 1048580 })).map(([c, r]) => `${c}${r}`),
);

const cellAttributes = fc
  .tuple(
    fc.option(reference, { nil: undefined }),
    fc.option(fc.constantFrom("0", "3", "12", ""), { nil: undefined }),
    fc.option(fc.constantFrom("s", "n", "b", "e", "str", "inlineStr", "d", "", "x"), { nil: undefined }),
    fc.constantFrom('"', '"', '"', "'"),
    fc.constantFrom(" ", " ", " ", "  ", "\n"),
    fc.constantFrom("rst", "rst", "rst", "tsr", "srt"),
    fc.option(fc.constantFrom(' cm="1"', ' vm="1"', ' x:r="Z9"', ' r="C3"'), { nil: undefined }),
  )
  .map(([r, s, t, q, sp, order, extra]) => {
    const attrs: Record<string, string | undefined> = { r, s, t };
    const parts = [...order].flatMap((name) =>
      attrs[name] === undefined ? [] : [`${sp}${name}=${q}${attrs[name]}${q}`],
    );
    return parts.join("") + (extra ?? "");
  });

const valueText = fc.oneof(
  fc.nat({ max: 5 }).map(String),
  fc.constantFrom("0", "007", "45658", "-1.5", "0.30000000000000004", "1e5", "1E-7", " 2", "1.", ".5", "-0", ""),
  fc.constantFrom("123456789012345", "1234567890123456", "2&amp;3", "4&#10;", "x", "真", "1\r\n", "9007199254740993"),
  fc.double({ noNaN: true }).map(String),
);

const cell = fc
  .tuple(
    fc.constantFrom("", "", "", "", "x:"),
    cellAttributes,
    fc.oneof(
      { arbitrary: valueText.map((v) => `<v>${v}</v>`), weight: 8 },
      { arbitrary: fc.constant(null), weight: 2 },
      { arbitrary: valueText.map((v) => `<f>A1</f><v>${v}</v>`), weight: 1 },
      { arbitrary: valueText.map((v) => `<v>${v}</v >`), weight: 1 },
      { arbitrary: valueText.map((v) => `<v>${v}<!-- c --></v>`), weight: 1 },
      { arbitrary: fc.constantFrom("<is><t>文</t></is>", "<v/>", "", "<v><![CDATA[5]]></v>"), weight: 1 },
    ),
    fc.constantFrom("</c>", "</c>", "</c>", "</c >"),
  )
  .map(([p, attrs, content, end]) =>
    content === null ? `<${p}c${attrs}/>` : `<${p}c${attrs}>${content}${end.replace("</", `</${p}`)}`,
  );

const row = fc
  .tuple(
    fc.option(fc.constantFrom("1", "2", "7", "1048577", "0", "x", " 3", "", "02"), { nil: undefined }),
    fc.constantFrom("", ' spans="1:16"', ' spans="1:3" x14ac:dyDescent="0.25"', "  ht='3'", ' r="5"'),
    fc.array(cell, { maxLength: 6 }),
    fc.constantFrom("</row>", "</row>", "</row >", "\n"),
  )
  .map(([r, extra, cells, end]) => `<row${r === undefined ? "" : ` r="${r}"`}${extra}>${cells.join("")}${end}`);

const sheetData = fc
  .tuple(
    fc.array(fc.oneof({ arbitrary: row, weight: 6 }, { arbitrary: cell, weight: 1 }), { maxLength: 6 }),
    fc.constantFrom("", "<!-- end -->", "\n"),
  )
  .map(([parts, tail]) => `<worksheet><cols><col min="1"/></cols><sheetData>${parts.join("")}${tail}</sheetData>`);

const chunkSizes = fc.oneof(fc.constant([]), fc.array(fc.integer({ min: 1, max: 40 }), { minLength: 1, maxLength: 5 }));

describe("sheet fast path", () => {
  it("gives what the general path gives, whole and in pieces", () => {
    fc.assert(
      fc.property(sheetData, chunkSizes, (xml, sizes) => {
        const buf = Buffer.from(xml);
        const general = sheetOutcome(buf, [], false);
        expect(sheetOutcome(buf, [], true)).toEqual(general);
        expect(sheetOutcome(buf, sizes, true)).toEqual(general);
        expect(sheetOutcome(buf, sizes, false)).toEqual(general);
      }),
      { numRuns: 500 },
    );
  });

  it("is taken for the usual shape, which it reads right", () => {
    const xml = Buffer.from(
      `<worksheet><sheetData><row r="1" spans="1:4" x14ac:dyDescent="0.25"><c r="A1" s="3" t="s"><v>1</v></c>` +
        `<c r="B1" s="2"/><c r="C1" t="n"><v>-1.5</v></c><c><v>45658</v></c></row>` +
        `<row r="3"><c r="B3" t="s"><v>2</v></c><c r="C3" s="1" t="s"><v>3</v></c></row></sheetData>`,
    );
    const want = [
      ["一", null, -1.5, 45658],
      [null, null, null, null],
      [null, null, "三", null],
    ];
    for (const sizes of [[], [1], [7], [3, 11]]) {
      expect(sheetOutcome(xml, sizes, true)).toEqual({ value: want });
      expect(sheetOutcome(xml, sizes, false)).toEqual({ value: want });
    }
  });
});

const itemText = fc
  .array(fc.constantFrom("知识", "a", " ", "&amp;", "&#65;", "_x000D_", "\r\n", "\r", ">", "]]>", '"'), {
    maxLength: 5,
  })
  .map((units) => units.join(""));

const item = fc.oneof(
  { arbitrary: itemText.map((t) => `<si><t>${t}</t></si>`), weight: 6 },
  { arbitrary: itemText.map((t) => `<si><t xml:space="preserve">${t}</t></si>`), weight: 2 },
  {
    arbitrary: fc
      .tuple(itemText, itemText)
      .map(([a, b]) => `<si><r><t>${a}</t></r><r><rPr/><t>${b}</t></r><rPh><t>ふ</t></rPh></si>`),
    weight: 1,
  },
  {
    arbitrary: fc.constantFrom(
      "<si/>",
      "<si><t/></si>",
      "<si><t></t></si>",
      "<si><t>a</t></si >",
      "<si><t>a<!-- c --></t></si>",
      "<si><t><![CDATA[<b>]]></t></si>",
      "<si ><t>a</t></si>",
      "<si><t  xml:space='preserve'>a</t></si>",
      "<x:si><x:t>p</x:t></x:si>",
      "<si><t>a</t><t>b</t></si>",
      "<rPh><t>outside</t></rPh>",
      "<si><rPh><t>ふ</t>",
      "<si><t>open",
    ),
    weight: 1,
  },
);

const sst = fc
  .array(item, { maxLength: 8 })
  .map((items) => `<?xml version="1.0"?>\n<sst count="1">${items.join("")}</sst>`);

describe("shared strings fast path", () => {
  it("gives what the general path gives, whole and in pieces", () => {
    fc.assert(
      fc.property(sst, chunkSizes, (xml, sizes) => {
        const buf = Buffer.from(xml);
        const general = stringsOutcome(buf, [], false);
        expect(stringsOutcome(buf, [], true)).toEqual(general);
        expect(stringsOutcome(buf, sizes, true)).toEqual(general);
        expect(stringsOutcome(buf, sizes, false)).toEqual(general);
      }),
      { numRuns: 1000 },
    );
  });
});

const tagText = fc
  .tuple(
    fc.constantFrom("<c", "<row", "<x:c", "<cols", "<c"),
    fc.array(
      fc.tuple(
        fc.constantFrom(" ", " ", " ", "  ", "\t", ""),
        fc.constantFrom("r", "t", "s", "spans", "x14ac:dyDescent", "", "rr"),
        fc.constantFrom("=", "=", " =", "= "),
        fc.constantFrom('"', '"', "'", ""),
        fc.constantFrom("A1", "", "s", "1:3", "a>b", "a/b", '"'),
      ),
      { maxLength: 4 },
    ),
    fc.constantFrom(">", "/>", " >", "/ >", "", "/"),
  )
  .map(
    ([open, attrs, end]) =>
      open + attrs.map(([sp, name, eq, q, value]) => `${sp}${name}${eq}${q}${value}${q}`).join("") + end,
  );

describe("TagCursor.readPlain", () => {
  it("reads a tag as read does, or declines", () => {
    fc.assert(
      fc.property(tagText, fc.nat({ max: 3 }), (text, cut) => {
        const buf = Buffer.from(text.slice(0, Math.max(2, text.length - cut)));
        const nameLength = buf[1] === 0x72 ? 4 : 2;
        const plain = new TagCursor();
        const general = new TagCursor();
        const got = outcome(() => plain.readPlain(buf, 0, nameLength));
        const want = outcome(() => general.read(buf, 0));
        if (!("value" in got) || !got.value) return;
        // Taken: read must agree that the tag is complete and well-formed, field by field.
        expect(want).toEqual({ value: true });
        expect(plain.end).toBe(general.end);
        expect(plain.closing).toBe(general.closing);
        expect(plain.selfClosing).toBe(general.selfClosing);
        expect([plain.localStart, plain.localEnd]).toEqual([general.localStart, general.localEnd]);
        expect(plain.rStart).toBe(general.rStart);
        expect(plain.tStart).toBe(general.tStart);
        if (plain.rStart >= 0) expect(plain.rEnd).toBe(general.rEnd);
        if (plain.tStart >= 0) expect(plain.tEnd).toBe(general.tEnd);
      }),
      { numRuns: 3000 },
    );
  });
});
