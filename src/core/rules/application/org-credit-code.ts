import { CREDIT_CODE_CHARSET, checkCreditCode } from "../../creditCode";
import { defineRule } from "../types";

const quoted = (chars: readonly string[]) => [...new Set(chars)].map((c) => `“${c}”`).join("、");

export default defineRule({
  meta: {
    id: "org/credit-code",
    article: "第四条",
    severity: "error",
    section: "A",
    description:
      "统一社会信用代码（org.creditCode）未填写；不是 18 位；含有 GB 32100-2015 代码字符集（数字及 ABCDEFGHJKLMNPQRTUWXY，" +
      "不含 I、O、S、V、Z）以外的字符；或第 18 位校验码（前 17 位按权重 3^(i−1) mod 31 计算）不符",
    descriptionEn:
      "The unified social credit code is missing, not 18 characters of the GB 32100-2015 set (digits and " +
      "ABCDEFGHJKLMNPQRTUWXY), or its check character (position 18, weights 3^(i-1) mod 31) does not match",
    fields: ["org.creditCode"],
  },
  application(doc, ctx) {
    const path = "org.creditCode";
    const check = checkCreditCode(doc.org.creditCode);
    if (check.ok) return;
    const shown = `统一社会信用代码“${check.code}”`;
    const outside = check.badChars?.length
      ? `含有代码字符集以外的字符 ${quoted(check.badChars)}（只用数字和 ${CREDIT_CODE_CHARSET.slice(10)}，不含 I、O、S、V、Z）`
      : "";
    switch (check.problem) {
      case "missing":
        ctx.report({ path, message: "统一社会信用代码未填写，应填写营业执照或法人登记证上的 18 位统一社会信用代码" });
        break;
      case "length":
        ctx.report({
          path,
          message: `${shown}为 ${[...check.code].length} 位，应为 18 位${outside ? `，且${outside}` : ""}`,
        });
        break;
      case "charset":
        ctx.report({ path, message: `${shown}${outside}` });
        break;
      case "checksum":
        ctx.report({
          path,
          message: `${shown}校验位应为“${check.expected}”，实为“${check.code[17]}”，请核对代码是否抄错`,
        });
        break;
    }
  },
});
