/** Runtime validation of decide() inputs: subjects and contexts arrive from outside and are never trusted. */
import { z } from 'zod';
import { isInstant, isIsoDate } from '../labels/dates';
import { isRegistry } from '../labels/registry';
import { validateLabel } from '../labels/validate';
import { MEMBERSHIP_STATUSES } from '../labels/types';
import type { PolicyRegistry } from '../labels/types';
import { ACTIONS, ASSURANCES, COMMUNITY_ROLES, RECORD_KINDS, ROLES } from './types';
import type { Action, DecisionContext, LabelCheckContext, Subject } from './types';

const id = z.string().min(1);
const isoDate = z.string().refine(isIsoDate);
const code = z.string().min(1);

/** A `Subject` (ACCESS.md §3): known roles and statuses, real dates, an upper-case alpha-3 nationality. */
export const SubjectSchema = z.object({
  kind: z.enum(['user', 'peer']),
  id,
  orgId: id,
  orgCode: code,
  partner: z.boolean(),
  nationality: z.string().regex(/^[A-Z]{3}$/),
  memberships: z.array(
    z.object({ org: code, status: z.enum(MEMBERSHIP_STATUSES), from: isoDate, to: isoDate.exactOptional() }),
  ),
  clearances: z.record(code, z.object({ level: code, compartments: z.array(code), expiresOn: isoDate })),
  communities: z.array(
    z.object({ id, role: z.enum(COMMUNITY_ROLES), from: isoDate, to: isoDate.exactOptional() }),
  ),
  roles: z.array(z.enum(ROLES)),
  assurance: z.enum(ASSURANCES),
});

const ceilings = z.record(code, code);
const labelLike = z.unknown().exactOptional();

const ResourceSchema = z.object({
  kind: z.enum(RECORD_KINDS),
  communityId: id,
  ownerOrgId: id,
  originatorOrgId: id,
  partyOrgIds: z.array(id),
  tlpRecipients: z
    .object({
      orgIds: z.array(id),
      clientOrgIds: z.array(id).exactOptional(),
      userIds: z.array(id).exactOptional(),
    })
    .exactOptional(),
  consents: z.array(z.object({ recipientOrgId: id })).exactOptional(),
  sourcesLabel: labelLike,
  currentLabel: labelLike,
  communityFloor: labelLike,
  communityCeiling: labelLike,
});

const registry = z.custom<PolicyRegistry>((x) => isRegistry(x));
const instant = z.string().refine(isInstant);

const ContextSchema = z.object({
  now: instant,
  registry,
  environmentCeiling: ceilings,
  resource: ResourceSchema,
  recipient: SubjectSchema.exactOptional(),
  linkCeiling: ceilings.exactOptional(),
  secondApproverId: id.exactOptional(),
});

const LabelCheckContextSchema = z.object({ now: instant, registry, environmentCeiling: ceilings });

/** Whether `a` is one of the nine actions. */
export const isAction = (a: unknown): a is Action =>
  typeof a === 'string' && (ACTIONS as readonly string[]).includes(a);

/** A validated copy of the subject, or undefined. */
export function parseSubject(x: unknown): Subject | undefined {
  const r = SubjectSchema.safeParse(x);
  return r.success ? (r.data as Subject) : undefined;
}

/** A validated copy of the decision context (the registry object is kept as is), or undefined. */
export function parseContext(x: unknown): DecisionContext | undefined {
  const r = ContextSchema.safeParse(x);
  return r.success ? (r.data as DecisionContext) : undefined;
}

/** A validated copy of the label-check context, or undefined. */
export function parseLabelCheckContext(x: unknown): LabelCheckContext | undefined {
  const r = LabelCheckContextSchema.safeParse(x);
  return r.success ? (r.data as LabelCheckContext) : undefined;
}

/**
 * Checks the parts of a subject that need the registry: every clearance held in a registry policy names a known
 * level and known compartments, and every ceiling names a known level of its policy.
 */
export function subjectFitsRegistry(s: Subject, reg: PolicyRegistry): boolean {
  return Object.entries(s.clearances).every(([policy, c]) => {
    const def = reg.policy(policy.toUpperCase());
    if (def === undefined) return true; // a clearance in a policy this deployment does not hold grants nothing
    return (
      reg.level(def.id, c.level.toUpperCase()) !== undefined &&
      c.compartments.every((x) => def.compartments.includes(x.toUpperCase()))
    );
  });
}

/** Whether every ceiling entry for a registry policy names one of its levels. */
export function ceilingsFitRegistry(c: Record<string, string> | undefined, reg: PolicyRegistry): boolean {
  if (c === undefined) return true;
  return Object.entries(c).every(([policy, level]) => {
    const def = reg.policy(policy.toUpperCase());
    return def === undefined || reg.level(def.id, level.toUpperCase()) !== undefined;
  });
}

/** Whether every label the resource carries (sources, current, community floor and ceiling) is valid against the registry. */
export function resourceLabelsValid(ctx: DecisionContext): boolean {
  const { sourcesLabel, currentLabel, communityFloor, communityCeiling } = ctx.resource;
  return [sourcesLabel, currentLabel, communityFloor, communityCeiling].every(
    (l) => l === undefined || validateLabel(l, ctx.registry).length === 0,
  );
}
