import rule from "../../../src/core/rules/evaluation/summary-deadline";
import { registry, summary } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "submitted 12-20", documents: [summary(), registry()] },
    { name: "exactly on the deadline 12-31", documents: [summary((s) => (s.submittedOn = "2025-12-31"))] },
    { name: "written 2025/12/31, normalised", documents: [summary((s) => (s.submittedOn = "2025/12/31"))] },
    { name: "written 2025年6月30日", documents: [summary((s) => (s.submittedOn = "2025年6月30日"))] },
    {
      name: "earlier deadline set, submitted on it",
      documents: [summary((s) => (s.submittedOn = "2025-11-30"))],
      settings: { summaryDeadline: "11-30" },
    },
  ],
  invalid: [
    {
      name: "01-01 of the next year, one day late",
      documents: [summary((s) => (s.submittedOn = "2026-01-01"))],
      errors: [
        {
          path: "submittedOn",
          document: "annualSummary",
          message: "填报日期 2026-01-01 晚于 2025 年度工作总结表的报送截止日期 2025-12-31，逾期 1 天",
        },
      ],
    },
    {
      name: "full-width digits, two months late",
      documents: [summary((s) => (s.submittedOn = "２０２６-０３-０１"))],
      errors: [{ message: "逾期 60 天" }],
    },
    {
      name: "earlier deadline set",
      documents: [summary()],
      settings: { summaryDeadline: "11-30" },
      errors: [{ message: "2025-12-20 晚于 2025 年度工作总结表的报送截止日期 2025-11-30，逾期 20 天" }],
    },
    {
      name: "submittedOn missing",
      documents: [summary((s) => delete s.submittedOn)],
      errors: [{ path: "submittedOn", message: "填报日期未填写" }],
    },
  ],
});
