/** Subjects, actions, contexts and decisions of ACCESS.md §3. */
import type {
  Instant,
  Iso3,
  IsoDate,
  Label,
  MembershipStatus,
  PolicyId,
  PolicyRegistry,
} from '../labels/types';

export const ROLES = [
  'viewer',
  'planner',
  'approver',
  'evaluator',
  'analyst',
  'releasing_officer',
  'security_officer',
  'auditor',
  'admin',
  'partner_reporter',
  'partner_approver',
  'partner_admin',
  'peer',
] as const;
export type Role = (typeof ROLES)[number];

export const ACTIONS = [
  'read',
  'create',
  'update',
  'delete',
  'relabel',
  'export',
  'share',
  'sync_out',
  'approve_release',
] as const;
export type Action = (typeof ACTIONS)[number];

export const RECORD_KINDS = [
  // planning and reference
  'partner',
  'organisation',
  'membership',
  'agreement',
  'objective',
  'line_of_effort',
  'plan',
  'initiative',
  'logic_node',
  'engagement',
  'participation',
  'capability_assessment',
  // results and evaluation
  'result',
  'indicator',
  'value',
  'evidence',
  'assessment',
  'feedback',
  'lesson',
  'challenge',
  'evaluation',
  // intelligence and exchange
  'incident',
  'stix_object',
  'partner_note',
  // administration
  'user',
  'community',
  'label',
  'audit_event',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

export const ASSURANCES = ['password', 'mfa', 'pki'] as const;
export type Assurance = (typeof ASSURANCES)[number];

export const COMMUNITY_ROLES = ['member', 'contributor', 'moderator'] as const;

export interface SubjectMembership {
  org: string;
  status: MembershipStatus;
  from: IsoDate;
  to?: IsoDate;
}

export interface Clearance {
  level: string;
  compartments: string[];
  expiresOn: IsoDate;
}

export interface CommunityMembership {
  id: string;
  role: (typeof COMMUNITY_ROLES)[number];
  from: IsoDate;
  to?: IsoDate;
}

/** The authenticated user (or partner peer system) a decision is about. */
export interface Subject {
  /** `peer` = a partner system on a sharing link (SHARING.md §6). */
  kind: 'user' | 'peer';
  id: string;
  orgId: string;
  orgCode: string;
  /** Not a home-nation organisation. */
  partner: boolean;
  nationality: Iso3;
  memberships: SubjectMembership[];
  clearances: Record<PolicyId, Clearance>;
  communities: CommunityMembership[];
  roles: Role[];
  /** Assurance of THIS session. */
  assurance: Assurance;
}

/** Who may receive a TLP record (record metadata, not part of the label). */
export interface TlpRecipients {
  orgIds: string[];
  clientOrgIds?: string[];
  userIds?: string[];
}

/** The record a decision is about. Fields after `sourcesLabel` are Entente extensions needed by the write rules. */
export interface DecisionResource {
  kind: RecordKind;
  communityId: string;
  ownerOrgId: string;
  originatorOrgId: string;
  partyOrgIds: string[];
  tlpRecipients?: TlpRecipients;
  consents?: { recipientOrgId: string }[];
  /** Join of the records this one derives from (write rules). */
  sourcesLabel?: Label;
  /** The record's label before a `relabel` (required for `relabel`). */
  currentLabel?: Label;
  /** The community's floor and ceiling labels (required for `create`, `update`, `relabel`). */
  communityFloor?: Label;
  communityCeiling?: Label;
}

export interface DecisionContext {
  /** Injected; decide() never reads the clock. */
  now: Instant;
  /** Must come from `createRegistry`. */
  registry: PolicyRegistry;
  environmentCeiling: Record<PolicyId, string>;
  resource: DecisionResource;
  recipient?: Subject;
  linkCeiling?: Record<PolicyId, string>;
  secondApproverId?: string;
}

export type Reason =
  | 'ok'
  | 'invalid_input'
  | 'unlabelled'
  | 'unknown_policy'
  | 'assurance'
  | 'role'
  | 'no_clearance'
  | 'clearance_expired'
  | 'level'
  | 'env_ceiling'
  | 'compartment'
  | 'releasability'
  | 'tlp'
  | 'need_to_know'
  | 'party_scope'
  | 'write_down'
  | 'originator_consent'
  | 'caveat'
  | 'link_ceiling'
  | 'two_person';

export type Obligation = 'audit' | 'audit_read' | 'banner' | 'watermark' | 'sign';

export interface Decision {
  effect: 'permit' | 'deny';
  reason: Reason;
  obligations: Obligation[];
}

/** The context the label-level checks (steps 1–4 without the role) need. */
export interface LabelCheckContext {
  now: Instant;
  registry: PolicyRegistry;
  environmentCeiling: Record<PolicyId, string>;
}
