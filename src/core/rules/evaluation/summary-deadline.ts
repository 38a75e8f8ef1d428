import { defineRule } from "../types";

/** Whole days from ISO date `from` to ISO date `to` (calendar arithmetic in UTC, so no clock or DST). */
function daysBetween(from: string, to: string): number {
  const utc = (iso: string) => {
    const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((utc(to) - utc(from)) / 86_400_000);
}

export default defineRule({
  meta: {
    id: "summary/deadline",
    article: "第十八条",
    severity: "warning",
    section: "B",
    description:
      "工作总结表的填报日期（submittedOn）晚于总结年度的报送截止日（设置项 summaryDeadline，默认 12-31），或未填写",
    descriptionEn:
      "The summary's submittedOn is after the deadline in its year (setting summaryDeadline, 12-31), or missing",
    fields: ["year", "submittedOn"],
  },
  annualSummary(doc, ctx) {
    // The deadline is in the summary's own year: each year's work is summarised by the end of that year.
    const deadline = `${doc.year}-${ctx.settings.summaryDeadline}`;
    if (!doc.submittedOn) {
      ctx.report({ path: "submittedOn", message: `填报日期未填写，无法核对是否在 ${deadline} 前报送` });
      return;
    }
    // ISO dates compare as strings.
    if (doc.submittedOn > deadline) {
      const late = daysBetween(deadline, doc.submittedOn);
      ctx.report({
        path: "submittedOn",
        message: `填报日期 ${doc.submittedOn} 晚于 ${doc.year} 年度工作总结表的报送截止日期 ${deadline}，逾期 ${late} 天`,
      });
    }
  },
});
