import rule from "../../../src/core/rules/application/team-profiles";
import { application, prose } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const member = (role: string, i = 0) => ({ name: `成员${i}`, role, credentials: [], bio: prose(150) });

testRule(rule, {
  valid: [
    { name: "head, five full-time and one part-time", documents: [application()] },
    {
      name: "no part-time profile",
      documents: [application((a) => (a.team = a.team.filter((m: { role: string }) => m.role !== "partTime")))],
    },
    {
      name: "roles given by Chinese label",
      documents: [
        application((a) => (a.team = [member("主要负责人"), ...[1, 2, 3, 4, 5].map((i) => member("专职人员", i))])),
      ],
    },
    {
      name: "lower threshold",
      documents: [
        application(
          (a) => (a.team = [member("head"), member("fullTime", 1), member("fullTime", 2), member("fullTime", 3)]),
        ),
      ],
      settings: { minFullTime: 3 },
    },
  ],
  invalid: [
    {
      name: "no head",
      documents: [application((a) => (a.team[0].role = "fullTime"))],
      errors: [{ path: "team", message: "没有主要负责人" }],
    },
    {
      name: "four full-time",
      documents: [application((a) => (a.team[5].role = "partTime"))],
      errors: [{ path: "team", message: "服务团队人员情况中专职人员 4 名，少于 5 名" }],
    },
    {
      name: "the head does not count as full-time",
      documents: [application((a) => (a.team = [member("head"), ...[1, 2, 3, 4].map((i) => member("fullTime", i))]))],
      errors: [{ message: "专职人员 4 名，少于 5 名" }],
    },
    {
      name: "no team at all: one finding each",
      documents: [application((a) => delete a.team)],
      errors: [{ message: "没有主要负责人" }, { message: "专职人员 0 名，少于 5 名" }],
    },
    {
      name: "raised threshold",
      documents: [application()],
      settings: { minFullTime: 6 },
      errors: [{ message: "专职人员 5 名，少于 6 名" }],
    },
  ],
});
