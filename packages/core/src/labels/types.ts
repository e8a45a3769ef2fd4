/** Label model of ACCESS.md §2: labels, policies and the policy registry. */

/** `YYYY-MM-DD`. */
export type IsoDate = string;
/** ISO 8601 UTC instant, e.g. `2025-06-01T12:00:00Z`. */
export type Instant = string;
/** ISO 3166-1 alpha-3 (or the fictional home nation code). */
export type Iso3 = string;

export type PolicyId = string;
export type LabelId = string;

export const TLPS = ['clear', 'green', 'amber', 'amber_strict', 'red'] as const;
/** FIRST TLP 2.0: a redistribution constraint, not a classification. */
export type Tlp = (typeof TLPS)[number];

/** An immutable confidentiality label; one row per distinct canonical content. */
export interface Label {
  policy: PolicyId;
  level: string;
  /** Compartments: the reader must hold ALL of them. */
  restrictive: string[];
  /** Iso3 | group code | `ORG:<orgCode>`; at least one. */
  releasableTo: string[];
  /** Handling caveats defined by the policy (HUB: `orcon`, `no_export`). */
  handling: string[];
  tlp?: Tlp;
}

export type HandlingEffect = 'originator_consent' | 'deny_export';

export interface PolicyLevel {
  name: string;
  rank: number;
  banner: string;
  portion: string;
  colour: string;
}

/** A policy as data (converted from the owner's SPIF for real policies). */
export interface PolicyDef {
  id: PolicyId;
  version: string;
  name: string;
  levels: PolicyLevel[];
  compartments: string[];
  handling: { code: string; effect: HandlingEffect }[];
  /** Group codes usable in `releasableTo`; members come from membership rows. */
  groups: string[];
  mfaFromLevel: string;
  /** Maps codes of THIS policy to codes of `toPolicy` (levels, compartments, caveats, groups). */
  equivalences: { toPolicy: PolicyId; map: Record<string, string> }[];
}

export const MEMBERSHIP_STATUSES = ['member', 'partner', 'observer', 'candidate', 'suspended'] as const;
export type MembershipStatus = (typeof MEMBERSHIP_STATUSES)[number];

/** One dated membership of a state in a group (DOMAIN.md §4.1), as held in the registry snapshot. */
export interface MembershipRow {
  org: string;
  iso3: Iso3;
  status: MembershipStatus;
  from: IsoDate;
  to?: IsoDate;
}

/** Input of `createRegistry`. */
export interface RegistryInput {
  policies: PolicyDef[];
  memberships: MembershipRow[];
  version: string;
  /** The deployment's home nation (configuration, e.g. `XHN`); used for ordering REL TO lists. */
  homeNation?: Iso3;
  /** Default date for group expansion when a caller gives none. */
  asOf?: IsoDate;
}

/** The validated, frozen policy registry with its membership snapshot. */
export interface PolicyRegistry {
  readonly version: string;
  readonly homeNation: Iso3 | undefined;
  readonly asOf: IsoDate | undefined;
  readonly policies: readonly PolicyDef[];
  readonly memberships: readonly MembershipRow[];
  /** The policy with this id, or undefined. */
  policy(id: PolicyId): PolicyDef | undefined;
  /** The level definition, or undefined when the policy or level is unknown. */
  level(policy: PolicyId, level: string): PolicyLevel | undefined;
  /** The rank of a level, or undefined when unknown. */
  rank(policy: PolicyId, level: string): number | undefined;
  /** Whether `code` is a group of `policy`. */
  isGroup(policy: PolicyId, code: string): boolean;
  /** The status of `iso3` in `org` on `date`, or undefined when there is none. */
  membershipOn(org: string, iso3: Iso3, date: IsoDate): MembershipStatus | undefined;
  /** The states that are full members of `group` on `date` (default: `asOf`, else open-ended rows), sorted. */
  membersOf(group: string, date?: IsoDate): Iso3[];
}

export type LabelProblemCode =
  | 'not_an_object'
  | 'missing_policy'
  | 'missing_level'
  | 'malformed'
  | 'unknown_policy'
  | 'unknown_level'
  | 'unknown_compartment'
  | 'unknown_caveat'
  | 'unknown_group'
  | 'empty_releasable_to'
  | 'originator_not_releasable';

/** One reason a label is not valid against the registry. */
export interface LabelProblem {
  code: LabelProblemCode;
  value?: string;
}
