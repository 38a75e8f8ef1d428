import rule from "../../../src/core/rules/application/category-valid";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const category = (value: unknown, marketTypes: unknown[] = []) =>
  application((a) => ((a.category = value), (a.marketTypes = marketTypes)));

testRule(rule, {
  valid: [
    { name: "market with two types", documents: [application()] },
    { name: "library, no types", documents: [category("library")] },
    { name: "Chinese label", documents: [category("公共图书馆类服务网点")] },
    { name: "market types by Chinese label", documents: [category("market", ["咨询服务类", "法律服务类"])] },
    { name: "types on another category are category/market-types'", documents: [category("park", ["agency"])] },
  ],
  invalid: [
    {
      name: "missing",
      documents: [application((a) => delete a.category)],
      errors: [{ path: "category", message: "网点机构类别未填写" }],
    },
    {
      name: "unknown",
      documents: [category("律所类")],
      errors: [{ path: "category", message: "网点机构类别“律所类”无法识别，应为高校类服务网点、" }],
    },
    {
      name: "market without types",
      documents: [category("market")],
      errors: [
        {
          path: "marketTypes",
          message: "未勾选细分类型，应至少选择一项（咨询服务类、信息服务类、代理服务类、法律服务类、运营服务类）",
        },
      ],
    },
    {
      name: "market by label without types",
      documents: [category("市场化服务机构类服务网点")],
      errors: [{ path: "marketTypes" }],
    },
    {
      name: "unknown market types, one finding each",
      documents: [category("market", ["agency", "诉讼类", "5.运营服务类"])],
      errors: [
        { path: "marketTypes[1]", message: "市场化服务机构细分类型“诉讼类”无法识别" },
        { path: "marketTypes[2]", message: "“5.运营服务类”" },
      ],
    },
  ],
});
