import rule from "../../../src/core/rules/application/materials-required";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "all provided", documents: [application()] },
    { name: "no other materials (optional)", documents: [application((a) => (a.attachments.other = false))] },
    { name: "other not stated", documents: [application((a) => delete a.attachments.other)] },
    { name: "是", documents: [application((a) => (a.attachments.license = "是"))] },
  ],
  invalid: [
    {
      name: "no licence copy",
      documents: [application((a) => (a.attachments.license = false))],
      errors: [{ path: "attachments.license", message: "附件列表未提供“1、营业执照或法人登记证等证件盖章复印件”" }],
    },
    {
      name: "history not stated",
      documents: [application((a) => delete a.attachments.history)],
      errors: [
        {
          path: "attachments.history",
          message: "附件列表未注明是否提供“3、近两年开展知识产权信息公共服务的情况说明、案例证明材料”",
        },
      ],
    },
    {
      name: "否",
      documents: [application((a) => (a.attachments.credentials = "否"))],
      errors: [{ path: "attachments.credentials", message: "4、知识产权信息服务人员有关学历及资格证书的材料" }],
    },
    {
      name: "none given: one finding each, in the form's order",
      documents: [application((a) => delete a.attachments)],
      errors: [
        { path: "attachments.license" },
        { path: "attachments.systems", message: "2、知识产权信息服务相关制度" },
        { path: "attachments.history" },
        { path: "attachments.credentials" },
      ],
    },
  ],
});
