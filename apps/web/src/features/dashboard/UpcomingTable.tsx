/** The next engagements, linked to their pages. */
import { Link } from '@tanstack/react-router';
import type { EngagementListItem } from '@entente/contracts';
import { PortionMark } from '../../components/PortionMark';
import { StatusBadge, TypeBadge } from '../../components/Badges';
import { EmptyState } from '../../components/States';
import { formatDate } from '../../lib/format';

export function UpcomingTable({ items }: { items: readonly EngagementListItem[] }) {
  return (
    <section className="card" aria-labelledby="upcoming-title">
      <h2 id="upcoming-title">Upcoming engagements</h2>
      {items.length === 0 ? (
        <EmptyState>No upcoming engagements.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact upcoming">
            <caption className="visually-hidden">The next engagements by planned start</caption>
            <thead>
              <tr>
                <th scope="col" className="col-title">
                  Engagement
                </th>
                <th scope="col">Type</th>
                <th scope="col">Partners</th>
                <th scope="col">Starts</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {items.map((e) => (
                <tr key={e.id}>
                  <td className="col-title">
                    <div>
                      <PortionMark portion={e.portion} />
                    </div>
                    <Link to="/engagements/$id" params={{ id: e.id }}>
                      {e.code} — {e.title}
                    </Link>
                  </td>
                  <td>
                    <TypeBadge type={e.type} />
                  </td>
                  <td>{e.partnerIso3s.join(', ')}</td>
                  <td className="nowrap">{formatDate(e.plannedStart)}</td>
                  <td>
                    <StatusBadge status={e.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
