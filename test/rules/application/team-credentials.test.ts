import rule from "../../../src/core/rules/application/team-credentials";
import { application, type Doc } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const noCredentials = (a: Doc) => a.team.forEach((m: Doc) => (m.credentials = []));

testRule(rule, {
  valid: [
    { name: "several with credentials", documents: [application()] },
    {
      name: "only the part-time member lists one",
      documents: [application((a) => (noCredentials(a), (a.team[6].credentials = ["法律职业资格证"])))],
    },
    { name: "empty team: team/profiles reports it", documents: [application((a) => (a.team = []))] },
  ],
  invalid: [
    {
      name: "nobody lists a credential",
      documents: [application(noCredentials)],
      errors: [{ path: "team", message: "服务团队 7 人均未列出资格证书" }],
    },
    {
      name: "credentials left out of the JSON",
      documents: [application((a) => a.team.forEach((m: Doc) => delete m.credentials))],
      errors: [{ message: "均未列出资格证书" }],
    },
    {
      name: "only blank entries",
      documents: [application((a) => a.team.forEach((m: Doc) => (m.credentials = ["  "])))],
      errors: [{ message: "专利代理师资格证" }],
    },
  ],
});
