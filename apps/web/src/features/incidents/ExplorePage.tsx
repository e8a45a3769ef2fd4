/**
 * Incident data → Explore: one source at a time, event types, area and period; the monthly series
 * with its §8 disclosures and table, and the incidents on the map (aggregates only for datasets
 * whose rows may not leave Entente). The state lives in the URL.
 */
import { useMemo } from 'react';
import type { IncidentSource } from '@entente/contracts';
import { useApiQuery } from '../../lib/query';
import type { Query } from '../../lib/api';
import { splitList } from '../../app/search';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/States';
import { incidentKeys, incidentsApi } from './incidentsApi';
import type { AreaItem, DatasetItem, ExploreSearch } from './incidentsApi';
import { ExploreFilters } from './ExploreFilters';
import { SeriesFigure } from './SeriesFigure';
import { IncidentMapPanel } from './IncidentMapPanel';
import { sourceLabel, typeLabel } from './labels';
import '../../styles/incidents.css';

type Props = { search: ExploreSearch; onSearch: (s: ExploreSearch) => void };

/** Where each source's incidents are best seen first (used only when the URL names no area). */
const DEFAULT_AREAS: Partial<Record<IncidentSource, readonly string[]>> = {
  // The preset box exists even without the marine polygons (and holds the synthetic demo incidents).
  crime_at_sea: ['marine:gulf-of-aden', 'marine:arabian-sea', 'poly:preset-hoa'],
  nga_asam: ['marine:gulf-of-aden', 'marine:arabian-sea', 'poly:preset-hoa'],
  ucdp_ged: ['country:CAF'],
  acled: ['country:MLI', 'country:NGA'],
  gtd: ['country:NGA', 'country:SOM'],
};

export function defaultSource(datasets: readonly DatasetItem[]): IncidentSource {
  return (datasets.find((d) => d.rowCount > 0) ?? datasets[0])?.code ?? 'crime_at_sea';
}

export function defaultArea(source: IncidentSource, areas: readonly AreaItem[]): string | undefined {
  const keys = new Set(areas.map((a) => a.key));
  return (DEFAULT_AREAS[source] ?? []).find((k) => keys.has(k)) ?? areas[0]?.key;
}

export function ExplorePage({ search, onSearch }: Props) {
  useDocumentTitle('Explore incidents');
  const datasets = useApiQuery(incidentKeys.datasets, (s) => incidentsApi.datasets(s));
  const areas = useApiQuery(incidentKeys.areas, (s) => incidentsApi.areas(s), { staleTime: 600_000 });

  const source: IncidentSource = search.source ?? defaultSource(datasets.data?.items ?? []);
  const areaList = areas.data?.items;
  const area = search.area ?? (areaList ? defaultArea(source, areaList) : undefined);
  const areaItem = areaList?.find((a) => a.key === area);
  const dataset = datasets.data?.items.find((d) => d.code === source);
  const types = splitList(search.types);
  const ready = Boolean(datasets.data && area);

  const seriesQuery: Query = {
    source,
    area,
    types,
    from: search.from,
    to: search.to,
    acceptMonthPrecision: search.monthPrecision ? 'true' : undefined,
    acceptProvinceLevel: search.provincePrecision && area?.startsWith('admin1:') ? 'true' : undefined,
  };
  const series = useApiQuery(incidentKeys.series(seriesQuery), (s) => incidentsApi.series(seriesQuery, s), {
    enabled: ready,
    keepPrevious: true,
  });

  const batchQuery: Query = { source, pageSize: 200 };
  const batches = useApiQuery(incidentKeys.batches(batchQuery), (s) => incidentsApi.batches(batchQuery, s), {
    enabled: Boolean(datasets.data),
  });
  const { batchStatus, withRejections } = useMemo(() => {
    const merged = (batches.data?.items ?? []).filter(
      (b) => b.status === 'committed' || b.status === 'committed_with_rejections',
    );
    return {
      batchStatus: merged[0]?.status ?? null,
      withRejections: merged.some((b) => b.status === 'committed_with_rejections'),
    };
  }, [batches.data]);

  // Rows leave the server only for redistributable datasets; the others get aggregates only.
  const rowsAllowed = dataset?.rowsRedistributable === true;
  const listQuery: Query = { source, area, type: types, from: search.from, to: search.to, pageSize: 500 };
  const list = useApiQuery(incidentKeys.list(listQuery), (s) => incidentsApi.incidents(listQuery, s), {
    enabled: ready && rowsAllowed,
    keepPrevious: true,
  });

  const measure = types.length ? `${types.map(typeLabel).join(', ')} incidents` : 'Incidents';

  return (
    <>
      <PageHeader
        title="Explore incidents"
        lead="Reported incidents of one dataset at a time, per month and on the map, with the source and caveats every chart must show."
      />
      {datasets.error && !datasets.data ? (
        <ErrorState error={datasets.error} onRetry={datasets.refetch} />
      ) : areas.error && !areas.data ? (
        <ErrorState
          error={areas.error}
          onRetry={areas.refetch}
          title="The analysis areas could not be loaded"
        />
      ) : !datasets.data || !areas.data ? (
        <SkeletonRows rows={3} label="Loading datasets and areas…" />
      ) : (
        <ExploreFilters
          search={search}
          source={source}
          area={area}
          datasets={datasets.data.items}
          areas={areas.data.items}
          onSearch={onSearch}
        />
      )}
      {datasets.data && dataset && dataset.rowCount === 0 ? (
        <EmptyState>
          No {sourceLabel(source)} incidents have been imported, or none is released to you. Import a file
          under Incident data → Import.
        </EmptyState>
      ) : null}

      <section aria-labelledby="series-title" aria-busy={series.isFetching}>
        <h2 id="series-title" className="visually-hidden">
          Monthly series
        </h2>
        {!ready ? null : series.error && !series.data ? (
          <ErrorState error={series.error} onRetry={series.refetch} title="The series could not be loaded" />
        ) : !series.data ? (
          <SkeletonRows rows={6} label="Loading the monthly series…" />
        ) : (
          <SeriesFigure
            series={series.data}
            dataset={dataset}
            batchStatus={batchStatus}
            withRejections={withRejections}
            measure={measure}
            acceptMonthPrecision={search.monthPrecision ?? false}
          />
        )}
      </section>

      <section className="card" aria-labelledby="incident-map-title" aria-busy={list.isFetching}>
        <h2 id="incident-map-title">
          On the map{areaItem ? `: ${areaItem.name}` : ''} — {sourceLabel(source)}
        </h2>
        {!ready ? null : rowsAllowed ? (
          list.error && !list.data ? (
            <ErrorState error={list.error} onRetry={list.refetch} title="The incidents could not be loaded" />
          ) : !list.data ? (
            <SkeletonRows rows={4} label="Loading incidents…" />
          ) : (
            <IncidentMapPanel
              key={JSON.stringify(listQuery)}
              areaName={areaItem?.name ?? area ?? ''}
              bbox={areaItem?.bbox ?? null}
              rows={list.data.items}
              total={list.data.total}
              aggregate={null}
            />
          )
        ) : (
          <IncidentMapPanel
            areaName={areaItem?.name ?? area ?? ''}
            bbox={areaItem?.bbox ?? null}
            rows={null}
            total={0}
            aggregate={series.data ? { count: series.data.total } : null}
          />
        )}
        {rowsAllowed && list.data ? (
          <p className="source-line">
            {list.data.attribution} Licence {list.data.licence}.
          </p>
        ) : null}
      </section>
    </>
  );
}
