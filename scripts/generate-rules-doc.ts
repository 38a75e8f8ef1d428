/** Writes docs/rules.md and docs/rubrics.md from the rules' metadata and the default rubrics: `npm run docs`. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateRubricsDoc, generateRulesDoc } from "../src/core/docs";
import { ALL_RULES } from "../src/core/rules";
import { SCORING_FINDING_RULES } from "../src/core/scoring/consolidate";
import { DEFAULT_RUBRICS } from "../src/core/scoring/rubrics";

const docs = join(__dirname, "..", "docs");
writeFileSync(join(docs, "rules.md"), generateRulesDoc(ALL_RULES, SCORING_FINDING_RULES), "utf8");
writeFileSync(
  join(docs, "rubrics.md"),
  generateRubricsDoc([DEFAULT_RUBRICS.annual, DEFAULT_RUBRICS.application]),
  "utf8",
);
process.stdout.write(`已写入 docs/rules.md（${ALL_RULES.length} 条规则）与 docs/rubrics.md\n`);
