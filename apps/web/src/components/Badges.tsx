/** Status and type badges. */
import { statusLabel } from '../lib/domain';
import { typeColour, typeLabel } from '../lib/engagementTypes';

export function StatusBadge({ status }: { status: string }) {
  return <span className={`badge badge--status badge--${status}`}>{statusLabel(status)}</span>;
}

export function TypeBadge({ type }: { type: string }) {
  return (
    <span className="type-badge">
      <span className="type-dot" style={{ backgroundColor: typeColour(type) }} aria-hidden="true" />
      {typeLabel(type)}
    </span>
  );
}
