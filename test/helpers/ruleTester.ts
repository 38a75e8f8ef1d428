/**
 * RuleTester in the style of ESLint's: a rule and a table of valid and invalid cases. Each case is
 * a batch of raw documents (parsed exactly as the CLI parses a file), run through the engine with
 * only this rule enabled; invalid cases list the findings expected, in order.
 */
import { parseSettings, type SettingsInput } from "../../src/core/config";
import type { Grade } from "../../src/core/codes";
import { runChecks } from "../../src/core/engine";
import type { Finding, Severity } from "../../src/core/findings";
import { parseDocumentValue, type SourcedDocument } from "../../src/core/parse";
import type { Rule } from "../../src/core/rules/types";
import type { Doc } from "./fixtures";

export interface ExpectedFinding {
  severity?: Severity;
  path?: string | null;
  entry?: number | null;
  outlet?: string | null;
  document?: Finding["document"];
  /** A substring of the message, or a pattern it must match. */
  message?: string | RegExp;
}

export interface RuleCase {
  name: string;
  /** Raw documents of the batch, each as one JSON file would hold it. */
  documents: Doc[];
  settings?: SettingsInput;
  today?: string;
  grades?: Record<string, Grade>;
  /** Other rules to run before this one (for rules that read what others found, like vetoes). */
  withRules?: Rule[];
}

export interface InvalidRuleCase extends RuleCase {
  errors: ExpectedFinding[];
}

export function runRule(rule: Rule, c: RuleCase): Finding[] {
  const docs: SourcedDocument[] = [];
  c.documents.forEach((raw, i) => {
    const parsed = parseDocumentValue(raw, `case-${i + 1}.json`);
    if (parsed.findings.length) {
      throw new Error(
        `case "${c.name}": document ${i + 1} does not parse: ${parsed.findings.map((f) => `${f.path}: ${f.message}`).join("; ")}`,
      );
    }
    docs.push(...parsed.documents);
  });
  const result = runChecks(docs, {
    settings: parseSettings(c.settings ?? {}),
    today: c.today ?? null,
    rules: [...(c.withRules ?? []), rule],
    ...(c.grades ? { grades: new Map(Object.entries(c.grades)) } : {}),
  });
  return result.findings.filter((f) => f.rule === rule.meta.id);
}

export function testRule(rule: Rule, cases: { valid: RuleCase[]; invalid: InvalidRuleCase[] }): void {
  describe(rule.meta.id, () => {
    it("has complete metadata", () => {
      expect(rule.meta.id).toMatch(/^[a-z]+\/[a-z-]+$/);
      expect(rule.meta.article.length).toBeGreaterThan(0);
      expect(rule.meta.description.length).toBeGreaterThan(0);
      expect(rule.meta.descriptionEn.length).toBeGreaterThan(0);
    });
    it("has cases both ways", () => {
      expect(cases.valid.length).toBeGreaterThan(0);
      expect(cases.invalid.length).toBeGreaterThan(0);
    });
    for (const c of cases.valid) {
      it(`passes: ${c.name}`, () => {
        const found = runRule(rule, c);
        expect(found.map((f) => `${f.path}: ${f.message}`)).toEqual([]);
      });
    }
    for (const c of cases.invalid) {
      it(`fails: ${c.name}`, () => {
        const found = runRule(rule, c);
        expect(found.map((f) => `${f.severity} ${f.path}: ${f.message}`)).toHaveLength(c.errors.length);
        c.errors.forEach((want, i) => {
          const got = found[i]!;
          expect(got.message.endsWith(`（${rule.meta.article}）`)).toBe(true);
          expect(got.severity).toBe(want.severity ?? rule.meta.severity);
          if (want.path !== undefined) expect(got.path).toBe(want.path);
          if (want.entry !== undefined) expect(got.entry).toBe(want.entry);
          if (want.outlet !== undefined) expect(got.outlet).toBe(want.outlet);
          if (want.document !== undefined) expect(got.document).toBe(want.document);
          if (typeof want.message === "string") expect(got.message).toContain(want.message);
          else if (want.message) expect(got.message).toMatch(want.message);
        });
      });
    }
  });
}
