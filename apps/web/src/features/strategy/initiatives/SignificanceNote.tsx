/**
 * The initiative's significance, read-only: the server derives it when the initiative is saved
 * (DOMAIN.md §2.1) — significant if its budget is over the configured threshold, or if it transfers
 * equipment or builds capacity — and this shows the verdict with its reasons ("Significant: transfers
 * equipment").
 */
import { humanise } from '../../../lib/engagementTypes';

export type SavedSignificance = {
  significance: string;
  reasons: readonly string[];
  notes: readonly string[];
  threshold: { amount: string; currency: string };
};

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

/** "Significant: transfers equipment; builds capacity (unit training)" or "Routine". */
export const significanceText = (s: Pick<SavedSignificance, 'significance' | 'reasons'>): string =>
  `${humanise(s.significance)}${s.reasons.length ? `: ${s.reasons.map(lowerFirst).join('; ')}` : ''}`;

const formatAmount = (t: SavedSignificance['threshold']) => {
  const n = Number(t.amount);
  return `${Number.isFinite(n) ? n.toLocaleString('en-GB') : t.amount} ${t.currency}`;
};

export function SignificanceNote({
  saved,
  changed,
}: {
  saved?: SavedSignificance | undefined;
  changed: boolean;
}) {
  const rule = saved
    ? `Significant if its budget is over ${formatAmount(saved.threshold)}, or if it transfers equipment or builds capacity (unit training, infrastructure).`
    : 'Significant if its budget is over the configured threshold, or if it transfers equipment or builds capacity (unit training, infrastructure).';
  return (
    <fieldset className="checks" id="ini-significance" tabIndex={-1}>
      <legend>Significance</legend>
      <p className="notice">
        {saved ? significanceText(saved) : 'Derived when you save.'}
        {saved && changed ? ' — recomputed from the budget and what it covers when you save.' : null}
      </p>
      {saved?.notes.map((n) => (
        <p key={n} className="muted">
          {n}
        </p>
      ))}
      <p className="muted">
        {rule} A significant initiative needs an evaluation plan to be approved and an evaluation to close.
      </p>
    </fieldset>
  );
}
