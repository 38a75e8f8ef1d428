import rule from "../../../src/core/rules/evaluation/ledger-basic-fee";
import { ledger, registry, summary } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "clean ledger", documents: [summary(), ledger(), registry()] },
    {
      name: "low-cost service may be charged",
      documents: [ledger((l) => (l.entries[2].fee = 1200))],
    },
    { name: "basic service with fee 0 given as text", documents: [ledger((l) => (l.entries[0].fee = "0"))] },
    { name: "basic service without a fee recorded", documents: [ledger((l) => delete l.entries[0].fee)] },
  ],
  invalid: [
    {
      name: "training charged",
      documents: [ledger((l) => (l.entries[0].fee = 200))],
      errors: [
        {
          path: "entries[0].fee",
          entry: 1,
          document: "ledger",
          message: "第 1 条：基础性服务“知识产权培训”收费 200 元",
        },
      ],
    },
    {
      name: "item given by name, still basic",
      documents: [
        ledger((l) => {
          l.entries[4].item = "知识产权文献传递";
          l.entries[4].fee = 50;
        }),
      ],
      errors: [{ path: "entries[4].fee", entry: 5, message: "知识产权文献传递" }],
    },
    {
      name: "category basic item of the library list",
      documents: [
        summary(),
        ledger((l) => {
          l.entries[1].item = "library.B02";
          l.entries[1].fee = 30;
        }),
      ],
      errors: [{ entry: 2 }],
    },
  ],
});
