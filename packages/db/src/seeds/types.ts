/**
 * The shape of a demo scenario: plain data, referenced by human codes, that the seeder
 * turns into rows (ids, labels, audit events). Shared by the demo seed, tests and e2e.
 */
import type { EngagementStatus, EngagementType, ParticipationRole } from '@entente/core';

/** A label written compactly: level plus releasability; compartments and caveats optional. */
export interface LabelSpec {
  level: 'HUB-OFFICIAL' | 'HUB-RESTRICTED' | 'HUB-CONFIDENTIAL' | 'HUB-SECRET';
  releasableTo: string[]; // Iso3, group code (NATO, EU, UN, AU, ASEAN, ECOWAS, GCC, CMF) or ORG:<code>
  restrictive?: ('CT' | 'CYBER' | 'SOURCES')[];
  handling?: ('orcon' | 'no_export')[];
}

export interface SeedCommunity {
  code: string; // e.g. 'hoa-maritime'
  name: string;
  defaultLabel: LabelSpec;
}

export type OrgKind = 'ministry_unit' | 'partner_body' | 'alliance' | 'international_org' | 'regional_org' | 'donor_state' | 'ngo' | 'other';

export interface SeedOrganisation {
  code: string; // unique, e.g. 'KEN-NAVY', 'EUNAVFOR-ATALANTA'
  name: string;
  acronym?: string;
  kind: OrgKind;
  iso3?: string; // the state it belongs to (partner bodies, ministry units: 'XHN')
  parentCode?: string; // echelon or parent organisation (e.g. MINUSCA → UN)
  foundedOn?: string;
  sourceUrl?: string;
}

export interface SeedObjective {
  code: string; // 'SO-1', 'SO-1.2'
  title: string;
  description: string;
  level: 'national' | 'regional' | 'functional' | 'partner';
  parentCode?: string;
  priority: 1 | 2 | 3;
  threatFocus: ('instability' | 'terrorism' | 'piracy' | 'trafficking' | 'cyber' | 'partner_capability' | 'conflict')[];
  regionCodes: string[];
  validFrom: string;
  validTo?: string;
  status: 'draft' | 'active' | 'retired';
}

export interface SeedLineOfEffort {
  code: string;
  objectiveCode: string;
  title: string;
  description: string;
}

export interface SeedPlan {
  code: string;
  title: string;
  kind: 'bilateral' | 'multilateral';
  ownerOrgCodes: string[]; // always includes 'XHN-MOD'
  partnerIso3s: string[];
  from: string;
  to: string; // at most 5 years after from
  status: 'draft' | 'in_consultation' | 'agreed' | 'active' | 'under_review' | 'superseded' | 'closed';
  partnerPriorities: string[];
  goals: { code: string; title: string; objectiveCodes: string[]; targetDate: string }[];
  label: LabelSpec;
}

export interface SeedLogicNode {
  key: string; // unique within the initiative
  kind: 'input' | 'activity' | 'output' | 'outcome' | 'impact';
  statement: string;
  parentKeys: string[]; // nodes one level up (activity → output → outcome → impact)
  objectiveCodes: string[]; // required on outcome and impact nodes
}

export interface SeedInitiative {
  code: string;
  title: string;
  planCode?: string;
  lineOfEffortCodes: string[];
  partnerIso3s: string[];
  leadOrgCode: string;
  significance: 'routine' | 'significant';
  /** What the initiative is budgeted to cost (over the configured threshold, it is significant). */
  budget?: { amount: string; currency: string };
  problemStatement: string;
  theoryOfChange: string;
  from: string;
  to: string;
  status: 'proposed' | 'approved' | 'active' | 'closing' | 'closed' | 'suspended' | 'cancelled';
  logicModel: SeedLogicNode[];
  label: LabelSpec;
}

export type AgreementKind =
  | 'defence_cooperation' | 'mou' | 'sofa' | 'security_of_information' | 'technical_arrangement'
  | 'logistics_support' | 'end_use_undertaking' | 'mandate';

export interface SeedAgreement {
  code: string;
  kind: AgreementKind;
  title: string;
  partyOrgCodes: string[];
  partnerIso3s: string[];
  signedOn?: string;
  inForceFrom?: string;
  expiresOn?: string;
  autoRenew: boolean;
  coversTypes: EngagementType[];
  status: 'draft' | 'negotiating' | 'signed' | 'in_force' | 'suspended' | 'expired' | 'terminated';
  documentRef: string;
  label: LabelSpec;
}

export interface SeedEngagement {
  code: string; // unique, e.g. 'HOA-2009-001'
  title: string;
  type: EngagementType;
  status: EngagementStatus;
  initiativeCode: string;
  planCode?: string;
  partnerIso3s: string[]; // at least one
  objectiveCodes: string[]; // at least one (the golden thread)
  logicNodeKeys?: string[]; // activity nodes of the initiative
  leadOrgCode: string;
  plannedStart: string;
  plannedEnd: string;
  actualStart?: string;
  actualEnd?: string;
  locations: { name: string; iso3: string; lat?: number; lon?: number }[];
  plannedCost: { amount: string; currency: string };
  fundingSourceCode: string;
  outcomeSummary?: string;
  payload: Record<string, unknown>; // the type's proposal fields (ENGAGEMENT_TYPE_INFO[type].proposalFields)
  participants: { orgCode: string; role: ParticipationRole; plannedHeadcount: number; actualHeadcount?: number }[];
  label: LabelSpec;
  communityCode: string;
  summary?: string;
}

export interface SeedScenario {
  code: string; // 'counter-piracy-hoa' …
  title: string;
  communities: SeedCommunity[];
  organisations: SeedOrganisation[];
  objectives: SeedObjective[];
  linesOfEffort: SeedLineOfEffort[];
  plans: SeedPlan[];
  initiatives: SeedInitiative[];
  agreements: SeedAgreement[];
  engagements: SeedEngagement[];
}

/** A demo due item (DOMAIN.md §3.4), its dates as day offsets from the seed day. */
export interface SeedDueItem {
  kind: 'closure' | 'renewal' | 'review' | 'inventory';
  subject: { kind: 'engagement' | 'agreement'; code: string };
  title: string;
  ownerOrgCode: string;
  /** Days from the seed day to the due date (negative: already due). */
  dueIn: number;
  outcome:
    | { state: 'open' }
    | { state: 'submitted'; daysAfterDue: number }
    | { state: 'waived'; reason: string };
}
