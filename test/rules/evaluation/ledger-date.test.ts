import rule from "../../../src/core/rules/evaluation/ledger-date";
import { ledger } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "clean ledger", documents: [ledger()] },
    { name: "2025/3/5 normalised", documents: [ledger((l) => (l.entries[0].date = "2025/3/5"))] },
    { name: "2025年3月5日 normalised", documents: [ledger((l) => (l.entries[0].date = "2025年3月5日"))] },
    { name: "full-width digits", documents: [ledger((l) => (l.entries[0].date = "２０２５-０３-０５"))] },
    {
      name: "first and last day of the year",
      documents: [ledger((l) => ((l.entries[0].date = "2025-01-01"), (l.entries[1].date = "2025-12-31")))],
    },
    { name: "missing date is ledger/required-field's", documents: [ledger((l) => delete l.entries[0].date)] },
  ],
  invalid: [
    {
      name: "30 February",
      documents: [ledger((l) => (l.entries[3].date = "2025-02-30"))],
      errors: [
        {
          severity: "error",
          path: "entries[3].date",
          entry: 4,
          message: "第 4 条：服务日期“2025-02-30”无法识别，应为 YYYY-MM-DD 格式的有效日期",
        },
      ],
    },
    {
      name: "month 13 and free text",
      documents: [
        ledger((l) => {
          l.entries[0].date = "2025/13/1";
          l.entries[1].date = "上月中旬";
        }),
      ],
      errors: [
        { severity: "error", entry: 1, message: "“2025/13/1”无法识别" },
        { severity: "error", entry: 2, message: "“上月中旬”无法识别" },
      ],
    },
    {
      name: "last day of the previous year",
      documents: [ledger((l) => (l.entries[5].date = "2024/12/31"))],
      errors: [
        {
          severity: "warning",
          path: "entries[5].date",
          entry: 6,
          message: "第 6 条：服务日期 2024-12-31 不在台账年度 2025 年内",
        },
      ],
    },
    {
      name: "first day of the next year",
      documents: [ledger((l) => (l.entries[9].date = "2026-01-01"))],
      errors: [{ severity: "warning", entry: 10, message: "2026-01-01 不在台账年度 2025 年内" }],
    },
  ],
});
