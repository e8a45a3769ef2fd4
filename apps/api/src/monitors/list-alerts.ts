/** Alerts of the visible watch areas, newest month first, paged; an audited list read. */
import { ROUTES, type AlertPage, type AlertQuery } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentAlert } from './present';

export async function listAlerts(uc: UseCaseCtx, q: AlertQuery): Promise<AlertPage> {
  const r = await scoped.listAlerts(uc.tx, uc.scope, q);
  const items = r.items.map((a) => presentAlert(uc, a, a));
  uc.auditRead({
    route: `GET ${ROUTES.monitorAlerts}`,
    filters: q,
    count: items.length,
    ids: items.map((i) => i.id),
  });
  return {
    items,
    total: r.total,
    page: q.page,
    pageSize: q.pageSize,
    hasMore: q.page * q.pageSize < r.total,
  };
}
