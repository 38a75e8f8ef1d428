/** Writes docs/rules.md from the rule metadata: `npm run docs`. */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { generateRulesDoc } from "../src/core/docs";
import { ALL_RULES } from "../src/core/rules";

const target = join(__dirname, "..", "docs", "rules.md");
writeFileSync(target, generateRulesDoc(ALL_RULES), "utf8");
process.stdout.write(`已写入 ${target}（${ALL_RULES.length} 条规则）\n`);
