import rule from "../../../src/core/rules/application/category-market-types";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const category = (value: unknown, marketTypes: unknown[] = []) =>
  application((a) => ((a.category = value), (a.marketTypes = marketTypes)));

testRule(rule, {
  valid: [
    { name: "market with types", documents: [application()] },
    { name: "library without types", documents: [category("library")] },
    { name: "unknown category: category/valid's", documents: [category("律所类", ["agency"])] },
    { name: "missing category: category/valid's", documents: [application((a) => delete a.category)] },
  ],
  invalid: [
    {
      name: "library with a market type",
      documents: [category("library", ["agency"])],
      errors: [
        {
          path: "marketTypes",
          message: "网点机构类别为“公共图书馆类服务网点”，却勾选了市场化服务机构细分类型“代理服务类”",
        },
      ],
    },
    {
      name: "university with a type by label",
      documents: [category("高校类服务网点", ["咨询服务类"])],
      errors: [{ message: "“高校类服务网点”，却勾选了市场化服务机构细分类型“咨询服务类”" }],
    },
    {
      name: "other with two types, one unknown",
      documents: [category("other", ["legal", "诉讼类"])],
      errors: [{ message: "“法律服务类”、“诉讼类”" }],
    },
  ],
});
