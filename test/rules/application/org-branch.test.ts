import rule from "../../../src/core/rules/application/org-branch";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const named = (name: string) => application((a) => (a.org.name = name));

testRule(rule, {
  valid: [
    { name: "limited company", documents: [application()] },
    { name: "分 inside the name", documents: [named("广州分众知识产权服务有限公司")] },
    { name: "办事处 not at the end", documents: [named("广州市黄埔区办事处服务中心")] },
    { name: "a bracketed remark after an ordinary name", documents: [named("广州某某律师事务所（特殊普通合伙）")] },
    { name: "name missing", documents: [application((a) => delete a.org.name)] },
  ],
  invalid: [
    {
      name: "分公司",
      documents: [named("北京知衡知识产权代理有限公司广州分公司")],
      errors: [{ path: "org.name", message: "机构名称“北京知衡知识产权代理有限公司广州分公司”以“分公司”结尾" }],
    },
    {
      name: "分所 before a bracketed remark",
      documents: [named("北京市某某律师事务所广州分所（特殊普通合伙）")],
      errors: [{ message: "以“分所”结尾" }],
    },
    {
      name: "代表处 with trailing space",
      documents: [named("某某国际知识产权公司广州代表处　")],
      errors: [{ message: "以“代表处”结尾" }],
    },
    {
      name: "办事处 with a half-width bracket remark",
      documents: [named("广东省某某行业协会广州办事处 (筹)")],
      errors: [{ message: "以“办事处”结尾，分支机构一般不具有独立法人资格" }],
    },
  ],
});
