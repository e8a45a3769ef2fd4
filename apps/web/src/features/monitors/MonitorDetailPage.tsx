/**
 * One watch area: its settings (editable at the version seen; disable), the three detector charts
 * with the §8 source line and caveats, a table alternative, and its alerts. A monitor without
 * enough data shows why instead of empty charts (INSUFFICIENT_BASELINE).
 */
import { Suspense, lazy, useMemo, useState } from 'react';
import { Link } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { messageOf } from '../../lib/api';
import { useApiQuery } from '../../lib/query';
import { formatDateTime, formatNumber } from '../../lib/format';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { EmptyState, QueryView, Spinner } from '../../components/States';
import { EXPOSURE_NOTE, REPORTING_NOTE, sourceLabel } from '../incidents/labels';
import { AlertsPanel } from './AlertsPanel';
import { MonitorForm } from './MonitorForm';
import { bocpdOption, countsOption, cusumOption } from './monitorCharts';
import { monitorKeys, monitorsApi } from './monitorsApi';
import type { MonitorDetailData } from './monitorsApi';
import './monitors.css';

const MonitorEChart = lazy(() => import('./MonitorEChart'));
const fmt = (n: number | null | undefined, d = 2) => (n === null || n === undefined ? '–' : n.toFixed(d));

