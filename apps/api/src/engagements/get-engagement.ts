/** One engagement by id: a single scoped query, so hidden and missing look the same. Audited. */
import { notFound } from '@entente/core';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentEngagement } from './present';
import { checkEngagement } from './check-engagement';

export async function getEngagement(uc: UseCaseCtx, id: string) {
  const e = await scoped.findEngagement(uc.tx, uc.scope, id);
  await uc.audit({ action: 'engagement.read', entity: 'engagement', entityId: e ? id : null, entityVersion: e?.version ?? null, labelId: e?.labelId ?? uc.app.homeLabelId, decision: e ? 'permit' : 'deny', reason: e ? null : 'not_found' });
  if (!e) throw notFound('engagement');
  const warnings = ['draft', 'proposed', 'approved', 'postponed'].includes(e.status) ? await checkEngagement(uc, e) : [];
  return presentEngagement(uc, e, warnings);
}
