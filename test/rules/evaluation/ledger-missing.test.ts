import rule from "../../../src/core/rules/evaluation/ledger-missing";
import { OUTLET_CODE, ledger, registry, registryOutlet, summary } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const revoked = () => registry(registryOutlet((o) => (o.status = "revoked")));

testRule(rule, {
  valid: [
    { name: "summary, ledger and registry", documents: [summary(), ledger(), registry()] },
    { name: "ledger alone", documents: [ledger()] },
    { name: "active outlet with its ledger, no summary", documents: [ledger(), registry()] },
    { name: "registry alone: no evaluation year, nothing evaluated", documents: [registry()] },
    { name: "revoked outlet owes no ledger", documents: [revoked()], settings: { year: 2025 } },
    { name: "revoked outlet with an empty ledger", documents: [ledger((l) => (l.entries = [])), revoked()] },
    {
      name: "one valid entry among others of the previous year",
      documents: [
        summary(),
        ledger((l) => l.entries.forEach((e: { date: string }, i: number) => i && (e.date = "2024-12-01"))),
      ],
    },
  ],
  invalid: [
    {
      name: "summary but no ledger",
      documents: [summary(), registry()],
      errors: [
        {
          document: "annualSummary",
          outlet: OUTLET_CODE,
          path: null,
          message: "未提交 2025 年度服务情况记录台账",
        },
      ],
    },
    {
      name: "active registry outlet with nothing submitted",
      documents: [registry()],
      settings: { year: 2025 },
      errors: [
        { document: "registry", outlet: OUTLET_CODE, path: "outlets[0]", message: "未提交 2025 年度服务情况记录台账" },
      ],
    },
    {
      name: "empty ledger",
      documents: [summary(), ledger((l) => (l.entries = []))],
      errors: [{ message: "2025 年度服务台账没有任何服务记录" }],
    },
    {
      name: "every entry dated in the previous year",
      documents: [ledger((l) => l.entries.forEach((e: { date: string }) => (e.date = "2024-12-01"))), registry()],
      errors: [{ document: "ledger", message: "2025 年度服务台账的 10 条记录中没有一条服务日期在 2025 年内" }],
    },
    {
      name: "only last year's ledger for this year's evaluation",
      documents: [summary(), ledger((l) => (l.year = 2024))],
      settings: { year: 2025 },
      errors: [{ message: "未提交 2025 年度" }],
    },
  ],
});
