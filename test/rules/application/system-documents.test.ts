import rule from "../../../src/core/rules/application/system-documents";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "two documents", documents: [application()] },
    { name: "one document", documents: [application((a) => (a.workSystems = ["《知识产权信息服务规范》"]))] },
    { name: "a blank among real ones", documents: [application((a) => a.workSystems.push(" "))] },
  ],
  invalid: [
    {
      name: "empty list",
      documents: [application((a) => (a.workSystems = []))],
      errors: [{ path: "workSystems", message: "工作制度未填写制度文件名称" }],
    },
    {
      name: "not given",
      documents: [application((a) => delete a.workSystems)],
      errors: [{ path: "workSystems" }],
    },
    {
      name: "only blank names",
      documents: [application((a) => (a.workSystems = ["", "　"]))],
      errors: [{ message: "工作制度应健全" }],
    },
  ],
});
