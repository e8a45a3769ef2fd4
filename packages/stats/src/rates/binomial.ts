import gammaln from '@stdlib/math-base-special-gammaln';
import { betaQuantile } from '../dists/index.ts';
import { check } from '../errors.ts';

/**
 * Exact binomial inference as R `binom.test`: the Clopper–Pearson interval and the two-sided
 * p-value that sums outcomes no more likely than the observed one (relative slack 1 + 1e-7, R's
 * `relErr`). @stdlib's binomial pmf is not among our dependencies; lnΓ gives the pmf to ~1e-13.
 */
const REL_ERR = 1 + 1e-7;

/** Binomial pmf via lnΓ; exact 0/1 handling at p ∈ {0, 1}. */
export function binomPmf(k: number, n: number, p: number): number {
  if (k < 0 || k > n) return 0;
  if (p === 0) return k === 0 ? 1 : 0;
  if (p === 1) return k === n ? 1 : 0;
  return Math.exp(
    gammaln(n + 1) - gammaln(k + 1) - gammaln(n - k + 1) + k * Math.log(p) + (n - k) * Math.log1p(-p),
  );
}

/** Clopper–Pearson interval for x successes in n trials (R `binom.test(x, n)$conf.int`). */
export function clopperPearson(x: number, n: number, conf = 0.95): [number, number] {
  check(
    Number.isInteger(x) && Number.isInteger(n) && x >= 0 && x <= n && n > 0,
    `Clopper–Pearson: bad x=${x}, n=${n}`,
  );
  const a = 1 - conf;
  const lo = x === 0 ? 0 : betaQuantile(a / 2, x, n - x + 1);
  const hi = x === n ? 1 : betaQuantile(1 - a / 2, x + 1, n - x);
  return [lo, hi];
}

/** Two-sided exact binomial p-value of H0: p = p0 (R `binom.test(x, n, p0)$p.value`). */
export function binomTestPValue(x: number, n: number, p0: number): number {
  check(p0 > 0 && p0 < 1, `binomial test: p0 must be in (0, 1), got ${p0}`);
  const m = n * p0;
  const d = binomPmf(x, n, p0);
  if (x === m) return 1;
  let tail = 0;
  if (x < m) {
    // P(X ≤ x) + P(X ≥ n − y + 1) with y = #{i ≥ ⌈m⌉ : f(i) ≤ d·relErr}
    for (let i = 0; i <= x; i++) tail += binomPmf(i, n, p0);
    for (let i = Math.ceil(m); i <= n; i++) {
      const f = binomPmf(i, n, p0);
      if (f <= d * REL_ERR) tail += f;
    }
  } else {
    for (let i = x; i <= n; i++) tail += binomPmf(i, n, p0);
    for (let i = 0; i <= Math.floor(m); i++) {
      const f = binomPmf(i, n, p0);
      if (f <= d * REL_ERR) tail += f;
    }
  }
  return Math.min(1, tail);
}
