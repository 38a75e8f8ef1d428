/**
 * The pieces of the xlsx reader on their own: small-part tags, text decoding, chunk carrying, numbers read in place,
 * dates, part names.
 */
import fc from "fast-check";
import { resolvePart } from "../../../src/adapters/xlsx/reader";
import { isoToSerial, SheetScanner } from "../../../src/adapters/xlsx/sheet";
import { SharedStringsScanner } from "../../../src/adapters/xlsx/strings";
import {
  ChunkScanner,
  DoctypeError,
  decodeEntities,
  decodeXstring,
  prefixedAttribute,
  startTags,
  XmlError,
} from "../../../src/adapters/xlsx/xml";
import { columnLetter, serialToIso } from "../../../src/core/sheets/model";

describe("startTags (rels, workbook.xml)", () => {
  it("refuses a DOCTYPE, or any other declaration: entities are never expanded", () => {
    for (const xml of [
      `<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "<sheet name='no'/>">]><x/>`,
      `<x/><!doctype x>`,
      `<x><!ENTITY e "y"></x>`,
    ]) {
      expect(() => startTags(xml)).toThrow(DoctypeError);
    }
  });

  it("reads names without prefix and attributes with either quote, skipping comments, CDATA and PIs", () => {
    const xml =
      `\uFEFF<?xml version="1.0"?>` +
      `<x:workbook xmlns:x="urn:x" xmlns:rel="urn:r"><!-- <sheet name="comment"/> --><![CDATA[<sheet name="cdata"/>]]>` +
      `<x:sheets><x:sheet name='甲 &amp; &lt;乙&gt;' sheetId="1" rel:id="rId1"/>` +
      `<x:sheet\n name="a\tb\r\nc&#10;d" state = "hidden" rel:id='rId2' ></x:sheet></x:sheets></x:workbook>`;
    const sheets = startTags(xml).filter((t) => t.name === "sheet");
    expect(
      sheets.map((t) => [t.attributes.get("name"), prefixedAttribute(t, "id"), t.attributes.get("state")]),
    ).toEqual([
      ["甲 & <乙>", "rId1", undefined],
      ["a b c\nd", "rId2", "hidden"],
    ]);
    expect(startTags(xml).map((t) => t.name)).toEqual(["workbook", "sheets", "sheet", "sheet"]);
  });

  it("does not take a namespace declaration for the relationship id", () => {
    const [tag] = startTags(`<sheet xmlns:id="urn:x" name="s"/>`);
    expect(prefixedAttribute(tag!, "id")).toBeUndefined();
  });

  it.each([
    ["an unclosed tag", `<a b="1"`],
    ["an unclosed comment", `<a/><!-- x`],
    ["an unquoted attribute", `<a b=1/>`],
    ["an attribute without a value", `<a b/>`],
  ])("refuses %s", (_what, xml) => expect(() => startTags(xml)).toThrow(XmlError));
});

describe("text", () => {
  it("decodes the five entities and character references once, keeping unknown ones", () => {
    expect(decodeEntities("&lt;&gt;&amp;&quot;&apos;&#65;&#x4e2D;&#x1F600;&amp;lt;&nbsp;&#xD800;&#0;&#99999999;")).toBe(
      "<>&\"'A中😀&lt;&nbsp;&#xD800;&#0;&#99999999;",
    );
  });

  it("decodes _xHHHH_ escapes (upper-case hex, left to right)", () => {
    expect(decodeXstring("a_x000D_b_x005F_x000D_c_x000d_d_x4E2D__x41")).toBe("a\rb_x000D_c_x000d_d中_x41");
  });
});

describe("ChunkScanner", () => {
  /** Consumes only whole `<…>` groups; counts the bytes it was handed. */
  class Groups extends ChunkScanner {
    scanned = 0;
    groups: string[] = [];
    protected scan(buf: Uint8Array, start: number): number {
      this.scanned += buf.length - start;
      let i = start;
      for (;;) {
        const open = buf.indexOf(0x3c, i);
        if (open < 0) return buf.length;
        const close = buf.indexOf(0x3e, open);
        if (close < 0) return open;
        this.groups.push(new TextDecoder().decode(buf.subarray(open + 1, close)));
        i = close + 1;
      }
    }
    protected finish(): void {}
  }

  it("hands over whole constructs whatever the chunks, in linear time for a long one", () => {
    const long = "长".repeat(100000);
    const text = Buffer.from(`<a><${long}><b>`);
    const scanner = new Groups();
    for (let i = 0; i < text.length; i += 100) scanner.write(text.subarray(i, i + 100));
    scanner.end();
    expect(scanner.groups).toEqual(["a", long, "b"]);
    // Re-scanning the carried bytes for every 100-byte chunk would hand over ~45 GB; doubling keeps it linear.
    expect(scanner.scanned).toBeLessThan(text.length * 4);
  });

  it("throws at the end when a construct is left open", () => {
    const scanner = new Groups();
    scanner.write(Buffer.from("<a><b"));
    expect(() => scanner.end()).toThrow(XmlError);
  });

  it("scanners take their parts byte by byte", () => {
    const strings = new SharedStringsScanner();
    const sst = Buffer.from(
      `<sst><si><t>知识</t></si><si><r><t>产</t></r><r><t>权</t></r></si><si/><si><t/></si></sst>`,
    );
    for (const byte of sst) strings.write(Buffer.from([byte]));
    strings.end();
    expect(strings.strings).toEqual(["知识", "产权", null, null]);

    const sheet = new SheetScanner(strings.strings);
    const xml = Buffer.from(`<worksheet><sheetData><row r="2"><c r="B2" t="s"><v>1</v></c></row></sheetData>`);
    for (const byte of xml) sheet.write(Buffer.from([byte]));
    sheet.end();
    expect(sheet.done).toBe(true);
    expect(sheet.values.result()).toEqual([
      [null, null],
      [null, "产权"],
    ]);
  });
});

