import { defineRule } from "../types";

const MOBILE = /^1[3-9]\d{9}$/u;
/** 区号-号码: 0 and 2–3 digits (optionally in brackets), optional hyphen, 7–8 digits, optional -extension. */
const LANDLINE = /^(0\d{2,3}-?|\(0\d{2,3}\))\d{7,8}(-\d{1,6})?$/u;
const EMAIL =
  /^[A-Za-z0-9_%+-]+(\.[A-Za-z0-9_%+-]+)*@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*\.[A-Za-z]{2,}$/u;

/** The likely slip in a malformed e-mail address, for the message. */
function emailHint(email: string): string {
  if (/\s/u.test(email)) return "含有空格";
  const at = [...email].filter((c) => c === "@").length;
  if (at === 0) return "缺少“@”";
  if (at > 1) return "含有多个“@”";
  if (/[,，。]/u.test(email)) return "含有逗号或句号，疑为“.”误写";
  if (!/@.+\..+/u.test(email)) return "域名缺少“.”后缀";
  return "含有邮箱中不应出现的字符或格式不完整";
}

export default defineRule({
  meta: {
    id: "contact/format",
    article: "附件1 一",
    severity: "warning",
    section: "A",
    description:
      "联系人手机（org.contact.mobile）未填写，或既不是大陆手机号码（11 位，1[3-9] 开头）也不是固定电话（区号-号码：0 加 2–3 位区号、" +
      "可选连字符、7–8 位号码、可选 -分机号）；或邮箱（org.contact.email）未填写或格式不正确（应为 用户名@域名.后缀）；每个字段一条",
    descriptionEn:
      "The contact mobile is missing or neither a mainland mobile (11 digits, 1[3-9]…) nor a landline (area code-number); " +
      "or the e-mail is missing or malformed; one finding per field",
    fields: ["org.contact.mobile", "org.contact.email"],
  },
  application(doc, ctx) {
    const { mobile, email } = doc.org.contact ?? {};
    if (!mobile) {
      ctx.report({ path: "org.contact.mobile", message: "联系人手机未填写，应填写手机号码或固定电话（区号-号码）" });
    } else if (!MOBILE.test(mobile) && !LANDLINE.test(mobile)) {
      ctx.report({
        path: "org.contact.mobile",
        message: `联系人手机“${mobile}”不是有效的手机号码（11 位，以 13–19 开头）或固定电话（区号-号码，如 020-83841234）`,
      });
    }
    if (!email) {
      ctx.report({ path: "org.contact.email", message: "联系人邮箱未填写，应填写有效的电子邮箱" });
    } else if (!EMAIL.test(email)) {
      ctx.report({
        path: "org.contact.email",
        message: `联系人邮箱“${email}”格式不正确（${emailHint(email)}），应为 用户名@域名 形式，如 name@example.com`,
      });
    }
  },
});
