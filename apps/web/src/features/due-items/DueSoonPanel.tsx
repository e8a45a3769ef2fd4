/** The dashboard's "Due soon / overdue" panel: my organisation's pending items due within 14 days, overdue first. */
import { Link } from '@tanstack/react-router';
import { useApiQuery } from '../../lib/query';
import { formatDate } from '../../lib/format';
import { PortionMark } from '../../components/PortionMark';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/States';
import { DUE_KIND_LABEL, dueItemsApi, dueText } from './dueItemsApi';
import { DueStatusBadge } from './DueStatusBadge';

const WITHIN = 14;
const SHOWN = 6;

export function DueSoonPanel() {
  const q = { dueWithinDays: WITHIN };
  const items = useApiQuery(['due-items', q], (s) => dueItemsApi.list(q, s));
  const rows = items.data ?? [];
  const overdue = rows.filter((i) => i.status === 'overdue').length;
  return (
    <section className="card" aria-labelledby="due-soon-title">
      <h2 id="due-soon-title">Due soon / overdue</h2>
      {items.error ? (
        <ErrorState error={items.error} onRetry={items.refetch} />
      ) : !items.data ? (
        <SkeletonRows rows={3} label="Loading due items…" />
      ) : rows.length === 0 ? (
        <EmptyState>Nothing is due in the next {WITHIN} days.</EmptyState>
      ) : (
        <>
          <p>
            {overdue > 0 ? <strong className="form-error">{overdue} overdue</strong> : 'None overdue'} ·{' '}
            {rows.length - overdue} due within {WITHIN} days
          </p>
          <ul className="plain-list">
            {rows.slice(0, SHOWN).map((i) => (
              <li key={i.id}>
                <PortionMark portion={i.portion} /> <strong>{i.subjectCode}</strong>{' '}
                {DUE_KIND_LABEL[i.kind] ?? i.kind}
                <div className="muted">
                  due {formatDate(i.dueOn)} ({dueText(i)}) <DueStatusBadge status={i.status} />
                </div>
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <Link to="/due-items">All due items</Link>
        {overdue > 0 ? (
          <>
            {' · '}
            <Link to="/due-items" search={{ status: 'overdue' }}>
              Overdue only
            </Link>
          </>
        ) : null}
      </p>
    </section>
  );
}
