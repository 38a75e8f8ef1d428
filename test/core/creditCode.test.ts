import {
  CREDIT_CODE_CHARSET,
  CREDIT_CODE_WEIGHTS,
  checkCreditCode,
  creditCodeCheckChar,
  divisionOf,
  isGuangzhouOrHigherDivision,
  makeCreditCode,
} from "../../src/core/creditCode";

const KNOWN_VALID = ["91350100M000100Y43", "91440300708461136T"];

describe("GB 32100 credit codes", () => {
  it("uses the weights 3^(i−1) mod 31", () => {
    expect(CREDIT_CODE_WEIGHTS).toEqual([1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]);
  });

  it("has the 31-character set without I, O, S, V, Z", () => {
    expect(CREDIT_CODE_CHARSET).toHaveLength(31);
    for (const ch of "IOSVZ") expect(CREDIT_CODE_CHARSET).not.toContain(ch);
  });

  it.each(KNOWN_VALID)("accepts the real code %s", (code) => {
    expect(checkCreditCode(code)).toEqual({ ok: true, code });
  });

  it.each([
    ["91350100M000100Y44", "3"],
    ["91440300708461136U", "T"],
    ["91350100M000100X43", null],
    ["91440301708461136T", null],
  ])("mutated %s fails its checksum", (code, expected) => {
    const check = checkCreditCode(code);
    expect(check.ok).toBe(false);
    expect(check.problem).toBe("checksum");
    if (expected) expect(check.expected).toBe(expected);
    expect(check.expected).toBe(creditCodeCheckChar(code.slice(0, 17)));
    expect(check.expected).not.toBe(code[17]);
  });

  it.each(["I", "O", "S", "V", "Z"])("rejects %s as outside the set", (ch) => {
    const code = `9144030070846113${ch}T`;
    expect(checkCreditCode(code)).toMatchObject({ ok: false, problem: "charset", badChars: [ch] });
  });

  it("normalises full-width and lower-case input", () => {
    expect(checkCreditCode("９１４４０３００７０８４６１１３６Ｔ")).toEqual({ ok: true, code: "91440300708461136T" });
    expect(checkCreditCode("91350100m000100y43")).toEqual({ ok: true, code: "91350100M000100Y43" });
    expect(checkCreditCode(" 9135 0100 M000 100Y 43 ")).toEqual({ ok: true, code: "91350100M000100Y43" });
  });

  it("reports missing and wrong length", () => {
    expect(checkCreditCode(undefined)).toMatchObject({ ok: false, problem: "missing" });
    expect(checkCreditCode("   ")).toMatchObject({ ok: false, problem: "missing" });
    expect(checkCreditCode("91350100M000100Y4")).toMatchObject({ ok: false, problem: "length" });
    expect(checkCreditCode("91350100M000100Y43O")).toMatchObject({ ok: false, problem: "length", badChars: ["O"] });
  });

  it("builds valid codes", () => {
    for (const division of ["440106", "440116", "440183", "440184", "440000", "100000"]) {
      const code = makeCreditCode("91", division, "MA5AB1C2");
      expect(checkCreditCode(code).ok).toBe(true);
      expect(divisionOf(code)).toBe(division);
    }
  });

  it("reads the division and tells Guangzhou or higher", () => {
    expect(divisionOf("91440300708461136T")).toBe("440300");
    expect(divisionOf("9144")).toBeNull();
    for (const d of ["440101", "440106", "440116", "440183", "440184", "440000", "100000"]) {
      expect(isGuangzhouOrHigherDivision(d)).toBe(true);
    }
    for (const d of ["440300", "440604", "350100", "520113", "310101", "441900"]) {
      expect(isGuangzhouOrHigherDivision(d)).toBe(false);
    }
  });
});
