/** The world map of engagements (lazy: maplibre loads only here) with its legend and a text alternative. */
import { Suspense, lazy, useMemo } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import type { MapPoint } from '@entente/contracts';
import { Spinner } from '../../components/States';
import { typeColour, typeLabel } from '../../lib/engagementTypes';
import { formatDate } from '../../lib/format';

const EngagementMap = lazy(() => import('./EngagementMap'));

export function WorldMap({ points }: { points: readonly MapPoint[] | undefined }) {
  const navigate = useNavigate();
  const types = useMemo(() => [...new Set((points ?? []).map((p) => p.type))].sort(), [points]);

  return (
    <div className="world-map">
      <Suspense
        fallback={
          <div className="map-box">
            <Spinner label="Loading the map…" />
          </div>
        }
      >
        <EngagementMap
          points={points ?? []}
          onOpen={(id) => void navigate({ to: '/engagements/$id', params: { id } })}
        />
      </Suspense>
      <p className="muted map-help">
        Focus the map and use + and − to zoom, the arrow keys to pan; select a point for its details.
      </p>
      {types.length > 0 ? (
        <ul className="legend" aria-label="Map legend: engagement types">
          {types.map((t) => (
            <li key={t}>
              <span className="legend__dot" style={{ backgroundColor: typeColour(t) }} aria-hidden="true" />
              {typeLabel(t)}
            </li>
          ))}
        </ul>
      ) : null}
      {points === undefined ? (
        <Spinner label="Loading engagement locations…" />
      ) : points.length === 0 ? (
        <p className="empty-state">No engagements with a location match these filters.</p>
      ) : (
        <details className="map-list">
          <summary>List of the {points.length} mapped engagement locations</summary>
          <div className="table-wrap">
            <table className="table table--compact">
              <caption className="visually-hidden">Engagement locations shown on the map</caption>
              <thead>
                <tr>
                  <th scope="col">Engagement</th>
                  <th scope="col">Type</th>
                  <th scope="col">Place</th>
                  <th scope="col">Starts</th>
                </tr>
              </thead>
              <tbody>
                {points.map((p, i) => (
                  <tr key={`${p.id}-${i}`}>
                    <td>
                      <Link to="/engagements/$id" params={{ id: p.id }}>
                        {p.code} — {p.title}
                      </Link>
                    </td>
                    <td>{typeLabel(p.type)}</td>
                    <td>
                      {p.place} ({p.lat.toFixed(2)}, {p.lon.toFixed(2)})
                    </td>
                    <td>{formatDate(p.plannedStart)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
    </div>
  );
}
