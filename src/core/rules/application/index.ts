/** Section A of RULES.md: 申报认定 (第四条–第七条, 第二十一条, 附件1), in the catalog's order. */
import type { Rule } from "../types";
import staffFullTimeMin from "./staff-full-time-min";

export const APPLICATION_RULES: readonly Rule[] = [staffFullTimeMin];
