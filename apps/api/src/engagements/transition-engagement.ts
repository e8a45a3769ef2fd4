/** Move an engagement through its lifecycle (DOMAIN.md §2.3), enforcing each transition's guards. */
import { DomainError, ENGAGEMENT_TYPE_INFO, canTransition, forbidden, notFound, type EngagementStatus } from '@entente/core';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentEngagement } from './present';
import { checkEngagement } from './check-engagement';
import { onEngagementTransition } from '../due-items/raise';

export interface TransitionInput {
  to: EngagementStatus;
  version: number;
  reason?: string | undefined;
  actualStart?: string | undefined;
  actualEnd?: string | undefined;
}

const guard = (message: string, path?: string) => new DomainError('guard_failed', message, path ? [{ path, message }] : []);

export async function transitionEngagement(uc: UseCaseCtx, id: string, t: TransitionInput) {
  const e = await scoped.findEngagement(uc.tx, uc.scope, id, true);
  if (!e) throw notFound('engagement');
  if (!uc.access.can(uc.subject, 'update', 'engagement')) throw forbidden('Your role cannot change engagements.');
  if (e.version !== t.version) throw new DomainError('stale_version', 'Someone else changed this engagement. Reload to see their changes.');
  if (!canTransition(e.status, t.to)) throw new DomainError('invalid_transition', `An engagement cannot go from ${e.status} to ${t.to}.`);
  const next = { ...e, status: t.to };
  const approver = uc.subject.roles.includes('approver');
  if (t.to === 'proposed') next.proposedBy = uc.subject.id;
  if (t.to === 'cancelled' && !t.reason?.trim()) throw guard('Give a reason for cancelling.', 'reason');
  if (t.to === 'approved') {
    if (!approver) throw forbidden('Only an approver can approve an engagement.');
    if (e.proposedBy === uc.subject.id) throw guard('The approver must not be the proposer.');
    next.approvedBy = uc.subject.id;
    if (!e.fundingSourceId) throw guard('Set a funding source before approval.', 'fundingSourceId');
    const warnings = await checkEngagement(uc, e);
    const blocking = warnings.filter((w) => w.severity === 'blocking');
    if (blocking.length && !t.reason?.trim()) throw guard(`Resolve or override (with a reason) the blocking checks: ${blocking.map((b) => b.message).join(' ')}`, 'reason');
    for (const iso3 of e.partnerIso3s) {
      const p = await scoped.findPartnerRecord(uc.tx, uc.scope, iso3);
      if (p?.status === 'suspended') throw guard(`${iso3} is suspended as a partner: no engagement with it can be approved.`);
      if (p?.status === 'restricted' && !(p.allowedTypes ?? []).includes(e.type)) throw guard(`${iso3} is restricted: only ${(p.allowedTypes ?? []).join(', ') || 'no'} engagement types can be approved.`);
    }
    const noAgreement = warnings.filter((w) => w.kind === 'no_agreement');
    if (noAgreement.length) throw guard(noAgreement.map((w) => w.message).join(' '));
  }
  if (t.to === 'ongoing') {
    next.actualStart = t.actualStart ?? e.actualStart;
    if (!next.actualStart) throw guard('Record the actual start date.', 'actualStart');
  }
  if (t.to === 'completed' && e.status === 'ongoing') {
    next.actualEnd = t.actualEnd ?? e.actualEnd;
    if (!next.actualEnd) throw guard('Record the actual end date.', 'actualEnd');
  }
  if (t.to === 'closed' && !e.outcomeSummary?.trim()) throw guard('Write the outcome summary (after-action) before closing.', 'outcomeSummary');
  if (e.status === 'closed' && t.to === 'completed') {
    if (!approver) throw forbidden('Only an approver can reopen a closed engagement.');
    if (!t.reason?.trim()) throw guard('Give a reason for reopening.', 'reason');
  }
  const { id: _id, version: _v, createdAt: _c, updatedAt: _u, ...write } = next;
  const after = await scoped.updateEngagement(uc.tx, uc.scope, id, t.version, write, uc.subject.id);
  if (!after) throw new DomainError('stale_version', 'Someone else changed this engagement. Reload to see their changes.');
  await uc.audit({
    action: `engagement.${t.to}`, entity: 'engagement', entityId: id, entityVersion: after.version, labelId: after.labelId, decision: 'permit',
    reason: t.reason ?? null, before: { status: e.status }, after: { status: t.to, type: ENGAGEMENT_TYPE_INFO[e.type].type },
  });
  await onEngagementTransition(uc, e, after);
  return presentEngagement(uc, after, []);
}
