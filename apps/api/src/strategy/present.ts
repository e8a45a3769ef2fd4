/** Wire views of strategy records. */
import type { InitiativeItem, PlanItem } from '@entente/contracts';
import type { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';

export const presentPlan = (uc: UseCaseCtx, p: scoped.PlanRow, orgCodes: Map<string, string>): PlanItem => ({
  id: p.id, code: p.code, title: p.title, kind: p.kind, partnerIso3s: p.partnerIso3s, owners: p.ownerOrgIds.map((o) => orgCodes.get(o) ?? ''), from: p.from, to: p.to,
  status: p.status, partnerPriorities: p.partnerPriorities, goals: p.goals as PlanItem['goals'], portion: uc.mark(p.labelId),
});

export const presentInitiative = (uc: UseCaseCtx, i: scoped.InitiativeRow): InitiativeItem => ({
  id: i.id, code: i.code, title: i.title, planId: i.planId, partnerIso3s: i.partnerIso3s, significance: i.significance, status: i.status, from: i.from, to: i.to,
  portion: uc.mark(i.labelId),
});
