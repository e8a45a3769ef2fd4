/** Wire views of cooperation plans: the list with approval state, and the detail with its history. */
import {
  PLAN_APPROVABLE,
  PLAN_FINAL,
  isPlanStatus,
  mayApprovePlan,
  owningOrg,
  pendingOwners,
  planTransitionsFrom,
  type PlanState,
} from '@entente/core';
import type { PlanDetail, PlanSummary } from '@entente/contracts';
import { organisations, reference, scoped } from '@entente/db';
import type { UseCaseCtx } from '../../context';
import { presentPlan } from '../present';
import type { StoredPlanContent } from './plan-content';

const stateOf = (p: scoped.PlanRow, approvals: scoped.PlanApprovalRow[]): PlanState => ({
  status: p.status,
  planVersion: p.planVersion,
  ownerOrgIds: p.ownerOrgIds,
  approvals: approvals
    .filter((a) => a.planId === p.id)
    .map((a) => ({ orgId: a.orgId, userId: a.userId, planVersion: a.planVersion, at: a.approvedAt })),
});

/** The subject's organisation followed by its ancestors, nearest first. */
export async function subjectOrgChain(uc: UseCaseCtx): Promise<string[]> {
  return [uc.subject.orgId, ...(await organisations.ancestorIds(uc.tx, uc.subject.orgId))];
}

/** Whether the subject may edit and move plans: a home planner or approver (partners approve only). */
export const mayEditPlans = (uc: UseCaseCtx) =>
  !uc.subject.partner && uc.access.can(uc.subject, 'update', 'plan');

/** Visible plans with the owners that have approved their current version and those still awaited. */
export async function presentPlanSummaries(uc: UseCaseCtx, plans: scoped.PlanRow[]): Promise<PlanSummary[]> {
  const approvals = await scoped.planApprovals(
    uc.tx,
    uc.scope,
    plans.map((p) => p.id),
  );
  const orgs = await reference.organisationsByIds(
    uc.tx,
    plans.flatMap((p) => p.ownerOrgIds),
  );
  const codes = new Map([...orgs].map(([id, o]) => [id, o.code]));
  return plans.map((p) => {
    const pending = new Set(pendingOwners(stateOf(p, approvals)));
    // Only a plan in consultation or under review awaits approvals.
    const waiting = isPlanStatus(p.status) && PLAN_APPROVABLE.includes(p.status);
    return {
      ...presentPlan(uc, p, codes),
      version: p.version,
      planVersion: p.planVersion,
      approvedBy: p.ownerOrgIds.filter((o) => !pending.has(o)).map((o) => codes.get(o) ?? ''),
      awaiting: waiting ? p.ownerOrgIds.filter((o) => pending.has(o)).map((o) => codes.get(o) ?? '') : [],
    };
  });
}

/** One plan with its goals' objectives, owners' approvals per version, contributions and history. */
export async function presentPlanDetail(uc: UseCaseCtx, p: scoped.PlanRow): Promise<PlanDetail> {
  const [approvals, versions] = [
    await scoped.planApprovals(uc.tx, uc.scope, [p.id]),
    await scoped.planVersions(uc.tx, uc.scope, [p.id]),
  ];
  const current = versions.find((v) => v.planVersion === p.planVersion);
  const content = (current?.content ?? null) as Partial<StoredPlanContent> | null;
  const contributions = content?.contributions ?? [];
  const goals = p.goals as {
    code: string;
    title: string;
    targetDate: string;
    objectiveIds: string[];
    partnerPriorityRefs?: number[];
  }[];
  const objs = new Map(
    (await scoped.objectivesByIds(uc.tx, uc.scope, [...new Set(goals.flatMap((g) => g.objectiveIds))])).map(
      (o) => [o.id, o],
    ),
  );
  const orgs = await reference.organisationsByIds(uc.tx, [
    ...p.ownerOrgIds,
    ...contributions.map((c) => c.orgId),
  ]);
  const names = await scoped.userNames(
    uc.tx,
    approvals.map((a) => a.userId),
  );
  const org = (id: string) => ({ id, code: orgs.get(id)?.code ?? '', name: orgs.get(id)?.name ?? '' });
  const view = (a: scoped.PlanApprovalRow) => ({
    ownerCode: orgs.get(a.orgId)?.code ?? '',
    userName: names.get(a.userId) ?? '',
    at: a.approvedAt,
  });
  const state = stateOf(p, approvals);
  const chain = await subjectOrgChain(uc);
  const mine = owningOrg(p.ownerOrgIds, chain);
  const status = isPlanStatus(p.status) ? p.status : null;
  const editable = mayEditPlans(uc) && status !== null && !PLAN_FINAL.includes(status);
  const approvable =
    status !== null &&
    PLAN_APPROVABLE.includes(status) &&
    mayApprovePlan(p, { orgChain: chain, roles: uc.subject.roles, partner: uc.subject.partner }) &&
    pendingOwners(state).includes(mine ?? '');
  const versionNumbers = [...new Set([...versions.map((v) => v.planVersion), p.planVersion])].sort(
    (a, b) => b - a,
  );
  return {
    id: p.id,
    code: p.code,
    title: p.title,
    kind: p.kind,
    status: p.status,
    from: p.from,
    to: p.to,
    reviewCycleMonths: p.reviewCycleMonths,
    partnerIso3s: p.partnerIso3s,
    partnerPriorities: p.partnerPriorities,
    version: p.version,
    planVersion: p.planVersion,
    portion: uc.mark(p.labelId),
    owners: p.ownerOrgIds.map((o) => {
      const a = approvals.find((x) => x.orgId === o && x.planVersion === p.planVersion);
      return { ...org(o), approval: a ? { userName: names.get(a.userId) ?? '', at: a.approvedAt } : null };
    }),
    goals: goals.map((g) => ({
      code: g.code,
      title: g.title,
      targetDate: g.targetDate,
      // A link to a hidden objective is dropped, never rendered as "restricted" (ACCESS.md §4.1).
      objectives: g.objectiveIds.flatMap((id) => {
        const o = objs.get(id);
        return o ? [{ id, code: o.code, title: o.title }] : [];
      }),
      partnerPriorityRefs: g.partnerPriorityRefs ?? [],
    })),
    contributions: contributions.map((c) => ({
      org: org(c.orgId),
      pledged: c.pledged ?? null,
      personDays: c.personDays ?? null,
    })),
    versions: versionNumbers.map((n) => ({
      planVersion: n,
      savedAt: versions.find((v) => v.planVersion === n)?.updatedAt ?? p.updatedAt,
      approvals: approvals.filter((a) => a.planVersion === n).map(view),
    })),
    can: {
      edit: editable,
      approve: approvable,
      transitions: mayEditPlans(uc) ? planTransitionsFrom(state) : [],
    },
  };
}
