import rule from "../../../src/core/rules/evaluation/ledger-unknown-item";
import { ledger, registry, registryOutlet, summary } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "library outlet, library item", documents: [summary(), ledger(), registry()] },
    {
      name: "general item by its 附件2 name",
      documents: [summary(), ledger((l) => (l.entries[0].item = "知识产权培训"))],
    },
    { name: "library item by its 附件2 name", documents: [summary(), ledger((l) => (l.entries[2].item = "专利查新"))] },
    { name: "category from the registry record", documents: [ledger(), registry()] },
    {
      name: "code in lower case and full width",
      documents: [summary(), ledger((l) => (l.entries[0].item = "ｂ０１"))],
    },
    { name: "category unknown: only 附件2 membership is checked", documents: [ledger()] },
    {
      name: "missing item is ledger/required-field's",
      documents: [summary(), ledger((l) => delete l.entries[0].item)],
    },
  ],
  invalid: [
    {
      name: "name not in 附件2",
      documents: [summary(), ledger((l) => (l.entries[1].item = "专利代办"))],
      errors: [
        {
          path: "entries[1].item",
          entry: 2,
          message: "第 2 条：服务事项“专利代办”不在附件2服务事项参考清单（通用清单或本网点类别清单）中",
        },
      ],
    },
    {
      name: "code not in 附件2",
      documents: [ledger((l) => (l.entries[0].item = "B12"))],
      errors: [{ entry: 1, message: "“B12”不在附件2" }],
    },
    {
      name: "library item at a university outlet",
      documents: [summary((s) => (s.category = "university")), ledger()],
      errors: [
        {
          path: "entries[2].item",
          entry: 3,
          message:
            "第 3 条：服务事项“library.L01 专利查新”属于附件2“公共图书馆类服务网点”清单，不适用于本网点类别“高校类服务网点”",
        },
      ],
    },
    {
      name: "park item by name at a library outlet",
      documents: [summary(), ledger((l) => (l.entries[2].item = "知识产权质押融资"))],
      errors: [{ entry: 3, message: "park.V03 知识产权质押融资" }],
    },
    {
      name: "category item at an 'other' outlet (general list only), category from the registry",
      documents: [ledger(), registry(registryOutlet((o) => (o.category = "other")))],
      errors: [{ entry: 3, message: "不适用于本网点类别“其他知识产权机构类服务网点”" }],
    },
  ],
});
