import rule from "../../../src/core/rules/application/staff-full-time-min";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "nine full-time staff", documents: [application()] },
    { name: "exactly five", documents: [application((a) => (a.org.staff.fullTime = 5))] },
    { name: "full-width digits are read as a number", documents: [application((a) => (a.org.staff.fullTime = "５"))] },
    {
      name: "threshold is a setting",
      documents: [application((a) => (a.org.staff.fullTime = 3))],
      settings: { minFullTime: 3 },
    },
  ],
  invalid: [
    {
      name: "three full-time staff",
      documents: [application((a) => (a.org.staff.fullTime = 3))],
      errors: [{ path: "org.staff.fullTime", message: "专职人员 3 名，少于 5 名（第五条（一））" }],
    },
    {
      name: "four, one short of the line",
      documents: [application((a) => (a.org.staff.fullTime = 4))],
      errors: [{ message: "专职人员 4 名，少于 5 名" }],
    },
    {
      name: "not stated",
      documents: [application((a) => delete a.org.staff.fullTime)],
      errors: [{ path: "org.staff.fullTime", message: "未填写" }],
    },
    {
      name: "raised threshold",
      documents: [application((a) => (a.org.staff.fullTime = 6))],
      settings: { minFullTime: 8 },
      errors: [{ message: "专职人员 6 名，少于 8 名" }],
    },
  ],
});
