import { ConfigError, DEFAULT_SETTINGS, parseSettings } from "../../src/core/config";
import { addYears, parseDate } from "../../src/core/dates";
import { countChars, toHalfWidth } from "../../src/core/text";

describe("settings", () => {
  it("has the guide's defaults", () => {
    expect(DEFAULT_SETTINGS).toMatchObject({
      minFullTime: 5,
      lengthRatio: 0.5,
      banYears: 3,
      minSatisfaction: 4,
      minSatisfactionCoverage: 0.3,
      summaryDeadline: "12-31",
    });
    expect(DEFAULT_SETTINGS.applicationTargets).toEqual({
      foundation: 2000,
      team: 1000,
      plan: 2000,
      case: 600,
      bio: 200,
    });
  });

  it("merges a partial file with the defaults, nested objects too", () => {
    const s = parseSettings({ minFullTime: 6, summaryTargets: { case: 400 } });
    expect(s.minFullTime).toBe(6);
    expect(s.summaryTargets).toEqual({ services: 2000, highlights: 1000, reflections: 2000, plan: 1000, case: 400 });
  });

  it.each([
    [{ lengthRatio: 2 }, "lengthRatio"],
    [{ minFullTime: "five" }, "minFullTime"],
    [{ summaryDeadline: "31-12" }, "summaryDeadline"],
    [{ today: "2026/11/24" }, "today"],
    [{ applicationTargets: { bio: 0 } }, "applicationTargets.bio"],
    [{ minFullTme: 5 }, "minFullTme"],
    [{ rules: { "org/branch": "loud" } }, "rules.org/branch"],
  ])("rejects %j naming the key %s", (input, key) => {
    expect(() => parseSettings(input)).toThrow(ConfigError);
    try {
      parseSettings(input);
    } catch (error) {
      expect((error as ConfigError).key).toBe(key);
      expect((error as ConfigError).message).toContain(key);
    }
  });

  it("rejects a rule level for a rule that does not exist", () => {
    expect(() => parseSettings({ rules: { "org/nothing": "off" } }, ["org/branch"])).toThrow(/没有这条规则/u);
  });
});

describe("text and dates", () => {
  it("counts characters without white space", () => {
    expect(countChars(" 知识 产权\n信息 ")).toBe(6);
    expect(countChars(undefined)).toBe(0);
  });
  it("half-widths full-width letters and digits", () => {
    expect(toHalfWidth("ＡＢＣ１２３　ｘ")).toBe("ABC123 x");
  });
  it("parses dates and adds years, 29 February included", () => {
    expect(parseDate("2024年2月29日")).toBe("2024-02-29");
    expect(parseDate("2023-02-29")).toBeNull();
    expect(addYears("2024-02-29", 3)).toBe("2027-02-28");
    expect(addYears("2023-05-20", 3)).toBe("2026-05-20");
  });
});
