/**
 * Alerts of the visible watch areas (or of one), newest month first, filtered by status, paged, each
 * open one acknowledgeable with a note. Used as the Alerts page and on a monitor's detail page.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { messageOf } from '../../lib/api';
import { useApiQuery } from '../../lib/query';
import { formatDateTime, formatNumber } from '../../lib/format';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/States';
import { detectorLabel, monitorKeys, monitorsApi } from './monitorsApi';
import type { AlertRow } from './monitorsApi';

const fmt = (n: number | null) => (n === null ? '–' : formatNumber(Math.round(n * 100) / 100));

function AckForm({ alert, onDone }: { alert: AlertRow; onDone: () => void }) {
  const [note, setNote] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = `ack-${alert.id}`;
  return (
    <form
      className="ack-form"
      aria-label={`Acknowledge the ${alert.detector} alert of ${alert.month}`}
      onSubmit={(e) => {
        e.preventDefault();
        if (busy) return;
        if (!note.trim()) return setError('Write a note: what was done or why it needs nothing.');
        setBusy(true);
        monitorsApi
          .acknowledge(alert.id, note.trim())
          .then(onDone, (x: unknown) => setError(messageOf(x)))
          .finally(() => setBusy(false));
      }}
    >
      <label htmlFor={id}>Note</label>{' '}
      <input
        id={id}
        value={note}
        aria-invalid={Boolean(error) || undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setNote(e.target.value)}
      />{' '}
      <button type="submit" className="btn" disabled={busy}>
        Acknowledge
      </button>
      {error ? (
        <p className="field__error" id={`${id}-error`}>
          {error}
        </p>
      ) : null}
    </form>
  );
}

export function AlertsPanel({ monitorId, title = 'Alerts' }: { monitorId?: string; title?: string }) {
  const [status, setStatus] = useState<'open' | 'acknowledged' | ''>('open');
  const [page, setPage] = useState(1);
  const q = { status: status || undefined, monitorId, page, pageSize: 25 };
  const alerts = useApiQuery(monitorKeys.alerts(q), (s) => monitorsApi.alerts(q, s), { keepPrevious: true });
  const client = useQueryClient();
  const refresh = () => void client.invalidateQueries({ queryKey: monitorKeys.all });
  return (
    <section className="card alerts-panel" aria-labelledby="alerts-title">
      <h2 id="alerts-title">{title}</h2>
      <label htmlFor="alerts-status">Show</label>{' '}
      <select
        id="alerts-status"
        value={status}
        onChange={(e) => {
          setStatus(e.target.value as typeof status);
          setPage(1);
        }}
      >
        <option value="open">Open</option>
        <option value="acknowledged">Acknowledged</option>
        <option value="">All</option>
      </select>
      {alerts.error && !alerts.data ? (
        <ErrorState error={alerts.error} onRetry={alerts.refetch} title="The alerts could not be loaded" />
      ) : !alerts.data ? (
        <SkeletonRows rows={3} label="Loading the alerts…" />
      ) : alerts.data.items.length === 0 ? (
        <EmptyState>{status === 'open' ? 'No open alerts.' : 'No alerts.'}</EmptyState>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table table--compact">
              <caption className="visually-hidden">{title}</caption>
              <thead>
                <tr>
                  <th scope="col">Month</th>
                  {monitorId ? null : <th scope="col">Watch area</th>}
                  <th scope="col">Detector</th>
                  <th scope="col">Observed</th>
                  <th scope="col">Expected μ̂</th>
                  <th scope="col">Statistic / threshold</th>
                  <th scope="col">Marking</th>
                  <th scope="col">Status</th>
                </tr>
              </thead>
              <tbody>
                {alerts.data.items.map((a) => (
                  <tr key={a.id}>
                    <td>{a.month}</td>
                    {monitorId ? null : <td>{a.monitorName}</td>}
                    <td>{detectorLabel(a.detector)}</td>
                    <td>{formatNumber(a.observed)}</td>
                    <td>{fmt(a.expected)}</td>
                    <td>
                      {fmt(a.statistic)} / {fmt(a.threshold)}
                    </td>
                    <td>{a.portion}</td>
                    <td>
                      {a.status === 'open' ? (
                        <AckForm alert={a} onDone={refresh} />
                      ) : (
                        <>
                          Acknowledged {a.acknowledgedAt ? formatDateTime(a.acknowledgedAt) : ''}: {a.note}
                        </>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p>
            {formatNumber(alerts.data.total)} alerts.{' '}
            <button type="button" className="btn" disabled={page <= 1} onClick={() => setPage(page - 1)}>
              Previous
            </button>{' '}
            <button
              type="button"
              className="btn"
              disabled={!alerts.data.hasMore}
              onClick={() => setPage(page + 1)}
            >
              Next
            </button>
          </p>
        </>
      )}
    </section>
  );
}

/** The Alerts page. */
export function AlertsPage() {
  return <AlertsPanel title="Alerts of all watch areas" />;
}
