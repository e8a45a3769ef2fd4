/** The capability assessments of one partner the caller may read, newest first (an audited list read). */
import type { CapabilityAssessmentItem } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentAssessments } from './present';

export async function listAssessments(uc: UseCaseCtx, iso3: string): Promise<CapabilityAssessmentItem[]> {
  const rows = await scoped.listCapabilityAssessments(uc.tx, uc.scope, [iso3.toUpperCase()]);
  const items = await presentAssessments(uc, rows);
  uc.auditRead({
    route: 'GET /partners/:iso3/capability-assessments',
    filters: { partner: iso3 },
    count: items.length,
    ids: rows.map((r) => r.id),
  });
  return items;
}
