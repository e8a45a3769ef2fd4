/**
 * Partner relationship status (DOMAIN.md §2.2): prospective → active; active ⇄ restricted;
 * active|restricted → suspended → active|restricted. While suspended, no engagement with the
 * partner can be approved and each of its ongoing engagements owes a review within 7 days.
 * Who may change it: an `approver` (the role that approves engagements, which the status gates)
 * who may also update the partner record. Suspending and reinstating need a reason. Pure.
 */
import { DomainError } from '../shared/errors';

export const PARTNER_STATUSES = ['prospective', 'active', 'restricted', 'suspended'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const PARTNER_TRANSITIONS: Readonly<Record<PartnerStatus, readonly PartnerStatus[]>> = {
  prospective: ['active'],
  active: ['restricted', 'suspended'],
  restricted: ['active', 'suspended'],
  suspended: ['active', 'restricted'],
};

/** The role that may change a partner's status (besides update rights on the record). */
export const PARTNER_STATUS_ROLE = 'approver' as const;

export const isPartnerStatus = (s: string): s is PartnerStatus =>
  (PARTNER_STATUSES as readonly string[]).includes(s);

export function canTransitionPartner(from: string, to: string): boolean {
  return isPartnerStatus(from) && isPartnerStatus(to) && PARTNER_TRANSITIONS[from].includes(to);
}

/** The statuses a partner can move to from `status`. */
export function partnerTransitionsFrom(status: string): PartnerStatus[] {
  return isPartnerStatus(status) ? [...PARTNER_TRANSITIONS[status]] : [];
}

export interface PartnerStatusPlan {
  from: PartnerStatus;
  to: PartnerStatus;
  reason: string;
  /** Entering suspension: each ongoing engagement owes a review. */
  suspends: boolean;
  /** Leaving suspension: those reviews are settled. */
  reinstates: boolean;
}

/**
 * Check a status change. `invalid_transition` for a change DOMAIN.md does not list; `guard_failed`
 * with the path `reason` when no reason is given (every status change is a policy decision).
 */
export function planPartnerStatus(
  from: string,
  to: string,
  reason: string | null | undefined,
): PartnerStatusPlan {
  if (!canTransitionPartner(from, to))
    throw new DomainError('invalid_transition', `A partner cannot go from ${from} to ${to}.`);
  const r = reason?.trim() ?? '';
  if (!r) {
    const what =
      to === 'suspended' ? 'suspending' : from === 'suspended' ? 'reinstating' : 'changing the status of';
    const message = `Give a reason for ${what} the partner.`;
    throw new DomainError('guard_failed', message, [{ path: 'reason', message }]);
  }
  return {
    from: from as PartnerStatus,
    to: to as PartnerStatus,
    reason: r,
    suspends: to === 'suspended',
    reinstates: from === 'suspended',
  };
}
