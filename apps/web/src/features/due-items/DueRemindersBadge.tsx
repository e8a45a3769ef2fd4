/**
 * The side-nav count of my organisation's due items that need attention (due within 7 days or
 * overdue; DOMAIN.md §3.4 reminders, in-app only). Hidden at zero.
 */
import { useQuery } from '@tanstack/react-query';
import { dueItemsApi } from './dueItemsApi';
import { NavBadge } from '../../app/NavBadge';

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
  if (!s) return null;
  const label =
    `${s.badge} due ${s.badge === 1 ? 'item needs' : 'items need'} attention` +
    (s.escalated ? `, ${s.escalated} escalated` : '');
  return <NavBadge count={s.badge} label={label} />;
}
