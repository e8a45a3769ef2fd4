import gammaln from '@stdlib/math-base-special-gammaln';

/**
 * Per-observation pieces of the Poisson and NB2 families with log link (EVALUATION.md §5.3).
 * One parametrisation for both: Var(y) = μ + αμ², α = 0 is Poisson. Prior weights multiply
 * every contribution, as in R's glm (and MASS::glm.nb).
 */

/** Unit deviance d(y, μ) ≥ 0. NB2 uses log1p to stay exact as α → 0. */
export function unitDeviance(y: number, mu: number, alpha: number): number {
  const ylog = y > 0 ? y * Math.log(y / mu) : 0;
  if (alpha === 0) return 2 * (ylog - (y - mu));
  const theta = 1 / alpha;
  return 2 * (ylog - (y + theta) * (Math.log1p(alpha * y) - Math.log1p(alpha * mu)));
}

/** Variance function V(μ) = μ + αμ². */
export function variance(mu: number, alpha: number): number {
  return mu + alpha * mu * mu;
}

/**
 * Log-density ln f(y; μ, α). For integer y the NB2 term lnΓ(y+θ) − lnΓ(θ) + y ln α is computed as
 * Σ_{j<y} log1p(αj), which does not cancel catastrophically when θ = 1/α is huge; this is what
 * lets the α search reach ln α = −20 safely. Large counts with moderate θ use lnΓ, which is
 * accurate there and O(1) instead of O(y).
 */
export function logDensity(y: number, mu: number, alpha: number): number {
  if (alpha === 0) return (y > 0 ? y * Math.log(mu) : 0) - mu - gammaln(y + 1);
  const theta = 1 / alpha;
  let head: number;
  if (Number.isInteger(y) && (y <= 50 || (theta > 1e6 && y <= 100_000))) {
    head = 0;
    for (let j = 1; j < y; j++) head += Math.log1p(alpha * j);
    head += y > 0 ? y * Math.log(mu) : 0;
  } else {
    head = gammaln(y + theta) - gammaln(theta) + y * Math.log(alpha * mu);
  }
  return head - gammaln(y + 1) - (y + theta) * Math.log1p(alpha * mu);
}

/**
 * d ln f / dθ at θ = 1/α (MASS::theta.ml's score), written without cancellation:
 * ψ(y+θ) − ψ(θ) − log1p(μ/θ) + (μ − y)/(θ + μ).
 */
export function thetaScore(
  y: number,
  mu: number,
  theta: number,
  digammaDiff: (y: number, t: number) => number,
): number {
  return digammaDiff(y, theta) - Math.log1p(mu / theta) + (mu - y) / (theta + mu);
}
