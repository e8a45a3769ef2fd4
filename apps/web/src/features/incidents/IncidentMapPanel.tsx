/** The incident map (lazy: maplibre loads only here) with its legend and the incidents as a paged table. */
import { Suspense, lazy, useMemo, useState } from 'react';
import { Spinner } from '../../components/States';
import { Pager } from '../../components/Pager';
import { formatNumber, plural } from '../../lib/format';
import type { IncidentRow } from './incidentsApi';
import { EVENT_COLOURS, FALLBACK_COLOUR, incidentsToGeoJson } from './mapModel';
import type { Bbox } from './mapModel';
import { typeLabel } from './labels';

const IncidentMap = lazy(() => import('./IncidentMap'));

type Props = {
  areaName: string;
  bbox: Bbox | null;
  /** Rows of a redistributable dataset (one page), or null for aggregates only. */
  rows: readonly IncidentRow[] | null;
  /** Matching rows in total (the page may hold fewer). */
  total: number;
  aggregate: { count: number } | null;
};

const PAGE = 25;

export function IncidentMapPanel({ areaName, bbox, rows, total, aggregate }: Props) {
  const points = useMemo(() => (rows ? incidentsToGeoJson(rows) : null), [rows]);
  const [page, setPage] = useState(1);
  const types = useMemo(() => [...new Set((rows ?? []).map((r) => r.eventType))].sort(), [rows]);
  const unplaced = rows ? rows.length - (points?.features.length ?? 0) : 0;
  const shown = rows ? rows.slice((page - 1) * PAGE, page * PAGE) : [];

  return (
    <div className="world-map">
      <Suspense
        fallback={
          <div className="map-box">
            <Spinner label="Loading the map…" />
          </div>
        }
      >
        <IncidentMap points={points} bbox={bbox} areaName={areaName} aggregate={aggregate} />
      </Suspense>
      <p className="muted map-help">
        Focus the map and use + and − to zoom, the arrow keys to pan.
        {rows
          ? ' Blue circles are clusters: select one to zoom in; select a single incident for its details.'
          : ' The dashed outline is the selected area; the circle at its centre stands for its total.'}
      </p>
      {rows ? (
        <>
          <p className="incident-map__count">
            {rows.length < total
              ? `The map shows the ${formatNumber(rows.length)} most recent of ${plural(total, 'matching incident')}.`
              : `The map shows all ${plural(total, 'matching incident')}.`}
            {unplaced
              ? ` ${plural(unplaced, 'incident')} without a position ${unplaced === 1 ? 'is' : 'are'} not placed.`
              : ''}
          </p>
          {types.length ? (
            <ul className="legend" aria-label="Map legend: event types">
              <li>
                <span className="legend__dot legend__dot--cluster" aria-hidden="true" />
                Cluster of several incidents (bigger = more)
              </li>
              {types.map((t) => (
                <li key={t}>
                  <span
                    className="legend__dot"
                    style={{ backgroundColor: EVENT_COLOURS[t] ?? FALLBACK_COLOUR }}
                    aria-hidden="true"
                  />
                  {typeLabel(t)}
                </li>
              ))}
            </ul>
          ) : null}
          {rows.length ? (
            <details className="map-list">
              <summary>Table of the {formatNumber(rows.length)} incidents on the map</summary>
              <div className="table-wrap">
                <table className="table table--compact">
                  <caption className="visually-hidden">Incidents shown on the map, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Date</th>
                      <th scope="col">Type</th>
                      <th scope="col">Country</th>
                      <th scope="col">Position</th>
                      <th scope="col">Source record</th>
                    </tr>
                  </thead>
                  <tbody>
                    {shown.map((r) => (
                      <tr key={r.id}>
                        <td className="nowrap">{r.dateStart}</td>
                        <td>
                          {typeLabel(r.eventType)}: {typeLabel(r.eventSubtype).toLowerCase()}
                        </td>
                        <td>{r.countryIso3 ?? '—'}</td>
                        <td className="nowrap">
                          {r.lat !== null && r.lon !== null
                            ? `${r.lat.toFixed(2)}, ${r.lon.toFixed(2)}`
                            : '—'}
                        </td>
                        <td>
                          <code>{r.sourceEventId}</code>
                          {r.sourceSeries ? <span className="muted"> · {r.sourceSeries}</span> : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager page={page} pageSize={PAGE} total={rows.length} onPage={setPage} />
            </details>
          ) : null}
        </>
      ) : aggregate ? (
        <p className="incident-map__count">
          Rows of this dataset may not leave Entente: the map shows only the total for {areaName} —{' '}
          {plural(aggregate.count, 'incident')} counted in the series.
        </p>
      ) : null}
    </div>
  );
}
