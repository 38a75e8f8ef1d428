import rule from "../../../src/core/rules/application/facility-equipment";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const set = (value: unknown) => application((a) => (a.infrastructure.equipment = value));

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
      errors: [{ path: "infrastructure.equipment", message: "网络环境、硬件设备、系统软件等基础设施" }],
    },
    {
      name: "否",
      documents: [set("否")],
      errors: [{ path: "infrastructure.equipment", message: "：否" }],
    },
    {
      name: "not stated",
      documents: [application((a) => delete a.infrastructure.equipment)],
      errors: [{ path: "infrastructure.equipment", message: "未填写" }],
    },
    {
      name: "no infrastructure at all",
      documents: [application((a) => delete a.infrastructure)],
      errors: [{ path: "infrastructure.equipment" }],
    },
  ],
});
