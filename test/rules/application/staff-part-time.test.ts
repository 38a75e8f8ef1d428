import rule from "../../../src/core/rules/application/staff-part-time";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const partTime = (n: unknown) => application((a) => (a.org.staff.partTime = n));

testRule(rule, {
  valid: [
    { name: "four part-time staff", documents: [application()] },
    { name: "exactly one", documents: [partTime(1)] },
    { name: "full-width digits", documents: [partTime("２")] },
    { name: "none required by setting", documents: [partTime(0)], settings: { minPartTime: 0 } },
    {
      name: "not stated, none required",
      documents: [application((a) => delete a.org.staff.partTime)],
      settings: { minPartTime: 0 },
    },
  ],
  invalid: [
    {
      name: "none",
      documents: [partTime(0)],
      errors: [{ path: "org.staff.partTime", message: "兼职人员 0 名，少于 1 名" }],
    },
    {
      name: "not stated",
      documents: [application((a) => delete a.org.staff.partTime)],
      errors: [{ path: "org.staff.partTime", message: "兼职人员数量未填写" }],
    },
    {
      name: "raised threshold",
      documents: [partTime(2)],
      settings: { minPartTime: 3 },
      errors: [{ message: "兼职人员 2 名，少于 3 名" }],
    },
  ],
});
