/** The number of open watch-area alerts the user may see, for the side navigation (hidden at zero). */
import { useQuery } from '@tanstack/react-query';
import { monitorKeys, monitorsApi } from './monitorsApi';
import { NavBadge, countLabel } from '../../app/NavBadge';

export function OpenAlertsBadge() {
  // A plain query: a count carries no record, so it does not contribute to the page banner.
  const q = useQuery({
    queryKey: monitorKeys.count,
    queryFn: ({ signal }) => monitorsApi.openCount(signal),
    staleTime: 60_000,
    refetchInterval: 300_000,
  });
  const n = q.data?.data.open ?? 0;
  return <NavBadge count={n} label={countLabel(n, 'open watch-area alert', 'open watch-area alerts')} />;
}
