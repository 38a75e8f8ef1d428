import { locateAddress } from "../../address";
import { defineRule } from "../types";

export default defineRule({
  meta: {
    id: "org/region",
    article: "第四条",
    severity: "error",
    section: "A",
    description:
      "地址（org.address）不在广州市：应以“广州市”（或“广州”，可冠以广东省、中国）加 11 个区之一（越秀、海珠、荔湾、天河、白云、黄埔、番禺、" +
      "花都、南沙、从化、增城，可不写“区”）开头，或以明确属于广州的区、园区开头（广州开发区、中新广州知识城、广州科学城、广州国际生物岛、" +
      "南沙新区、广州大学城，或只有广州才有的区名，白云区除外）；贵阳市白云区、上海市黄浦区、南京市广州路等不属广州；地址未填写亦报告",
    descriptionEn:
      "The address is not in Guangzhou: it must begin with 广州市 (or 广州) and one of the 11 districts, or name a Guangzhou " +
      "zone or district unambiguously (广州开发区, 中新广州知识城, 南沙新区 …); 贵阳市白云区, 上海市黄浦区, 南京市…广州路 are not; a missing address is reported too",
    fields: ["org.address"],
  },
  application(doc, ctx) {
    const address = doc.org.address;
    const where = locateAddress(address);
    if (where.inGuangzhou) return;
    if (!address) {
      ctx.report({ path: "org.address", message: "地址未填写，申请机构应在广州市行政区域内注册或登记" });
      return;
    }
    const why = where.note ?? "应写明“广州市”及所在区，如“广州市天河区…”";
    ctx.report({ path: "org.address", message: `地址“${address}”不在广州市行政区域内：${why}` });
  },
});
