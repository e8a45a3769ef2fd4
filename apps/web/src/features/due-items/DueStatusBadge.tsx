/** A due item's status as a badge: overdue in red, late in amber. */
import { DUE_STATUS_LABEL } from './dueItemsApi';

export function DueStatusBadge({ status }: { status: string }) {
  const cls = status === 'overdue' ? 'badge--danger' : status === 'submitted_late' ? 'badge--warning' : '';
  return <span className={`badge ${cls}`}>{DUE_STATUS_LABEL[status] ?? status}</span>;
}
