import rule from "../../../src/core/rules/application/team-profile-length";
import { application, prose } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const bio = (i: number, text: string | undefined) =>
  application((a) => {
    if (text === undefined) delete a.team[i].bio;
    else a.team[i].bio = text;
  });

testRule(rule, {
  valid: [
    { name: "every bio 120–180 characters", documents: [application()] },
    { name: "exactly half of 200", documents: [bio(2, prose(100))] },
    { name: "lower target by setting", documents: [bio(2, prose(60))], settings: { applicationTargets: { bio: 120 } } },
    { name: "lower ratio by setting", documents: [bio(2, prose(60))], settings: { lengthRatio: 0.3 } },
  ],
  invalid: [
    {
      name: "62 characters",
      documents: [application((a) => Object.assign(a.team[2], { name: "王某", bio: prose(62) }))],
      errors: [
        { path: "team[2].bio", message: "第 3 名团队成员“王某”的个人简介 62 字，少于 100 字（200 字左右的 50%）" },
      ],
    },
    {
      name: "white space is not counted",
      documents: [bio(1, `${prose(60)}${" ".repeat(30)}\n${prose(30)}`)],
      errors: [{ path: "team[1].bio", message: "个人简介 90 字，少于 100 字" }],
    },
    {
      name: "no bio",
      documents: [bio(4, undefined)],
      errors: [{ path: "team[4].bio", message: "第 5 名团队成员“刘专职4”的个人简介未填写" }],
    },
    {
      name: "blank bio, no name",
      documents: [application((a) => Object.assign(a.team[6], { name: undefined, bio: "   " }))],
      errors: [{ path: "team[6].bio", message: "第 7 名团队成员（未填写姓名）的个人简介未填写" }],
    },
    {
      name: "one finding per member, in order",
      documents: [application((a) => ((a.team[0].bio = prose(40)), (a.team[6].bio = prose(99))))],
      errors: [
        { path: "team[0].bio", message: "40 字" },
        { path: "team[6].bio", message: "99 字" },
      ],
    },
    {
      name: "raised ratio",
      documents: [application()],
      settings: { lengthRatio: 0.7 },
      errors: [{ path: "team[6].bio", message: "个人简介 120 字，少于 140 字（200 字左右的 70%）" }],
    },
  ],
});
