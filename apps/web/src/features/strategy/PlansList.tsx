/** Cooperation plans: owners (including the partner) and their approval state, goals linked to objectives, partner priorities. */
import { Link } from '@tanstack/react-router';
import type { PlanSummary } from '@entente/contracts';
import { PortionMark } from '../../components/PortionMark';
import { EmptyState } from '../../components/States';
import { formatDate } from '../../lib/format';
import { humanise } from '../../lib/engagementTypes';
import { RecordFieldsPanel } from '../access/RecordFieldsPanel';

export function PlansList({
  plans,
  objectiveCodes,
}: {
  plans: readonly PlanSummary[];
  objectiveCodes: ReadonlyMap<string, string>;
}) {
  if (plans.length === 0) return <EmptyState>No cooperation plans are released to you.</EmptyState>;
  return (
    <ul className="plain-list plans">
      {plans.map((p) => (
        <li key={p.id} className="plan">
          <h3>
            <PortionMark portion={p.portion} />{' '}
            <Link to="/strategy/plans/$id" params={{ id: p.id }}>
              {p.code} — {p.title}
            </Link>
          </h3>
          <p className="muted">
            {humanise(p.kind)} · {humanise(p.status)} · {formatDate(p.from)} → {formatDate(p.to)} · version{' '}
            {p.planVersion}
          </p>
          <dl className="facts">
            <dt>Owners</dt>
            <dd>{p.owners.join(', ') || '—'}</dd>
            {p.awaiting.length || p.approvedBy.length ? (
              <>
                <dt>Approval of version {p.planVersion}</dt>
                <dd>
                  {p.approvedBy.length ? `Approved by ${p.approvedBy.join(', ')}` : 'No approvals yet'}
                  {p.awaiting.length ? ` · awaiting ${p.awaiting.join(', ')}` : ''}
                </dd>
              </>
            ) : null}
            <dt>Partners</dt>
            <dd>
              {p.partnerIso3s.map((iso3, i) => (
                <span key={iso3}>
                  {i > 0 ? ', ' : ''}
                  <Link to="/partners/$iso3" params={{ iso3 }}>
                    {iso3}
                  </Link>
                </span>
              ))}
            </dd>
            <dt>Partner priorities</dt>
            <dd>{p.partnerPriorities.length ? p.partnerPriorities.join('; ') : '—'}</dd>
          </dl>
          {p.goals.length ? (
            <div className="table-wrap">
              <table className="table table--compact">
                <caption>Goals</caption>
                <thead>
                  <tr>
                    <th scope="col">Goal</th>
                    <th scope="col">Objectives</th>
                    <th scope="col">Target date</th>
                  </tr>
                </thead>
                <tbody>
                  {p.goals.map((g) => (
                    <tr key={g.code}>
                      <td>
                        <strong>{g.code}</strong> {g.title}
                      </td>
                      <td>
                        {g.objectiveIds.map((id, i) => (
                          <span key={id}>
                            {i > 0 ? ', ' : ''}
                            <Link to="/strategy" hash={`objective-${id}`}>
                              {objectiveCodes.get(id) ?? 'objective'}
                            </Link>
                          </span>
                        ))}
                      </td>
                      <td>{formatDate(g.targetDate)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ) : null}
          <RecordFieldsPanel kind="plan" recordKey={p.id} />
        </li>
      ))}
    </ul>
  );
}
