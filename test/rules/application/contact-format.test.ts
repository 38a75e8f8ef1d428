import rule from "../../../src/core/rules/application/contact-format";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const mobile = (value: string) => application((a) => (a.org.contact.mobile = value));
const email = (value: string) => application((a) => (a.org.contact.email = value));

testRule(rule, {
  valid: [
    { name: "mobile and e-mail", documents: [application()] },
    { name: "Guangzhou landline", documents: [mobile("020-83841234")] },
    { name: "landline without hyphen", documents: [mobile("02083841234")] },
    { name: "four-digit area code", documents: [mobile("0757-86281234")] },
    { name: "extension", documents: [mobile("020-83841234-801")] },
    { name: "area code in brackets", documents: [mobile("（020）83841234")] },
    { name: "full-width mobile", documents: [mobile("１３８０２２６１４５８")] },
    { name: "mobile with +86 and spaces", documents: [mobile("+86 138 0226 1458")] },
    { name: "e-mail with dots and sub-domain", documents: [email("ip.service@mail.scut.edu.cn")] },
    { name: "full-width @", documents: [email("ip＠zhiheng-ip.com")] },
  ],
  invalid: [
    {
      name: "ten digits",
      documents: [mobile("1380226145")],
      errors: [{ path: "org.contact.mobile", message: "联系人手机“1380226145”不是有效的手机号码" }],
    },
    {
      name: "mobile starting with 12",
      documents: [mobile("12802261458")],
      errors: [{ path: "org.contact.mobile" }],
    },
    {
      name: "landline without area code",
      documents: [mobile("83841234")],
      errors: [{ message: "固定电话（区号-号码" }],
    },
    {
      name: "mobile missing",
      documents: [application((a) => delete a.org.contact.mobile)],
      errors: [{ path: "org.contact.mobile", message: "联系人手机未填写" }],
    },
    {
      name: "comma for dot",
      documents: [email("ip_service@163,com")],
      errors: [
        {
          path: "org.contact.email",
          message: "联系人邮箱“ip_service@163,com”格式不正确（含有逗号或句号，疑为“.”误写）",
        },
      ],
    },
    {
      name: "no @",
      documents: [email("ip_service163.com")],
      errors: [{ path: "org.contact.email", message: "缺少“@”" }],
    },
    {
      name: "space inside",
      documents: [email("ip service@163.com")],
      errors: [{ message: "含有空格" }],
    },
    {
      name: "no top-level domain",
      documents: [email("ip@localhost")],
      errors: [{ message: "域名缺少“.”后缀" }],
    },
    {
      name: "e-mail missing",
      documents: [application((a) => delete a.org.contact.email)],
      errors: [{ path: "org.contact.email", message: "联系人邮箱未填写" }],
    },
    {
      name: "both bad: one finding per field",
      documents: [
        application((a) => (a.org.contact = { name: "黄晓敏", mobile: "138-0226-1458x", email: "a@@b.com" })),
      ],
      errors: [{ path: "org.contact.mobile" }, { path: "org.contact.email", message: "含有多个“@”" }],
    },
  ],
});
