import rule from "../../../src/core/rules/application/org-region";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const at = (address: string) => application((a) => (a.org.address = address));

testRule(rule, {
  valid: [
    { name: "广州市天河区", documents: [application()] },
    { name: "province prefix and district", documents: [at("广东省广州市番禺区小谷围街道大学城外环西路")] },
    { name: "广州 without 市, district without 区", documents: [at("广州白云同和街道")] },
    { name: "广州开发区", documents: [at("广州开发区科学大道18号")] },
    { name: "中新广州知识城", documents: [at("中新广州知识城亿创街1号")] },
    { name: "南沙新区", documents: [at("南沙新区丰泽东路106号")] },
    { name: "district found only in Guangzhou", documents: [at("天河区林和西路9号")] },
    { name: "former district name", documents: [at("广州市萝岗区科学城开创大道")] },
    { name: "full-width spaces", documents: [at("广州市　海珠区　新港中路３９７号")] },
  ],
  invalid: [
    {
      name: "佛山",
      documents: [at("佛山市南海区桂城街道南海大道")],
      errors: [{ path: "org.address", message: "地址“佛山市南海区桂城街道南海大道”不在广州市行政区域内" }],
    },
    {
      name: "贵阳市白云区",
      documents: [at("贵阳市白云区白云大道")],
      errors: [{ message: "不在广州市行政区域内：地址以“贵阳市”开头" }],
    },
    {
      name: "白云区 without the city",
      documents: [at("白云区白云大道北")],
      errors: [{ message: "贵阳市也有白云区" }],
    },
    {
      name: "上海市黄浦区 (浦, not 埔)",
      documents: [at("上海市黄浦区南京东路100号")],
      errors: [{ message: "黄浦区是上海市的区，广州市的是黄埔区" }],
    },
    {
      name: "南京市广州路",
      documents: [at("南京市鼓楼区广州路22号")],
      errors: [{ message: "“广州”出现在地址后文" }],
    },
    {
      name: "广州 only later in the address",
      documents: [at("深圳市南山区广州银行大厦")],
      errors: [{ message: "不在广州市行政区域内" }],
    },
    {
      name: "广州市 without a district",
      documents: [at("广州市环市东路")],
      errors: [{ message: "“广州市”之后应写明所在区" }],
    },
    {
      name: "missing",
      documents: [application((a) => delete a.org.address)],
      errors: [{ path: "org.address", message: "地址未填写" }],
    },
  ],
});
