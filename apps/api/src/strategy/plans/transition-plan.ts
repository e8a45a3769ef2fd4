/**
 * Move a plan through its lifecycle (DOMAIN.md §2.1): submit for consultation, activate an agreed
 * plan (at most one active plan per partner and owner set), start a review, return to active once
 * every owner approved the current version, supersede or close (with a reason). 409 on a stale
 * version or a transition DOMAIN.md does not list. One transaction with its audit event.
 */
import { DomainError, activePlanConflict, checkPlanTransition, forbidden, notFound } from '@entente/core';
import type { PlanDetail, PlanTransition } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../../context';
import { mayEditPlans, presentPlanDetail } from './present-plan';

const stale = () =>
  new DomainError('stale_version', 'Someone else changed this plan. Reload to see their changes.');

export async function transitionPlan(uc: UseCaseCtx, id: string, t: PlanTransition): Promise<PlanDetail> {
  const p = await scoped.findPlan(uc.tx, uc.scope, id, true);
  if (!p) throw notFound('plan');
  if (!mayEditPlans(uc)) throw forbidden('Your role cannot change cooperation plans.');
  if (p.version !== t.version) throw stale();
  const approvals = await scoped.planApprovals(uc.tx, uc.scope, [p.id]);
  const to = checkPlanTransition(
    {
      status: p.status,
      planVersion: p.planVersion,
      ownerOrgIds: p.ownerOrgIds,
      approvals: approvals.map((a) => ({
        orgId: a.orgId,
        userId: a.userId,
        planVersion: a.planVersion,
        at: a.approvedAt,
      })),
    },
    t.to,
    t.reason,
  );
  if (to === 'active') {
    const clash = activePlanConflict(p, await scoped.listPlans(uc.tx, uc.scope));
    if (clash)
      throw new DomainError(
        'guard_failed',
        `${clash.code} is already the active plan for these partners and owners: supersede or close it first.`,
      );
  }
  const after = await scoped.updatePlan(uc.tx, uc.scope, id, t.version, { status: to }, uc.subject.id);
  if (!after) throw stale();
  await uc.audit({
    action: `plan.${to}`,
    entity: 'plan',
    entityId: id,
    entityVersion: after.version,
    labelId: after.labelId,
    decision: 'permit',
    reason: t.reason?.trim() || null,
    before: { status: p.status },
    after: { status: to, planVersion: p.planVersion },
  });
  return presentPlanDetail(uc, after);
}
