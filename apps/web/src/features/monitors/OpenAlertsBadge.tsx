/** The number of open watch-area alerts the user may see, for the side navigation (hidden at zero). */
import { useQuery } from '@tanstack/react-query';
import { monitorKeys, monitorsApi } from './monitorsApi';

export function OpenAlertsBadge() {
  // A plain query: a count carries no record, so it does not contribute to the page banner.
  const q = useQuery({
    queryKey: monitorKeys.count,
    queryFn: ({ signal }) => monitorsApi.openCount(signal),
    staleTime: 60_000,
    refetchInterval: 300_000,
  });
  const n = q.data?.data.open ?? 0;
  if (n === 0) return null;
  return (
    <span className="nav__badge" aria-label={`${n} open alerts`}>
      {n > 99 ? '99+' : n}
    </span>
  );
}
