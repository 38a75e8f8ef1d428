import rule from "../../../src/core/rules/application/services-basic";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "three basic services", documents: [application()] },
    { name: "given by name", documents: [application((a) => (a.services.basic = ["知识产权培训"]))] },
    {
      name: "only 其他基础性服务",
      documents: [
        application((a) => ((a.services.basic = []), (a.services.other = { basic: "园区企业知识产权沙龙" }))),
      ],
    },
  ],
  invalid: [
    {
      name: "none",
      documents: [application((a) => (a.services.basic = []))],
      errors: [{ path: "services.basic", message: "服务内容未勾选任何基础性服务，也未填写其他基础性服务" }],
    },
    {
      name: "not given, other blank",
      documents: [
        application((a) => (delete a.services.basic, (a.services.other = { basic: "  ", lowCost: "数据加工" }))),
      ],
      errors: [{ message: "免费提供基础性服务" }],
    },
    {
      name: "no services at all",
      documents: [application((a) => delete a.services)],
      errors: [{ path: "services.basic" }],
    },
  ],
});
