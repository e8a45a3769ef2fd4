/** Deconfliction results: overlaps, partner capacity, missing agreements, blackout periods. */
import { Link } from '@tanstack/react-router';
import type { Warning } from '@entente/contracts';
import { humanise } from '../../lib/engagementTypes';

export function WarningsPanel({
  warnings,
  title = 'Deconfliction',
}: {
  warnings: readonly Warning[];
  title?: string;
}) {
  if (warnings.length === 0) {
    return (
      <section className="card warnings warnings--clear" aria-label={title}>
        <p>
          <strong>{title}:</strong> no conflicts found.
        </p>
      </section>
    );
  }
  const blocking = warnings.filter((w) => w.severity === 'blocking').length;
  return (
    <section className="card warnings" aria-labelledby="warnings-title" role="region">
      <h2 id="warnings-title">
        {title}: {warnings.length} {warnings.length === 1 ? 'warning' : 'warnings'}
        {blocking ? `, ${blocking} blocking` : ''}
      </h2>
      <ul className="plain-list">
        {warnings.map((w, i) => (
          <li key={i} className={`warning warning--${w.severity}`}>
            <span className={`badge ${w.severity === 'blocking' ? 'badge--danger' : 'badge--warning'}`}>
              {w.severity === 'blocking' ? 'Blocking' : 'Warning'}
            </span>{' '}
            <strong>{humanise(w.kind)}</strong>: {w.message}
            {w.engagementIds.length ? (
              <span className="muted">
                {' '}
                (see{' '}
                {w.engagementIds.map((id, j) => (
                  <span key={id}>
                    {j > 0 ? ', ' : ''}
                    <Link to="/engagements/$id" params={{ id }}>
                      engagement {j + 1}
                    </Link>
                  </span>
                ))}
                )
              </span>
            ) : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
