/**
 * Move an initiative through its lifecycle (DOMAIN.md §2.1): proposed → approved → active → closing
 * → closed; active ⇄ suspended; proposed|approved → cancelled. Only an approver changes the state.
 * Approval enforces every gate of invariant 5 at once (422 with each unmet gate's field path) and
 * records the capability assessments it relied on. Cancelling and suspending need a reason.
 * Closing a `significant` initiative needs a stored evaluation of it that the approver can read
 * (invariant 6; Entente has no final-assessment record yet, so an evaluation is the only evidence).
 */
import {
  DomainError,
  assertInitiativeApprovable,
  assertInitiativeClosable,
  canTransitionInitiative,
  forbidden,
  notFound,
} from '@entente/core';
import type { InitiativeDetail, InitiativeTransition } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../../context';
import { today } from '../../capability/present';
import { getInitiativeDetail } from './get-initiative';
import { toGateInitiative } from './gate-input';

const stale = () =>
  new DomainError('stale_version', 'Someone else changed this initiative. Reload to see their changes.');

export async function transitionInitiative(
  uc: UseCaseCtx,
  id: string,
  t: InitiativeTransition,
): Promise<InitiativeDetail> {
  const i = await scoped.findInitiativeForUpdate(uc.tx, uc.scope, id);
  if (!i) throw notFound('initiative');
  if (uc.subject.partner || !uc.access.can(uc.subject, 'update', 'initiative'))
    throw forbidden('Your role cannot change initiatives.');
  if (!uc.subject.roles.includes('approver'))
    throw forbidden('Only an approver can change the state of an initiative.');
  if (i.version !== t.expectedVersion) throw stale();
  if (!canTransitionInitiative(i.status, t.to))
    throw new DomainError('invalid_transition', `An initiative cannot go from ${i.status} to ${t.to}.`);
  if ((t.to === 'cancelled' || t.to === 'suspended') && !t.reason?.trim())
    throw new DomainError(
      'guard_failed',
      `Give a reason for ${t.to === 'cancelled' ? 'cancelling' : 'suspending'} the initiative.`,
      [{ path: 'reason', message: 'required' }],
    );
  if (t.to === 'closed') {
    const evaluations = await scoped.evaluationsOf(uc.tx, uc.scope, 'initiative', id);
    assertInitiativeClosable(i.significance, { evaluations: evaluations.length });
  }
  let capabilityAssessmentIds = i.capabilityAssessmentIds;
  if (t.to === 'approved') {
    const assessments = await scoped.listCapabilityAssessments(uc.tx, uc.scope, i.partnerIso3s);
    capabilityAssessmentIds = assertInitiativeApprovable(toGateInitiative(i), assessments, today());
  }
  const after = await scoped.updateInitiative(
    uc.tx,
    uc.scope,
    id,
    t.expectedVersion,
    { status: t.to, capabilityAssessmentIds },
    uc.subject.id,
  );
  if (!after) throw stale();
  await uc.audit({
    action: `initiative.${t.to}`,
    entity: 'initiative',
    entityId: id,
    entityVersion: after.version,
    labelId: after.labelId,
    decision: 'permit',
    reason: t.reason ?? null,
    before: { status: i.status },
    after: { status: t.to },
    details: t.to === 'approved' ? { capabilityAssessmentIds } : null,
  });
  return getInitiativeDetail(uc, id);
}
