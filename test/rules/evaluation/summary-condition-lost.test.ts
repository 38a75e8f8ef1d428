import rule from "../../../src/core/rules/evaluation/summary-condition-lost";
import { summary } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "six full-time staff, all facilities", documents: [summary()] },
    { name: "exactly five", documents: [summary((s) => (s.org.staff.fullTime = 5))] },
    { name: "full-width digits", documents: [summary((s) => (s.org.staff.fullTime = "５"))] },
    {
      name: "values not stated are not shown as lost",
      documents: [
        summary((s) => {
          delete s.org.staff;
          s.infrastructure = { databases: [] };
        }),
      ],
    },
    {
      name: "threshold is a setting",
      documents: [summary((s) => (s.org.staff.fullTime = 3))],
      settings: { minFullTime: 3 },
    },
  ],
  invalid: [
    {
      name: "four full-time staff",
      documents: [summary((s) => (s.org.staff.fullTime = 4))],
      errors: [{ path: "org.staff.fullTime", message: "专职人员 4 名，少于 5 名，已不符合网点认定条件" }],
    },
    {
      name: "venue given up (否)",
      documents: [summary((s) => (s.infrastructure.venue = "否"))],
      errors: [{ path: "infrastructure.venue", message: "不具有固定的一定面积的服务场所" }],
    },
    {
      name: "every condition lost",
      documents: [
        summary((s) => {
          s.org.staff.fullTime = 2;
          s.infrastructure.venue = false;
          s.infrastructure.equipment = false;
          s.infrastructure.resources = false;
        }),
      ],
      errors: [
        { path: "org.staff.fullTime" },
        { path: "infrastructure.venue" },
        { path: "infrastructure.equipment", message: "网络环境、硬件设备、系统软件等基础设施" },
        { path: "infrastructure.resources", message: "运用基础信息资源、数据库开展服务的条件" },
      ],
    },
    {
      name: "raised threshold",
      documents: [summary()],
      settings: { minFullTime: 8 },
      errors: [{ message: "专职人员 6 名，少于 8 名" }],
    },
  ],
});
