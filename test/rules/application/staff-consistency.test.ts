import rule from "../../../src/core/rules/application/staff-consistency";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const staff = (total: unknown, fullTime: unknown, partTime: unknown) =>
  application((a) => (a.org.staff = { total, fullTime, partTime }));

testRule(rule, {
  valid: [
    { name: "9 + 4 of 28", documents: [application()] },
    { name: "sum equals total", documents: [staff(13, 9, 4)] },
    { name: "total not stated", documents: [application((a) => delete a.org.staff.total)] },
    { name: "part-time not stated", documents: [application((a) => delete a.org.staff.partTime)] },
    { name: "full-width numbers", documents: [staff("１３", "９", "４")] },
  ],
  invalid: [
    {
      name: "sum above total",
      documents: [staff(10, 9, 4)],
      errors: [{ path: "org.staff.total", message: "专职人员 9 名与兼职人员 4 名合计 13 名，超过总人数 10 名" }],
    },
    {
      name: "one over",
      documents: [staff(12, 8, 5)],
      errors: [{ message: "合计 13 名，超过总人数 12 名" }],
    },
    {
      name: "total zero",
      documents: [staff(0, 5, 0)],
      errors: [{ message: "超过总人数 0 名" }],
    },
    {
      name: "numbers written as text",
      documents: [staff("６", "５", "２")],
      errors: [{ message: "合计 7 名" }],
    },
  ],
});
