import rule from "../../../src/core/rules/evaluation/summary-sections";
import { prose, summary } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "clean summary", documents: [summary()] },
    {
      name: "exactly half of every target",
      documents: [
        summary((s) => {
          s.narratives = { services: prose(1000), highlights: prose(500), reflections: prose(1000), plan: prose(500) };
          s.cases[0].content = prose(250);
        }),
      ],
    },
    {
      name: "three cases, each long enough",
      documents: [
        summary((s) => (s.cases = [1, 2, 3].map((n) => ({ name: `案例${n}`, period: "2025年", content: prose(300) })))),
      ],
    },
    {
      name: "lower ratio set",
      documents: [summary((s) => (s.narratives.services = prose(700)))],
      settings: { lengthRatio: 0.3 },
    },
  ],
  invalid: [
    {
      name: "services empty",
      documents: [summary((s) => (s.narratives.services = "  "))],
      errors: [{ severity: "error", path: "narratives.services", message: "二、服务开展情况未填写，应为 2000 字左右" }],
    },
    {
      name: "highlights missing",
      documents: [summary((s) => delete s.narratives.highlights)],
      errors: [{ severity: "error", path: "narratives.highlights", message: "三、创新亮点未填写" }],
    },
    {
      name: "reflections one character short",
      documents: [summary((s) => (s.narratives.reflections = prose(999)))],
      errors: [
        {
          severity: "warning",
          path: "narratives.reflections",
          message: "四、工作体会及建议仅 999 字，少于 2000 字左右要求的 50%（1000 字）",
        },
      ],
    },
    {
      name: "white space is not counted",
      documents: [summary((s) => (s.narratives.plan = `${prose(300)}\n\n    ${prose(199)}  　`))],
      errors: [{ severity: "warning", path: "narratives.plan", message: "五、未来一年工作计划仅 499 字" }],
    },
    {
      name: "short case and a case without content",
      documents: [
        summary((s) => {
          s.cases[0].content = prose(249);
          s.cases.push({ name: "专利导航进社区", period: "2025年9月" });
        }),
      ],
      errors: [
        {
          severity: "warning",
          path: "cases[0].content",
          message: "三、典型案例第 1 个“世界知识产权日专题讲座”的内容和效果仅 249 字",
        },
        {
          severity: "error",
          path: "cases[1].content",
          message: "三、典型案例第 2 个“专利导航进社区”的内容和效果未填写",
        },
      ],
    },
    {
      name: "raised target",
      documents: [summary()],
      settings: { summaryTargets: { plan: 2000 } },
      errors: [
        { severity: "warning", path: "narratives.plan", message: "仅 800 字，少于 2000 字左右要求的 50%（1000 字）" },
      ],
    },
  ],
});
