/**
 * Cooperation plans as a register: one row per plan with its partners, period, status, goals and where
 * the approval of the current version stands. Everything else (goals with their objectives, partner
 * priorities, contributions, versions, restricted notes) is on the plan's own page.
 */
import { Link } from '@tanstack/react-router';
import type { PlanSummary } from '@entente/contracts';
import { PortionMark } from '../../components/PortionMark';
import { EmptyState } from '../../components/States';
import { formatDate } from '../../lib/format';
import { humanise } from '../../lib/engagementTypes';

/** Where the approval of the plan's current version stands, in words. */
export function approvalState(p: PlanSummary): string {
  if (p.awaiting.length === 0 && p.approvedBy.length === 0) return '—';
  const done = p.approvedBy.length ? `approved by ${p.approvedBy.join(', ')}` : 'no approvals yet';
  const waiting = p.awaiting.length ? `; awaiting ${p.awaiting.join(', ')}` : '';
  return `${done.charAt(0).toUpperCase()}${done.slice(1)}${waiting}`;
}

export function PlansList({ plans }: { plans: readonly PlanSummary[] }) {
  if (plans.length === 0) return <EmptyState>No cooperation plans are released to you.</EmptyState>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Cooperation plans</caption>
        <thead>
          <tr>
            <th scope="col">Plan</th>
            <th scope="col">Partners</th>
            <th scope="col">Period</th>
            <th scope="col">Status</th>
            <th scope="col">Owners</th>
            <th scope="col">Approval of the current version</th>
            <th scope="col" className="num">
              Goals
            </th>
          </tr>
        </thead>
        <tbody>
          {plans.map((p) => (
            <tr key={p.id}>
              <td>
                <PortionMark portion={p.portion} />{' '}
                <Link to="/strategy/plans/$id" params={{ id: p.id }}>
                  {p.code} — {p.title}
                </Link>
                <div className="muted">
                  {humanise(p.kind)} · version {p.planVersion}
                </div>
              </td>
              <td>
                {p.partnerIso3s.map((iso3, i) => (
                  <span key={iso3}>
                    {i > 0 ? ', ' : ''}
                    <Link to="/partners/$iso3" params={{ iso3 }}>
                      {iso3}
                    </Link>
                  </span>
                ))}
              </td>
              <td>
                {formatDate(p.from)} → {formatDate(p.to)}
              </td>
              <td>
                <span className="badge">{humanise(p.status)}</span>
              </td>
              <td>{p.owners.join(', ') || '—'}</td>
              <td>{approvalState(p)}</td>
              <td className="num">{p.goals.length}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
