/**
 * An initiative's significance, derived (DOMAIN.md §2.1): it is `significant` if its cost is over a
 * configured threshold, or if it transfers equipment or builds capacity; otherwise `routine`.
 *
 * - *Cost* is the initiative's own `budget` (a Money it records; engagements' planned costs are not
 *   summed, so significance does not shift as engagements are added). A budget in another currency
 *   than the threshold's is not converted (Entente holds no exchange rates): it does not count, and a
 *   note says so.
 * - *Transfers equipment*: it covers `equipment`.
 * - *Builds capacity*: it covers `unit_training` or `infrastructure` (training partner units and
 *   building their facilities).
 *
 * Significant initiatives need an evaluation plan to be approved (initiative-gates.ts) and an
 * evaluation before they close (initiative-closing.ts). Pure.
 */
import type { Money } from '../engagements/entity';
import { invalid } from '../shared/errors';

export type Significance = 'routine' | 'significant';

/** The cost over which an initiative is significant when nothing is configured. */
export const DEFAULT_SIGNIFICANT_COST: Readonly<Money> = Object.freeze({
  amount: '1000000',
  currency: 'EUR',
});

export interface SignificanceInput {
  budget: Money | null;
  covers: readonly string[];
}

export interface SignificanceVerdict {
  significance: Significance;
  /** Why it is significant, as sentences ("Transfers equipment"); empty when routine. */
  reasons: string[];
  /** What was not judged (a budget in another currency). */
  notes: string[];
}

const DECIMAL = /^(-?)(\d{1,15})(?:\.(\d{1,2}))?$/;

/** An amount such as "1250.50" in cents, or null when it is not a decimal of at most two places. */
export function centsOf(amount: string): bigint | null {
  const m = DECIMAL.exec(amount.trim());
  if (!m) return null;
  const cents = BigInt(m[2]!) * 100n + BigInt((m[3] ?? '').padEnd(2, '0'));
  return m[1] ? -cents : cents;
}

/** "1000000 EUR" (or "EUR 1000000") as Money; throws a validation error naming `name` otherwise. */
export function parseCostThreshold(text: string, name = 'ENTENTE_SIGNIFICANT_COST'): Money {
  const parts = text.trim().split(/\s+/);
  const currency = parts.find((p) => /^[A-Z]{3}$/.test(p));
  const amount = parts.find((p) => p !== currency);
  if (parts.length !== 2 || !currency || !amount || centsOf(amount) === null || centsOf(amount)! < 0n)
    throw invalid([{ path: name, message: 'an amount and an ISO 4217 currency, e.g. "1000000 EUR"' }]);
  return { amount, currency };
}

const money = (m: Money) => `${m.amount} ${m.currency}`;

/** The significance of an initiative with `budget` and `covers`, against `threshold`. */
export function deriveSignificance(
  i: SignificanceInput,
  threshold: Money = DEFAULT_SIGNIFICANT_COST,
): SignificanceVerdict {
  const reasons: string[] = [];
  const notes: string[] = [];
  if (i.budget) {
    const cost = centsOf(i.budget.amount);
    const limit = centsOf(threshold.amount);
    if (i.budget.currency !== threshold.currency)
      notes.push(
        `The budget (${money(i.budget)}) is not compared with the threshold (${money(threshold)}): no exchange rate between ${i.budget.currency} and ${threshold.currency}.`,
      );
    else if (cost !== null && limit !== null && cost > limit)
      reasons.push(`Costs ${money(i.budget)}, over the threshold of ${money(threshold)}`);
  }
  if (i.covers.includes('equipment')) reasons.push('Transfers equipment');
  const builds = ['unit_training', 'infrastructure'].filter((c) => i.covers.includes(c));
  if (builds.length) reasons.push(`Builds capacity (${builds.map((c) => c.replace(/_/g, ' ')).join(', ')})`);
  return { significance: reasons.length ? 'significant' : 'routine', reasons, notes };
}
