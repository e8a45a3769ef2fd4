import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import type { Covariance } from '../covariance/types.ts';
import { chisqCdf, normalCdf, normalQuantile } from '../dists/index.ts';

/** One DiD effect on the log scale with its IRR, Wald interval (normal quantiles, §4) and p. */
export interface DidEffect {
  coefficient: number;
  se: number;
  z: number;
  pValue: number;
  irr: number;
  ci: [number, number];
  /** 100(IRR − 1). */
  percentChange: number;
}

/** Effect of a linear combination aᵀβ with variance aᵀVa (delta method on the log scale). */
export function combinationEffect(
  beta: ArrayLike<number>,
  V: Covariance,
  a: ArrayLike<number>,
  conf = 0.95,
): DidEffect {
  const p = V.dim;
  let b = 0;
  let v = 0;
  for (let i = 0; i < p; i++) {
    b += a[i]! * beta[i]!;
    for (let j = 0; j < p; j++) v += a[i]! * a[j]! * V.values[i * p + j]!;
  }
  return effectFrom(b, Math.sqrt(Math.max(0, v)), conf);
}

/** Effect from a coefficient and its standard error. */
export function effectFrom(b: number, se: number, conf = 0.95): DidEffect {
  const q = normalQuantile(1 - (1 - conf) / 2);
  const z = b / se;
  const irr = Math.exp(b);
  return {
    coefficient: b,
    se,
    z,
    pValue: 2 * normalCdf(-Math.abs(z)),
    irr,
    ci: [Math.exp(b - q * se), Math.exp(b + q * se)],
    percentChange: 100 * (irr - 1),
  };
}

/** Unit vector of length p with a 1 at j. */
export function unitVector(p: number, j: number): Float64Array {
  const a = new Float64Array(p);
  a[j] = 1;
  return a;
}

export interface WaldTest {
  statistic: number;
  /** Degrees of freedom: the rank of V̂ restricted to the tested coefficients. */
  df: number;
  pValue: number;
  /** Number of coefficients tested; df < tested when V̂ is rank-deficient (few clusters). */
  tested: number;
}

/**
 * W = θ̂ᵀ V̂⁻¹ θ̂ ~ χ²(df) over the coefficients `idx`. A cluster-robust V̂ has rank ≤ G − 1, so with
 * more tested coefficients than clusters it is singular; the Moore–Penrose inverse is used and df is
 * its numerical rank (eigenvalues above 1e-10 × the largest), which is the usual Wald convention.
 */
export function waldTest(beta: ArrayLike<number>, V: Covariance, idx: readonly number[]): WaldTest {
  const k = idx.length;
  if (k === 0) return { statistic: Number.NaN, df: 0, pValue: Number.NaN, tested: 0 };
  const M = new Matrix(k, k);
  for (let a = 0; a < k; a++) for (let b = 0; b < k; b++) M.set(a, b, V.values[idx[a]! * V.dim + idx[b]!]!);
  const eig = new EigenvalueDecomposition(M, { assumeSymmetric: true });
  const lambda = eig.realEigenvalues;
  const vecs = eig.eigenvectorMatrix;
  const top = Math.max(...lambda.map(Math.abs));
  let W = 0;
  let df = 0;
  for (let e = 0; e < k; e++) {
    if (!(lambda[e]! > 1e-10 * top)) continue;
    df++;
    let proj = 0;
    for (let a = 0; a < k; a++) proj += vecs.get(a, e) * beta[idx[a]!]!;
    W += (proj * proj) / lambda[e]!;
  }
  return { statistic: W, df, pValue: df > 0 ? 1 - chisqCdf(W, df) : Number.NaN, tested: k };
}
