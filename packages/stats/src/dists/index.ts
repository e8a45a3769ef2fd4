import betaQuantileStd from '@stdlib/stats-base-dists-beta-quantile';
import chisqCdfStd from '@stdlib/stats-base-dists-chisquare-cdf';
import chisqQuantileStd from '@stdlib/stats-base-dists-chisquare-quantile';
import gammaQuantileStd from '@stdlib/stats-base-dists-gamma-quantile';
import nbCdfStd from '@stdlib/stats-base-dists-negative-binomial-cdf';
import nbPmfStd from '@stdlib/stats-base-dists-negative-binomial-pmf';
import nbQuantileStd from '@stdlib/stats-base-dists-negative-binomial-quantile';
import normalCdfStd from '@stdlib/stats-base-dists-normal-cdf';
import normalQuantileStd from '@stdlib/stats-base-dists-normal-quantile';
import poissonCdfStd from '@stdlib/stats-base-dists-poisson-cdf';
import poissonPmfStd from '@stdlib/stats-base-dists-poisson-pmf';
import poissonQuantileStd from '@stdlib/stats-base-dists-poisson-quantile';
import tCdfStd from '@stdlib/stats-base-dists-t-cdf';
import tQuantileStd from '@stdlib/stats-base-dists-t-quantile';

/**
 * Distribution functions in the parametrisations the methods use, over @stdlib (EVALUATION.md
 * §5.1: one library per function). The NB2 wrappers take (μ, α) and translate to @stdlib's and
 * SciPy's (r, p) = (1/α, 1/(1 + αμ)); α = 0 falls back to the Poisson, as §4.8 requires.
 */

/** Standard normal quantile Φ⁻¹(p) (model-based intervals use normal quantiles, §4). */
export const normalQuantile = (p: number, mean = 0, sd = 1): number => normalQuantileStd(p, mean, sd);
/** Normal cdf. */
export const normalCdf = (x: number, mean = 0, sd = 1): number => normalCdfStd(x, mean, sd);
/** Student t quantile. */
export const tQuantile = (p: number, df: number): number => tQuantileStd(p, df);
/** Student t cdf. */
export const tCdf = (x: number, df: number): number => tCdfStd(x, df);
/** χ² quantile. */
export const chisqQuantile = (p: number, df: number): number => chisqQuantileStd(p, df);
/** χ² cdf. */
export const chisqCdf = (x: number, df: number): number => chisqCdfStd(x, df);
/** Beta quantile (Clopper–Pearson). */
export const betaQuantile = (p: number, a: number, b: number): number => betaQuantileStd(p, a, b);
/** Gamma quantile with shape and rate (Garwood: χ²(2y)/2 = Gamma(y, 1)). */
export const gammaQuantile = (p: number, shape: number, rate = 1): number => gammaQuantileStd(p, shape, rate);

/** Poisson pmf. */
export const poissonPmf = (k: number, mu: number): number => poissonPmfStd(k, mu);
/** Poisson cdf P(Y ≤ k). */
export const poissonCdf = (k: number, mu: number): number => poissonCdfStd(k, mu);
/** Poisson quantile: smallest k with P(Y ≤ k) ≥ p. (`+ 0` turns @stdlib's occasional −0 into 0.) */
export const poissonQuantile = (p: number, mu: number): number => poissonQuantileStd(p, mu) + 0;

/** @stdlib/SciPy (r, p) for an NB2 with mean μ and dispersion α > 0. */
export function nbSizeProb(mu: number, alpha: number): { r: number; p: number } {
  return { r: 1 / alpha, p: 1 / (1 + alpha * mu) };
}

/** NB2 pmf with mean μ and Var = μ + αμ²; α = 0 is Poisson. */
export function nbPmf(k: number, mu: number, alpha: number): number {
  if (alpha === 0) return poissonPmf(k, mu);
  const { r, p } = nbSizeProb(mu, alpha);
  return nbPmfStd(k, r, p);
}

/** NB2 cdf P(Y ≤ k); α = 0 is Poisson. */
export function nbCdf(k: number, mu: number, alpha: number): number {
  if (alpha === 0) return poissonCdf(k, mu);
  const { r, p } = nbSizeProb(mu, alpha);
  return nbCdfStd(k, r, p);
}

/** NB2 quantile Q(p; μ, α), e.g. the Shewhart limit Q(0.995) of §4.8; α = 0 is Poisson (−0 → 0). */
export function nbQuantile(prob: number, mu: number, alpha: number): number {
  if (alpha === 0) return poissonQuantile(prob, mu);
  const { r, p } = nbSizeProb(mu, alpha);
  return nbQuantileStd(prob, r, p) + 0;
}
