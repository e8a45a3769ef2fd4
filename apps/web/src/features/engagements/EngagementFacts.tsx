/** The common fields of an engagement as a description list. */
import { Link } from '@tanstack/react-router';
import type { Engagement } from '@entente/contracts';
import { formatDate, formatDateTime, formatMoney } from '../../lib/format';
import { humanise } from '../../lib/engagementTypes';

export function EngagementFacts({ engagement: e }: { engagement: Engagement }) {
  return (
    <section className="card" aria-labelledby="facts-title">
      <h2 id="facts-title">Details</h2>
      {e.summary ? <p className="prose">{e.summary}</p> : null}
      <dl className="facts">
        <dt>Partners</dt>
        <dd>
          {e.partnerIso3s.length
            ? e.partnerIso3s.map((iso3, i) => (
                <span key={iso3}>
                  {i > 0 ? ', ' : ''}
                  <Link to="/partners/$iso3" params={{ iso3 }}>
                    {iso3}
                  </Link>
                </span>
              ))
            : '—'}
        </dd>
        <dt>Lead organisation</dt>
        <dd>{e.leadOrg ? `${e.leadOrg.name} (${e.leadOrg.code})` : '—'}</dd>
        <dt>Initiative</dt>
        <dd>
          {e.initiative ? (
            <Link to="/strategy/initiatives/$id" params={{ id: e.initiative.id }}>
              {e.initiative.code} — {e.initiative.title}
            </Link>
          ) : (
            '—'
          )}
        </dd>
        <dt>Objectives</dt>
        <dd>
          {e.objectives.length ? (
            <ul className="plain-list">
              {e.objectives.map((o) => (
                <li key={o.id}>
                  <Link to="/strategy/objectives/$id" params={{ id: o.id }}>
                    {o.code} — {o.title}
                  </Link>
                </li>
              ))}
            </ul>
          ) : (
            'None linked'
          )}
        </dd>
        <dt>Planned</dt>
        <dd>
          {formatDate(e.plannedStart)} → {formatDate(e.plannedEnd)}
        </dd>
        <dt>Actual</dt>
        <dd>
          {e.actualStart || e.actualEnd
            ? `${formatDate(e.actualStart)} → ${formatDate(e.actualEnd)}`
            : 'Not started'}
        </dd>
        <dt>Planned cost</dt>
        <dd>{formatMoney(e.plannedCost.amount, e.plannedCost.currency)}</dd>
        <dt>Actual cost</dt>
        <dd>{e.actualCost ? formatMoney(e.actualCost.amount, e.actualCost.currency) : '—'}</dd>
        <dt>Funding source</dt>
        <dd>{e.fundingSource ? `${e.fundingSource.name} (${e.fundingSource.code})` : '—'}</dd>
        <dt>Marking</dt>
        <dd>
          <span className="portion">{e.portion}</span>
          <div className="muted">
            Level {humanise(e.label.level)} · releasable to {e.label.releasableTo.join(', ')}
            {e.label.restrictive.length ? ` · compartments ${e.label.restrictive.join(', ')}` : ''}
            {e.label.handling.length ? ` · caveats ${e.label.handling.map(humanise).join(', ')}` : ''}
          </div>
        </dd>
        {e.outcomeSummary ? (
          <>
            <dt>Outcome</dt>
            <dd className="prose">{e.outcomeSummary}</dd>
          </>
        ) : null}
        <dt>Recorded</dt>
        <dd className="muted">
          created {formatDateTime(e.createdAt)}, updated {formatDateTime(e.updatedAt)}
        </dd>
      </dl>
    </section>
  );
}
