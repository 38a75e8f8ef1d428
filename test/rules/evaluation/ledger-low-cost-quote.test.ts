import rule from "../../../src/core/rules/evaluation/ledger-low-cost-quote";
import { ledger, ledgerEntry, summary } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "clean ledger", documents: [summary(), ledger()] },
    { name: "quote without fee", documents: [summary(), ledger((l) => delete l.entries[2].fee)] },
    {
      name: "free low-cost service: fee 0 counts as recorded",
      documents: [summary(), ledger((l) => ((l.entries[2].fee = 0), delete l.entries[2].quote))],
    },
    {
      name: "fee in full-width digits",
      documents: [summary(), ledger((l) => ((l.entries[2].fee = "８００"), delete l.entries[2].quote))],
    },
    { name: "basic service needs no quote", documents: [ledger((l) => delete l.entries[0].fee)] },
    {
      name: "unknown item is not tiered",
      documents: [ledger((l) => ((l.entries[0].item = "专利代办"), delete l.entries[0].fee))],
    },
  ],
  invalid: [
    {
      name: "专利查新 without quote or fee",
      documents: [summary(), ledger((l) => (delete l.entries[2].fee, delete l.entries[2].quote))],
      errors: [
        {
          path: "entries[2].quote",
          entry: 3,
          message: "第 3 条：低成本专业化服务“专利查新”未记录报价（quote），也未记录收费金额（fee）",
        },
      ],
    },
    {
      name: "low-cost item by 附件2 name",
      documents: [
        ledger((l) =>
          l.entries.push(
            ledgerEntry((e) => {
              e.item = "专利导航";
              delete e.fee;
            }),
          ),
        ),
      ],
      errors: [{ entry: 11, message: "低成本专业化服务“专利导航”" }],
    },
    {
      name: "value-added service",
      documents: [
        ledger((l) =>
          l.entries.push(
            ledgerEntry((e) => {
              e.item = "V04";
              delete e.fee;
            }),
          ),
        ),
      ],
      errors: [{ entry: 11, message: "增值服务“知识产权金融服务”" }],
    },
  ],
});
