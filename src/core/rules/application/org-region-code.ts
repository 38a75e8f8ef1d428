import { divisionOf, isGuangzhouOrHigherDivision } from "../../creditCode";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "org/region-code",
    article: "第四条",
    severity: "warning",
    section: "A",
    description:
      "统一社会信用代码（org.creditCode）第 3–8 位登记管理机关行政区划码既不是广州市的 4401xx（含 440116 萝岗、440183 增城、" +
      "440184 从化等旧码），也不是省级 440000 或国家级 100000：可能在外地注册；代码终身不变，迁址后不变，以地址为准。只判断 18 位的代码",
    descriptionEn:
      "The code's division (characters 3–8) is neither 4401xx (current and former Guangzhou codes) nor province-level 440000 " +
      "nor central-level 100000: registered elsewhere? The code never changes when an entity moves, so the address decides",
    fields: ["org.creditCode", "org.address"],
  },
  application(doc, ctx) {
    const code = doc.org.creditCode;
    // Codes of the wrong length are org/credit-code's.
    if (!code || [...code].length !== 18) return;
    const division = divisionOf(code);
    if (!division || isGuangzhouOrHigherDivision(division)) return;
    const where = division.startsWith("44") ? "（广东省内其他地市）" : "";
    ctx.report({
      path: "org.creditCode",
      message:
        `统一社会信用代码“${code}”的登记管理机关行政区划码为“${division}”${where}，不是广州市（4401xx）、广东省（440000）或国家（100000）：` +
        "是否在外地注册？统一社会信用代码终身不变，机构迁址后代码不变，是否在广州市注册或登记以营业执照或登记证上的住所为准，请核实",
    });
  },
});
