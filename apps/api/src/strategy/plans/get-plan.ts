/** One plan by id: a single scoped query, so hidden and missing look the same (404). Audited. */
import { notFound } from '@entente/core';
import type { PlanDetail } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../../context';
import { presentPlanDetail } from './present-plan';

export async function getPlan(uc: UseCaseCtx, id: string): Promise<PlanDetail> {
  const p = await scoped.findPlan(uc.tx, uc.scope, id);
  await uc.audit({
    action: 'plan.read',
    entity: 'plan',
    entityId: p ? id : null,
    entityVersion: p?.version ?? null,
    labelId: p?.labelId ?? uc.app.homeLabelId,
    decision: p ? 'permit' : 'deny',
    reason: p ? null : 'not_found',
  });
  if (!p) throw notFound('plan');
  return presentPlanDetail(uc, p);
}
