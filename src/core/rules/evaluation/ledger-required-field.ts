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
    const report = (i: number, k: number): void => {
      const [field, label] = FIELDS[k]!;
      ctx.reportEntry(i, field, `${ctx.entryLabel(i)}：${label}（${field}）未填写`);
    };
    // No array per entry: ledgers hold a million entries, and almost all are complete.
    doc.entries.forEach((e, i) => {
      if (isBlank(e.date)) report(i, 0);
      if (isBlank(e.item)) report(i, 1);
      if (isBlank(e.client.type)) report(i, 2);
      if (isBlank(e.client.name)) report(i, 3);
      if (isBlank(e.deliverable)) report(i, 4);
    });
  },
});
