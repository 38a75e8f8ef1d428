import { makeCreditCode } from "../../../src/core/creditCode";
import rule from "../../../src/core/rules/application/batch-duplicate";
import { APPLICANT_CODE, application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const OTHER = makeCreditCode("91", "440101", "MA5AB1C2");
const withCode = (code: string) => application((a) => (a.org.creditCode = code));

testRule(rule, {
  valid: [
    { name: "one application", documents: [application()] },
    { name: "two outlets", documents: [application(), withCode(OTHER)] },
    {
      name: "two without a code (org/credit-code reports them)",
      documents: [application((a) => delete a.org.creditCode), application((a) => delete a.org.creditCode)],
    },
  ],
  invalid: [
    {
      name: "the same code twice: a finding on each",
      documents: [application(), application((a) => (a.org.name = "广州知衡知识产权代理有限公司（第二份）"))],
      errors: [
        {
          path: "org.creditCode",
          outlet: APPLICANT_CODE,
          message: `统一社会信用代码“${APPLICANT_CODE}”在本批申报中有 2 份申报书（第 1、2 份）`,
        },
        { path: "org.creditCode", outlet: APPLICANT_CODE, message: "有 2 份申报书" },
      ],
    },
    {
      name: "three of four",
      documents: [application(), withCode(OTHER), application(), application()],
      errors: [
        { message: "有 3 份申报书（第 1、3、4 份）" },
        { message: "有 3 份申报书（第 1、3、4 份）" },
        { message: "有 3 份申报书（第 1、3、4 份）" },
      ],
    },
    {
      name: "written in lower case the second time",
      documents: [application(), withCode(APPLICANT_CODE.toLowerCase())],
      errors: [{ message: "有 2 份" }, { message: "有 2 份" }],
    },
  ],
});
