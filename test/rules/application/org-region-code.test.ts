import { makeCreditCode } from "../../../src/core/creditCode";
import rule from "../../../src/core/rules/application/org-region-code";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const withCode = (code: string) => application((a) => (a.org.creditCode = code));
const inDivision = (division: string) => withCode(makeCreditCode("91", division, "MA5AB1C2"));

testRule(rule, {
  valid: [
    { name: "440106 天河区", documents: [application()] },
    { name: "440116 former 萝岗区", documents: [inDivision("440116")] },
    { name: "440183 former 增城市", documents: [inDivision("440183")] },
    { name: "440184 former 从化市", documents: [inDivision("440184")] },
    { name: "440100 city level", documents: [inDivision("440100")] },
    { name: "440000 province level", documents: [inDivision("440000")] },
    { name: "100000 central level", documents: [withCode(makeCreditCode("12", "100000", "40000778"))] },
    { name: "not 18 characters: org/credit-code's", documents: [withCode("9135010")] },
  ],
  invalid: [
    {
      name: "深圳 (440300)",
      documents: [withCode("91440300708461136T")],
      errors: [{ path: "org.creditCode", message: "行政区划码为“440300”（广东省内其他地市），不是广州市（4401xx）" }],
    },
    {
      name: "福州 (350100)",
      documents: [withCode("91350100M000100Y43")],
      errors: [{ message: /“350100”，不是广州市.*终身不变.*以营业执照或登记证上的住所为准/u }],
    },
    {
      name: "佛山 (440604) while the address is in Guangzhou",
      documents: [inDivision("440604")],
      errors: [{ message: "是否在外地注册" }],
    },
    {
      name: "贵阳市白云区 (520113)",
      documents: [inDivision("520113")],
      errors: [{ message: "“520113”" }],
    },
    {
      name: "full-width code",
      documents: [withCode("９１３５０１００Ｍ０００１００Ｙ４３")],
      errors: [{ message: "“350100”" }],
    },
  ],
});
