/** The engagement register: filters, text search, sorting and paging over visible rows only. */
import type { EngagementListQuery } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
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

export async function searchEngagements(uc: UseCaseCtx, q: EngagementListQuery) {
  const { rows, total } = await scoped.searchEngagements(uc.tx, uc.scope, toFilters(q), {
    sort: q.sort,
    order: q.order,
    limit: q.pageSize,
    offset: (q.page - 1) * q.pageSize,
  });
  return { items: rows.map((e) => presentListItem(uc, e)), total, page: q.page, pageSize: q.pageSize, hasMore: q.page * q.pageSize < total };
}
