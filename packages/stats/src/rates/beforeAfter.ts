import { check } from '../errors.ts';
import type { EstimateWarning } from '../its/types.ts';
import { rateRatioExact } from './poisson.ts';
import { preWindowDispersion, rateRatioWald } from './wald.ts';

/**
 * The before/after rate ratio estimator of EVALUATION.md §4.2 (design level 2): equal windows
 * adjacent to T0 by default, an optional transition gap, the exact conditional interval, and the
 * over-dispersed Wald interval as the headline when φ > 1.5 (OVERDISPERSION).
 */
export interface BeforeAfterInput {
  /** Monthly counts in time order. */
  y: readonly number[];
  /** Exposure per month (> 0); default 1 per month. */
  exposure?: readonly number[];
  /** Row index of T0 (first month under the intervention). */
  t0Index: number;
  /** Months per window; default the largest equal length that fits on both sides. */
  windowMonths?: number;
  /** Months after T0 left out before the post window starts. */
  transitionMonths?: number;
  /** Rows of other interventions or source switches; any inside a window raises CONFOUNDED_WINDOW. */
  confounders?: readonly number[];
  conf?: number;
}

export interface BeforeAfterResult {
  y0: number;
  e0: number;
  y1: number;
  e1: number;
  /** Row ranges [start, end) of the two windows. */
  pre: [number, number];
  post: [number, number];
  rateRatio: number;
  exact: { ci: [number, number]; pValue: number };
  /** null when a count is 0 (the Wald interval needs both). */
  wald: { ci: [number, number] } | null;
  phi: number;
  /** Which interval is the headline. */
  ciMethod: 'exact_conditional_binomial' | 'overdispersed_wald';
  ci: [number, number];
  warnings: EstimateWarning[];
}

/** Runs the §4.2 before/after comparison; the caller wraps it into an `Estimate`. */
export function beforeAfter(input: BeforeAfterInput): BeforeAfterResult {
  const n = input.y.length;
  const conf = input.conf ?? 0.95;
  const gap = input.transitionMonths ?? 0;
  const t0 = input.t0Index;
  check(
    Number.isInteger(t0) && t0 > 0 && t0 + gap < n,
    'before/after: T0 and the transition must leave a post window',
  );
  const maxLen = Math.min(t0, n - t0 - gap);
  const len = input.windowMonths ?? maxLen;
  check(
    Number.isInteger(len) && len >= 2 && len <= maxLen,
    `before/after: window must be 2–${maxLen} months`,
  );
  const E = input.exposure ?? new Array<number>(n).fill(1);
  check(E.length === n && E.every((e) => e > 0), 'before/after: exposure must be > 0 for every month');
  const pre: [number, number] = [t0 - len, t0];
  const post: [number, number] = [t0 + gap, t0 + gap + len];
  const sum = (a: readonly number[], [s, e]: [number, number]): number =>
    a.slice(s, e).reduce((x, v) => x + v, 0);
  const y0 = sum(input.y, pre);
  const y1 = sum(input.y, post);
  const e0 = sum(E, pre);
  const e1 = sum(E, post);
  const warnings: EstimateWarning[] = [];

  const exact = rateRatioExact(y1, e1, y0, e0, conf);
  const phi = preWindowDispersion(input.y.slice(pre[0], pre[1]), E.slice(pre[0], pre[1]));
  const wald = y0 > 0 && y1 > 0 ? rateRatioWald(y1, e1, y0, e0, phi, conf) : null;
  let ciMethod: BeforeAfterResult['ciMethod'] = 'exact_conditional_binomial';
  let ci = exact.ci;
  if (phi > 1.5) {
    warnings.push({
      code: 'OVERDISPERSION',
      severity: 'warn',
      message: `Pre-window dispersion φ = ${phi.toFixed(2)} > 1.5: the over-dispersed interval is the headline.`,
    });
    if (wald) {
      ciMethod = 'overdispersed_wald';
      ci = wald.ci;
    }
  }
  if (y0 === 0)
    warnings.push({
      code: 'RATE_RATIO_UNDEFINED',
      severity: 'warn',
      message: `No events before T0: the ratio is undefined; only the exact bound ${exact.ci[0].toPrecision(3)} is informative.`,
    });
  const inWindow = (r: number): boolean => (r >= pre[0] && r < pre[1]) || (r >= post[0] && r < post[1]);
  const confounded = (input.confounders ?? []).filter(inWindow);
  if (confounded.length > 0)
    warnings.push({
      code: 'CONFOUNDED_WINDOW',
      severity: 'warn',
      message: `${confounded.length} other intervention(s) or source switch(es) fall inside the windows.`,
    });
  return {
    y0,
    e0,
    y1,
    e1,
    pre,
    post,
    rateRatio: exact.estimate,
    exact: { ci: exact.ci, pValue: exact.pValue },
    wald: wald ? { ci: wald.ci } : null,
    phi,
    ciMethod,
    ci,
    warnings,
  };
}
