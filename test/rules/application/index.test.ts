import { APPLICATION_RULES } from "../../../src/core/rules/application";
import { application } from "../../helpers/fixtures";
import { runRule } from "../../helpers/ruleTester";

// RULES.md section A, in its order.
const SECTION_A = [
  "org/credit-code",
  "org/legal-person",
  "org/branch",
  "org/region",
  "org/region-code",
  "staff/full-time-min",
  "staff/part-time",
  "staff/consistency",
  "team/profiles",
  "team/profile-length",
  "team/credentials",
  "system/documents",
  "services/basic",
  "services/objects",
  "services/unknown-item",
  "facility/venue",
  "facility/equipment",
  "facility/resources",
  "category/valid",
  "category/market-types",
  "materials/required",
  "narrative/length",
  "cases/count",
  "declaration/signed",
  "contact/format",
  "priority/qualification",
  "batch/duplicate",
  "registry/banned",
  "registry/already-accredited",
];

describe("section A rules", () => {
  it("are registered in RULES.md order", () => {
    expect(APPLICATION_RULES.map((r) => r.meta.id)).toEqual(SECTION_A);
  });

  it("all belong to section A", () => {
    for (const r of APPLICATION_RULES) expect(r.meta.section).toBe("A");
  });

  it.each(APPLICATION_RULES.map((r) => [r.meta.id, r] as const))("%s passes the base application", (_, r) => {
    expect(runRule(r, { name: "base", documents: [application()] })).toEqual([]);
  });
});
