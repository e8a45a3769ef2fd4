import { quantile } from 'simple-statistics';
import { check } from '../errors.ts';

/**
 * Sample quantile, Hyndman–Fan type 7 (R's default `quantile(type = 7)`), used for IQRs,
 * fatality percentiles and bootstrap intervals (EVALUATION.md §4.1, §4.3, §4.7).
 * simple-statistics ≥ 7.9 computes type 7 (x[⌊h⌋] + f·(x[⌈h⌉] − x[⌊h⌋]), h = (n − 1)p) by
 * quickselect on a copy, O(n) instead of a sort, which matters for per-month bootstrap bands;
 * older versions were not type 7, so the R fixture (type7_quantiles.json, 1e-12) pins it.
 */
export function quantileType7(data: ArrayLike<number>, probs: number): number;
export function quantileType7(data: ArrayLike<number>, probs: readonly number[]): number[];
export function quantileType7(data: ArrayLike<number>, probs: number | readonly number[]): number | number[] {
  const n = data.length;
  check(n > 0, 'quantile: empty sample');
  for (let i = 0; i < n; i++) check(!Number.isNaN(data[i]!), 'quantile: NaN in sample');
  const ps = typeof probs === 'number' ? [probs] : [...probs];
  for (const p of ps) check(p >= 0 && p <= 1, `quantile: probability ${p} outside [0, 1]`);
  // simple-statistics copies with .slice() and only indexes: typed arrays are safe to pass.
  const x = (Array.isArray(data) ? data : Float64Array.from(data)) as unknown as number[];
  const q = quantile(x, ps);
  return typeof probs === 'number' ? q[0]! : q;
}
