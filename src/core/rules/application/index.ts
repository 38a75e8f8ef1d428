/** Section A of RULES.md: 申报认定 (第四条–第七条, 第二十一条, 附件1), in the catalog's order. */
import type { Rule } from "../types";
import batchDuplicate from "./batch-duplicate";
import casesCount from "./cases-count";
import categoryMarketTypes from "./category-market-types";
import categoryValid from "./category-valid";
import contactFormat from "./contact-format";
import declarationSigned from "./declaration-signed";
import facilityEquipment from "./facility-equipment";
import facilityResources from "./facility-resources";
import facilityVenue from "./facility-venue";
import materialsRequired from "./materials-required";
import narrativeLength from "./narrative-length";
import orgBranch from "./org-branch";
import orgCreditCode from "./org-credit-code";
import orgLegalPerson from "./org-legal-person";
import orgRegion from "./org-region";
import orgRegionCode from "./org-region-code";
import priorityQualification from "./priority-qualification";
import registryAlreadyAccredited from "./registry-already-accredited";
import registryBanned from "./registry-banned";
import servicesBasic from "./services-basic";
import servicesObjects from "./services-objects";
import servicesUnknownItem from "./services-unknown-item";
import staffConsistency from "./staff-consistency";
import staffFullTimeMin from "./staff-full-time-min";
import staffPartTime from "./staff-part-time";
import systemDocuments from "./system-documents";
import teamCredentials from "./team-credentials";
import teamProfileLength from "./team-profile-length";
import teamProfiles from "./team-profiles";

export const APPLICATION_RULES: readonly Rule[] = [
  orgCreditCode,
  orgLegalPerson,
  orgBranch,
  orgRegion,
  orgRegionCode,
  staffFullTimeMin,
  staffPartTime,
  staffConsistency,
  teamProfiles,
  teamProfileLength,
  teamCredentials,
  systemDocuments,
  servicesBasic,
  servicesObjects,
  servicesUnknownItem,
  facilityVenue,
  facilityEquipment,
  facilityResources,
  categoryValid,
  categoryMarketTypes,
  materialsRequired,
  narrativeLength,
  casesCount,
  declarationSigned,
  contactFormat,
  priorityQualification,
  batchDuplicate,
  registryBanned,
  registryAlreadyAccredited,
];
