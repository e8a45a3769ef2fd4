/** Timeliness of my organisation for the last six months: on-time ÷ due, green ≥ 90 %, amber 70–89 %, red < 70 %. */
import { useApiQuery } from '../../lib/query';
import { ErrorState, SkeletonRows } from '../../components/States';
import { dueItemsApi } from './dueItemsApi';

const MONTHS = 6;
const RATING_CLASS: Record<string, string> = { amber: 'badge--warning', red: 'badge--danger' };

export function TimelinessStrip() {
  const q = useApiQuery(['due-items', 'timeliness', MONTHS], (s) => dueItemsApi.timeliness(MONTHS, s));
  if (q.error)
    return <ErrorState error={q.error} onRetry={q.refetch} title="Timeliness could not be loaded" />;
  if (!q.data) return <SkeletonRows rows={1} label="Loading timeliness…" />;
  return (
    <section aria-labelledby="timeliness-title">
      <h2 id="timeliness-title">Timeliness (on time ÷ due, by month due)</h2>
      <table className="table table--compact">
        <caption className="visually-hidden">Timeliness by month</caption>
        <thead>
          <tr>
            {q.data.map((m) => (
              <th key={m.month} scope="col">
                {m.month}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          <tr>
            {q.data.map((m) => (
              <td key={m.month}>
                {m.ratio === null ? (
                  <span className="muted">nothing due</span>
                ) : (
                  <span className={`badge ${RATING_CLASS[m.rating ?? ''] ?? ''}`}>
                    {Math.round(m.ratio * 100)} % ({m.onTime}/{m.due})
                  </span>
                )}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </section>
  );
}
