import rule from "../../../src/core/rules/application/facility-resources";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const set = (value: unknown) => application((a) => (a.infrastructure.resources = value));

testRule(rule, {
  valid: [
    { name: "true", documents: [application()] },
    { name: "是", documents: [set("是")] },
    { name: "√", documents: [set("√")] },
  ],
  invalid: [
    {
      name: "false",
      documents: [set(false)],
      errors: [{ path: "infrastructure.resources", message: "能够运用知识产权基础信息资源" }],
    },
    {
      name: "否",
      documents: [set("否")],
      errors: [{ path: "infrastructure.resources", message: "：否" }],
    },
    {
      name: "not stated",
      documents: [application((a) => delete a.infrastructure.resources)],
      errors: [{ path: "infrastructure.resources", message: "未填写" }],
    },
    {
      name: "no infrastructure at all",
      documents: [application((a) => delete a.infrastructure)],
      errors: [{ path: "infrastructure.resources" }],
    },
  ],
});
