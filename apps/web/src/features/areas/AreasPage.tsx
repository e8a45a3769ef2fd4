/**
 * Incident data → Areas (EVALUATION.md §2): every analysis area the user may use — countries, marine
 * regions, presets, admin-1 codes (by search) and custom areas — filtered by kind and searched by
 * name or code; a new-area form (analysts); and the selected area on the map with a link to its
 * monthly series in Explore. Custom areas can be archived.
 */
import { Suspense, lazy, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Geometry } from 'geojson';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { EmptyState, ErrorState, QueryView, SkeletonRows, Spinner } from '../../components/States';
import { useApiQuery } from '../../lib/query';
import { useDebounced } from '../../lib/useDebounced';
import { areaKeys, areasApi, KIND_LABELS } from './areasApi';
import type { AreaListItem } from './areasApi';
import { AreaForm } from './AreaForm';

const AreaMap = lazy(() => import('./AreaMap'));

function AreaDetailPanel({
  areaKey,
  canEdit,
  onArchived,
}: {
  areaKey: string;
  canEdit: boolean;
  onArchived: () => void;
}) {
  const qc = useQueryClient();
  const q = useApiQuery(areaKeys.detail(areaKey), (signal) => areasApi.detail(areaKey, signal));
  const archive = useMutation({
    mutationFn: () => areasApi.archive(areaKey),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['incidents'] });
      onArchived();
    },
  });
  return (
    <section className="card" aria-labelledby="area-detail-title">
      <QueryView query={q}>
        {(a) => (
          <>
            <h2 id="area-detail-title">{a.name}</h2>
            <dl className="facts">
              <div className="facts__row">
                <dt>Key</dt>
                <dd>
                  <code>{a.key}</code>
                </dd>
              </div>
              <div className="facts__row">
                <dt>Kind</dt>
                <dd>
                  {KIND_LABELS[a.kind] ?? a.kind} · {a.source}
                </dd>
              </div>
              {a.description ? (
                <div className="facts__row">
                  <dt>Description</dt>
                  <dd>{a.description}</dd>
                </div>
              ) : null}
            </dl>
            {a.geometry ? (
              <Suspense fallback={<Spinner label="Loading the map…" />}>
                <AreaMap mode="view" geometry={a.geometry as Geometry} />
              </Suspense>
            ) : (
              <p className="muted">
                No polygon: events belong to this area by their admin-1 code ({a.code ?? 'none'}).
              </p>
            )}
            <p>
              <Link to="/incidents/explore" search={{ area: a.key }}>
                Monthly series in Explore
              </Link>
            </p>
            {a.custom && canEdit ? (
              <>
                <button
                  type="button"
                  className="btn"
                  disabled={archive.isPending}
                  onClick={() => {
                    if (window.confirm(`Archive “${a.name}”? Its incident assignments are removed.`))
                      archive.mutate();
                  }}
                >
                  Archive area
                </button>
                {archive.error ? (
                  <ErrorState error={archive.error} title="The area was not archived" />
                ) : null}
              </>
            ) : null}
          </>
        )}
      </QueryView>
    </section>
  );
}

export function AreasPage({
  canEdit,
  selected,
  onSelect,
}: {
  canEdit: boolean;
  selected?: string | undefined;
  onSelect: (key: string | undefined) => void;
}) {
  useDocumentTitle('Areas');
  const [kind, setKind] = useState('');
  const [text, setText] = useState('');
  const search = useDebounced(text.trim(), 250);
  const filter = { kind: kind || undefined, q: search || undefined };
  const list = useApiQuery(areaKeys.list(filter), (signal) => areasApi.list(filter, signal), {
    keepPrevious: true,
  });

  return (
    <div className="page areas-page">
      <PageHeader
        title="Areas"
        lead="Analysis areas: countries, marine regions, presets, admin-1 provinces and the areas you draw or upload. Incidents are assigned to an area once, when it is created or when they are imported."
      />
      <div className="areas-layout">
        <section className="card" aria-labelledby="areas-list-title">
          <h2 id="areas-list-title">All areas</h2>
          <div className="filters">
            <div className="field">
              <label htmlFor="areas-kind">Kind</label>
              <select id="areas-kind" value={kind} onChange={(e) => setKind(e.target.value)}>
                <option value="">All kinds</option>
                {Object.entries(KIND_LABELS).map(([k, label]) => (
                  <option key={k} value={k}>
                    {label}
                  </option>
                ))}
              </select>
            </div>
            <div className="field">
              <label htmlFor="areas-search">Search name or code</label>
              <input id="areas-search" type="search" value={text} onChange={(e) => setText(e.target.value)} />
            </div>
          </div>
          {list.error && !list.data ? (
            <ErrorState error={list.error} onRetry={list.refetch} />
          ) : !list.data ? (
            <SkeletonRows />
          ) : list.data.items.length === 0 ? (
            <EmptyState>
              No area matches. Admin-1 provinces appear when you search by name or ISO 3166-2 code.
            </EmptyState>
          ) : (
            <AreaTable items={list.data.items} selected={selected} onSelect={onSelect} />
          )}
        </section>
        <div>
          {selected ? (
            <AreaDetailPanel
              key={selected}
              areaKey={selected}
              canEdit={canEdit}
              onArchived={() => onSelect(undefined)}
            />
          ) : null}
          {canEdit ? <AreaForm onCreated={(r) => onSelect(r.areas[0]?.key)} /> : null}
        </div>
      </div>
    </div>
  );
}

function AreaTable({
  items,
  selected,
  onSelect,
}: {
  items: readonly AreaListItem[];
  selected?: string | undefined;
  onSelect: (key: string) => void;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="sr-only">Areas ({items.length})</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Kind</th>
            <th scope="col">Key</th>
          </tr>
        </thead>
        <tbody>
          {items.map((a) => (
            <tr key={a.key} aria-selected={a.key === selected}>
              <td>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => onSelect(a.key)}
                  aria-pressed={a.key === selected}
                >
                  {a.name}
                </button>
                {a.custom ? <span className="badge">custom</span> : null}
              </td>
              <td>{KIND_LABELS[a.kind] ?? a.kind}</td>
              <td>
                <code>{a.code ?? a.key}</code>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
