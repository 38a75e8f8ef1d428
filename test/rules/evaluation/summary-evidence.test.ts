import rule from "../../../src/core/rules/evaluation/summary-evidence";
import { summary } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "all five groups provided", documents: [summary()] },
    {
      name: "marked 是 and √",
      documents: [
        summary((s) => (s.evidence = { services: "是", facilities: "√", team: "有", systems: "true", feedback: true })),
      ],
    },
    { name: "full-width YES", documents: [summary((s) => (s.evidence.team = "ＹＥＳ"))] },
  ],
  invalid: [
    {
      name: "service evidence absent",
      documents: [summary((s) => (s.evidence.services = false))],
      errors: [
        {
          path: "evidence.services",
          message: "证明材料（一）开展基础性服务、低成本专业化服务和增值服务的证明材料标记为未提供",
        },
      ],
    },
    {
      name: "feedback marked 否",
      documents: [summary((s) => (s.evidence.feedback = "否"))],
      errors: [{ path: "evidence.feedback", message: "（五）服务对象的反馈评价材料标记为未提供" }],
    },
    {
      name: "two groups absent, reported in the form's order",
      documents: [
        summary((s) => {
          s.evidence.systems = false;
          s.evidence.facilities = "无";
        }),
      ],
      errors: [
        {
          path: "evidence.facilities",
          message: "（二）服务场地、软硬件设施、数据信息资源能够为服务提供保障的证明材料",
        },
        { path: "evidence.systems", message: "（四）工作制度相关的证明材料" },
      ],
    },
    {
      name: "evidence not stated at all",
      documents: [summary((s) => delete s.evidence)],
      errors: [
        { path: "evidence.services", message: "未填写是否提供" },
        { path: "evidence.facilities" },
        { path: "evidence.team", message: "（三）人才团队建设及培训的证明材料" },
        { path: "evidence.systems" },
        { path: "evidence.feedback" },
      ],
    },
  ],
});
