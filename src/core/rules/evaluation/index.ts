/** Section B of RULES.md: 年度评估 (第十条, 第十四条, 第十八条, 第二十条, 附件3), in the catalog's order. */
import type { Rule } from "../types";
import ledgerBasicFee from "./ledger-basic-fee";

export const EVALUATION_RULES: readonly Rule[] = [ledgerBasicFee];
