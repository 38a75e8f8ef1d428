import rule from "../../../src/core/rules/evaluation/ledger-satisfaction";
import { ledger } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

type Entry = { satisfaction?: unknown };
/** Rates the ledger's ten entries with `ratings` (undefined = 未评价). */
const rated = (...ratings: unknown[]) =>
  ledger((l) =>
    l.entries.forEach((e: Entry, i: number) => {
      if (ratings[i] === undefined) delete e.satisfaction;
      else e.satisfaction = ratings[i];
    }),
  );

testRule(rule, {
  valid: [
    { name: "all rated 4–5", documents: [ledger()] },
    { name: "coverage exactly 30%", documents: [rated(5, 5, 5)] },
    { name: "mean exactly 4.0", documents: [rated(5, 3, 4, 4, 5, 3, 4, 4, 4, 4)] },
    { name: "levels by name", documents: [rated("非常满意", "满意", "满意")] },
    { name: "empty ledger (ledger/missing covers it)", documents: [ledger((l) => (l.entries = []))] },
    {
      name: "thresholds are settings",
      documents: [rated(3, 4)],
      settings: { minSatisfaction: 3.5, minSatisfactionCoverage: 0.2 },
    },
  ],
  invalid: [
    {
      name: "two of ten rated",
      documents: [rated(5, 5)],
      errors: [
        {
          path: "entries",
          document: "ledger",
          message: "有满意度评价的服务记录 2 条，占全部 10 条的 20%，低于要求的 30%",
        },
      ],
    },
    {
      name: "mean 3.90",
      documents: [rated(4, 4, 4, 4, 4, 4, 4, 4, 4, 3)],
      errors: [{ path: "entries", message: "10 条已评价记录的平均满意度为 3.90（满分 5），低于 4.0" }],
    },
    {
      name: "nobody rated: coverage only",
      documents: [rated()],
      errors: [{ message: "0 条，占全部 10 条的 0%" }],
    },
    {
      name: "few and unhappy ratings: both findings",
      documents: [rated("基本满意", "不满意")],
      errors: [{ message: "20%" }, { message: "平均满意度为 2.50" }],
    },
    {
      name: "one short of a third, with a stricter coverage setting",
      documents: [rated(5, 5, 5)],
      settings: { minSatisfactionCoverage: 0.35 },
      errors: [{ message: "占全部 10 条的 30%，低于要求的 35%" }],
    },
  ],
});
