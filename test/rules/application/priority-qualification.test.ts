import rule from "../../../src/core/rules/application/priority-qualification";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const held = (...q: string[]) => application((a) => (a.qualifications = q));

testRule(rule, {
  valid: [
    { name: "none", documents: [application()] },
    { name: "only 其他", documents: [application((a) => (a.qualificationOther = "广东省知识产权示范企业"))] },
    { name: "qualifications not given", documents: [application((a) => delete a.qualifications)] },
  ],
  invalid: [
    {
      name: "TISC",
      documents: [held("tisc")],
      errors: [
        {
          severity: "info",
          path: "qualifications",
          message: "已获“技术与创新支持中心（TISC）”资质，可优先纳入市级网点（第六条）",
        },
      ],
    },
    {
      name: "two, by Chinese label, listed once each",
      documents: [held("省级知识产权信息公共服务网点", "national-base", "provincial-outlet")],
      errors: [{ severity: "info", message: "已获“省级知识产权信息公共服务网点”、“国家级专利信息传播利用基地”资质" }],
    },
    {
      name: "university centre with 其他 too",
      documents: [application((a) => ((a.qualifications = ["university-center"]), (a.qualificationOther = "其他")))],
      errors: [{ severity: "info", message: "高校国家知识产权信息服务中心" }],
    },
  ],
});
