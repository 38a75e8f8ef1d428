import { makeCreditCode } from "../../../src/core/creditCode";
import rule from "../../../src/core/rules/application/org-credit-code";
import { APPLICANT_CODE, application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const withCode = (code: unknown) => application((a) => (a.org.creditCode = code));
const fullWidth = (s: string) => s.replace(/[0-9A-Z]/gu, (c) => String.fromCodePoint(c.codePointAt(0)! + 0xfee0));

testRule(rule, {
  valid: [
    { name: "fixture code", documents: [application()] },
    { name: "lower-case code is normalised", documents: [withCode(APPLICANT_CODE.toLowerCase())] },
    { name: "full-width code is normalised", documents: [withCode(fullWidth(APPLICANT_CODE))] },
    { name: "spaces inside the code are dropped", documents: [withCode("9144 0106 MA5A N7QW 7E")] },
    { name: "built for 440116 萝岗", documents: [withCode(makeCreditCode("91", "440116", "MA59K3LT"))] },
    { name: "real code from elsewhere (region is another rule's)", documents: [withCode("91350100M000100Y43")] },
    { name: "public institution code", documents: [withCode(makeCreditCode("12", "440104", "45520981"))] },
  ],
  invalid: [
    {
      name: "missing",
      documents: [application((a) => delete a.org.creditCode)],
      errors: [{ path: "org.creditCode", message: "统一社会信用代码未填写" }],
    },
    {
      name: "empty string",
      documents: [withCode("  ")],
      errors: [{ message: "统一社会信用代码未填写" }],
    },
    {
      name: "17 characters",
      documents: [withCode(APPLICANT_CODE.slice(0, 17))],
      errors: [{ path: "org.creditCode", message: "统一社会信用代码“91440106MA5AN7QW7”为 17 位，应为 18 位" }],
    },
    {
      name: "19 characters with a letter outside the set",
      documents: [withCode(`${APPLICANT_CODE}O`)],
      errors: [{ message: /为 19 位，应为 18 位，且含有代码字符集以外的字符 “O”/u }],
    },
    {
      name: "O instead of 0",
      documents: [withCode("9144O106MA5AN7QW7E")],
      errors: [{ message: "统一社会信用代码“9144O106MA5AN7QW7E”含有代码字符集以外的字符 “O”" }],
    },
    {
      name: "I, S, V and Z named once each",
      documents: [withCode("91440106IA5SN7VZ7I")],
      errors: [{ message: "字符 “I”、“S”、“V”、“Z”" }],
    },
    {
      name: "check character mismatch",
      documents: [withCode("91440114MA5D7H6K41")],
      errors: [{ path: "org.creditCode", message: "统一社会信用代码“91440114MA5D7H6K41”校验位应为“4”，实为“1”" }],
    },
    {
      name: "one character mistyped in a lower-case code",
      documents: [withCode("91440106ma5an7qw7f")],
      errors: [{ message: "“91440106MA5AN7QW7F”校验位应为“E”，实为“F”" }],
    },
    {
      name: "full-width code with a wrong check character",
      documents: [withCode(fullWidth("91440300708461136U"))],
      errors: [{ message: "校验位应为“T”，实为“U”" }],
    },
  ],
});
