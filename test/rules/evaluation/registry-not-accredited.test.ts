import rule from "../../../src/core/rules/evaluation/registry-not-accredited";
import { OUTLET_CODE, ledger, registry, registryOutlet, summary } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const elsewhere = () => registry(registryOutlet((o) => (o.creditCode = "91440101MA5AXY1234")));
const revoked = () =>
  registry(
    registryOutlet((o) => {
      o.status = "revoked";
      o.revokedOn = "2025-03-01";
      o.revokeReason = "consecutive-fail";
    }),
  );

testRule(rule, {
  valid: [
    { name: "active outlet", documents: [summary(), ledger(), registry()] },
    { name: "registry absent: nothing to check", documents: [summary(), ledger()] },
    {
      name: "status written as 有效",
      documents: [summary(), ledger(), registry(registryOutlet((o) => (o.status = "有效")))],
    },
    {
      name: "credit code with full-width letters matches",
      documents: [ledger((l) => (l.outlet.creditCode = "12440104455209812Ｌ")), registry()],
    },
  ],
  invalid: [
    {
      name: "not in the registry: one finding per document",
      documents: [summary(), ledger(), elsewhere()],
      errors: [
        {
          document: "annualSummary",
          path: "org.creditCode",
          outlet: OUTLET_CODE,
          message: `统一社会信用代码 ${OUTLET_CODE} 不在市级网点名录中，不是有效的市级网点，却提交了工作总结表`,
        },
        { document: "ledger", path: "outlet.creditCode", message: "却提交了服务台账" },
      ],
    },
    {
      name: "revoked outlet",
      documents: [ledger(), revoked()],
      errors: [{ path: "outlet.creditCode", message: "状态为“已撤销”，2025-03-01，原因：连续两年评估不合格" }],
    },
    {
      name: "terminated outlet",
      documents: [summary(), registry(registryOutlet((o) => (o.status = "已终止")))],
      errors: [{ path: "org.creditCode", message: "状态为“已终止”" }],
    },
    {
      name: "summary without a credit code",
      documents: [summary((s) => delete s.org.creditCode), registry()],
      errors: [
        { path: "org.creditCode", outlet: "广州市越秀区东湖图书馆", message: "工作总结表未填写统一社会信用代码" },
      ],
    },
  ],
});
