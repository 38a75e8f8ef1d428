import { isBlank } from "../../text";
import { defineRule } from "../types";

/** 第十四条: 服务事项、服务对象、成果交付 must be recorded, with the date of the service. */
const FIELDS = [
  ["date", "服务日期"],
  ["item", "服务事项"],
  ["client.type", "服务对象类型"],
  ["client.name", "服务对象名称"],
  ["deliverable", "成果交付"],
] as const;

export default defineRule({
  meta: {
    id: "ledger/required-field",
    article: "第十四条",
    severity: "warning",
    section: "B",
    description: "台账记录缺少服务日期、服务事项、服务对象类型、服务对象名称或成果交付（每条记录每个字段各报一次）",
    descriptionEn:
      "A ledger entry lacks date, item, client type, client name or deliverable (one finding per entry and field)",
    fields: FIELDS.map(([field]) => `entries[].${field}`),
  },
  ledger(doc, ctx) {
    doc.entries.forEach((e, i) => {
      const values = [e.date, e.item, e.client.type, e.client.name, e.deliverable];
      for (let k = 0; k < FIELDS.length; k++) {
        if (!isBlank(values[k])) continue;
        const [field, label] = FIELDS[k]!;
        ctx.reportEntry(i, field, `${ctx.entryLabel(i)}：${label}（${field}）未填写`);
      }
    });
  },
});
