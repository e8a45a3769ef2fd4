/** Draft a cooperation plan: content invariants, label decision, version 1, audit — one transaction. */
import { DomainError, forbidden } from '@entente/core';
import type { PlanDetail, PlanInput } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../../context';
import { resolveWriteLabel } from '../../access/labels';
import { assertPlanContent, partyOrgIdsOf, toContent } from './plan-content';
import { mayEditPlans, presentPlanDetail, subjectOrgChain } from './present-plan';

export async function createPlan(uc: UseCaseCtx, i: PlanInput): Promise<PlanDetail> {
  if (!mayEditPlans(uc) || !uc.access.can(uc.subject, 'create', 'plan'))
    throw forbidden('Your role cannot draft cooperation plans.');
  const content = toContent(i);
  await assertPlanContent(uc, content, await subjectOrgChain(uc));
  if (await scoped.planCodeTaken(uc.tx, uc.scope, i.code, i.communityId))
    throw new DomainError('conflict', 'A plan with that code exists in this community.', [
      { path: 'code', message: 'already used' },
    ]);
  // Party to the plan: its owners, contributors, the partners' defence ministries and the author.
  const partyOrgIds = await partyOrgIdsOf(uc, content, [uc.subject.orgId]);
  const labelId = await resolveWriteLabel(uc, i.label, 'create', {
    kind: 'plan',
    communityId: i.communityId,
    partyOrgIds,
  });
  const p = await scoped.insertPlan(uc.tx, {
    code: i.code,
    title: content.title,
    kind: content.kind,
    ownerOrgIds: content.ownerOrgIds,
    partnerIso3s: content.partnerIso3s,
    from: content.from,
    to: content.to,
    reviewCycleMonths: content.reviewCycleMonths,
    partnerPriorities: content.partnerPriorities,
    goals: content.goals,
    planVersion: 1,
    status: 'draft',
    labelId,
    communityId: i.communityId,
    ownerOrgId: uc.subject.orgId,
    partyOrgIds,
    createdBy: uc.subject.id,
    updatedBy: uc.subject.id,
  });
  await scoped.savePlanVersion(uc.tx, p, 1, content, uc.subject.id);
  await uc.audit({
    action: 'plan.created',
    entity: 'plan',
    entityId: p.id,
    entityVersion: p.version,
    labelId,
    decision: 'permit',
    after: { code: p.code, status: p.status, planVersion: 1, ...content },
  });
  return presentPlanDetail(uc, p);
}
