/** The rule registry: every rule of RULES.md, in its order. */
import { APPLICATION_RULES } from "./application";
import { EVALUATION_RULES } from "./evaluation";
import inputUnreadable from "./input-unreadable";
import type { Rule } from "./types";

export const ALL_RULES: readonly Rule[] = [...APPLICATION_RULES, ...EVALUATION_RULES, inputUnreadable];

export const RULES_BY_ID: ReadonlyMap<string, Rule> = new Map(ALL_RULES.map((r) => [r.meta.id, r]));

export function ruleIds(): string[] {
  return ALL_RULES.map((r) => r.meta.id);
}
