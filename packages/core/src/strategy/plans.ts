/**
 * Cooperation plans (DOMAIN.md §2.1, §4.2). Pure.
 *
 * States: draft → in_consultation → agreed → active → under_review → active|superseded|closed.
 * Every plan version needs the approval of every owner (the ministry, plus the partner body or
 * alliance when co-owned). The last owner's approval of the current version makes an
 * in-consultation plan `agreed`; an under-review plan returns to `active` only once every owner has
 * approved its current version. An edit after any approval (or of an agreed or active plan, whose
 * version is immutable) opens a new `planVersion`, and the approvals start again.
 */
import { DomainError, type FieldProblem } from '../shared/errors';

export const PLAN_STATUSES = [
  'draft',
  'in_consultation',
  'agreed',
  'active',
  'under_review',
  'superseded',
  'closed',
] as const;
export type PlanStatus = (typeof PLAN_STATUSES)[number];

export const PLAN_TRANSITIONS: Readonly<Record<PlanStatus, readonly PlanStatus[]>> = {
  draft: ['in_consultation'],
  in_consultation: ['agreed'],
  agreed: ['active'],
  active: ['under_review'],
  under_review: ['active', 'superseded', 'closed'],
  superseded: [],
  closed: [],
};

/** Transitions a user asks for directly; `agreed` follows from the owners' approvals only. */
export const PLAN_REQUESTABLE: readonly PlanStatus[] = [
  'in_consultation',
  'active',
  'under_review',
  'superseded',
  'closed',
];

/** Statuses in which owners approve the current version. */
export const PLAN_APPROVABLE: readonly PlanStatus[] = ['in_consultation', 'under_review'];

/** Statuses whose content can no longer change. */
export const PLAN_FINAL: readonly PlanStatus[] = ['superseded', 'closed'];

/** The roles that approve a plan version on behalf of an owner: home approvers and partner approvers. */
export const PLAN_APPROVER_ROLES = { home: 'approver', partner: 'partner_approver' } as const;

/** The longest a plan may run (DOMAIN.md §2.1). */
export const PLAN_MAX_YEARS = 5;

export const isPlanStatus = (s: string): s is PlanStatus => (PLAN_STATUSES as readonly string[]).includes(s);

export interface PlanGoal {
  code: string;
  title: string;
  objectiveIds: string[];
  targetDate: string;
  /** Indexes (0-based) into the plan's partner priorities that this goal serves. */
  partnerPriorityRefs?: number[] | undefined;
}

export interface PlanContribution {
  orgId: string;
  pledged?: { amount: string; currency: string } | undefined;
  personDays?: number | undefined;
}

export interface PlanContent {
  ownerOrgIds: string[];
  from: string;
  to: string;
  reviewCycleMonths: number;
  partnerPriorities: string[];
  goals: PlanGoal[];
  contributions: PlanContribution[];
}

