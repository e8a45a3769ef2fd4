/** Visible cooperation plans with the approval state of their current version. Audited as a list read. */
import type { PlanSummary } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../../context';
import { presentPlanSummaries } from './present-plan';

export async function listPlanSummaries(uc: UseCaseCtx, partnerIso3?: string): Promise<PlanSummary[]> {
  const plans = await scoped.listPlans(uc.tx, uc.scope, partnerIso3);
  const items = await presentPlanSummaries(uc, plans);
  uc.auditRead({
    route: 'GET /strategy/plans',
    filters: { partner: partnerIso3 },
    count: items.length,
    ids: plans.map((p) => p.id),
  });
  return items;
}
