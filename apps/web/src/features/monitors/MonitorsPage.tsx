/**
 * Incident data → Watch areas (EVALUATION.md §4.8): the monitors the user may see with their open
 * alerts and last alarm, a form to create one, and the alerts of all of them.
 */
import { useState } from 'react';
import { Link, useNavigate } from '@tanstack/react-router';
import { useQueryClient } from '@tanstack/react-query';
import { useApiQuery } from '../../lib/query';
import { formatNumber } from '../../lib/format';
import { PageHeader, useDocumentTitle } from '../../components/PageHeader';
import { EmptyState, QueryView } from '../../components/States';
import { sourceLabel } from '../incidents/labels';
import { AlertsPanel } from './AlertsPanel';
import { MonitorForm } from './MonitorForm';
import { monitorKeys, monitorsApi } from './monitorsApi';
import './monitors.css';

export function MonitorsPage() {
  useDocumentTitle('Watch areas');
  const list = useApiQuery(monitorKeys.list, (s) => monitorsApi.list(s));
  const [creating, setCreating] = useState(false);
  const client = useQueryClient();
  const navigate = useNavigate();
  return (
    <>
      <PageHeader
        title="Watch areas"
        lead="Early warning on reported incidents: each watch area compares every month with a seasonal baseline from the previous 36 months and raises an alert on a spike (Shewhart), a sustained rise (CUSUM) or a likely change point (BOCPD)."
      />
      {creating ? (
        <MonitorForm
          submitLabel="Create watch area"
          onCancel={() => setCreating(false)}
          onSubmit={async (body) => {
            const r = await monitorsApi.create(body);
            setCreating(false);
            await client.invalidateQueries({ queryKey: monitorKeys.all });
            void navigate({ to: '/monitors/$id', params: { id: r.data.id } });
          }}
        />
      ) : (
        <p>
          <button type="button" className="btn btn--primary" onClick={() => setCreating(true)}>
            New watch area
          </button>
        </p>
      )}
      <QueryView query={list}>
        {(d) =>
          d.items.length === 0 ? (
            <EmptyState>
              No watch areas yet. Create one to be alerted when reported incidents in an area rise.
            </EmptyState>
          ) : (
            <div className="table-wrap">
              <table className="table">
                <caption className="visually-hidden">Watch areas</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Area</th>
                    <th scope="col">Dataset</th>
                    <th scope="col">Open alerts</th>
                    <th scope="col">Last alarm</th>
                    <th scope="col">State</th>
                    <th scope="col">Marking</th>
                  </tr>
                </thead>
                <tbody>
                  {d.items.map((m) => (
                    <tr key={m.id}>
                      <td>
                        <Link to="/monitors/$id" params={{ id: m.id }}>
                          {m.name}
                        </Link>
                      </td>
                      <td>{m.areaName}</td>
                      <td>{sourceLabel(m.source)}</td>
                      <td>{formatNumber(m.openAlerts)}</td>
                      <td>{m.lastAlarm ?? '–'}</td>
                      <td>
                        {!m.enabled
                          ? 'Disabled'
                          : m.evaluatedAt === null
                            ? 'Evaluating…'
                            : m.insufficientBaseline
                              ? 'Not enough data for a baseline'
                              : 'Watching'}
                      </td>
                      <td>{m.portion}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </QueryView>
      <AlertsPanel />
    </>
  );
}
