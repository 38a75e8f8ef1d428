import rule from "../../../src/core/rules/evaluation/evaluation-consecutive-fail";
import basicFee from "../../../src/core/rules/evaluation/ledger-basic-fee";
import lowCostQuote from "../../../src/core/rules/evaluation/ledger-low-cost-quote";
import { OUTLET_CODE, ledger, registry, registryOutlet, summary } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

type Evaluation = { year: number; score?: number; grade: string };
const withEvaluations = (...evaluations: Evaluation[]) =>
  registry(registryOutlet((o) => (o.evaluations = evaluations)));

testRule(rule, {
  valid: [
    {
      name: "fail last year; this year only warnings, which veto nothing",
      documents: [
        summary(),
        ledger((l) => delete l.entries[2].fee && delete l.entries[2].quote),
        withEvaluations({ year: 2024, grade: "fail" }),
      ],
      withRules: [lowCostQuote],
    },
    { name: "excellent last year", documents: [summary(), ledger(), registry()] },
    {
      name: "fail this year after a pass",
      documents: [summary(), ledger(), withEvaluations({ year: 2024, grade: "pass" })],
      grades: { [OUTLET_CODE]: "fail" },
    },
    {
      name: "pass this year after a fail",
      documents: [summary(), ledger(), withEvaluations({ year: 2024, grade: "fail" })],
      grades: { [OUTLET_CODE]: "pass" },
    },
    {
      name: "fail last year, this year not graded yet",
      documents: [summary(), ledger(), withEvaluations({ year: 2024, grade: "fail" })],
    },
    {
      name: "registry absent: no earlier grade known",
      documents: [summary(), ledger()],
      grades: { [OUTLET_CODE]: "fail" },
    },
    {
      name: "fails two years apart are not consecutive",
      documents: [summary(), withEvaluations({ year: 2023, grade: "fail" }, { year: 2024, grade: "good" })],
      grades: { [OUTLET_CODE]: "fail" },
    },
  ],
  invalid: [
    {
      name: "fail last year, and this year vetoed by an open section-B error (not yet scored)",
      documents: [
        summary(),
        ledger((l) => (l.entries[0].fee = 100)),
        withEvaluations({ year: 2024, score: 55, grade: "fail" }),
      ],
      withRules: [basicFee],
      errors: [
        {
          message:
            "2025 年度评估结果为不合格（存在 1 个否决项，不论得分均为不合格），2024 年度评估结果也为不合格（55 分）",
        },
      ],
    },
    {
      name: "fail by scoring after a fail in the registry",
      documents: [summary(), ledger(), withEvaluations({ year: 2024, score: 52.5, grade: "fail" })],
      grades: { [OUTLET_CODE]: "fail" },
      errors: [
        {
          path: null,
          document: "annualSummary",
          outlet: OUTLET_CODE,
          message:
            "2025 年度评估结果为不合格，2024 年度评估结果也为不合格（52.5 分）：连续两个年度评估不合格，建议撤销该网点资格",
        },
      ],
    },
    {
      name: "both years recorded in the registry (grade by label)",
      documents: [ledger(), withEvaluations({ year: 2024, grade: "不合格" }, { year: 2025, grade: "不合格" })],
      errors: [{ document: "ledger", message: "撤销资格建议" }],
    },
    {
      name: "registry alone, evaluation year set",
      documents: [withEvaluations({ year: 2024, grade: "fail" }, { year: 2025, grade: "fail" })],
      settings: { year: 2025 },
      errors: [{ document: "registry", path: "outlets[0]" }],
    },
    {
      name: "scoring overrides the registry's grade for the year",
      documents: [summary(), withEvaluations({ year: 2024, grade: "fail" }, { year: 2025, grade: "pass" })],
      grades: { [OUTLET_CODE]: "fail" },
      errors: [{ message: "2025 年度评估结果为不合格" }],
    },
  ],
});
