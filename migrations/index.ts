import { Platform1763942400000 } from './1763942400000-Platform';
import { Resources1763942500000 } from './1763942500000-Resources';
import { Households1763942600000 } from './1763942600000-Households';
import { Matching1763942700000 } from './1763942700000-Matching';
import { Referrals1763942800000 } from './1763942800000-Referrals';
import { Procurement1763942900000 } from './1763942900000-Procurement';
import { Contracts1763943000000 } from './1763943000000-Contracts';
import { Reporting1763943100000 } from './1763943100000-Reporting';
import { IdempotencyKeys1763943216000 } from './1763943216000-IdempotencyKeys';
import { LoginLimits1763943216100 } from './1763943216100-LoginLimits';
import { MaskIdLastFour1764620000000 } from './1764620000000-MaskIdLastFour';
import { Accounts1764700000000 } from './1764700000000-Accounts';
import { ProviderApplications1764800000000 } from './1764800000000-ProviderApplications';
import { HouseholdSearch1765300000000 } from './1765300000000-HouseholdSearch';
import { ReferralContact1765300100000 } from './1765300100000-ReferralContact';
import { HouseholdImports1765400000000 } from './1765400000000-HouseholdImports';
import { StoredFiles1765500000000 } from './1765500000000-StoredFiles';
import { AreaBoundaries1765600000000 } from './1765600000000-AreaBoundaries';
import { EventOutbox1764900000000 } from './1764900000000-EventOutbox';
import { Notifications1765000000000 } from './1765000000000-Notifications';
import { StaffDeadlines1765200000000 } from './1765200000000-StaffDeadlines';

import { CaseTimeline1765850000000 } from './1765850000000-CaseTimeline';
import { Cases1765700000000 } from './1765700000000-Cases';
import { CaseOutcomes1765840000000 } from './1765840000000-CaseOutcomes';
import { SupervisionContractedWorkers1765830000000 } from './1765830000000-SupervisionContractedWorkers';
import { CasePlanFiles1765860000000 } from './1765860000000-CasePlanFiles';
import { CasePlans1765800000000 } from './1765800000000-CasePlans';
import { CaseCheckinsMoves1765820000000 } from './1765820000000-CaseCheckinsMoves';
import { Webhooks1765100000000 } from './1765100000000-Webhooks';
import { CaseVisits1765810000000 } from './1765810000000-CaseVisits';
import { AssistanceLedger1765900000000 } from './1765900000000-AssistanceLedger';
import { StackingReferrals1765910000000 } from './1765910000000-StackingReferrals';
import { LookupsAndReads1765920000000 } from './1765920000000-LookupsAndReads';
import { AssistanceImports1765930000000 } from './1765930000000-AssistanceImports';
import { LedgerIndexes1765950000000 } from './1765950000000-LedgerIndexes';
import { ReferralCoversFen1765960000000 } from './1765960000000-ReferralCoversFen';
import { ReliefFunds1766000000000 } from './1766000000000-ReliefFunds';
import { ReliefDonations1766010000000 } from './1766010000000-ReliefDonations';
import { ReliefLeads1766030000000 } from './1766030000000-ReliefLeads';
import { ReliefIntake1766040000000 } from './1766040000000-ReliefIntake';
import { GroupedRejections1766100000000 } from './1766100000000-GroupedRejections';
import { ApprovalQueueIndex1766110000000 } from './1766110000000-ApprovalQueueIndex';
/**
 * Every migration, oldest first. Listed by hand (not globbed) so that the compiled apps,
 * the CLI and the tests all run exactly this list.
 */
export const MIGRATIONS = [
  Platform1763942400000,
  Resources1763942500000,
  Households1763942600000,
  Matching1763942700000,
  Referrals1763942800000,
  Procurement1763942900000,
  Contracts1763943000000,
  Reporting1763943100000,
  IdempotencyKeys1763943216000,
  LoginLimits1763943216100,
  MaskIdLastFour1764620000000,
  Accounts1764700000000,
  ProviderApplications1764800000000,
  EventOutbox1764900000000,
  Notifications1765000000000,
  Webhooks1765100000000,
  StaffDeadlines1765200000000,
  HouseholdSearch1765300000000,
  ReferralContact1765300100000,
  HouseholdImports1765400000000,
  StoredFiles1765500000000,
  AreaBoundaries1765600000000,
  Cases1765700000000,
  CasePlans1765800000000,

  CaseVisits1765810000000,
  CaseCheckinsMoves1765820000000,
  SupervisionContractedWorkers1765830000000,
  CaseOutcomes1765840000000,
  CaseTimeline1765850000000,
  CasePlanFiles1765860000000,
  AssistanceLedger1765900000000,
  StackingReferrals1765910000000,
  LookupsAndReads1765920000000,
  AssistanceImports1765930000000,
  LedgerIndexes1765950000000,
  ReferralCoversFen1765960000000,
  ReliefFunds1766000000000,
  ReliefDonations1766010000000,
  ReliefLeads1766030000000,
  ReliefIntake1766040000000,
  GroupedRejections1766100000000,
  ApprovalQueueIndex1766110000000,
];
