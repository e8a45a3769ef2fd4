/** TanStack Query glue: queries that carry the page label, and the shared client. */
import { QueryClient, keepPreviousData, useQuery } from '@tanstack/react-query';
import type { QueryKey } from '@tanstack/react-query';
import { usePageLabelContribution } from '../app/pageLabelStore';
import { ApiError } from './api';
import type { ApiResult } from './api';

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        refetchOnWindowFocus: false,
        staleTime: 30_000,
        // Client errors (4xx) are answers, not glitches: do not retry them.
        retry: (count, error) =>
          !(error instanceof ApiError && error.status >= 400 && error.status < 500) && count < 1,
      },
      mutations: { retry: false },
    },
  });
}

export type ApiQuery<T> = {
  data: T | undefined;
  isPending: boolean;
  isFetching: boolean;
  isPlaceholderData: boolean;
  error: Error | null;
  refetch: () => void;
};

type Options = { enabled?: boolean; staleTime?: number; keepPrevious?: boolean };

/** A query whose response label raises the page banner while the caller is mounted. */
export function useApiQuery<T>(
  queryKey: QueryKey,
  fetcher: (signal: AbortSignal) => Promise<ApiResult<T>>,
  options: Options = {},
): ApiQuery<T> {
  const q = useQuery({
    queryKey,
    queryFn: ({ signal }) => fetcher(signal),
    enabled: options.enabled ?? true,
    ...(options.staleTime !== undefined ? { staleTime: options.staleTime } : {}),
    ...(options.keepPrevious ? { placeholderData: keepPreviousData } : {}),
  });
  usePageLabelContribution(q.data?.pageLabel);
  return {
    data: q.data?.data,
    isPending: q.isPending && (options.enabled ?? true),
    isFetching: q.isFetching,
    isPlaceholderData: q.isPlaceholderData,
    error: q.error,
    refetch: () => void q.refetch(),
  };
}
