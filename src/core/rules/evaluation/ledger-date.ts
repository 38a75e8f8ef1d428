import { isIsoDate } from "../../dates";
import { isBlank } from "../../text";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "ledger/date",
    article: "第十四条",
    severity: "error",
    alsoSeverity: "warning",
    section: "B",
    description:
      "台账记录的服务日期无法识别为有效日期（错误），或不在台账年度（year）内（警告）；未填写由 ledger/required-field 报告",
    descriptionEn:
      "A ledger entry's date is not a valid date (error), or falls outside the ledger's year (warning); a missing date is ledger/required-field's",
    fields: ["year", "entries[].date"],
  },
  ledger(doc, ctx) {
    const prefix = `${doc.year}-`;
    doc.entries.forEach((e, i) => {
      const date = e.date;
      if (date === undefined || isBlank(date)) return;
      // Parsing already normalised the forms people write (2025/3/5); what is not YYYY-MM-DD now is not a date.
      if (!isIsoDate(date)) {
        ctx.reportEntry(
          i,
          "date",
          `${ctx.entryLabel(i)}：服务日期“${date}”无法识别，应为 YYYY-MM-DD 格式的有效日期`,
          "error",
        );
      } else if (!date.startsWith(prefix)) {
        ctx.reportEntry(i, "date", `${ctx.entryLabel(i)}：服务日期 ${date} 不在台账年度 ${doc.year} 年内`, "warning");
      }
    });
  },
});
