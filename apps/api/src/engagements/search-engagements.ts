/** The engagement register: filters, text search, sorting and paging over visible rows only. */
import { ROUTES, type EngagementListQuery } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { openCursor, signCursor } from '../http/cursor';
import { presentListItem } from './present';

/** Query parameters that narrow the register (every one optional). */
export type FilterQuery = { [K in keyof EngagementListQuery]?: EngagementListQuery[K] | undefined };

export const toFilters = (q: FilterQuery): scoped.EngagementFilters => ({
  q: q.q,
  types: q.type,
  statuses: q.status,
  partners: q.partner,
  objectives: q.objective,
  region: q.region,
  year: q.year,
  from: q.from,
  to: q.to,
});

/** The register's page: by page number, or after a signed cursor from the previous page. */
export async function searchEngagements(uc: UseCaseCtx, q: EngagementListQuery) {
  const { cursor, page, ...shape } = q;
  const binding = { subjectId: uc.subject.id, route: ROUTES.engagements, query: shape };
  const after = cursor ? openCursor(uc.app.secretKey, cursor, binding) : undefined;
  const { rows, total, totalCapped, hasMore } = await scoped.searchEngagements(uc.tx, uc.scope, toFilters(q), {
    sort: q.sort,
    order: q.order,
    limit: q.pageSize,
    offset: (page - 1) * q.pageSize,
    after,
  });
  const last = rows.at(-1);
  const nextCursor = hasMore && last ? signCursor(uc.app.secretKey, binding, scoped.engagementSortKey(last, q.sort)) : null;
  uc.auditRead({ route: `GET ${ROUTES.engagements}`, filters: { ...shape, page, cursor: cursor ? 'yes' : 'no' }, count: rows.length, ids: rows.map((e) => e.id) });
  return { items: rows.map((e) => presentListItem(uc, e)), total, totalCapped, page, pageSize: q.pageSize, hasMore, nextCursor };
}
