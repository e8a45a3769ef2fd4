/**
 * Edit a plan's content (optimistic concurrency on `expectedVersion`). An unapproved version is
 * edited in place; after any approval, or of an agreed or active plan, the edit opens the next
 * version and the approvals start again (DOMAIN.md §2.1). One transaction with its audit event.
 */
import { DomainError, forbidden, notFound, planEditOutcome } from '@entente/core';
import type { PlanDetail, PlanUpdate } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../../context';
import { assertPlanContent, partyOrgIdsOf, toContent } from './plan-content';
import { mayEditPlans, presentPlanDetail, subjectOrgChain } from './present-plan';

const stale = () =>
  new DomainError('stale_version', 'Someone else changed this plan. Reload to see their changes.');

export async function updatePlan(uc: UseCaseCtx, id: string, u: PlanUpdate): Promise<PlanDetail> {
  const p = await scoped.findPlan(uc.tx, uc.scope, id, true);
  if (!p) throw notFound('plan');
  if (!mayEditPlans(uc)) throw forbidden('Your role cannot change cooperation plans.');
  if (p.version !== u.expectedVersion) throw stale();
  const approvals = await scoped.planApprovals(uc.tx, uc.scope, [p.id]);
  const outcome = planEditOutcome({
    status: p.status,
    planVersion: p.planVersion,
    ownerOrgIds: p.ownerOrgIds,
    approvals: approvals.map((a) => ({
      orgId: a.orgId,
      userId: a.userId,
      planVersion: a.planVersion,
      at: a.approvedAt,
    })),
  });
  const content = toContent(u.plan);
  await assertPlanContent(uc, content, await subjectOrgChain(uc));
  // Parties only grow: whoever could see the plan keeps seeing its history.
  const partyOrgIds = await partyOrgIdsOf(uc, content, p.partyOrgIds);
  const after = await scoped.updatePlan(
    uc.tx,
    uc.scope,
    id,
    u.expectedVersion,
    {
      title: content.title,
      kind: content.kind,
      ownerOrgIds: content.ownerOrgIds,
      partnerIso3s: content.partnerIso3s,
      from: content.from,
      to: content.to,
      reviewCycleMonths: content.reviewCycleMonths,
      partnerPriorities: content.partnerPriorities,
      goals: content.goals,
      planVersion: outcome.planVersion,
      status: outcome.status,
      partyOrgIds,
    },
    uc.subject.id,
  );
  if (!after) throw stale();
  await scoped.savePlanVersion(uc.tx, after, outcome.planVersion, content, uc.subject.id);
  await uc.audit({
    action: 'plan.updated',
    entity: 'plan',
    entityId: id,
    entityVersion: after.version,
    labelId: after.labelId,
    decision: 'permit',
    before: {
      status: p.status,
      planVersion: p.planVersion,
      title: p.title,
      from: p.from,
      to: p.to,
      goals: p.goals,
    },
    after: { status: after.status, planVersion: after.planVersion, ...content },
    details: outcome.newVersion ? { newPlanVersion: outcome.planVersion, approvalsReset: true } : null,
  });
  return presentPlanDetail(uc, after);
}
