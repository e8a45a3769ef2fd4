/** Loading, error and empty states shared by every page. */
import type { ReactNode } from 'react';
import { messageOf } from '../lib/api';

export function Spinner({ label = 'Loading…' }: { label?: string }) {
  return (
    <div className="loading" role="status" aria-busy="true" aria-live="polite">
      <span className="spinner" aria-hidden="true" />
      <span>{label}</span>
    </div>
  );
}

/** Placeholder rows while a table loads. */
export function SkeletonRows({ rows = 5, label = 'Loading…' }: { rows?: number; label?: string }) {
  return (
    <div className="skeleton" role="status" aria-busy="true" aria-label={label}>
      {Array.from({ length: rows }, (_, i) => (
        <div key={i} className="skeleton__row" />
      ))}
    </div>
  );
}

export function ErrorState({
  error,
  onRetry,
  title = 'This could not be loaded',
}: {
  error: unknown;
  onRetry?: () => void;
  title?: string;
}) {
  return (
    <div className="error-state" role="alert">
      <strong>{title}</strong>
      <p>{messageOf(error)}</p>
      {onRetry ? (
        <button type="button" className="btn" onClick={onRetry}>
          Try again
        </button>
      ) : null}
    </div>
  );
}

export function EmptyState({ children }: { children: ReactNode }) {
  return (
    <div className="empty-state" role="status">
      {children}
    </div>
  );
}

type QueryLike<T> = { data: T | undefined; isPending: boolean; error: Error | null; refetch: () => void };

/** Render a query: skeleton while pending, the error with a retry, else `children(data)`. */
export function QueryView<T>({
  query,
  children,
  loading,
}: {
  query: QueryLike<T>;
  children: (data: T) => ReactNode;
  loading?: ReactNode;
}) {
  if (query.error && query.data === undefined)
    return <ErrorState error={query.error} onRetry={query.refetch} />;
  if (query.data === undefined) return <>{loading ?? <SkeletonRows />}</>;
  return <>{children(query.data)}</>;
}
