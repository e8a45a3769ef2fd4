/**
 * Type-7 quantiles for the synthesis strands (R's default; §4.7 reports medians and IQRs as
 * type 7). Delegates to the package's `quantileType7`, adding the empty-sample answer the
 * summaries need (NaN rather than an error: "no responses" is a result, not a fault).
 */
import { quantileType7 } from '../descriptive/quantile.ts';

/** q(p) of the sample, type 7; NaN for an empty sample or p outside [0, 1]. */
export function quantile7(values: readonly number[], p: number): number {
  if (values.length === 0 || !(p >= 0 && p <= 1)) return NaN;
  return quantileType7(values, p);
}
