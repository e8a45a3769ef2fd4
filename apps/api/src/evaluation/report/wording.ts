/**
 * How an estimate is worded in the report — the same rules as the web page's EstimateCard
 * (apps/web/src/features/evaluation/EstimateCard.tsx): a `block` warning replaces the headline
 * number; below design level 4 the effect "contributed to", never attribution (EVALUATION.md §4.6).
 * Pure: strings in, strings out.
 */
import type { EstimateWire } from '@entente/contracts';

export const METHOD_LABELS: Record<string, string> = {
  descriptive: 'Descriptives',
  before_after: 'Before/after rate ratio',
  interrupted_time_series: 'Interrupted time series',
  difference_in_differences: 'Difference-in-differences',
  synthetic_control: 'Synthetic control',
};
const VARIANT_LABELS: Record<string, string> = {
  two_by_two: '2×2',
  twfe: 'Poisson TWFE',
  event_study: 'event study',
  staggered: 'staggered',
  displacement: 'displacement ring',
  comparative: 'comparative',
};

export const methodLabel = (m: string): string => METHOD_LABELS[m] ?? m;

export function estimateTitle(e: Pick<EstimateWire, 'method' | 'variant'>): string {
  return `${methodLabel(e.method)}${e.variant ? ` (${VARIANT_LABELS[e.variant] ?? e.variant})` : ''}`;
}

/** "−35.2 %" from an IRR (percent change 100(IRR − 1)). */
export function percentChange(irr: number): string {
  const p = 100 * (irr - 1);
  return `${p > 0 ? '+' : p < 0 ? '−' : ''}${Math.abs(p).toFixed(1)} %`;
}

export function fmt(v: number | null | undefined, digits = 2): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  return v.toFixed(digits);
}

export function fmtP(p: number | null | undefined): string {
  if (p === null || p === undefined || !Number.isFinite(p)) return '—';
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

export const designBadge = (d: EstimateWire['design']): string => `Design level ${d.level}: ${d.label}`;

export interface EstimateWording {
  title: string;
  blocked: boolean;
  headline: string;
  /** Label/value rows for the numbers table; empty when blocked or no number. */
  numbers: [string, string][];
}

export function wordEstimate(e: EstimateWire): EstimateWording {
  const blocks = e.warnings.filter((w) => w.severity === 'block');
  const isRatio = e.method !== 'synthetic_control';
  const value = e.estimate;
  const [lo, hi] = e.ci95;
  const digits = isRatio ? 2 : 3;
  let headline: string;
  if (blocks.length) {
    headline = `Blocked: ${blocks.map((w) => w.message).join(' ')}`;
  } else if (value === null) {
    headline = 'No estimate could be computed.';
  } else {
    const effect = isRatio
      ? `a change of ${percentChange(value)} in reported incidents (IRR ${fmt(value)}, 95 % CI ${fmt(lo)}–${fmt(hi)})`
      : `a gap of ${fmt(value, 3)} (95 % CI ${fmt(lo, 3)} to ${fmt(hi, 3)})`;
    headline =
      e.design.level >= 4
        ? `The intervention is estimated to have caused ${effect}.`
        : `The intervention contributed to ${effect}, alongside other factors; this design cannot attribute it.`;
  }
  const numbers: [string, string][] =
    blocks.length || value === null
      ? []
      : [
          [isRatio ? 'IRR' : 'Estimate', fmt(value, digits)],
          ...(isRatio ? ([['Percent change', percentChange(value)]] as [string, string][]) : []),
          ['95 % CI', `${fmt(lo, digits)} to ${fmt(hi, digits)} (${e.ciMethod})`],
          ['p-value', fmtP(e.pValue)],
        ];
  return { title: estimateTitle(e), blocked: blocks.length > 0, headline, numbers };
}

/** The event-study pre-trend verdict sentence, from the DiD warnings (the web's EventStudyChart rules). */
export function pretrendCaption(
  did: Pick<EstimateWire, 'warnings'> | undefined,
  verdict: string,
  rule: string,
): string {
  const warnings = did?.warnings ?? [];
  const codes = new Set(warnings.map((w) => w.code));
  const how = codes.has('PRETREND_UNTESTABLE')
    ? 'the 1–4-unit rule: every pre-period IRR must lie within [2/3, 3/2], the shaded band'
    : rule.startsWith('wald')
      ? 'a joint Wald test of the pre-period coefficients'
      : rule || 'the pre-period coefficients';
  if (codes.has('PRETREND_FAIL')) {
    const w = warnings.find((x) => x.code === 'PRETREND_FAIL');
    return `Pre-trend check failed (${how}): ${w?.message ?? ''} Parallel trends are doubtful; the DiD estimate is downgraded.`;
  }
  if (codes.has('PRETREND_UNTESTED') || verdict === 'untested')
    return 'Pre-trend not checked: no pre-period bin besides the reference, so parallel trends cannot be assessed.';
  return `Pre-trend check passed (${how}).`;
}
