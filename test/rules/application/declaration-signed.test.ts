import rule from "../../../src/core/rules/application/declaration-signed";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "sealed and signed", documents: [application()] },
    { name: "sealed written as 是", documents: [application((a) => (a.declaration.sealed = "是"))] },
    {
      name: "sealed written as √, no date",
      documents: [application((a) => ((a.declaration.sealed = "√"), delete a.declaration.date))],
    },
  ],
  invalid: [
    {
      name: "not sealed",
      documents: [application((a) => (a.declaration.sealed = false))],
      errors: [{ path: "declaration.sealed", message: "申请认定机构意见未盖章，申报书应盖章、签字，否则视为无效申报" }],
    },
    {
      name: "seal not stated",
      documents: [application((a) => delete a.declaration.sealed)],
      errors: [{ path: "declaration.sealed", message: "未注明是否盖章" }],
    },
    {
      name: "handler blank",
      documents: [application((a) => (a.declaration.handler = "  "))],
      errors: [{ path: "declaration.handler", message: "未填写经办人（签字）" }],
    },
    {
      name: "head missing",
      documents: [application((a) => delete a.declaration.head)],
      errors: [{ path: "declaration.head", message: "未填写负责人（签字）" }],
    },
    {
      name: "nothing: one finding per element",
      documents: [application((a) => delete a.declaration)],
      errors: [{ path: "declaration.sealed" }, { path: "declaration.handler" }, { path: "declaration.head" }],
    },
  ],
});
