/**
 * Capability assessments (DOMAIN.md §2.2): draft → submitted → approved → superseded. The approver
 * is not the assessor. Approving one supersedes the earlier approved assessment of the same partner
 * unit in the same capability area. Pure.
 */
import { DomainError } from '../shared/errors';

export const CAPABILITY_ASSESSMENT_STATUSES = ['draft', 'submitted', 'approved', 'superseded'] as const;
export type CapabilityAssessmentStatus = (typeof CAPABILITY_ASSESSMENT_STATUSES)[number];
export const CAPABILITY_ASSESSMENT_TRANSITIONS: Readonly<
  Record<CapabilityAssessmentStatus, readonly CapabilityAssessmentStatus[]>
> = {
  draft: ['submitted'],
  submitted: ['approved'],
  approved: ['superseded'],
  superseded: [],
};
export const ASSESSMENT_METHODS = ['desk', 'visit', 'self_evaluation', 'joint', 'external'] as const;
export const ABSORPTIVE_RATINGS = ['low', 'medium', 'high'] as const;

/** The role that approves capability assessments (besides update rights on the record). */
export const CAPABILITY_APPROVER_ROLE = 'approver' as const;

/** Check a requested transition; `superseded` is reached only by approving a newer assessment. */
export function planCapabilityTransition(
  a: { status: string; assessorId: string | null },
  to: string,
  actor: { id: string; roles: readonly string[] },
): CapabilityAssessmentStatus {
  const from = a.status as CapabilityAssessmentStatus;
  const allowed = CAPABILITY_ASSESSMENT_TRANSITIONS[from] ?? [];
  if (to === 'superseded' || !(allowed as readonly string[]).includes(to))
    throw new DomainError(
      'invalid_transition',
      `A capability assessment cannot go from ${a.status} to ${to}.`,
    );
  if (to === 'approved') {
    if (!actor.roles.includes(CAPABILITY_APPROVER_ROLE))
      throw new DomainError('forbidden', 'Only an approver can approve a capability assessment.');
    if (a.assessorId === actor.id)
      throw new DomainError('guard_failed', 'The approver must not be the assessor.', [
        { path: 'approver', message: 'someone other than the assessor approves' },
      ]);
  }
  return to as CapabilityAssessmentStatus;
}
