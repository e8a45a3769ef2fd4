import { quantileSorted } from 'simple-statistics';
import { check } from '../errors.ts';

/**
 * Sample quantile, Hyndman–Fan type 7 (R's default `quantile(type = 7)`), used for IQRs and
 * fatality percentiles (EVALUATION.md §4.1, §4.7). simple-statistics ≥ 7.9 computes type 7
 * (x[⌊h⌋] + f·(x[⌈h⌉] − x[⌊h⌋]), h = (n − 1)p); older versions did not, so the R fixture
 * (type7_quantiles.json, 1e-12) pins the behaviour. We sort once and reuse it for all probs.
 */
export function quantileType7(data: ArrayLike<number>, probs: number): number;
export function quantileType7(data: ArrayLike<number>, probs: readonly number[]): number[];
export function quantileType7(data: ArrayLike<number>, probs: number | readonly number[]): number | number[] {
  check(data.length > 0, 'quantile: empty sample');
  const x = Array.from(data).sort((a, b) => a - b);
  check(
    x.every((v) => !Number.isNaN(v)),
    'quantile: NaN in sample',
  );
  const one = (p: number): number => {
    check(p >= 0 && p <= 1, `quantile: probability ${p} outside [0, 1]`);
    return quantileSorted(x, p);
  };
  return typeof probs === 'number' ? one(probs) : probs.map(one);
}
