import rule from "../../../src/core/rules/evaluation/summary-cases";
import { prose, summary } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const cases = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ name: `典型案例${i + 1}`, period: "2025年", content: prose(500) }));

testRule(rule, {
  valid: [
    { name: "one case", documents: [summary()] },
    { name: "two cases", documents: [summary((s) => (s.cases = cases(2)))] },
    { name: "three cases, the most allowed", documents: [summary((s) => (s.cases = cases(3)))] },
    {
      name: "more allowed by setting",
      documents: [summary((s) => (s.cases = cases(4)))],
      settings: { maxSummaryCases: 4 },
    },
  ],
  invalid: [
    {
      name: "no case",
      documents: [summary((s) => (s.cases = []))],
      errors: [{ severity: "error", path: "cases", message: "典型案例未填写，应填写 1–3 个" }],
    },
    {
      name: "cases key left out",
      documents: [summary((s) => delete s.cases)],
      errors: [{ severity: "error", path: "cases" }],
    },
    {
      name: "four cases",
      documents: [summary((s) => (s.cases = cases(4)))],
      errors: [{ severity: "warning", path: "cases", message: "典型案例 4 个，多于 3 个" }],
    },
    {
      name: "three cases with a lower maximum",
      documents: [summary((s) => (s.cases = cases(3)))],
      settings: { maxSummaryCases: 2 },
      errors: [{ severity: "warning", message: "典型案例 3 个，多于 2 个" }],
    },
  ],
});
