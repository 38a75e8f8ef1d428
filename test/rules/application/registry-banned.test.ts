import rule from "../../../src/core/rules/application/registry-banned";
import { APPLICANT_CODE, application, registry, registryOutlet } from "../../helpers/fixtures";
import { testRule } from "../../helpers/ruleTester";

/** The applicant, revoked on `revokedOn` (the fixture application is dated 2026-05-18). */
const revoked = (revokedOn: string, revokeReason = "false-materials", status = "revoked") =>
  registry(
    registryOutlet((o) =>
      Object.assign(o, {
        creditCode: APPLICANT_CODE,
        name: "广州知衡知识产权代理有限公司",
        status,
        revokedOn,
        revokeReason,
      }),
    ),
  );
const submitted = (date: string) => application((a) => (a.submittedOn = date));

testRule(rule, {
  valid: [
    { name: "no registry", documents: [application()] },
    { name: "not in the registry", documents: [application(), registry()] },
    { name: "exactly three years after", documents: [application(), revoked("2023-05-18")] },
    { name: "more than three years", documents: [application(), revoked("2022-12-31")] },
    { name: "revoked for consecutive fails", documents: [application(), revoked("2025-01-10", "consecutive-fail")] },
    { name: "terminated on request", documents: [application(), revoked("2025-01-10", "terminated", "terminated")] },
    { name: "shorter ban by setting", documents: [application(), revoked("2024-05-18")], settings: { banYears: 2 } },
    {
      name: "no 填报日期 and no reference date",
      documents: [application((a) => delete a.submittedOn), revoked("2025-01-10")],
    },
    { name: "leap day: ban ends on 28 February", documents: [submitted("2027-02-28"), revoked("2024-02-29")] },
  ],
  invalid: [
    {
      name: "one day before three years",
      documents: [application(), revoked("2023-05-19")],
      errors: [
        {
          path: "org.creditCode",
          message:
            "于 2023-05-19 因“提供虚假材料”被撤销市级网点资格，3 年内不接受其网点认定申请，2026-05-19 起方可再次申请；填报日期 2026-05-18",
        },
      ],
    },
    {
      name: "illegal activity",
      documents: [application(), revoked("2025-03-01", "illegal-activity")],
      errors: [{ message: "因“违规经营/违法违规”被撤销" }],
    },
    {
      name: "reference date when 填报日期 is missing",
      documents: [application((a) => delete a.submittedOn), revoked("2025-01-10")],
      today: "2027-06-30",
      errors: [{ message: "参照日期 2027-06-30（申报书未填写填报日期）" }],
    },
    {
      name: "any status counts (terminated record with a barring reason)",
      documents: [application(), revoked("2024-11-01", "false-materials", "terminated")],
      errors: [{ message: "2027-11-01 起方可再次申请" }],
    },
    {
      name: "leap day: one day before",
      documents: [submitted("2027-02-27"), revoked("2024-02-29")],
      errors: [{ message: "2027-02-28 起方可再次申请" }],
    },
    {
      name: "longer ban by setting",
      documents: [application(), revoked("2021-06-01")],
      settings: { banYears: 5 },
      errors: [{ message: "5 年内不接受其网点认定申请，2026-06-01 起" }],
    },
    {
      name: "registry given as labels",
      documents: [application(), revoked("2024-01-01", "提供虚假材料", "已撤销")],
      errors: [{ message: "提供虚假材料" }],
    },
  ],
});
