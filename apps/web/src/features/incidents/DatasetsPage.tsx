/**
 * Incident data → Datasets: one card per dataset with its §8 source line (title, publisher, version,
 * access date, licence, attribution, whether rows may leave Entente, dated caveats), its row count and
 * last import; then the recent import batches.
 */
import { useState } from 'react';
import { formatDate, formatDateTime, formatNumber } from '../../lib/format';
import { useApiQuery } from '../../lib/query';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/States';
import { Pager } from '../../components/Pager';
import { incidentKeys, incidentsApi } from './incidentsApi';
import type { BatchItem, DatasetItem } from './incidentsApi';
import { formatBytes, outcomeBadge, outcomeLabel, sourceLabel } from './labels';
import '../../styles/incidents.css';

export function DatasetCard({ dataset: d }: { dataset: DatasetItem }) {
  const dated = d.caveats.filter((c) => c.date).sort((a, b) => (a.date! < b.date! ? -1 : 1));
  const undated = d.caveats.filter((c) => !c.date);
  const titleId = `dataset-${d.code}-title`;
  return (
    <article className="card dataset-card" aria-labelledby={titleId}>
      <header className="dataset-card__header">
        <h2 id={titleId}>{d.title}</h2>
        <span className="muted">
          {sourceLabel(d.code)} · <code>{d.code}</code>
        </span>
      </header>
      <p
        className={d.rowsRedistributable ? 'dataset-card__exit' : 'dataset-card__exit dataset-card__exit--no'}
      >
        {d.rowsRedistributable
          ? `Rows may leave Entente${d.shareAlike ? ', attributed and under share-alike terms' : ', attributed'}.`
          : 'Rows may not leave Entente: aggregates only, no event-level display or export.'}
      </p>
      <dl className="facts">
        <div className="facts__row">
          <dt>Publisher</dt>
          <dd>{d.publisher}</dd>
        </div>
        <div className="facts__row">
          <dt>Version</dt>
          <dd>
            Entente version {formatNumber(d.version)}
            {d.sourceVersion ? ` · source version ${d.sourceVersion}` : ''}
          </dd>
        </div>
        <div className="facts__row">
          <dt>Accessed on</dt>
          <dd>{d.accessedOn ? formatDate(d.accessedOn) : 'not recorded'}</dd>
        </div>
        <div className="facts__row">
          <dt>Licence</dt>
          <dd>
            <code>{d.licence}</code>
          </dd>
        </div>
        <div className="facts__row">
          <dt>Attribution</dt>
          <dd className="wrap-anywhere">{d.attribution}</dd>
        </div>
        <div className="facts__row">
          <dt>Rows you may see</dt>
          <dd>{formatNumber(d.rowCount)}</dd>
        </div>
        <div className="facts__row">
          <dt>Last import</dt>
          <dd>{d.lastImportAt ? formatDateTime(d.lastImportAt) : 'never'}</dd>
        </div>
        <div className="facts__row">
          <dt>Content hash</dt>
          <dd>
            {d.contentSha256 ? (
              <code className="wrap-anywhere" title="SHA-256 of the current content">
                {d.contentSha256}
              </code>
            ) : (
              '—'
            )}
          </dd>
        </div>
        {d.codeSystem ? (
          <div className="facts__row">
            <dt>Country codes</dt>
            <dd>
              <code>{d.codeSystem}</code>
            </dd>
          </div>
        ) : null}
      </dl>
      {d.caveats.length ? (
        <>
          <h3>Caveats</h3>
          <ul className="dataset-card__caveats">
            {dated.map((c, i) => (
              <li key={`d${i}`}>
                <time dateTime={c.date!}>{formatDate(c.date)}</time>: {c.text}
              </li>
            ))}
            {undated.map((c, i) => (
              <li key={`u${i}`}>{c.text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </article>
  );
}

export function BatchesTable({ items }: { items: readonly BatchItem[] }) {
  return (
    <div className="table-wrap">
      <table className="table table--compact">
        <caption className="visually-hidden">Recent import batches, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Started</th>
            <th scope="col">Source</th>
            <th scope="col">File</th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Read
            </th>
            <th scope="col" className="num">
              Inserted
            </th>
            <th scope="col" className="num">
              Superseded
            </th>
            <th scope="col" className="num">
              Unchanged
            </th>
            <th scope="col" className="num">
              Rejected
            </th>
            <th scope="col" className="num">
              Warned
            </th>
            <th scope="col" className="num">
              Dataset version
            </th>
          </tr>
        </thead>
        <tbody>
          {items.map((b) => (
            <tr key={b.id}>
              <td className="nowrap">{formatDateTime(b.startedAt)}</td>
              <td>{sourceLabel(b.source)}</td>
              <td className="batch-file">
                {b.fileName}
                <div className="muted">
                  {formatBytes(b.bytes)} · <code title={b.fileSha256}>{b.fileSha256.slice(0, 12)}…</code>
                </div>
              </td>
              <td>
                <span className={outcomeBadge(b.status)}>{outcomeLabel(b.status)}</span>
              </td>
              <td className="num">{formatNumber(b.counts.read)}</td>
              <td className="num">{formatNumber(b.counts.inserted)}</td>
              <td className="num">{formatNumber(b.counts.superseded)}</td>
              <td className="num">{formatNumber(b.counts.unchanged)}</td>
              <td className="num">{formatNumber(b.counts.rejected)}</td>
              <td className="num">{formatNumber(b.counts.warned)}</td>
              <td className="num">{b.datasetVersion === null ? '—' : formatNumber(b.datasetVersion)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function DatasetsPage() {
  useDocumentTitle('Incident datasets');
  const [page, setPage] = useState(1);
  const datasets = useApiQuery(incidentKeys.datasets, (s) => incidentsApi.datasets(s));
  const batchQuery = { page, pageSize: 25 };
  const batches = useApiQuery(incidentKeys.batches(batchQuery), (s) => incidentsApi.batches(batchQuery, s), {
    keepPrevious: true,
  });

  return (
    <>
      <PageHeader
        title="Incident datasets"
        lead="The external event datasets Entente holds, with the source line every chart built on them shows."
      />
      <section aria-label="Datasets" aria-busy={datasets.isFetching}>
        {datasets.error && !datasets.data ? (
          <ErrorState error={datasets.error} onRetry={datasets.refetch} />
        ) : !datasets.data ? (
          <SkeletonRows rows={6} label="Loading datasets…" />
        ) : datasets.data.items.length === 0 ? (
          <EmptyState>No datasets are configured.</EmptyState>
        ) : (
          <div className="dataset-cards">
            {datasets.data.items.map((d) => (
              <DatasetCard key={d.code} dataset={d} />
            ))}
          </div>
        )}
      </section>
      <section className="card" aria-labelledby="batches-title" aria-busy={batches.isFetching}>
        <h2 id="batches-title">Recent import batches</h2>
        {batches.error && !batches.data ? (
          <ErrorState error={batches.error} onRetry={batches.refetch} />
        ) : !batches.data ? (
          <SkeletonRows rows={4} label="Loading import batches…" />
        ) : batches.data.items.length === 0 ? (
          <EmptyState>No import batches yet.</EmptyState>
        ) : (
          <>
            <BatchesTable items={batches.data.items} />
            <Pager
              page={batches.data.page}
              pageSize={batches.data.pageSize}
              total={batches.data.total}
              onPage={setPage}
            />
          </>
        )}
      </section>
    </>
  );
}
