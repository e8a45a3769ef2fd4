/**
 * Partner-feedback and expert-review strands of the evidence synthesis (EVALUATION.md §4.7).
 * Likert items are ordinal: the headline is the median with its IQR (type-7 quantiles), the
 * share answering 4–5 and the full distribution; the mean is reported as secondary only.
 */
import type { WarnMessage } from '../warn/types.ts';
import {
  agreementLevel,
  krippendorffAlphaBootstrap,
  type Agreement,
  type AlphaMetric,
  type Rating,
} from './krippendorff.ts';
import { quantile7 } from './quantile.ts';

export type StrandDirection = 'positive' | 'negative' | 'mixed' | 'insufficient';

export interface LikertSummary {
  n: number;
  invited: number;
  responseRate: number;
  median: number;
  q1: number;
  q3: number;
  iqr: number;
  /** Share of responses at 4 or 5. */
  shareTop2: number;
  /** Counts of 1 … 5 (index 0 = score 1). */
  distribution: number[];
  /** Secondary only; never the headline. */
  mean: number;
  direction: StrandDirection;
}

/** Summarises one Likert 1–5 item (null = no answer) against the number invited. */
export function summariseLikert(responses: readonly (number | null)[], invited: number): LikertSummary {
  const xs = responses.filter((r): r is number => r !== null);
  if (xs.some((x) => !Number.isInteger(x) || x < 1 || x > 5))
    throw new RangeError('Likert responses must be integers 1–5');
  if (!(invited >= xs.length))
    throw new RangeError(`invited (${invited}) must be at least the number of responses (${xs.length})`);
  const n = xs.length;
  const distribution = [1, 2, 3, 4, 5].map((k) => xs.filter((x) => x === k).length);
  const median = quantile7(xs, 0.5);
  const q1 = quantile7(xs, 0.25);
  const q3 = quantile7(xs, 0.75);
  const responseRate = invited > 0 ? n / invited : 0;
  let direction: StrandDirection;
  if (n < 5 || responseRate < 0.3) direction = 'insufficient';
  else if (median >= 4) direction = 'positive';
  else if (median <= 2) direction = 'negative';
  else direction = 'mixed';
  return {
    n,
    invited,
    responseRate,
    median,
    q1,
    q3,
    iqr: q3 - q1,
    shareTop2: n > 0 ? ((distribution[3] ?? 0) + (distribution[4] ?? 0)) / n : NaN,
    distribution,
    mean: n > 0 ? xs.reduce((s, x) => s + x, 0) / n : NaN,
    direction,
  };
}

export interface ExpertReviewSummary {
  raters: number;
  alpha: number;
  ci95: [number, number];
  agreement: Agreement;
  /** Median of all rubric scores (1 not achieved … 4 fully achieved). */
  median: number;
  direction: StrandDirection;
  warnings: WarnMessage[];
}

/**
 * Expert-review strand: ≥ 3 independent raters, Krippendorff's α (ordinal by default) with a
 * seeded bootstrap CI; the strand is insufficient when α < 0.667. Direction: median ≥ 3
 * positive, ≤ 1.5 negative, else mixed.
 */
export function summariseExpertReview(
  units: readonly (readonly Rating[])[],
  seed: string,
  options: { metric?: AlphaMetric; replicates?: number } = {},
): ExpertReviewSummary {
  const raters = Math.max(0, ...units.map((u) => u.length));
  const boot = krippendorffAlphaBootstrap(
    units,
    options.metric ?? 'ordinal',
    seed,
    options.replicates ?? 1000,
  );
  const scores = units.flat().filter((v): v is number => typeof v === 'number');
  const median = quantile7(scores, 0.5);
  const agreement = agreementLevel(boot.alpha);
  const warnings: WarnMessage[] = [];
  if (raters < 3)
    warnings.push({
      code: 'FEW_RATERS',
      severity: 'warn',
      message: `${raters} rater(s); the expert strand needs at least 3.`,
    });
  if (agreement === 'insufficient') {
    warnings.push({
      code: 'LOW_AGREEMENT',
      severity: 'warn',
      message: `Krippendorff's α = ${boot.alpha.toFixed(3)} < 0.667: raters disagree too much for the strand to count.`,
    });
  }
  let direction: StrandDirection;
  if (agreement === 'insufficient' || raters < 3) direction = 'insufficient';
  else if (median >= 3) direction = 'positive';
  else if (median <= 1.5) direction = 'negative';
  else direction = 'mixed';
  return { raters, alpha: boot.alpha, ci95: boot.ci95, agreement, median, direction, warnings };
}
