/** The type-specific fields of an engagement. */
import { fieldLabel, typeLabel } from '../../lib/engagementTypes';

function show(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (Array.isArray(value)) return value.map(show).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function PayloadFacts({ type, payload }: { type: string; payload: Record<string, unknown> }) {
  const entries = Object.entries(payload);
  return (
    <section className="card" aria-labelledby="payload-title">
      <h2 id="payload-title">{typeLabel(type)} details</h2>
      {entries.length === 0 ? (
        <p className="muted">No type-specific details recorded.</p>
      ) : (
        <dl className="facts">
          {entries.map(([k, v]) => (
            <div key={k} className="facts__row">
              <dt>{fieldLabel(k)}</dt>
              <dd>{show(v)}</dd>
            </div>
          ))}
        </dl>
      )}
    </section>
  );
}
