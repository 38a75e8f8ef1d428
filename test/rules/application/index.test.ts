import { APPLICATION_RULES } from "../../../src/core/rules/application";
import { application } from "../../helpers/fixtures";
import { runRule } from "../../helpers/ruleTester";
import { RULES_MD_IDS } from "../../helpers/rulesMd";

// RULES.md section A, in its order.
const SECTION_A = RULES_MD_IDS.slice(0, RULES_MD_IDS.indexOf("summary/deadline"));

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
