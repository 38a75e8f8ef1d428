import { makeCreditCode } from "../../../src/core/creditCode";
import rule from "../../../src/core/rules/application/org-legal-person";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const withCode = (code: string) => application((a) => (a.org.creditCode = code));
const SOLE_TRADER = makeCreditCode("92", "440106", "MA5AB1C2");

testRule(rule, {
  valid: [
    { name: "company (91)", documents: [application()] },
    { name: "public institution (12)", documents: [withCode(makeCreditCode("12", "440104", "45520981"))] },
    { name: "social organisation (51)", documents: [withCode(makeCreditCode("51", "440100", "MJL12345"))] },
    {
      name: "farmers' cooperative (93) is a legal person",
      documents: [withCode(makeCreditCode("93", "440183", "MA5AB1C2"))],
    },
    { name: "92 but not 18 characters: org/credit-code's", documents: [withCode(SOLE_TRADER.slice(0, 16))] },
    { name: "code missing", documents: [application((a) => delete a.org.creditCode)] },
  ],
  invalid: [
    {
      name: "sole trader",
      documents: [withCode(SOLE_TRADER)],
      errors: [
        {
          path: "org.creditCode",
          message: `统一社会信用代码“${SOLE_TRADER}”以“92”开头，登记为个体工商户，不具有独立法人资格`,
        },
      ],
    },
    {
      name: "lower-case sole trader code",
      documents: [withCode(makeCreditCode("92", "440113", "L12345XY").toLowerCase())],
      errors: [{ message: "以“92”开头" }],
    },
    {
      name: "92 with a wrong check character is still judged",
      documents: [withCode(`${SOLE_TRADER.slice(0, 17)}0`)],
      errors: [{ message: "个体工商户" }],
    },
    {
      name: "full-width 92",
      documents: [withCode(`９２${SOLE_TRADER.slice(2)}`)],
      errors: [{ message: "个体工商户" }],
    },
  ],
});
