import rule from "../../../src/core/rules/application/cases-count";
import { application, prose } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const aCase = (i: number) => ({ name: `案例${i}`, period: "2025年", content: prose(600) });
const cases = (n: number) => application((a) => (a.cases = Array.from({ length: n }, (_, i) => aCase(i + 1))));

testRule(rule, {
  valid: [
    { name: "one case", documents: [application()] },
    { name: "two cases", documents: [cases(2)] },
    { name: "three with a raised limit", documents: [cases(3)], settings: { maxApplicationCases: 3 } },
  ],
  invalid: [
    {
      name: "none",
      documents: [cases(0)],
      errors: [{ severity: "error", path: "cases", message: "未填写典型案例，应填写 1–2 个" }],
    },
    {
      name: "not given",
      documents: [application((a) => delete a.cases)],
      errors: [{ severity: "error", path: "cases" }],
    },
    {
      name: "three",
      documents: [cases(3)],
      errors: [{ severity: "warning", path: "cases", message: "典型案例 3 个，多于 2 个" }],
    },
    {
      name: "five with a limit of 4",
      documents: [cases(5)],
      settings: { maxApplicationCases: 4 },
      errors: [{ severity: "warning", message: "典型案例 5 个，多于 4 个" }],
    },
  ],
});
