import { chisqCdf } from '../dists/index.ts';
import { check } from '../errors.ts';

export interface LjungBoxResult {
  /** Q for lags 1..maxLag (Q[k−1] uses lags 1..k), as statsmodels returns per row. */
  q: number[];
  /** p-values χ²(k − modelDf) upper tail; NaN where the df ≤ 0. */
  pValue: number[];
}

/**
 * Ljung–Box Q = n(n+2) Σ_{k≤K} r_k²/(n − k) (EVALUATION.md §4.3, AUTOCORRELATION check), with
 * statsmodels `acorr_ljungbox` conventions: r_k is the biased autocorrelation (demeaned,
 * denominator Σ(x − x̄)²), and the p-value has K − modelDf degrees of freedom.
 */
export function ljungBox(x: ArrayLike<number>, maxLag = 12, modelDf = 0): LjungBoxResult {
  const n = x.length;
  check(
    Number.isInteger(maxLag) && maxLag >= 1 && maxLag < n,
    `Ljung–Box: lag ${maxLag} needs more than ${n} points`,
  );
  let mean = 0;
  for (let i = 0; i < n; i++) mean += x[i]!;
  mean /= n;
  const d = Float64Array.from({ length: n }, (_, i) => x[i]! - mean);
  let c0 = 0;
  for (let i = 0; i < n; i++) c0 += d[i]! * d[i]!;
  check(c0 > 0, 'Ljung–Box: constant series');
  const q: number[] = [];
  const pValue: number[] = [];
  let acc = 0;
  for (let k = 1; k <= maxLag; k++) {
    let ck = 0;
    for (let t = k; t < n; t++) ck += d[t]! * d[t - k]!;
    const r = ck / c0;
    acc += (r * r) / (n - k);
    const Q = n * (n + 2) * acc;
    q.push(Q);
    const df = k - modelDf;
    pValue.push(df > 0 ? 1 - chisqCdf(Q, df) : Number.NaN);
  }
  return { q, pValue };
}
