/**
 * An owner's approval of the current plan version (DOMAIN.md §2.1, §4.2): by a home approver of the
 * ministry (or an echelon below it) or a partner approver of a co-owning organisation, on a plan
 * released to them (hidden = 404). 403 for a non-owner, 409 for a stale version or a second
 * approval by the same owner. The last owner's approval in consultation makes the plan agreed.
 * The approval row, the plan's new state and the audit events commit in one transaction.
 */
import { DomainError, checkPlanApproval, notFound } from '@entente/core';
import { reference, scoped } from '@entente/db';
import type { UseCaseCtx } from '../../context';
import { presentPlanDetail, subjectOrgChain } from './present-plan';

export async function approvePlan(uc: UseCaseCtx, id: string, planVersion: number) {
  const p = await scoped.findPlan(uc.tx, uc.scope, id, true);
  if (!p) throw notFound('plan');
  const approvals = await scoped.planApprovals(uc.tx, uc.scope, [p.id]);
  const outcome = checkPlanApproval(
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
    { orgChain: await subjectOrgChain(uc), roles: uc.subject.roles, partner: uc.subject.partner },
    planVersion,
  );
  // The domain rules permitted this owner's approval: allow the write under the plan's label here
  // (partner approvers hold no general write labels), in this transaction only.
  await scoped.allowLabelsInTx(uc.tx, uc.scope, [p.labelId]);
  const a = await scoped.insertPlanApproval(uc.tx, p, {
    planVersion,
    orgId: outcome.ownerOrgId,
    userId: uc.subject.id,
  });
  const after = await scoped.updatePlan(
    uc.tx,
    uc.scope,
    id,
    p.version,
    { status: outcome.status },
    uc.subject.id,
  );
  if (!after)
    throw new DomainError('stale_version', 'Someone else changed this plan. Reload to see their changes.');
  const codes = await reference.organisationsByIds(uc.tx, p.ownerOrgIds);
  const code = (o: string) => codes.get(o)?.code ?? o;
  await uc.audit({
    action: 'plan.approval',
    entity: 'plan',
    entityId: id,
    entityVersion: after.version,
    labelId: p.labelId,
    decision: 'permit',
    after: { planVersion, owner: code(outcome.ownerOrgId), approvalId: a.id, at: a.approvedAt },
    details: { awaiting: outcome.pending.map(code) },
  });
  if (after.status !== p.status)
    await uc.audit({
      action: `plan.${after.status}`,
      entity: 'plan',
      entityId: id,
      entityVersion: after.version,
      labelId: p.labelId,
      decision: 'permit',
      before: { status: p.status },
      after: { status: after.status, planVersion },
    });
  return { plan: await presentPlanDetail(uc, after), awaiting: outcome.pending.map(code) };
}
