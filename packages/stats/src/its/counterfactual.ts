import type { Covariance } from '../covariance/types.ts';
import { quantileType7 } from '../descriptive/quantile.ts';
import { createStream } from '../random.ts';
import type { ItsDesign } from './design.ts';

/**
 * Counterfactual μ⁰_t = exp(η_t − break terms): the fitted model with the level, slope and every
 * extra-break column switched off (EVALUATION.md §4.3), and μ̂_t itself.
 */
export function counterfactualMeans(
  d: ItsDesign,
  beta: Float64Array,
  offset: Float64Array | undefined,
): { fitted: Float64Array; counterfactual: Float64Array } {
  const { rows: n, cols: p, values } = d.design;
  const keep = counterfactualMask(d);
  const fitted = new Float64Array(n);
  const counterfactual = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = offset ? offset[i]! : 0;
    let eta0 = eta;
    for (let j = 0; j < p; j++) {
      const v = values[i * p + j]! * beta[j]!;
      eta += v;
      eta0 += keep[j]! * v;
    }
    fitted[i] = Math.exp(eta);
    counterfactual[i] = Math.exp(eta0);
  }
  return { fitted, counterfactual };
}

/** 1 for columns kept in the counterfactual, 0 for level, slope and extra-break columns. */
function counterfactualMask(d: ItsDesign): Float64Array {
  const keep = new Float64Array(d.design.cols).fill(1);
  keep[d.columns.level] = 0;
  keep[d.columns.slope] = 0;
  for (const c of d.columns.breakColumns) {
    keep[c] = 0;
    keep[c + 1] = 0;
  }
  return keep;
}

/** Averted events A = Σ_{t≥0}(μ⁰_t − μ̂_t), over every post row (transition months included). */
export function avertedEvents(d: ItsDesign, fitted: Float64Array, counterfactual: Float64Array): number {
  let a = 0;
  for (let i = 0; i < fitted.length; i++) if (d.t[i]! >= 0) a += counterfactual[i]! - fitted[i]!;
  return a;
}

/**
 * Parametric bootstrap β* ~ N(β̂, V̂_HAC), α fixed (the chart says so), seeded on the stream
 * `${seed}:its-bootstrap`. Returns the pointwise band of μ⁰_t and the interval of A, both as
 * type-7 quantiles of the draws.
 */
export function bootstrapCounterfactual(
  d: ItsDesign,
  beta: Float64Array,
  cov: Covariance,
  offset: Float64Array | undefined,
  draws: number,
  seed: string,
  conf: number,
): { lower: Float64Array; upper: Float64Array; avertedCi: [number, number] } {
  const p = beta.length;
  const n = d.design.rows;
  const C = psdCholesky(cov.values, p);
  const rng = createStream(seed, 'its-bootstrap');
  const mu0 = new Float64Array(draws * n);
  const avert = new Float64Array(draws);
  const z = new Float64Array(p);
  const b = new Float64Array(p);
  for (let r = 0; r < draws; r++) {
    for (let j = 0; j < p; j++) z[j] = rng.normal();
    for (let i = 0; i < p; i++) {
      let s = beta[i]!;
      for (let k = 0; k <= i; k++) s += C[i * p + k]! * z[k]!;
      b[i] = s;
    }
    const m = counterfactualMeans(d, b, offset);
    mu0.set(m.counterfactual, r * n);
    avert[r] = avertedEvents(d, m.fitted, m.counterfactual);
  }
  const lo = (1 - conf) / 2;
  const lower = new Float64Array(n);
  const upper = new Float64Array(n);
  const col = new Float64Array(draws);
  for (let i = 0; i < n; i++) {
    for (let r = 0; r < draws; r++) col[r] = mu0[r * n + i]!;
    const [a, c] = quantileType7(col, [lo, 1 - lo]) as [number, number];
    lower[i] = a;
    upper[i] = c;
  }
  const [al, au] = quantileType7(avert, [lo, 1 - lo]) as [number, number];
  return { lower, upper, avertedCi: [al, au] };
}

/**
 * Cholesky of a positive semi-definite matrix for sampling: a pivot that rounding pushed to ≤ 0
 * gets a zero column (that direction has no variance) instead of failing.
 */
function psdCholesky(A: Float64Array, p: number): Float64Array {
  const L = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = A[j * p + j]!;
    for (let k = 0; k < j; k++) d -= L[j * p + k]! ** 2;
    if (!(d > 1e-14 * A[j * p + j]!)) continue;
    const ljj = Math.sqrt(d);
    L[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let s = A[i * p + j]!;
      for (let k = 0; k < j; k++) s -= L[i * p + k]! * L[j * p + k]!;
      L[i * p + j] = s / ljj;
    }
  }
  return L;
}
