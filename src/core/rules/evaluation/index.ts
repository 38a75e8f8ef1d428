/** Section B of RULES.md: 年度评估 (第十条, 第十四条, 第十八条, 第二十条, 附件3), in the catalog's order. */
import type { Rule } from "../types";
import evaluationConsecutiveFail from "./evaluation-consecutive-fail";
import ledgerBasicFee from "./ledger-basic-fee";
import ledgerDate from "./ledger-date";
import ledgerDuplicate from "./ledger-duplicate";
import ledgerLowCostQuote from "./ledger-low-cost-quote";
import ledgerMissing from "./ledger-missing";
import ledgerRequiredField from "./ledger-required-field";
import ledgerSatisfaction from "./ledger-satisfaction";
import ledgerUndeclaredItem from "./ledger-undeclared-item";
import ledgerUnknownItem from "./ledger-unknown-item";
import registryNotAccredited from "./registry-not-accredited";
import summaryCases from "./summary-cases";
import summaryChangesUnreported from "./summary-changes-unreported";
import summaryConditionLost from "./summary-condition-lost";
import summaryDeadline from "./summary-deadline";
import summaryEvidence from "./summary-evidence";
import summarySections from "./summary-sections";

export const EVALUATION_RULES: readonly Rule[] = [
  summaryDeadline,
  summarySections,
  summaryCases,
  summaryEvidence,
  summaryChangesUnreported,
  summaryConditionLost,
  registryNotAccredited,
  ledgerMissing,
  ledgerRequiredField,
  ledgerDate,
  ledgerUnknownItem,
  ledgerBasicFee,
  ledgerLowCostQuote,
  ledgerDuplicate,
  ledgerUndeclaredItem,
  ledgerSatisfaction,
  evaluationConsecutiveFail,
];
