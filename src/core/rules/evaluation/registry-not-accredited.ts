import { REGISTRY_STATUS_LABELS, REVOKE_REASON_LABELS } from "../../codes";
import type { RegistryOutlet } from "../../schemas";
import { defineRule, type BaseContext } from "../types";

function check(
  code: string | undefined,
  record: RegistryOutlet | undefined,
  path: string,
  what: string,
  ctx: BaseContext,
): void {
  // Without a registry there is nothing to check against.
  if (!ctx.registry.present || record?.status === "active") return;
  if (!code) {
    ctx.report({ path, message: `${what}未填写统一社会信用代码，无法在市级网点名录中核对其网点资格` });
    return;
  }
  if (!record) {
    ctx.report({ path, message: `统一社会信用代码 ${code} 不在市级网点名录中，不是有效的市级网点，却提交了${what}` });
    return;
  }
  const when = record.revokedOn ? `，${record.revokedOn}` : "";
  const why = record.revokeReason ? `，原因：${REVOKE_REASON_LABELS[record.revokeReason]}` : "";
  ctx.report({
    path,
    message: `统一社会信用代码 ${code} 在市级网点名录中的状态为“${REGISTRY_STATUS_LABELS[record.status]}”${when}${why}，不是有效的市级网点，却提交了${what}`,
  });
}

export default defineRule({
  meta: {
    id: "registry/not-accredited",
    article: "第十八条",
    severity: "warning",
    section: "B",
    description:
      "提交工作总结表或服务台账的机构在市级网点名录中不是有效（active）网点：不在名录中、已撤销或已终止（未提供名录时不检查）",
    descriptionEn:
      "A summary or ledger comes from a code that is not active in the registry: absent, revoked or terminated (skipped without a registry)",
    fields: ["org.creditCode", "outlet.creditCode"],
  },
  annualSummary(doc, ctx) {
    check(doc.org.creditCode, ctx.registryRecord, "org.creditCode", "工作总结表", ctx);
  },
  ledger(doc, ctx) {
    check(doc.outlet.creditCode, ctx.registryRecord, "outlet.creditCode", "服务台账", ctx);
  },
});
