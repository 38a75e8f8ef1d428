import { locateAddress } from "../../src/core/address";
import type { District } from "../../src/core/codes";

// [address, district when in Guangzhou, else null]
const CASES: readonly (readonly [string, District | null])[] = [
  // 广州市 + district, with or without 区, with the usual prefixes
  ["广州市天河区珠江新城华夏路16号", "天河区"],
  ["广东省广州市越秀区东湖路123号", "越秀区"],
  ["中国广东省广州市海珠区新港中路397号", "海珠区"],
  ["广东广州荔湾区芳村大道东200号", "荔湾区"],
  ["广州白云区白云大道北1号", "白云区"],
  ["广州市黄埔区科学大道162号", "黄埔区"],
  ["广州番禺区市桥街道", "番禺区"],
  ["广州市花都区新华街道", "花都区"],
  ["广州市南沙区海滨路171号", "南沙区"],
  ["广州市从化区街口街道", "从化区"],
  ["广州市增城区荔城街道", "增城区"],
  ["广州市天河体育西路103号", "天河区"],
  ["  广州市　天河区　华夏路８号  ", "天河区"],
  // zones
  ["广州开发区科学大道18号", "黄埔区"],
  ["中新广州知识城亿创街1号", "黄埔区"],
  ["广州科学城彩频路11号", "黄埔区"],
  ["广州国际生物岛螺旋三路10号", "黄埔区"],
  ["南沙新区丰泽东路106号", "南沙区"],
  ["广州大学城外环西路230号", "番禺区"],
  ["广东省广州市广州开发区开源大道11号", "黄埔区"],
  ["中国（广东）自由贸易试验区南沙片区丰泽东路106号", "南沙区"],
  ["中国(广东)自由贸易试验区广州南沙新区片区进港大道", "南沙区"],
  // a district name with 区 found only in Guangzhou, without the city
  ["天河区林和西路9号", "天河区"],
  ["黄埔区开创大道2707号", "黄埔区"],
  // former names
  ["广州市萝岗区科学城", "黄埔区"],
  ["萝岗区开创大道", "黄埔区"],
  ["广州市东山区农林下路", "越秀区"],
  ["广州市芳村区花地大道", "荔湾区"],
  ["从化市街口镇", "从化区"],
  ["广州增城市荔城镇", "增城区"],
  ["广州市番禺市市桥镇", "番禺区"],
  ["花都市新华镇", "花都区"],
  // traps
  ["贵阳市白云区白云大道", null],
  ["白云区白云大道北", null],
  ["上海市黄浦区南京东路", null],
  ["南京市鼓楼区广州路22号", null],
  ["佛山市南海区桂城街道南海大道", null],
  ["深圳市南山区广州银行大厦", null],
  ["广州路88号", null],
  ["广州市环市东路", null],
  ["广州市黄浦区大沙地", null],
  ["广东省深圳市福田区", null],
  ["东山区", null],
  ["中国（广东）自由贸易试验区深圳前海蛇口片区", null],
  ["", null],
];

describe("locateAddress", () => {
  it.each(CASES)("%s → %s", (address, district) => {
    const got = locateAddress(address);
    expect(got.inGuangzhou).toBe(district !== null);
    expect(got.district).toBe(district);
  });

  it("treats undefined as not stated", () => {
    expect(locateAddress(undefined)).toEqual({ inGuangzhou: false, district: null, note: "地址未填写" });
  });

  it("explains the traps", () => {
    expect(locateAddress("贵阳市白云区白云大道").note).toContain("贵阳市");
    expect(locateAddress("白云区白云大道北").note).toContain("贵阳市也有白云区");
    expect(locateAddress("上海市黄浦区南京东路").note).toContain("黄浦区是上海市的区");
    expect(locateAddress("南京市鼓楼区广州路22号").note).toContain("“广州”出现在地址后文");
    expect(locateAddress("广州路88号").note).toContain("路名");
    expect(locateAddress("广州市环市东路").note).toContain("之后应写明所在区");
    expect(locateAddress("广州市黄浦区大沙地").note).toContain("广州市的是黄埔区");
  });

  it("notes former names and roads named after districts", () => {
    expect(locateAddress("广州市萝岗区科学城").note).toContain("并入黄埔区");
    expect(locateAddress("广州市黄埔大道西100号").note).toContain("可能是路名");
    expect(locateAddress("广州市天河区珠江新城").note).toBeUndefined();
  });
});
