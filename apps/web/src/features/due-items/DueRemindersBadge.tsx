/**
 * The side-nav count of my organisation's due items that need attention (due within 7 days or
 * overdue; DOMAIN.md §3.4 reminders, in-app only). Hidden at zero.
 */
import { useQuery } from '@tanstack/react-query';
import { dueItemsApi } from './dueItemsApi';

export const dueSummaryKey = ['due-items', 'summary'] as const;

export function DueRemindersBadge() {
  // A plain query: a count carries no record, so it does not contribute to the page banner.
  const q = useQuery({
    queryKey: dueSummaryKey,
    queryFn: ({ signal }) => dueItemsApi.summary(signal),
    staleTime: 60_000,
    refetchInterval: 300_000,
  });
  const s = q.data?.data;
  if (!s || s.badge === 0) return null;
  const label =
    `${s.badge} due item${s.badge === 1 ? '' : 's'} need attention` +
    (s.escalated ? `, ${s.escalated} escalated` : '');
  return (
    <span className="nav__badge badge badge--danger" aria-label={label} title={label}>
      {s.badge > 99 ? '99+' : s.badge}
    </span>
  );
}
