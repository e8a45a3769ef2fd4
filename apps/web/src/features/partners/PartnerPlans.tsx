/** A partner's cooperation plans and initiatives (each plan's restricted notes are on its own page). */
import { Link } from '@tanstack/react-router';
import type { InitiativeItem, PlanItem } from '@entente/contracts';
import { PortionMark } from '../../components/PortionMark';
import { formatDate } from '../../lib/format';
import { humanise } from '../../lib/engagementTypes';

export function PartnerPlans({
  plans,
  initiatives,
}: {
  plans: readonly PlanItem[];
  initiatives: readonly InitiativeItem[];
}) {
  return (
    <div className="grid grid--2">
      <section className="card" aria-labelledby="p-plans-title">
        <h2 id="p-plans-title">Cooperation plans</h2>
        {plans.length === 0 ? (
          <p className="muted">No cooperation plans recorded.</p>
        ) : (
          <ul className="plain-list">
            {plans.map((p) => (
              <li key={p.id}>
                <PortionMark portion={p.portion} />{' '}
                <Link to="/strategy/plans/$id" params={{ id: p.id }}>
                  {p.code} — {p.title}
                </Link>
                <div className="muted">
                  {humanise(p.kind)} · {humanise(p.status)} · {formatDate(p.from)} → {formatDate(p.to)} ·
                  owners {p.owners.join(', ')}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-labelledby="p-init-title">
        <h2 id="p-init-title">Initiatives</h2>
        {initiatives.length === 0 ? (
          <p className="muted">No initiatives recorded.</p>
        ) : (
          <ul className="plain-list">
            {initiatives.map((i) => (
              <li key={i.id}>
                <PortionMark portion={i.portion} />{' '}
                <Link to="/strategy/initiatives/$id" params={{ id: i.id }}>
                  {i.code} — {i.title}
                </Link>
                <div className="muted">
                  {humanise(i.status)} · {humanise(i.significance)} · {formatDate(i.from)} →{' '}
                  {formatDate(i.to)}
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
