import { check } from '../errors.ts';
import type { GlmFit } from '../glm/types.ts';
import { crossLag, sandwich, scores } from './sandwich.ts';
import type { Covariance } from './types.ts';

/**
 * The covariance estimators of EVALUATION.md §5.3, for Poisson and NB2 fits alike (α is treated
 * as known: the references — sandwich on glm.nb or on a GLM with α fixed — do the same).
 * Each mirrors one reference convention exactly; the fixture names it.
 */

/** Model-based (Fisher) covariance (XᵀWX)⁻¹: R `vcov(glm)` with dispersion 1. */
export function vcovFisher(fit: GlmFit): Covariance {
  return { dim: fit.X.cols, values: Float64Array.from(fit.bread), names: fit.names, kind: 'fisher' };
}

/** HC0 = B(Σ s sᵀ)B; HC1 scales by n/(n − p): R `sandwich::vcovHC(type = "HC0"|"HC1")`. */
export function vcovHC(fit: GlmFit, type: 'HC0' | 'HC1' = 'HC1'): Covariance {
  const { rows: n, cols: p } = fit.X;
  const meat = crossLag(scores(fit), n, p, 0);
  const factor = type === 'HC1' ? fit.nObs / (fit.nObs - p) : 1;
  return sandwich(fit, meat, factor, type);
}

export interface Cr1Options {
  /**
   * Parameters absorbed outside X (e.g. fixed effects partialled out by HDFE) that count in p of
   * the (n − 1)/(n − p) factor, so absorbed and dummy-variable fits give the same CR1.
   */
  absorbedParameters?: number;
}

/**
 * CR1 = G/(G − 1) · (n − 1)/(n − p) · B(Σ_g S_g S_gᵀ)B, S_g = Σ_{t∈g} s_t: statsmodels
 * `cov_type="cluster"` (use_correction=True) and R `sandwich::vcovCL(type="HC1", cadjust=TRUE)`.
 */
export function vcovCR1(
  fit: GlmFit,
  clusters: ArrayLike<string | number>,
  options: Cr1Options = {},
): Covariance {
  const { rows: n, cols: p } = fit.X;
  check(clusters.length === n, `CR1: ${clusters.length} cluster ids for ${n} rows`);
  const s = scores(fit);
  // Clusters are counted over rows that carry weight: a cluster made only of excluded rows
  // (prior weight 0) contributes no score and must not inflate G/(G − 1).
  const index = new Map<string | number, number>();
  for (let i = 0; i < n; i++)
    if (fit.priorWeights[i]! > 0 && !index.has(clusters[i]!)) index.set(clusters[i]!, index.size);
  const G = index.size;
  check(G >= 2, 'CR1: needs at least two clusters');
  const S = new Float64Array(G * p);
  for (let i = 0; i < n; i++) {
    const g = index.get(clusters[i]!);
    if (g === undefined) continue;
    for (let j = 0; j < p; j++) S[g * p + j]! += s[i * p + j]!;
  }
  const meat = crossLag(S, G, p, 0);
  const k = p + (options.absorbedParameters ?? 0);
  const factor = (G / (G - 1)) * ((fit.nObs - 1) / (fit.nObs - k));
  return sandwich(fit, meat, factor, `CR1(G=${G})`);
}

/** Default Newey–West lag L = max(1, ⌊4(T/100)^{2/9}⌋) (EVALUATION.md §4.3). */
export function neweyWestLag(T: number): number {
  return Math.max(1, Math.floor(4 * (T / 100) ** (2 / 9)));
}

/**
 * HAC with Bartlett weights 1 − l/(L + 1), no small-sample factor, no prewhitening: R
 * `sandwich::NeweyWest(fit, lag = L, prewhite = FALSE, adjust = FALSE)`, statsmodels
 * `cov_type="HAC", maxlags=L, use_correction=False`. Rows must be in time order.
 */
export function vcovHAC(fit: GlmFit, options: { lag?: number } = {}): Covariance {
  const { rows: n, cols: p } = fit.X;
  const L = options.lag ?? neweyWestLag(n);
  check(Number.isInteger(L) && L >= 0 && L < n, `HAC: lag must be an integer in [0, ${n - 1}], got ${L}`);
  const s = scores(fit);
  const meat = crossLag(s, n, p, 0);
  for (let l = 1; l <= L; l++) {
    const G = crossLag(s, n, p, l);
    const wl = 1 - l / (L + 1);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) meat[i * p + j]! += wl * (G[i * p + j]! + G[j * p + i]!);
  }
  return sandwich(fit, meat, 1, `HAC(Bartlett, lag=${L})`);
}
