/** Initiatives, each linking to its logic model. */
import { Link } from '@tanstack/react-router';
import type { InitiativeItem } from '@entente/contracts';
import { PortionMark } from '../../components/PortionMark';
import { EmptyState } from '../../components/States';
import { formatDate } from '../../lib/format';
import { humanise } from '../../lib/engagementTypes';

export function InitiativesList({ initiatives }: { initiatives: readonly InitiativeItem[] }) {
  if (initiatives.length === 0) return <EmptyState>No initiatives are released to you.</EmptyState>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Initiatives</caption>
        <thead>
          <tr>
            <th scope="col">Initiative</th>
            <th scope="col">Partners</th>
            <th scope="col">Significance</th>
            <th scope="col">Status</th>
            <th scope="col">Period</th>
          </tr>
        </thead>
        <tbody>
          {initiatives.map((i) => (
            <tr key={i.id}>
              <td>
                <PortionMark portion={i.portion} />{' '}
                <Link to="/strategy/initiatives/$id" params={{ id: i.id }}>
                  {i.code} — {i.title}
                </Link>
              </td>
              <td>{i.partnerIso3s.join(', ') || '—'}</td>
              <td>{humanise(i.significance)}</td>
              <td>{humanise(i.status)}</td>
              <td className="nowrap">
                {formatDate(i.from)} → {formatDate(i.to)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
