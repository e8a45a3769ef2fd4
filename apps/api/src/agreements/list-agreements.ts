/** Agreements visible to the subject, with filters and expiry alerts. */
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentAgreement } from './present';

export async function listAgreements(
  uc: UseCaseCtx,
  q: {
    q?: string | undefined;
    partner?: string | undefined;
    status?: string | undefined;
    expiringWithinDays?: number | undefined;
  },
) {
  const expiringBefore = q.expiringWithinDays
    ? new Date(Date.now() + q.expiringWithinDays * 86_400_000).toISOString().slice(0, 10)
    : undefined;
  const rows = await scoped.listAgreements(uc.tx, uc.scope, {
    q: q.q,
    partner: q.partner,
    status: q.status,
    expiringBefore,
  });
  const items = rows.map((a) => presentAgreement(uc, a));
  uc.auditRead({ route: 'GET /agreements', filters: q, count: items.length, ids: rows.map((a) => a.id) });
  return items;
}
