/** Who takes part, in what role, with how many people. */
import type { Engagement } from '@entente/contracts';
import { humanise } from '../../lib/engagementTypes';
import { formatNumber } from '../../lib/format';

export function ParticipantsTable({ participants }: { participants: Engagement['participants'] }) {
  return (
    <section className="card" aria-labelledby="participants-title">
      <h2 id="participants-title">Participants</h2>
      {participants.length === 0 ? (
        <p className="muted">No participants recorded.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">Organisation</th>
                <th scope="col">Role</th>
                <th scope="col" className="num">
                  Planned headcount
                </th>
                <th scope="col" className="num">
                  Actual headcount
                </th>
              </tr>
            </thead>
            <tbody>
              {participants.map((p, i) => (
                <tr key={`${p.orgId}-${p.role}-${i}`}>
                  <td>
                    {p.orgName} <span className="muted">({p.orgCode})</span>
                  </td>
                  <td>{humanise(p.role)}</td>
                  <td className="num">{formatNumber(p.plannedHeadcount)}</td>
                  <td className="num">
                    {p.actualHeadcount === undefined ? '—' : formatNumber(p.actualHeadcount)}
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
