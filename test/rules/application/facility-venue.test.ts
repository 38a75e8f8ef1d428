import rule from "../../../src/core/rules/application/facility-venue";
import { application } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const infra = (venue: unknown, venueArea?: unknown) =>
  application((a) => {
    a.infrastructure.venue = venue;
    if (venueArea === undefined) delete a.infrastructure.venueArea;
    else a.infrastructure.venueArea = venueArea;
  });

testRule(rule, {
  valid: [
    { name: "320 m²", documents: [application()] },
    { name: "是, area as text", documents: [infra("是", "１２０")] },
    { name: "decimal area", documents: [infra(true, 45.5)] },
  ],
  invalid: [
    {
      name: "no venue",
      documents: [infra(false, 0)],
      errors: [{ path: "infrastructure.venue", message: "是否具有固定的一定面积的服务场所：否" }],
    },
    {
      name: "否",
      documents: [infra("否")],
      errors: [{ path: "infrastructure.venue", message: "：否" }],
    },
    {
      name: "not stated",
      documents: [application((a) => delete a.infrastructure.venue)],
      errors: [{ path: "infrastructure.venue", message: "是否具有固定的一定面积的服务场所未填写" }],
    },
    {
      name: "venue without area",
      documents: [infra(true)],
      errors: [{ path: "infrastructure.venueArea", message: "具有固定服务场所，但占地面积未填写" }],
    },
    {
      name: "venue with zero area",
      documents: [infra(true, 0)],
      errors: [{ path: "infrastructure.venueArea", message: "占地面积 0 m²，应填写大于 0 的面积" }],
    },
  ],
});
