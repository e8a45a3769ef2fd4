/** Administration: users and their clearances, organisations, communities, the audit viewer. */
import { z } from 'zod';

export const UserItem = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgCode: z.string(),
  nationality: z.string(),
  partner: z.boolean(),
  roles: z.array(z.string()),
  clearance: z.string(),
  compartments: z.array(z.string()),
  communities: z.array(z.string()),
  lockedUntil: z.string().nullable(),
  mfa: z.boolean(),
});
export const UserInput = z.object({
  username: z
    .string()
    .regex(/^[a-z0-9._-]{3,40}$/, 'lower-case letters, digits, dot, dash or underscore (3–40)'),
  displayName: z.string().min(2).max(100),
  password: z.string().min(12, 'at least 12 characters').max(128),
  orgCode: z.string().min(2),
  nationality: z.string().regex(/^[A-Z]{3}$/),
  roles: z.array(z.string()).min(1),
  clearance: z.string(),
  compartments: z.array(z.string()).default([]),
  communities: z.array(z.string()).default([]),
});
export type UserInput = z.infer<typeof UserInput>;
export const Community = z.object({ id: z.string(), code: z.string(), name: z.string() });
export const AuditItem = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string().nullable(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string().nullable(),
  decision: z.string(),
  portion: z.string(),
});
export const AuditQuery = z.object({
  action: z.string().optional(),
  entity: z.string().optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

/* ---------- Organisations (DOMAIN.md §3: Organisation) ---------- */

export const ORGANISATION_KINDS = [
  'ministry_unit',
  'partner_body',
  'alliance',
  'international_org',
  'regional_org',
  'donor_state',
  'ngo',
  'other',
] as const;
/** An organisation as administrators see it. `version` is an opaque token of its content (optimistic concurrency). */
export const AdminOrganisation = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  acronym: z.string().nullable(),
  kind: z.string(),
  iso3: z.string().nullable(),
  parentId: z.string().nullable(),
  parentCode: z.string().nullable(),
  foundedOn: z.string().nullable(),
  sourceUrl: z.string().nullable(),
  userCount: z.number().int(),
  version: z.string(),
});
export type AdminOrganisation = z.infer<typeof AdminOrganisation>;
export const OrganisationInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[A-Z0-9][A-Z0-9_.-]{1,39}$/, 'upper-case letters, digits, dot, dash or underscore (2–40)'),
  name: z.string().trim().min(2, 'at least 2 characters').max(200),
  acronym: z.string().trim().min(1).max(40).nullable().default(null),
  kind: z.enum(ORGANISATION_KINDS, 'choose a kind'),
  iso3: z
    .string()
    .regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code')
    .nullable()
    .default(null),
  parentId: z.uuid('choose a parent organisation').nullable().default(null),
  foundedOn: z.iso.date('a date such as 1949-04-04').nullable().default(null),
  sourceUrl: z.url('a full URL such as https://…').max(500).nullable().default(null),
});
export type OrganisationInput = z.infer<typeof OrganisationInput>;
export const OrganisationUpdate = z.object({ version: z.string().min(1), organisation: OrganisationInput });
export type OrganisationUpdate = z.infer<typeof OrganisationUpdate>;

/* ---------- Communities of interest (ACCESS.md §2) ---------- */

export const COMMUNITY_MEMBER_ROLES = ['member', 'contributor', 'moderator'] as const;
/** A community's floor, ceiling or default label, rendered as classification text. */
export const LabelText = z.object({ labelId: z.string(), banner: z.string(), portion: z.string() });
export const CommunityMember = z.object({
  userId: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgCode: z.string(),
  role: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  current: z.boolean(),
});
export type CommunityMember = z.infer<typeof CommunityMember>;
export const AdminCommunity = z.object({
  id: z.string(),
  code: z.string(),
  name: z.string(),
  floor: LabelText,
  ceiling: LabelText,
  defaultLabel: LabelText,
  members: z.array(CommunityMember),
});
export type AdminCommunity = z.infer<typeof AdminCommunity>;
const CommunityLabelInput = z.object({
  level: z.string().min(1, 'choose a level'),
  restrictive: z.array(z.string()).default([]),
  releasableTo: z.array(z.string().min(2)).min(1, 'release to at least one nation or group'),
  handling: z.array(z.string()).default([]),
});
export const CommunityInput = z.object({
  code: z
    .string()
    .trim()
    .regex(/^[a-z0-9][a-z0-9-]{1,39}$/, 'lower-case letters, digits or dashes (2–40)'),
  name: z.string().trim().min(2, 'at least 2 characters').max(200),
  floor: CommunityLabelInput,
  ceiling: CommunityLabelInput,
  defaultLabel: CommunityLabelInput,
});
export type CommunityInput = z.infer<typeof CommunityInput>;
export const CommunityMemberInput = z.object({
  userId: z.uuid('choose a user'),
  role: z.enum(COMMUNITY_MEMBER_ROLES).default('member'),
  from: z.iso.date('a date such as 2027-01-31'),
  to: z.iso.date('a date such as 2027-12-31').nullable().default(null),
});
export type CommunityMemberInput = z.infer<typeof CommunityMemberInput>;
/** End a membership (identified by its user and start date): sets its end date; history is kept. */
export const CommunityMemberEnd = z.object({
  userId: z.uuid(),
  from: z.iso.date(),
  to: z.iso.date('a date such as 2027-12-31'),
});
export type CommunityMemberEnd = z.infer<typeof CommunityMemberEnd>;

/* ---------- A user's security attributes: nationality and clearances ---------- */

export const ClearanceInput = z.object({
  policy: z.string().min(1, 'choose a policy'),
  level: z.string().min(1, 'choose a level'),
  compartments: z.array(z.string()).default([]),
  expiresOn: z.iso.date('a date such as 2027-12-31'),
});
export type ClearanceInput = z.infer<typeof ClearanceInput>;
/** The policies, levels and compartments a clearance may name (from the policy registry). */
export const ClearancePolicy = z.object({
  id: z.string(),
  name: z.string(),
  levels: z.array(z.object({ name: z.string(), banner: z.string() })),
  compartments: z.array(z.string()),
});
export const UserMembership = z.object({
  communityId: z.string(),
  code: z.string(),
  name: z.string(),
  role: z.string(),
  from: z.string(),
  to: z.string().nullable(),
  current: z.boolean(),
});
export const UserDetail = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  orgCode: z.string(),
  orgName: z.string(),
  nationality: z.string(),
  partner: z.boolean(),
  roles: z.array(z.string()),
  clearances: z.array(ClearanceInput),
  memberships: z.array(UserMembership),
  lockedUntil: z.string().nullable(),
  mfa: z.boolean(),
  version: z.number().int(),
  policies: z.array(ClearancePolicy),
});
export type UserDetail = z.infer<typeof UserDetail>;
export const UserSecurityUpdate = z.object({
  version: z.number().int().min(1),
  nationality: z.string().regex(/^[A-Z]{3}$/, 'an ISO 3166-1 alpha-3 code'),
  clearances: z.array(ClearanceInput).max(20),
});
export type UserSecurityUpdate = z.infer<typeof UserSecurityUpdate>;
