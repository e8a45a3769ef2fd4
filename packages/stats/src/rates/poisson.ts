import { gammaQuantile, poissonCdf, poissonPmf } from '../dists/index.ts';
import { check } from '../errors.ts';
import { binomTestPValue, clopperPearson } from './binomial.ts';

/**
 * Exact Poisson rate inference (EVALUATION.md §4.2), matching R `poisson.test`.
 */
const REL_ERR = 1 + 1e-7;

export interface RateInterval {
  estimate: number;
  ci: [number, number];
  pValue: number;
}

function checkCount(y: number, what: string): void {
  check(Number.isInteger(y) && y >= 0, `${what} must be a count ≥ 0, got ${y}`);
}

/**
 * Garwood interval for one rate y/E: [χ²(2y; a/2)/2, χ²(2y+2; 1−a/2)/2]/E, computed as Gamma
 * quantiles (χ²(2k)/2 = Gamma(k, 1)); lower = 0 when y = 0. p-value of H0: rate = r0 as R
 * `poisson.test(y, E, r0)`.
 */
export function garwood(y: number, exposure: number, conf = 0.95, r0 = 1): RateInterval {
  checkCount(y, 'Garwood: y');
  check(exposure > 0, `Garwood: exposure must be > 0, got ${exposure}`);
  const a = 1 - conf;
  const lo = y === 0 ? 0 : gammaQuantile(a / 2, y) / exposure;
  const hi = gammaQuantile(1 - a / 2, y + 1) / exposure;
  return { estimate: y / exposure, ci: [lo, hi], pValue: poissonTestPValue(y, r0 * exposure) };
}

/** Two-sided exact Poisson p-value of H0: E[y] = m, with R's relErr rule. */
export function poissonTestPValue(x: number, m: number): number {
  check(m > 0, 'poisson test: mean must be > 0');
  if (x === m) return 1;
  const d = poissonPmf(x, m);
  if (x < m) {
    let N = Math.ceil(2 * m - x);
    while (poissonPmf(N, m) > d) N *= 2;
    let y = 0;
    for (let i = Math.ceil(m); i <= N; i++) if (poissonPmf(i, m) <= d * REL_ERR) y++;
    return Math.min(1, poissonCdf(x, m) + (1 - poissonCdf(N - y, m)));
  }
  let y = 0;
  for (let i = 0; i <= Math.floor(m); i++) if (poissonPmf(i, m) <= d * REL_ERR) y++;
  return Math.min(1, (y > 0 ? poissonCdf(y - 1, m) : 0) + (1 - poissonCdf(x - 1, m)));
}

export interface RateRatio extends RateInterval {
  /** True when y0 = 0: the ratio is infinite and only the lower bound is informative. */
  undefinedRatio: boolean;
}

/**
 * Before/after rate ratio RR = (y1/E1)/(y0/E0) with the exact interval conditional on
 * n = y0 + y1: y1 | n ~ Bin(n, E1·RR/(E0 + E1·RR)), Clopper–Pearson on p, mapped back by
 * RR = p/(1 − p)·E0/E1. Identical to R `poisson.test(c(y1, y0), c(E1, E0), r = rr0)`.
 */
export function rateRatioExact(
  y1: number,
  e1: number,
  y0: number,
  e0: number,
  conf = 0.95,
  rr0 = 1,
): RateRatio {
  checkCount(y1, 'rate ratio: y1');
  checkCount(y0, 'rate ratio: y0');
  check(e1 > 0 && e0 > 0, 'rate ratio: exposures must be > 0');
  const n = y1 + y0;
  check(n > 0, 'rate ratio: both counts are zero; the ratio has no information');
  const [pl, pu] = clopperPearson(y1, n, conf);
  const map = (p: number): number => (p >= 1 ? Infinity : (p / (1 - p)) * (e0 / e1));
  const p0 = (rr0 * e1) / (rr0 * e1 + e0);
  return {
    estimate: y0 === 0 ? Infinity : y1 / e1 / (y0 / e0),
    ci: [map(pl), map(pu)],
    pValue: binomTestPValue(y1, n, p0),
    undefinedRatio: y0 === 0,
  };
}
