/** A partner's agreements. */
import type { AgreementItem } from '@entente/contracts';
import { PortionMark } from '../../components/PortionMark';
import { ExpiryBadge } from '../agreements/ExpiryBadge';
import { formatDate } from '../../lib/format';
import { humanise } from '../../lib/engagementTypes';

export function PartnerAgreements({ agreements }: { agreements: readonly AgreementItem[] }) {
  return (
    <section className="card" aria-labelledby="p-agr-title">
      <h2 id="p-agr-title">Agreements</h2>
      {agreements.length === 0 ? (
        <p className="muted">No agreements recorded.</p>
      ) : (
        <div className="table-wrap">
          <table className="table table--compact">
            <thead>
              <tr>
                <th scope="col">Agreement</th>
                <th scope="col">Kind</th>
                <th scope="col">Status</th>
                <th scope="col">Validity</th>
                <th scope="col">Expiry</th>
              </tr>
            </thead>
            <tbody>
              {agreements.map((a) => (
                <tr key={a.id}>
                  <td>
                    <PortionMark portion={a.portion} /> <strong>{a.code}</strong> {a.title}
                  </td>
                  <td>{humanise(a.kind)}</td>
                  <td>{humanise(a.status)}</td>
                  <td className="nowrap">
                    {formatDate(a.inForceFrom)} → {a.expiresOn ? formatDate(a.expiresOn) : 'open-ended'}
                  </td>
                  <td>
                    <ExpiryBadge days={a.expiresInDays} />
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