/** `iso` plus `years` calendar years (29 February becomes 28 February in a common year). */
export function addYears(iso: string, years: number): string {
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const ty = y + years;
  const last = new Date(Date.UTC(ty, m, 0)).getUTCDate();
  return `${String(ty).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/**
 * The content invariants, each with its field path: `to` not before `from` and at most five years
 * after it; goal codes unique; every goal linked to at least one objective and due inside the plan;
 * partner-priority references in range; one contribution per organisation; at least one owner.
 * `knownObjectiveIds`, when given, are the objectives the author may link (others are unknown).
 */
export function checkPlanContent(p: PlanContent, knownObjectiveIds?: ReadonlySet<string>): FieldProblem[] {
  const out: FieldProblem[] = [];
  if (p.ownerOrgIds.length === 0) out.push({ path: 'ownerOrgIds', message: 'name at least one owner' });
  if (new Set(p.ownerOrgIds).size !== p.ownerOrgIds.length)
    out.push({ path: 'ownerOrgIds', message: 'an owner is listed twice' });
  if (p.to < p.from) out.push({ path: 'to', message: 'ends before it starts' });
  else if (p.to > addYears(p.from, PLAN_MAX_YEARS))
    out.push({
      path: 'to',
      message: `a plan runs at most ${PLAN_MAX_YEARS} years (until ${addYears(p.from, PLAN_MAX_YEARS)})`,
    });
  if (!Number.isInteger(p.reviewCycleMonths) || p.reviewCycleMonths < 1 || p.reviewCycleMonths > 60)
    out.push({ path: 'reviewCycleMonths', message: 'between 1 and 60 months' });
  const seen = new Set<string>();
  p.goals.forEach((g, i) => {
    const code = g.code.trim().toUpperCase();
    if (seen.has(code))
      out.push({ path: `goals.${i}.code`, message: `the code ${g.code} is used by another goal` });
    seen.add(code);
    if (g.objectiveIds.length === 0)
      out.push({
        path: `goals.${i}.objectiveIds`,
        message: 'link the goal to at least one of our objectives',
      });
    else if (knownObjectiveIds) {
      const unknown = g.objectiveIds.filter((o) => !knownObjectiveIds.has(o));
      if (unknown.length) out.push({ path: `goals.${i}.objectiveIds`, message: 'unknown objective' });
    }
    if (g.targetDate < p.from || g.targetDate > p.to)
      out.push({ path: `goals.${i}.targetDate`, message: 'must fall within the plan period' });
    for (const r of g.partnerPriorityRefs ?? [])
      if (!Number.isInteger(r) || r < 0 || r >= p.partnerPriorities.length)
        out.push({
          path: `goals.${i}.partnerPriorityRefs`,
          message: 'refers to a partner priority that does not exist',
        });
  });
  const orgs = new Set<string>();
  p.contributions.forEach((c, i) => {
    if (orgs.has(c.orgId))
      out.push({ path: `contributions.${i}.orgId`, message: 'one contribution per organisation' });
    orgs.add(c.orgId);
    if (!c.pledged && c.personDays === undefined)
      out.push({ path: `contributions.${i}`, message: 'give a pledge or person-days' });
    if (c.personDays !== undefined && (!Number.isInteger(c.personDays) || c.personDays < 0))
      out.push({ path: `contributions.${i}.personDays`, message: 'a whole number of days, not negative' });
  });
  return out;
}

export interface PlanApprovalRecord {
  orgId: string;
  userId: string;
  planVersion: number;
  at: string;
}

export interface PlanState {
  status: string;
  planVersion: number;
  ownerOrgIds: string[];
  /** Approvals of every version (only those of `planVersion` count). */
  approvals: readonly PlanApprovalRecord[];
}

/** The owners still to approve the current version, in owner order. */
export function pendingOwners(p: PlanState): string[] {
  const done = new Set(p.approvals.filter((a) => a.planVersion === p.planVersion).map((a) => a.orgId));
  return p.ownerOrgIds.filter((o) => !done.has(o));
}

/** The owner an organisation acts for: itself or its nearest ancestor that owns the plan (ministry echelons). */
export function owningOrg(ownerOrgIds: readonly string[], orgChain: readonly string[]): string | null {
  return orgChain.find((o) => ownerOrgIds.includes(o)) ?? null;
}

export interface Approver {
  /** The user's organisation, then its ancestors, nearest first. */
  orgChain: readonly string[];
  roles: readonly string[];
  partner: boolean;
}

/** Whether this user could approve for some owner (role and ownership only; state aside). */
export function mayApprovePlan(p: Pick<PlanState, 'ownerOrgIds'>, a: Approver): boolean {
  const role = a.partner ? PLAN_APPROVER_ROLES.partner : PLAN_APPROVER_ROLES.home;
  return a.roles.includes(role) && owningOrg(p.ownerOrgIds, a.orgChain) !== null;
}

export interface ApprovalOutcome {
  /** The owner the approval is recorded for. */
  ownerOrgId: string;
  /** Owners still to approve after this one. */
  pending: string[];
  /** The status after the approval (`agreed` when the last owner approved in consultation). */
  status: PlanStatus;
}

/**
 * Check an approval of version `planVersion` and compute its effect. Throws `forbidden` (403) when
 * the user's organisation is not an owner or the user lacks the approver role, `stale_version` (409)
 * when the version is no longer current, `invalid_transition` (409) when the plan is not awaiting
 * approvals, and `conflict` (409) when this owner has already approved the version.
 */
export function checkPlanApproval(p: PlanState, a: Approver, planVersion: number): ApprovalOutcome {
  const ownerOrgId = owningOrg(p.ownerOrgIds, a.orgChain);
  if (!ownerOrgId) throw new DomainError('forbidden', 'Your organisation is not an owner of this plan.');
  const role = a.partner ? PLAN_APPROVER_ROLES.partner : PLAN_APPROVER_ROLES.home;
  if (!a.roles.includes(role))
    throw new DomainError(
      'forbidden',
      `Only a user with the ${role.replace('_', ' ')} role approves for an owner.`,
    );
  if (planVersion !== p.planVersion)
    throw new DomainError(
      'stale_version',
      `Version ${planVersion} is no longer current: the plan is at version ${p.planVersion}. Review it and approve again.`,
    );
  if (!isPlanStatus(p.status) || !PLAN_APPROVABLE.includes(p.status))
    throw new DomainError(
      'invalid_transition',
      p.status === 'draft'
        ? 'Submit the plan for consultation before approving it.'
        : `A plan that is ${p.status.replace('_', ' ')} is not awaiting approvals.`,
    );
  if (p.approvals.some((x) => x.planVersion === p.planVersion && x.orgId === ownerOrgId))
    throw new DomainError('conflict', 'Your organisation has already approved this version.');
  const pending = pendingOwners(p).filter((o) => o !== ownerOrgId);
  const status: PlanStatus = p.status === 'in_consultation' && pending.length === 0 ? 'agreed' : p.status;
  return { ownerOrgId, pending, status };
}

export interface EditOutcome {
  /** The version the edited content belongs to. */
  planVersion: number;
  /** True when the edit opened a new version (the approvals start again). */
  newVersion: boolean;
  status: PlanStatus;
}

/**
 * The effect of editing a plan's content. A draft, or a version no owner has approved yet, is edited
 * in place. Otherwise the edit opens a new version: an agreed plan goes back into consultation, and an
 * active plan (whose version is immutable) goes under review. Superseded and closed plans do not change.
 */
export function planEditOutcome(p: PlanState): EditOutcome {
  if (!isPlanStatus(p.status) || PLAN_FINAL.includes(p.status))
    throw new DomainError('invalid_transition', `A ${p.status} plan can no longer be changed.`);
  const approved = p.approvals.some((a) => a.planVersion === p.planVersion);
  const locked = p.status === 'agreed' || p.status === 'active';
  if (!approved && !locked) return { planVersion: p.planVersion, newVersion: false, status: p.status };
  const status: PlanStatus =
    p.status === 'agreed' ? 'in_consultation' : p.status === 'active' ? 'under_review' : p.status;
  return { planVersion: p.planVersion + 1, newVersion: true, status };
}

/**
 * Check a requested transition. `agreed` cannot be requested (it follows from approvals);
 * `under_review → active` needs every owner's approval of the current version; closing or
 * superseding needs a reason.
 */
export function checkPlanTransition(p: PlanState, to: string, reason?: string | null): PlanStatus {
  if (
    !isPlanStatus(p.status) ||
    !isPlanStatus(to) ||
    !PLAN_TRANSITIONS[p.status].includes(to) ||
    !PLAN_REQUESTABLE.includes(to)
  )
    throw new DomainError(
      'invalid_transition',
      to === 'agreed'
        ? 'A plan is agreed when every owner has approved its version.'
        : `A plan cannot go from ${p.status} to ${to}.`,
    );
  if (p.status === 'under_review' && to === 'active' && pendingOwners(p).length > 0)
    throw new DomainError(
      'guard_failed',
      'Every owner must approve the current version before the plan is active again.',
    );
  if ((to === 'closed' || to === 'superseded') && !reason?.trim())
    throw new DomainError('guard_failed', `Give a reason for marking the plan ${to}.`, [
      { path: 'reason', message: 'required' },
    ]);
  return to;
}

/** The transitions a user may request from a status, given the approvals so far. */
export function planTransitionsFrom(p: PlanState): PlanStatus[] {
  if (!isPlanStatus(p.status)) return [];
  return PLAN_TRANSITIONS[p.status].filter(
    (t) =>
      PLAN_REQUESTABLE.includes(t) &&
      !(p.status === 'under_review' && t === 'active' && pendingOwners(p).length > 0),
  );
}

export interface PlanScope {
  id: string;
  code: string;
  status: string;
  ownerOrgIds: readonly string[];
  partnerIso3s: readonly string[];
}

/**
 * The other active plan that activating `p` would duplicate: at most one active plan exists per
 * partner and owner set (DOMAIN.md §2.1). Null when there is none.
 */
export function activePlanConflict(p: PlanScope, others: readonly PlanScope[]): PlanScope | null {
  const owners = [...p.ownerOrgIds].sort().join(',');
  return (
    others.find(
      (o) =>
        o.id !== p.id &&
        o.status === 'active' &&
        [...o.ownerOrgIds].sort().join(',') === owners &&
        o.partnerIso3s.some((iso3) => p.partnerIso3s.includes(iso3)),
    ) ?? null
  );
}
