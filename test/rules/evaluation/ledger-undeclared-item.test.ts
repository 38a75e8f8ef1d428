import rule from "../../../src/core/rules/evaluation/ledger-undeclared-item";
import { OUTLET_CODE, application, ledger, registry, summary } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

/** The fixture outlet's application, declaring what its ledger delivers. */
const outletApplication = (basic: string[]) =>
  application((a) => {
    a.org.creditCode = OUTLET_CODE;
    a.category = "library";
    a.marketTypes = [];
    a.services = { basic, lowCost: ["library.L01"], valueAdded: [] };
  });

testRule(rule, {
  valid: [
    { name: "every item declared in the summary", documents: [summary(), ledger(), registry()] },
    { name: "nothing declares items: not checked", documents: [ledger(), registry()] },
    {
      name: "declared by 附件2 name",
      documents: [
        summary((s) => (s.services.basic = ["知识产权培训", "知识产权文献传递", "知识产权信息咨询"])),
        ledger(),
      ],
    },
    {
      name: "declared in the application when there is no summary",
      documents: [outletApplication(["B01", "B02", "B04"]), ledger()],
    },
    {
      name: "unknown items are ledger/unknown-item's",
      documents: [summary(), ledger((l) => (l.entries[0].item = "专利代办"))],
    },
  ],
  invalid: [
    {
      name: "B02 delivered three times, not declared",
      documents: [summary((s) => (s.services.basic = ["B01", "B04"])), ledger()],
      errors: [
        {
          path: "entries[4].item",
          entry: 5,
          message:
            "第 5 条：服务事项“B02 知识产权文献传递”未在工作总结表的服务内容中申报（台账中共 3 条，首次出现于第 5 条）",
        },
      ],
    },
    {
      name: "two undeclared items: one finding each, by first appearance",
      documents: [summary((s) => (s.services = { basic: ["B02"], lowCost: [], valueAdded: [] })), ledger()],
      errors: [
        { entry: 1, message: "“B01 知识产权培训”未在工作总结表的服务内容中申报（台账中共 1 条" },
        {
          entry: 2,
          message: "“B04 知识产权信息咨询”未在工作总结表的服务内容中申报（台账中共 5 条，首次出现于第 2 条）",
        },
        { entry: 3, message: "“library.L01 专利查新”" },
      ],
    },
    {
      name: "declared in the application",
      documents: [outletApplication(["B01", "B04"]), ledger()],
      errors: [{ entry: 5, message: "未在申报书的服务内容中申报" }],
    },
  ],
});
