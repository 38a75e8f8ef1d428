import { REVOKE_REASON_LABELS } from "../../codes";
import { addYears } from "../../dates";
import { defineRule } from "../types";

/** 第二十一条: revocations that bar a new application. */
const BARRING = new Set(["false-materials", "illegal-activity"]);

export default defineRule({
  meta: {
    id: "registry/banned",
    article: "第二十一条",
    severity: "error",
    section: "A",
    description:
      "网点名录中该统一社会信用代码因提供虚假材料（false-materials）或违规经营/违法违规（illegal-activity）被撤销（revokedOn），" +
      "且填报日期（submittedOn，未填写时用参照日期 today）早于撤销日期加 3 年（设置项 banYears）：三年内不接受其网点认定申请；" +
      "满 3 年当日起可以申请；既无填报日期又无参照日期时不判断",
    descriptionEn:
      "The registry shows this code revoked for false-materials or illegal-activity, and submittedOn (else the reference date) " +
      "is before revokedOn + banYears (3); exactly banYears later is allowed; skipped when no date is known",
    fields: ["org.creditCode", "submittedOn"],
  },
  application(doc, ctx) {
    const years = ctx.settings.banYears;
    const record = ctx.registry.get(doc.org.creditCode);
    if (!record || years <= 0 || !record.revokedOn || !record.revokeReason || !BARRING.has(record.revokeReason)) return;
    const reference = doc.submittedOn ?? ctx.today;
    if (!reference) return;
    const ends = addYears(record.revokedOn, years);
    if (reference >= ends) return;
    const when = doc.submittedOn ? `填报日期 ${reference}` : `参照日期 ${reference}（申报书未填写填报日期）`;
    ctx.report({
      path: "org.creditCode",
      message:
        `网点名录显示该机构（“${record.name}”）于 ${record.revokedOn} 因“${REVOKE_REASON_LABELS[record.revokeReason]}”被撤销市级网点资格，` +
        `${years} 年内不接受其网点认定申请，${ends} 起方可再次申请；${when}`,
    });
  },
});
