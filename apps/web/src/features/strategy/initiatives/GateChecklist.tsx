/**
 * "What is missing before approval": every approval gate of the initiative, met or not, with what to
 * fix — each problem named by its field ("Logic model · outcome '…' · indicators") and, for a user who
 * may edit, a link into the edit form that focuses that field.
 */
import '../../../styles/initiatives.css';
import { Link } from '@tanstack/react-router';
import type { GateCheck } from '@entente/contracts';
import { gateFieldOf, type LabelSource } from './gateLabels';

export function GateChecklist({
  met,
  checks,
  status,
  initiative,
  canEdit = false,
}: {
  met: boolean;
  checks: readonly GateCheck[];
  status: string;
  /** The initiative the paths point into (its id for the edit link, its nodes and areas for the labels). */
  initiative: LabelSource & { id: string };
  /** Offer a link to each field in the edit form. */
  canEdit?: boolean;
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
                {c.problems.map((p, k) => {
                  const f = gateFieldOf(p.path, initiative);
                  return (
                    <li key={k} data-path={p.path}>
                      <strong>{f.label}</strong>: {p.message}
                      {canEdit ? (
                        <>
                          {' '}
                          <Link
                            to="/strategy/initiatives/$id/edit"
                            params={{ id: initiative.id }}
                            search={{ focus: p.path }}
                            className="btn btn--link btn--small"
                            aria-label={`Edit ${f.label}`}
                          >
                            Edit
                          </Link>
                        </>
                      ) : null}
                    </li>
                  );
                })}
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
