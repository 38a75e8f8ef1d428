import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "org/legal-person",
    article: "第四条",
    severity: "error",
    section: "A",
    description:
      "统一社会信用代码（org.creditCode）前两位为“92”（个体工商户，不具有独立法人资格）；只判断 18 位的代码，其他问题由 org/credit-code 报告",
    descriptionEn:
      "The credit code starts with 92 (个体工商户, a sole trader without independent legal personality); only 18-character codes are judged",
    fields: ["org.creditCode"],
  },
  application(doc, ctx) {
    const code = doc.org.creditCode;
    // Codes of the wrong length are org/credit-code's; judging their prefix would only add noise.
    if (!code || [...code].length !== 18 || !code.startsWith("92")) return;
    ctx.report({
      path: "org.creditCode",
      message: `统一社会信用代码“${code}”以“92”开头，登记为个体工商户，不具有独立法人资格；应由具有独立法人资格的单位申请`,
    });
  },
});
