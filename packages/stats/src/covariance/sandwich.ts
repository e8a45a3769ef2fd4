import type { GlmFit } from '../glm/types.ts';
import type { Covariance } from './types.ts';

/**
 * The two ingredients of every sandwich of EVALUATION.md §5.3.
 * Score s_t = x_t · w_t (y_t − μ_t)/(1 + αμ_t), with w_t the prior weight: this is R sandwich's
 * estfun.glm (working residual × working weight), whose dispersion is 1 for Poisson and
 * "Negative Binomial(θ)" families, so Poisson and NB2 fits share one code path.
 */
export function scores(fit: GlmFit): Float64Array {
  const { rows: n, cols: p, values } = fit.X;
  const s = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const m = fit.mu[i]!;
    const r = (fit.priorWeights[i]! * (fit.y[i]! - m)) / (1 + fit.alpha * m);
    for (let j = 0; j < p; j++) s[i * p + j] = values[i * p + j]! * r;
  }
  return s;
}

/** c · B M B for symmetric B (bread) and M (meat), p×p row-major. */
export function sandwich(fit: GlmFit, meat: Float64Array, factor: number, kind: string): Covariance {
  const p = fit.X.cols;
  const B = fit.bread;
  const BM = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let k = 0; k < p; k++) {
      const bik = B[i * p + k]!;
      if (bik === 0) continue;
      for (let j = 0; j < p; j++) BM[i * p + j]! += bik * meat[k * p + j]!;
    }
  const V = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = 0; k < p; k++) s += BM[i * p + k]! * B[k * p + j]!;
      V[i * p + j] = factor * s;
      V[j * p + i] = factor * s;
    }
  return { dim: p, values: V, names: fit.names, kind };
}

/** Σ_t a_t b_tᵀ over rows of two n×p score arrays, lagged: Σ_{t ≥ lag} a_t b_{t−lag}ᵀ. */
export function crossLag(s: Float64Array, n: number, p: number, lag: number): Float64Array {
  const G = new Float64Array(p * p);
  for (let t = lag; t < n; t++) {
    const a = t * p;
    const b = (t - lag) * p;
    for (let i = 0; i < p; i++) {
      const ai = s[a + i]!;
      if (ai === 0) continue;
      for (let j = 0; j < p; j++) G[i * p + j]! += ai * s[b + j]!;
    }
  }
  return G;
}
