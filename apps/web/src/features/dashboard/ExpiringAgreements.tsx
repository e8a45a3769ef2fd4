/** Agreements expiring soon, with the days left. */
import { Link } from '@tanstack/react-router';
import type { AgreementItem } from '@entente/contracts';
import { PortionMark } from '../../components/PortionMark';
import { EmptyState } from '../../components/States';
import { ExpiryBadge } from '../agreements/ExpiryBadge';
import { formatDate } from '../../lib/format';

export function ExpiringAgreements({ items }: { items: readonly AgreementItem[] }) {
  return (
    <section className="card" aria-labelledby="expiring-title">
      <h2 id="expiring-title">Agreements expiring soon</h2>
      {items.length === 0 ? (
        <EmptyState>No agreement expires in the next 180 days.</EmptyState>
      ) : (
        <ul className="plain-list">
          {items.map((a) => (
            <li key={a.id} className="expiring">
              <PortionMark portion={a.portion} /> <strong>{a.code}</strong> {a.title}
              <div className="muted">
                Partners: {a.partnerIso3s.join(', ')} · expires {formatDate(a.expiresOn)}{' '}
                <ExpiryBadge days={a.expiresInDays} />
              </div>
            </li>
          ))}
        </ul>
      )}
      <p>
        <Link to="/agreements" search={{ expiring: 180 }}>
          All expiring agreements
        </Link>
      </p>
    </section>
  );
}
