/**
 * The dashboard's "Due soon / overdue" panel: counts of my organisation's open items by reminder
 * stage (due within 7 days, overdue, escalated to the approver at 14+ days; DOMAIN.md §3.4), each
 * a link to the filtered list, then the pending items due within 14 days, overdue first.
 */
import { Link } from '@tanstack/react-router';
import { useApiQuery } from '../../lib/query';
import { formatDate } from '../../lib/format';
import { PortionMark } from '../../components/PortionMark';
import { EmptyState, ErrorState, SkeletonRows } from '../../components/States';
import { DUE_KIND_LABEL, dueItemsApi, dueText, type DueSummary } from './dueItemsApi';
import { DueStatusBadge } from './DueStatusBadge';
import { dueSummaryKey } from './DueRemindersBadge';

const WITHIN = 14;
const SHOWN = 6;

function Counts({ s }: { s: DueSummary }) {
  return (
    <ul className="plain-list" aria-label="Due items needing attention">
      <li>
        <Link to="/due-items" search={{ attention: 'due_soon' }}>
          {s.dueSoon} due within 7 days
        </Link>
      </li>
      <li>
        <Link to="/due-items" search={{ attention: 'overdue' }}>
          {s.overdue > 0 ? <strong className="form-error">{s.overdue} overdue</strong> : 'None overdue'}
        </Link>
      </li>
      <li>
        <Link to="/due-items" search={{ attention: 'escalated' }}>
          {s.escalated} escalated
        </Link>
        {s.escalated > 0 ? (
          <span className="muted">
            {' '}
            ({s.escalatedToMe ? 'to you as approver' : "to your organisation's approver"})
          </span>
        ) : null}
      </li>
    </ul>
  );
}

export function DueSoonPanel() {
  const q = { dueWithinDays: WITHIN };
  const items = useApiQuery(['due-items', q], (s) => dueItemsApi.list(q, s));
  const summary = useApiQuery([...dueSummaryKey], (s) => dueItemsApi.summary(s));
  const rows = items.data ?? [];
  return (
    <section className="card" aria-labelledby="due-soon-title">
      <h2 id="due-soon-title">Due soon / overdue</h2>
      {summary.data ? <Counts s={summary.data} /> : null}
      {items.error ? (
        <ErrorState error={items.error} onRetry={items.refetch} />
      ) : !items.data ? (
        <SkeletonRows rows={3} label="Loading due items…" />
      ) : rows.length === 0 ? (
        <EmptyState>Nothing is due in the next {WITHIN} days.</EmptyState>
      ) : (
        <ul className="plain-list">
          {rows.slice(0, SHOWN).map((i) => (
            <li key={i.id}>
              <PortionMark portion={i.portion} /> <strong>{i.subjectCode}</strong>{' '}
              {DUE_KIND_LABEL[i.kind] ?? i.kind}
              <div className="muted">
                due {formatDate(i.dueOn)} ({dueText(i)}) <DueStatusBadge status={i.status} />
                {i.reminder === 'escalated' ? <span className="badge badge--danger">Escalated</span> : null}
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/due-items">All due items</Link>
      </p>
    </section>
  );
}
