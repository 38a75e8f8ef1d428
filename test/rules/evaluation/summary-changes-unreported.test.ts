import rule from "../../../src/core/rules/evaluation/summary-changes-unreported";
import { OUTLET_CODE, registry, registryOutlet, summary } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

testRule(rule, {
  valid: [
    { name: "summary matches the registry", documents: [summary(), registry()] },
    { name: "registry absent", documents: [summary((s) => (s.org.name = "广州市东湖图书馆"))] },
    {
      name: "outlet not in the registry",
      documents: [
        summary((s) => (s.org.address = "广州市天河区天河路1号")),
        registry(registryOutlet((o) => (o.creditCode = "91440101MA5AXY1234"))),
      ],
    },
    {
      name: "only formatting differs: spaces, phone dashes, e-mail case",
      documents: [
        summary((s) => {
          s.org.address = "  广州市越秀区东湖路123号　";
          s.org.contact.mobile = "02083841234";
          s.org.contact.email = "IPService@DongHuLib.cn";
        }),
        registry(),
      ],
    },
    {
      name: "fields absent on one side are not compared",
      documents: [
        summary((s) => {
          delete s.org.head.title;
          delete s.org.contact.email;
        }),
        registry(
          registryOutlet((o) => {
            delete o.address;
            o.head = { name: "梁文清" };
          }),
        ),
      ],
    },
  ],
  invalid: [
    {
      name: "name changed",
      documents: [summary((s) => (s.org.name = "广州市越秀区图书馆")), registry()],
      errors: [
        {
          path: "org.name",
          outlet: OUTLET_CODE,
          message: "名称与市级网点名录不一致：名录为“广州市越秀区东湖图书馆”，工作总结表为“广州市越秀区图书馆”",
        },
      ],
    },
    {
      name: "venue moved",
      documents: [summary((s) => (s.org.address = "广州市越秀区中山四路200号")), registry()],
      errors: [{ path: "org.address", message: "地址与市级网点名录不一致：名录为“广州市越秀区东湖路123号”" }],
    },
    {
      name: "head's title changed",
      documents: [summary((s) => (s.org.head.title = "副馆长")), registry()],
      errors: [
        {
          path: "org.head.title",
          message: "主要负责人及职务与市级网点名录不一致：职务名录为“馆长”，工作总结表为“副馆长”",
        },
      ],
    },
    {
      name: "new head: one finding for the field",
      documents: [summary((s) => (s.org.head = { name: "周明", title: "副馆长（主持工作）" })), registry()],
      errors: [{ path: "org.head", message: "负责人名录为“梁文清”，工作总结表为“周明”；职务名录为“馆长”" }],
    },
    {
      name: "contact mobile and e-mail changed: one finding",
      documents: [
        summary((s) => {
          s.org.contact.mobile = "13912345678";
          s.org.contact.email = "ip@donghulib.cn";
        }),
        registry(),
      ],
      errors: [
        {
          path: "org.contact",
          message: "联系方式与市级网点名录不一致：手机名录为“020-83841234”，工作总结表为“13912345678”；邮箱",
        },
      ],
    },
    {
      name: "everything changed: one finding per field",
      documents: [
        summary((s) => {
          s.org.name = "广州东湖知识产权服务中心";
          s.org.address = "广州市海珠区新港中路1号";
          s.org.head.name = "周明";
          s.org.contact.name = "吴敏";
        }),
        registry(),
      ],
      errors: [{ path: "org.name" }, { path: "org.address" }, { path: "org.head.name" }, { path: "org.contact.name" }],
    },
  ],
});