function Charts({ d }: { d: MonitorDetailData }) {
  const e = d.evaluation!;
  const options = useMemo(
    () => ({
      counts: countsOption(e, d.alerts),
      cusum: cusumOption(e, d.alerts),
      bocpd: bocpdOption(e, d.alerts),
    }),
    [e, d.alerts],
  );
  const s = e.series;
  return (
    <div className="monitor-charts">
      <Suspense fallback={<Spinner label="Loading the charts…" />}>
        <MonitorEChart
          option={options.counts}
          height={300}
          label="Observed monthly counts with the baseline μ̂ and the Shewhart limit; Shewhart alarms marked"
        />
        <MonitorEChart
          option={options.cusum}
          height={220}
          label={`CUSUM statistic per month with the alarm line h = ${fmt(e.h)}; CUSUM alarms marked`}
        />
        <MonitorEChart
          option={options.bocpd}
          height={220}
          label={`BOCPD probability of a change within 3 months, with the threshold ${fmt(e.bocpdThreshold)}`}
        />
      </Suspense>
      <details>
        <summary>Data table: the series and detector statistics by month</summary>
        <div className="table-wrap">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">Month</th>
                <th scope="col">Observed</th>
                <th scope="col">Baseline μ̂</th>
                <th scope="col">Shewhart limit</th>
                <th scope="col">CUSUM S (h {fmt(e.h)})</th>
                <th scope="col">BOCPD P (threshold {fmt(e.bocpdThreshold)})</th>
              </tr>
            </thead>
            <tbody>
              {s.months.map((m, i) => (
                <tr key={m}>
                  <td>{m}</td>
                  <td>{s.observed[i] ?? '–'}</td>
                  <td>{fmt(s.baseline[i])}</td>
                  <td>{fmt(s.shewhartLimit[i], 0)}</td>
                  <td>{fmt(s.cusum[i])}</td>
                  <td>{fmt(s.bocpd[i], 3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </div>
  );
}

function Evaluation({ d }: { d: MonitorDetailData }) {
  const e = d.evaluation;
  if (!e)
    return (
      <EmptyState>Evaluating this watch area… It runs in the background; reload in a moment.</EmptyState>
    );
  if (e.insufficientBaseline)
    return (
      <EmptyState>
        <strong>Not enough data for a baseline.</strong> The detectors need at least 24 months of the series
        before the first month they judge, and no alarms are issued until then.{' '}
        {e.series.months.length
          ? `This series has ${formatNumber(e.series.months.length)} months (${e.series.months[0]} to ${e.lastMonth}).`
          : 'No incidents of this dataset are visible to the monitor yet.'}{' '}
        Choose an earlier start month, or import more data.
      </EmptyState>
    );
  return (
    <>
      <p>
        Judged from {e.monitorFrom} to {e.lastMonth}. CUSUM h = {fmt(e.h)} for an in-control ARL of{' '}
        {fmt(e.arl, 1)} months (Monte Carlo SE {fmt(e.arlSe, 1)}); BOCPD threshold {fmt(e.bocpdThreshold)}
        {e.bocpdCalibrated === false ? ' (calibration did not reach its target)' : ''}. Evaluated{' '}
        {formatDateTime(e.evaluatedAt)}.
      </p>
      {e.warnings.length ? (
        <ul className="warnings">
          {e.warnings.map((w) => (
            <li key={w.code}>
              {w.code}: {w.message}
            </li>
          ))}
        </ul>
      ) : null}
      <Charts d={d} />
    </>
  );
}

export function MonitorDetailPage({ id }: { id: string }) {
  const detail = useApiQuery(monitorKeys.detail(id), (s) => monitorsApi.get(id, s));
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const client = useQueryClient();
  useDocumentTitle(detail.data ? `Watch area ${detail.data.monitor.name}` : 'Watch area');
  const refresh = () => client.invalidateQueries({ queryKey: monitorKeys.all });
  return (
    <QueryView query={detail}>
      {(d) => {
        const m = d.monitor;
        const ex = d.evaluation?.excluded;
        return (
          <>
            <p>
              <Link to="/monitors">Watch areas</Link> / {m.name}
            </p>
            <PageHeader
              title={`${m.name} (${m.portion})`}
              lead={`${m.areaName} · ${sourceLabel(m.source)}${m.eventTypes.length ? ` · ${m.eventTypes.join(', ')}` : ''}${m.enabled ? '' : ' · disabled'}`}
            />
            {editing ? (
              <MonitorForm
                initial={m}
                submitLabel="Save"
                onCancel={() => setEditing(false)}
                onSubmit={async (body) => {
                  await monitorsApi.update(m.id, { ...body, version: m.version });
                  setEditing(false);
                  await refresh();
                }}
              />
            ) : (
              <p>
                <button type="button" className="btn" onClick={() => setEditing(true)}>
                  Edit
                </button>{' '}
                {m.enabled ? (
                  <button
                    type="button"
                    className="btn"
                    onClick={() =>
                      void monitorsApi
                        .disable(m.id, m.version)
                        .then(refresh, (x: unknown) => setError(messageOf(x)))
                    }
                  >
                    Disable
                  </button>
                ) : null}
              </p>
            )}
            {error ? (
              <p className="field__error" role="alert">
                {error}
              </p>
            ) : null}
            <dl className="monitor-settings">
              <dt>CUSUM shift ρ</dt>
              <dd>{m.rho}</dd>
              <dt>Target ARL</dt>
              <dd>{m.targetArl} months</dd>
              <dt>BOCPD threshold</dt>
              <dd>{m.bocpdThreshold}</dd>
            </dl>
            <Evaluation d={d} />
            <p className="source-line">
              Source: {sourceLabel(d.dataset.code)}; Entente dataset version {d.dataset.version}; accessed{' '}
              {d.dataset.accessedOn ?? 'not recorded'}; licence {d.dataset.licence}.{' '}
              <span className="source-line__attribution">{d.dataset.attribution}</span>
              {d.dataset.contentSha256 ? ` Content hash ${d.dataset.contentSha256.slice(0, 12)}.` : ''}
            </p>
            <p className="caveat">
              {REPORTING_NOTE} {EXPOSURE_NOTE}
              {ex && ex.datePrecision + ex.locationPrecision > 0
                ? ` ${formatNumber(ex.datePrecision + ex.locationPrecision)} incidents excluded: date coarser than a day (${formatNumber(ex.datePrecision)}) or location coarser than the area needs (${formatNumber(ex.locationPrecision)}).`
                : ''}
            </p>
            <AlertsPanel monitorId={m.id} title="Alerts of this watch area" />
          </>
        );
      }}
    </QueryView>
  );
}
