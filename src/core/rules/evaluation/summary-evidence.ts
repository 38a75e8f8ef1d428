import { defineRule } from "../types";

/** 附件3 六、证明材料 (一)–(五), verbatim. */
const GROUPS = [
  ["services", "（一）开展基础性服务、低成本专业化服务和增值服务的证明材料"],
  ["facilities", "（二）服务场地、软硬件设施、数据信息资源能够为服务提供保障的证明材料"],
  ["team", "（三）人才团队建设及培训的证明材料"],
  ["systems", "（四）工作制度相关的证明材料"],
  ["feedback", "（五）服务对象的反馈评价材料"],
] as const;

export default defineRule({
  meta: {
    id: "summary/evidence",
    article: "附件3 六",
    severity: "warning",
    section: "B",
    description: "工作总结表的证明材料（一）–（五）中，每一组标记为未提供或未填写的各报一次",
    descriptionEn: "One finding for each evidence group (一)–(五) of the summary marked absent or not stated",
    fields: GROUPS.map(([key]) => `evidence.${key}`),
  },
  annualSummary(doc, ctx) {
    for (const [key, label] of GROUPS) {
      const value = doc.evidence[key];
      if (value === true) continue;
      // Not stated is reported too: the reviewer cannot assume the material was bound in.
      const state = value === false ? "标记为未提供" : "未填写是否提供";
      ctx.report({ path: `evidence.${key}`, message: `证明材料${label}${state}，应提供` });
    }
  },
});
