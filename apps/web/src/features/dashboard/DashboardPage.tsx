/** The dashboard: filters, totals, the world map of engagements, counts charts, upcoming engagements and expiring agreements. */
import type { DashboardSearch } from '../../app/search';
import { endpoints } from '../../lib/endpoints';
import { useApiQuery } from '../../lib/query';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { ErrorState, SkeletonRows } from '../../components/States';
import { DashboardFilters } from './DashboardFilters';
import { TotalsCards } from './TotalsCards';
import { DashboardCharts } from './DashboardCharts';
import { UpcomingTable } from './UpcomingTable';
import { ExpiringAgreements } from './ExpiringAgreements';
import { WorldMap } from './WorldMap';
import { DueSoonPanel } from '../due-items/DueSoonPanel';

type Props = { search: DashboardSearch; onSearch: (s: DashboardSearch) => void };

export function DashboardPage({ search, onSearch }: Props) {
  useDocumentTitle('Dashboard');
  const q = { year: search.year, objective: search.objective, partner: search.partner };
  const dashboard = useApiQuery(['dashboard', q], (s) => endpoints.dashboard(q, s), { keepPrevious: true });
  const points = useApiQuery(['engagements', 'map', q], (s) => endpoints.engagementMap(q, s), {
    keepPrevious: true,
  });

  return (
    <>
      <PageHeader
        title="Dashboard"
        lead="Where we engage, with whom, to what end — over the records released to you."
      />
      <DashboardFilters search={search} onSearch={onSearch} />
      <div aria-busy={dashboard.isFetching || points.isFetching}>
        {dashboard.error ? (
          <ErrorState error={dashboard.error} onRetry={dashboard.refetch} />
        ) : !dashboard.data ? (
          <SkeletonRows rows={4} label="Loading the dashboard…" />
        ) : (
          <TotalsCards totals={dashboard.data.totals} />
        )}
        <section className="card" aria-labelledby="map-title">
          <h2 id="map-title">Engagements on the map</h2>
          {points.error ? (
            <ErrorState error={points.error} onRetry={points.refetch} />
          ) : (
            <WorldMap points={points.data} />
          )}
        </section>
        {dashboard.data ? (
          <>
            <DashboardCharts dashboard={dashboard.data} />
            {/* Full width each: the upcoming table needs room for its titles, the agreements for theirs. */}
            <UpcomingTable items={dashboard.data.upcoming} />
            <ExpiringAgreements items={dashboard.data.expiringAgreements} />
          </>
        ) : null}
        <DueSoonPanel />
      </div>
    </>
  );
}
