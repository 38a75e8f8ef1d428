import rule from "../../../src/core/rules/application/services-objects";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "two objects", documents: [application()] },
    { name: "one object by Chinese label", documents: [application((a) => (a.serviceObjects = ["社会公众"]))] },
    {
      name: "all five",
      documents: [
        application((a) => (a.serviceObjects = ["government", "research", "university", "enterprise", "public"])),
      ],
    },
  ],
  invalid: [
    {
      name: "empty",
      documents: [application((a) => (a.serviceObjects = []))],
      errors: [
        {
          path: "serviceObjects",
          message: "服务对象未勾选，应至少选择一项（政府部门、科研机构、高校、企事业单位、社会公众）",
        },
      ],
    },
    {
      name: "not given",
      documents: [application((a) => delete a.serviceObjects)],
      errors: [{ path: "serviceObjects" }],
    },
    {
      name: "empty on a library outlet",
      documents: [application((a) => ((a.category = "library"), (a.marketTypes = []), (a.serviceObjects = [])))],
      errors: [{ message: "服务对象未勾选" }],
    },
  ],
});
