/** The headline totals. */
import type { Dashboard } from '@entente/contracts';
import { formatMoney, formatNumber } from '../../lib/format';

export function TotalsCards({ totals }: { totals: Dashboard['totals'] }) {
  const cards = [
    { label: 'Engagements', value: formatNumber(totals.engagements) },
    { label: 'Partners engaged', value: formatNumber(totals.partners) },
    { label: 'Agreements in force', value: formatNumber(totals.agreementsInForce) },
    { label: 'Planned cost', value: formatMoney(totals.plannedCost, 'EUR') },
  ];
  return (
    <section aria-label="Totals" className="totals">
      {cards.map((c) => (
        <div key={c.label} className="card total">
          <div className="total__value">{c.value}</div>
          <div className="total__label">{c.label}</div>
        </div>
      ))}
    </section>
  );
}
