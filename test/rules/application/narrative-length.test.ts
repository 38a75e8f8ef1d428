import rule from "../../../src/core/rules/application/narrative-length";
import { application, prose } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "every section above half its target", documents: [application()] },
    {
      name: "exactly half",
      documents: [application((a) => ((a.narratives.foundation = prose(1000)), (a.cases[0].content = prose(300))))],
    },
    {
      name: "lower targets",
      documents: [application((a) => (a.narratives.team = prose(300)))],
      settings: { applicationTargets: { team: 600 } },
    },
    {
      name: "lower ratio",
      documents: [application((a) => (a.narratives.plan = prose(700)))],
      settings: { lengthRatio: 0.3 },
    },
    { name: "no case: cases/count's", documents: [application((a) => (a.cases = []))] },
  ],
  invalid: [
    {
      name: "foundation short",
      documents: [application((a) => (a.narratives.foundation = prose(612)))],
      errors: [
        {
          severity: "warning",
          path: "narratives.foundation",
          message: "二、工作基础和优势特点 612 字，少于 1000 字（2000字左右的 50%）",
        },
      ],
    },
    {
      name: "white space is not counted",
      documents: [application((a) => (a.narratives.team = `${prose(300)}\n\n${" ".repeat(300)}${prose(150)}`))],
      errors: [
        {
          severity: "warning",
          path: "narratives.team",
          message: "三、服务团队人员情况 450 字，少于 500 字（1000字左右的 50%）",
        },
      ],
    },
    {
      name: "plan missing",
      documents: [application((a) => delete a.narratives.plan)],
      errors: [
        { severity: "error", path: "narratives.plan", message: "四、未来发展思路和支持措施未填写，应为 2000 字左右" },
      ],
    },
    {
      name: "team blank",
      documents: [application((a) => (a.narratives.team = "　 "))],
      errors: [{ severity: "error", path: "narratives.team" }],
    },
    {
      name: "case short",
      documents: [application((a) => (a.cases[0].content = prose(250)))],
      errors: [
        {
          severity: "warning",
          path: "cases[0].content",
          message: "五、典型案例 1“某智能网联汽车企业专利导航项目”的内容和效果 250 字，少于 300 字（600字左右的 50%）",
        },
      ],
    },
    {
      name: "second case empty",
      documents: [application((a) => a.cases.push({ name: "专利预警服务", period: "2025年", content: "" }))],
      errors: [
        {
          severity: "error",
          path: "cases[1].content",
          message: "五、典型案例 2“专利预警服务”的内容和效果未填写，应为 600 字左右",
        },
      ],
    },
    {
      name: "nothing written: narratives in order, then cases",
      documents: [application((a) => ((a.narratives = {}), (a.cases = [{ name: "案例" }])))],
      errors: [
        { severity: "error", path: "narratives.foundation" },
        { severity: "error", path: "narratives.team" },
        { severity: "error", path: "narratives.plan" },
        { severity: "error", path: "cases[0].content" },
      ],
    },
  ],
});
