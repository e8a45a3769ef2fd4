/**
 * One §4 estimate with the §8.6 disclosures next to the effect: the design-grade badge (level, label,
 * reasons) and the active warnings. A block warning replaces the headline number; below level 4 the
 * wording is "contributed to", never attribution (§4.6).
 */
import type { EstimateItem } from './evaluationApi';
import { fmt, fmtP, methodLabel, percentChange } from './evaluationApi';

const VARIANT_LABELS: Record<string, string> = {
  two_by_two: '2×2',
  twfe: 'Poisson TWFE',
  event_study: 'event study',
  staggered: 'staggered',
  displacement: 'displacement ring',
  comparative: 'comparative',
};

export function DesignBadge({ design }: { design: EstimateItem['design'] }) {
  return (
    <div className={`design-grade design-grade--${design.level}`}>
      <span className="badge design-grade__badge">
        Design level {design.level}: {design.label}
      </span>
      {design.reasons.length ? (
        <ul className="design-grade__reasons">
          {design.reasons.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}

export function EstimateCard({
  estimate: e,
  supporting = false,
}: {
  estimate: EstimateItem;
  supporting?: boolean;
}) {
  const blocks = e.warnings.filter((w) => w.severity === 'block');
  const others = e.warnings.filter((w) => w.severity !== 'block');
  const isRatio = e.method !== 'synthetic_control';
  const value = e.estimate;
  const [lo, hi] = e.ci95;
  const attributable = e.design.level >= 4;
  const title = `${methodLabel(e.method)}${e.variant ? ` (${VARIANT_LABELS[e.variant] ?? e.variant})` : ''}`;

  let headline: string;
  if (blocks.length) {
    headline = `blocked: ${blocks.map((w) => w.message).join(' ')}`;
  } else if (value === null) {
    headline = 'No estimate could be computed.';
  } else {
    const effect = isRatio
      ? `a change of ${percentChange(value)} in reported incidents (IRR ${fmt(value)}, 95 % CI ${fmt(lo)}–${fmt(hi)})`
      : `a gap of ${fmt(value, 3)} (95 % CI ${fmt(lo, 3)} to ${fmt(hi, 3)})`;
    headline = attributable
      ? `The intervention is estimated to have caused ${effect}.`
      : `The intervention contributed to ${effect}, alongside other factors; this design cannot attribute it.`;
  }

  return (
    <article className={`card estimate-card${supporting ? ' estimate-card--supporting' : ''}`}>
      <h3 className="estimate-card__title">{title}</h3>
      <p className="muted estimate-card__estimand">Estimand: {e.estimand}</p>
      <DesignBadge design={e.design} />
      {blocks.length ? (
        <div className="estimate-card__block" role="alert">
          {blocks.map((w) => (
            <p key={w.code}>
              <strong>{w.code}</strong>: {w.message}
            </p>
          ))}
        </div>
      ) : null}
      <p className={`estimate-card__headline${blocks.length ? ' estimate-card__headline--blocked' : ''}`}>
        {headline}
      </p>
      {!blocks.length && value !== null ? (
        <dl className="estimate-card__numbers">
          <dt>{isRatio ? 'IRR' : 'Estimate'}</dt>
          <dd>{fmt(value, isRatio ? 2 : 3)}</dd>
          {isRatio ? (
            <>
              <dt>Percent change</dt>
              <dd>{percentChange(value)}</dd>
            </>
          ) : null}
          <dt>95 % CI</dt>
          <dd>
            {fmt(lo, isRatio ? 2 : 3)} to {fmt(hi, isRatio ? 2 : 3)} ({e.ciMethod})
          </dd>
          <dt>p-value</dt>
          <dd>{fmtP(e.pValue)}</dd>
        </dl>
      ) : null}
      {others.length ? (
        <ul className="estimate-card__warnings" aria-label="Warnings">
          {others.map((w) => (
            <li key={w.code} className={`warning warning--${w.severity}`}>
              <strong>{w.code}</strong>: {w.message}
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
