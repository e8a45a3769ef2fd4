/** "What is missing before approval": every approval gate of the initiative, met or not, with what to fix. */
import '../../../styles/initiatives.css';
import type { GateCheck } from '@entente/contracts';

export function GateChecklist({
  met,
  checks,
  status,
}: {
  met: boolean;
  checks: readonly GateCheck[];
  status: string;
}) {
  const applicable = checks.filter((c) => c.applies);
  const missing = applicable.filter((c) => !c.met);
  return (
    <section className="card" aria-labelledby="gates-title">
      <h2 id="gates-title">{status === 'proposed' ? 'What is missing before approval' : 'Approval gates'}</h2>
      <p className={met ? 'notice' : 'notice notice--warning'} role="status">
        {met
          ? 'Every approval gate is met.'
          : `${missing.length} of ${applicable.length} gates ${missing.length === 1 ? 'is' : 'are'} not met yet.`}
      </p>
      <ul className="checklist">
        {applicable.map((c) => (
          <li
            key={c.gate}
            className={
              c.met ? 'checklist__item checklist__item--met' : 'checklist__item checklist__item--missing'
            }
          >
            <span aria-hidden="true">{c.met ? '✓' : '✗'}</span>{' '}
            <span className="visually-hidden">{c.met ? 'Met:' : 'Missing:'}</span> {c.title}
            {c.problems.length ? (
              <ul>
                {c.problems.map((p, k) => (
                  <li key={k}>
                    {p.message} <span className="muted">({p.path})</span>
                  </li>
                ))}
              </ul>
            ) : null}
          </li>
        ))}
      </ul>
      {checks.some((c) => !c.applies) ? (
        <p className="muted">
          Not needed for this initiative:{' '}
          {checks
            .filter((c) => !c.applies)
            .map((c) => c.title.toLowerCase())
            .join('; ')}
          .
        </p>
      ) : null}
    </section>
  );
}