/** Values of `<v>` texts in one row, as the sheet scanner reads them (attributes `t` added to every cell). */
function readValues(texts: readonly string[], t = ""): unknown[] {
  const cells = texts.map((v, c) => `<c r="${columnLetter(c)}1"${t}><v>${v}</v></c>`);
  const sheet = new SheetScanner(["零", "一"]);
  sheet.write(Buffer.from(`<worksheet><sheetData><row r="1">${cells.join("")}</row></sheetData></worksheet>`));
  sheet.end();
  return sheet.values.result()[0] ?? [];
}

describe("numbers read in place", () => {
  it("give what parseFloat gives, for numbers as JavaScript or Excel writes them and then some", () => {
    const asText = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }).map(String),
      fc.integer().map(String),
      fc
        .tuple(fc.boolean(), fc.nat({ max: 999999999 }), fc.nat({ max: 9999999 }), fc.nat({ max: 8 }))
        .map(([neg, a, b, zeros]) => `${neg ? "-" : ""}${"0".repeat(zeros)}${a}.${"0".repeat(zeros)}${b}`),
      fc.constantFrom(
        ".5",
        "-.5",
        "5.",
        "-0",
        "0.1",
        "123456789012345",
        "1234567890123456",
        "1e5",
        "+3",
        " 7",
        "1e999",
      ),
    );
    fc.assert(
      fc.property(fc.array(asText, { minLength: 1, maxLength: 30 }), (texts) => {
        const got = readValues(texts);
        texts.forEach((t, c) => {
          const v = parseFloat(t);
          // -0 must stay -0, as parseFloat gives it; what is no finite number is an unreadable cell, not a blank.
          if (Number.isFinite(v)) expect(Object.is(got[c], v)).toBe(true);
          else expect(got[c]).toEqual({ unreadable: "not-a-number", shown: t });
        });
      }),
      { numRuns: 300 },
    );
  });

  it("shared-string indexes are whole numbers the table has, booleans 0 or 1: anything else is unreadable", () => {
    expect(readValues(["1", "0", " 1", "1.9", "x", "0", "2"], ' t="s"')).toEqual([
      "一",
      "零",
      "一",
      { unreadable: "bad-string-index", shown: "1.9" },
      { unreadable: "bad-string-index", shown: "x" },
      "零",
      { unreadable: "bad-string-index", shown: "2" },
    ]);
    expect(readValues(["1", "0", "2", "0.5", "x", "", "TRUE"], ' t="b"')).toEqual([
      true,
      false,
      { unreadable: "bad-value", shown: "2" },
      { unreadable: "bad-value", shown: "0.5" },
      { unreadable: "bad-value", shown: "x" },
      null,
      { unreadable: "bad-value", shown: "TRUE" },
    ]);
  });
});

describe('isoToSerial (t="d" cells)', () => {
  it.each([
    ["2025-03-05", 45721],
    ["2025-03-05T00:00:00.000Z", 45721],
    ["2025-03-05T18:00:00", 45721.75],
    ["2024-12-31 12:00", 45657.5],
    ["1900-01-01", 1],
    ["1900-02-28", 59],
    ["1900-03-01", 61],
    ["45721", 45721],
  ])("%s → %d", (text, serial) => expect(isoToSerial(text)).toBe(serial));

  it("agrees with serialToIso", () => {
    for (const iso of ["1900-01-01", "1900-02-28", "1900-03-01", "1999-12-31", "2025-03-05", "9999-12-31"]) {
      expect(serialToIso(isoToSerial(iso)!)).toBe(iso);
    }
  });

  it.each(["2025-02-30", "2025-13-01", "date", ""])("%s → null", (text) => expect(isoToSerial(text)).toBeNull());
});

describe("resolvePart", () => {
  it.each([
    ["xl/", "worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/", "/xl/worksheets/sheet1.xml", "xl/worksheets/sheet1.xml"],
    ["xl/worksheets/", "../sharedStrings.xml", "xl/sharedStrings.xml"],
    ["", "xl/workbook.xml", "xl/workbook.xml"],
    ["", "./xl//workbook.xml", "xl/workbook.xml"],
  ])("%s + %s → %s", (dir, target, part) => expect(resolvePart(dir, target)).toBe(part));
});
