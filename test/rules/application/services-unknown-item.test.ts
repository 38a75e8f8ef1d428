import rule from "../../../src/core/rules/application/services-unknown-item";
import { application, type Doc } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const library = (mutate: (a: Doc) => void) =>
  application((a) => {
    a.category = "library";
    a.marketTypes = [];
    a.services = { basic: ["B01"], lowCost: [], valueAdded: [] };
    mutate(a);
  });

testRule(rule, {
  valid: [
    { name: "general and own-category codes", documents: [application()] },
    { name: "general item by name", documents: [application((a) => a.services.lowCost.push("专利导航"))] },
    { name: "own-category item by name", documents: [application((a) => a.services.lowCost.push("侵权对比分析"))] },
    {
      name: "code in another case and full width",
      documents: [application((a) => a.services.basic.push("ｂ０２", "Market.b06"))],
    },
    {
      name: "library outlet with library.L01 by name",
      documents: [library((a) => (a.services.lowCost = ["专利查新"]))],
    },
    {
      name: "name shared by several category lists resolves to the outlet's own",
      documents: [library((a) => a.services.basic.push("知识产权咨询"))],
    },
  ],
  invalid: [
    {
      name: "unknown name",
      documents: [application((a) => a.services.basic.push("知识产权咨讯"))],
      errors: [
        {
          path: "services.basic[3]",
          message:
            "基础性服务第 4 项“知识产权咨讯”不是附件2服务事项参考清单中的代码或名称，其他服务请填入“其他基础性服务”",
        },
      ],
    },
    {
      name: "unknown code",
      documents: [application((a) => (a.services.valueAdded = ["V01", "V99"]))],
      errors: [{ path: "services.valueAdded[1]", message: "增值服务第 2 项“V99”不是附件2" }],
    },
    {
      name: "another category's code",
      documents: [application((a) => (a.services.lowCost[1] = "library.L01"))],
      errors: [
        {
          path: "services.lowCost[1]",
          message:
            /“library\.L01 专利查新”属于附件2“公共图书馆类服务网点”清单.*本网点类别为“市场化服务机构类服务网点”/u,
        },
      ],
    },
    {
      name: "another category's item by name",
      documents: [application((a) => a.services.lowCost.push("专利查新"))],
      errors: [{ path: "services.lowCost[3]", message: "“library.L01 专利查新”属于附件2“公共图书馆类服务网点”清单" }],
    },
    {
      name: "name found in several other lists",
      documents: [application((a) => a.services.basic.push("知识产权咨询"))],
      errors: [{ message: /“知识产权咨询”属于附件2“高校类服务网点”、“科研院所、科技情报机构类服务网点”.*清单/u }],
    },
    {
      name: "other category may use the general list only",
      documents: [application((a) => ((a.category = "other"), (a.marketTypes = [])))],
      errors: [
        {
          path: "services.lowCost[2]",
          message: "其他知识产权机构类服务网点只可选择“适用于所有网点的知识产权信息服务”中的事项",
        },
      ],
    },
    {
      name: "unknown category: general list only",
      documents: [application((a) => (a.category = "律所类"))],
      errors: [{ path: "services.lowCost[2]", message: "网点机构类别未填写或无法识别" }],
    },
    {
      name: "one finding per item, tiers in order",
      documents: [
        library((a) => ((a.services.basic = ["market.B06", "B01"]), (a.services.valueAdded = ["知识产权质押融资"]))),
      ],
      errors: [
        { path: "services.basic[0]", message: "市场化服务机构类服务网点" },
        { path: "services.valueAdded[0]", message: "“park.V03 知识产权质押融资”属于附件2“经济技术开发区" },
      ],
    },
  ],
});
