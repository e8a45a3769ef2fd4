/** The engagement register: filters, search, sortable columns, paging and exports; state lives in the URL. */
import { Link } from '@tanstack/react-router';
import type { EngagementSearch } from '../../app/search';
import { compact } from '../../app/search';
import { can, useMe } from '../../app/session';
import { apiUrl } from '../../lib/api';
import { downloadWithStepUp } from '../../lib/stepUp';
import type { Query } from '../../lib/api';
import { ROUTES } from '@entente/contracts';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/States';
import { Pager } from '../../components/Pager';
import { EngagementFilters } from './EngagementFilters';
import { EngagementTable } from './EngagementTable';

type Props = { search: EngagementSearch; onSearch: (s: EngagementSearch) => void };

/** The API filter params of a search (shared by the list and the exports). */
export function filterQuery(search: EngagementSearch): Query {
  return {
    q: search.q,
    type: search.type,
    status: search.status,
    partner: search.partner,
    objective: search.objective,
    year: search.year,
  };
}

export function EngagementsPage({ search, onSearch }: Props) {
  useDocumentTitle('Engagements');
  const me = useMe();
  const sort = search.sort ?? 'plannedStart';
  const order = search.order ?? 'desc';
  const page = search.page ?? 1;
  const pageSize = search.pageSize ?? 25;
  const filters = filterQuery(search);
  const query: Query = { ...filters, sort, order, page, pageSize };
  const list = useApiQuery(['engagements', 'list', query], (s) => endpoints.engagements(query, s), {
    keepPrevious: true,
  });
  const exportQuery: Query = { ...filters, sort, order };

  return (
    <>
      <PageHeader
        title="Engagements"
        lead="Every engagement released to you, with its lifecycle and marking."
      >
        {can.plan(me) ? (
          <Link to="/engagements/new" className="btn btn--primary">
            New engagement
          </Link>
        ) : null}
        {/* Exports of HUB-CONFIDENTIAL and above ask for the second factor again (ACCESS.md §8). */}
        <button type="button" className="btn" onClick={() => void downloadWithStepUp(apiUrl(ROUTES.engagementCsv, exportQuery), 'engagements.csv')}>
          Export CSV
        </button>
        <button type="button" className="btn" onClick={() => void downloadWithStepUp(apiUrl(ROUTES.engagementIcs, exportQuery), 'engagements.ics')}>
          Export iCalendar
        </button>
      </PageHeader>
      <EngagementFilters search={search} onSearch={(s) => onSearch(compact({ ...s, page: undefined }))} />
      <section aria-label="Engagement results" aria-busy={list.isFetching}>
        {list.error && !list.data ? (
          <ErrorState error={list.error} onRetry={list.refetch} />
        ) : !list.data ? (
          <SkeletonRows rows={8} label="Loading engagements…" />
        ) : list.data.items.length === 0 ? (
          <EmptyState>No engagements match these filters.</EmptyState>
        ) : (
          <>
            {list.error ? <ErrorState error={list.error} onRetry={list.refetch} /> : null}
            <EngagementTable
              items={list.data.items}
              sort={sort}
              order={order}
              onSort={(column, nextOrder) =>
                onSearch(
                  compact({
                    ...search,
                    sort: column as EngagementSearch['sort'],
                    order: nextOrder,
                    page: undefined,
                  }),
                )
              }
            />
            <Pager
              page={list.data.page}
              pageSize={list.data.pageSize}
              total={list.data.total}
              totalCapped={list.data.totalCapped ?? false}
              hasMore={list.data.hasMore}
              onPage={(p) => onSearch(compact({ ...search, page: p > 1 ? p : undefined }))}
              onPageSize={(size) =>
                onSearch(compact({ ...search, pageSize: size === 25 ? undefined : size, page: undefined }))
              }
            />
          </>
        )}
      </section>
    </>
  );
}
