import rule from "../../../src/core/rules/application/registry-already-accredited";
import { APPLICANT_CODE, application, registry, registryOutlet } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

const record = (mutate: (o: Record<string, unknown>) => void = () => undefined) =>
  registry(
    registryOutlet((o) => {
      Object.assign(o, { creditCode: APPLICANT_CODE, name: "广州知衡知识产权代理有限公司", category: "market" });
      mutate(o);
    }),
  );

testRule(rule, {
  valid: [
    { name: "no registry", documents: [application()] },
    { name: "another outlet is active", documents: [application(), registry()] },
    {
      name: "revoked",
      documents: [
        application(),
        record((o) =>
          Object.assign(o, { status: "revoked", revokedOn: "2022-01-01", revokeReason: "consecutive-fail" }),
        ),
      ],
    },
    { name: "terminated", documents: [application(), record((o) => (o.status = "terminated"))] },
  ],
  invalid: [
    {
      name: "active",
      documents: [application(), record()],
      errors: [
        {
          severity: "info",
          path: "org.creditCode",
          message:
            "网点名录显示该机构（“广州知衡知识产权代理有限公司”）已是有效的市级网点（2023-09-20 认定），请核实是否重复申报",
        },
      ],
    },
    {
      name: "code written in lower case in the application",
      documents: [application((a) => (a.org.creditCode = APPLICANT_CODE.toLowerCase())), record()],
      errors: [{ severity: "info", message: "已是有效的市级网点" }],
    },
    {
      name: "no accreditation date",
      documents: [application(), record((o) => delete o.accreditedOn)],
      errors: [{ severity: "info", message: "已是有效的市级网点，请核实" }],
    },
  ],
});
