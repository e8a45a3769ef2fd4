/**
 * NB2 quantile in the (μ, α) parametrisation of §4.3. `@stdlib` (like SciPy) parametrises the
 * negative binomial by (r, p); the mapping r = 1/α, p = 1/(1 + αμ) keeps the mean μ and the
 * variance μ + αμ². α = 0 is the Poisson limit, for which the NB formula is undefined.
 */
import nbQuantileRp from '@stdlib/stats-base-dists-negative-binomial-quantile';
import poissonQuantile from '@stdlib/stats-base-dists-poisson-quantile';

/** Smallest y with P(Y ≤ y) ≥ p for Y ~ NB2(μ, α) (Poisson when α = 0). */
export function nbQuantile(p: number, mu: number, alpha: number): number {
  if (alpha === 0) return poissonQuantile(p, mu);
  return nbQuantileRp(p, 1 / alpha, 1 / (1 + alpha * mu));
}
