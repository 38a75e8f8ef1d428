import { readFileSync } from "node:fs";
import { join } from "node:path";
import { generateRubricsDoc, generateRulesDoc } from "../../src/core/docs";
import { SCORING_FINDING_RULES } from "../../src/core/scoring/consolidate";
import { DEFAULT_RUBRICS } from "../../src/core/scoring/rubrics";
import { ALL_RULES, ruleIds } from "../../src/core/rules";
import { RULES_MD_IDS } from "../helpers/rulesMd";

/** Default severities as RULES.md gives them ("error / warning" rules: error first). */
const SEVERITIES: Record<string, string> = {
  "org/branch": "warning",
  "org/region-code": "warning",
  "staff/part-time": "warning",
  "team/profile-length": "warning",
  "team/credentials": "warning",
  "category/market-types": "warning",
  "narrative/length": "warning/error",
  "cases/count": "error/warning",
  "contact/format": "warning",
  "priority/qualification": "info",
  "registry/already-accredited": "info",
  "summary/deadline": "warning",
  "summary/sections": "warning/error",
  "summary/cases": "error/warning",
  "summary/evidence": "warning",
  "summary/changes-unreported": "warning",
  "registry/not-accredited": "warning",
  "ledger/required-field": "warning",
  "ledger/date": "error/warning",
  "ledger/low-cost-quote": "warning",
  "ledger/duplicate": "warning",
  "ledger/undeclared-item": "warning",
  "ledger/satisfaction": "warning",
};

describe("rule registry", () => {
  it("registers exactly the ids of RULES.md, in its order", () => {
    expect(ruleIds()).toEqual(RULES_MD_IDS);
  });

  it("gives each rule the default severity of RULES.md", () => {
    for (const { meta } of ALL_RULES) {
      const want = SEVERITIES[meta.id] ?? "error";
      const levels = [meta.severity, meta.alsoSeverity].filter(Boolean).sort().join("/");
      expect(`${meta.id} ${levels}`).toBe(`${meta.id} ${want.split("/").sort().join("/")}`);
    }
  });

  it("gives every rule an article, descriptions and the fields it reads", () => {
    for (const { meta } of ALL_RULES) {
      expect(meta.article).not.toBe("");
      expect(meta.description).toMatch(/[\u4e00-\u9fff]/u);
      expect(meta.descriptionEn).toMatch(/[a-z]/u);
      expect(meta.fields.length).toBeGreaterThan(0);
    }
  });

  it("docs/rules.md is up to date (run `npm run docs`)", () => {
    const committed = readFileSync(join(__dirname, "..", "..", "docs", "rules.md"), "utf8");
    expect(committed).toBe(generateRulesDoc(ALL_RULES, SCORING_FINDING_RULES));
  });

  it("docs/rubrics.md is up to date (run `npm run docs`)", () => {
    const committed = readFileSync(join(__dirname, "..", "..", "docs", "rubrics.md"), "utf8");
    expect(committed).toBe(generateRubricsDoc([DEFAULT_RUBRICS.annual, DEFAULT_RUBRICS.application]));
  });
});
