/**
 * Optional outer search for the predictor weights V (EVALUATION.md §4.5):
 *
 *   V* = argmin_V Σ_{t<T0} (Y1t − Σ_j w*_j(V) Y_jt)²,   V = diag(softmax(ν))
 *
 * Nelder–Mead over ν from three starts (equal; inverse variance of the raw predictor rows;
 * regression-based, Synth-style: v_k ∝ Σ_t β_kt² from regressing each pre-period outcome on the
 * scaled predictors across units), at most 200 evaluations per start. The search is
 * deterministic; the seed is recorded by the caller for uniformity.
 */
import { Matrix, pseudoInverse } from 'ml-matrix';
import { nelderMead } from './nelderMead.ts';
import type { QpSolver } from './qp.ts';
import { scmWeights } from './weights.ts';

export interface VSearchResult {
  v: number[];
  /** Pre-period outcome MSE sum at V*. */
  loss: number;
  start: 'equal' | 'inverse_variance' | 'regression';
  evaluations: number;
  /** False when every start hit a non-optimal QP. */
  ok: boolean;
}

/** softmax(ν), shifted for stability. */
export function softmax(nu: readonly number[]): number[] {
  const m = Math.max(...nu);
  const e = nu.map((x) => Math.exp(x - m));
  const s = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / s);
}

function variance(xs: readonly number[]): number {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  return xs.reduce((s, x) => s + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1);
}

/**
 * Searches V for the treated unit (column 0 of `scaled`/`raw`, donors after it).
 * `Ypre` holds the pre-period outcomes, one row per unit in the same order.
 */
export function searchV(
  scaled: readonly (readonly number[])[],
  raw: readonly (readonly number[])[],
  Ypre: readonly (readonly number[])[],
  solver: QpSolver,
  maxEvaluations = 200,
): VSearchResult {
  const k = scaled.length;
  const X1 = scaled.map((row) => row[0] as number);
  const X0 = scaled.map((row) => row.slice(1));
  const y1 = Ypre[0] as readonly number[];
  const donorsY = Ypre.slice(1);
  const loss = (nu: readonly number[]): number => {
    const w = scmWeights(X1, X0, softmax(nu), solver);
    if (w.status !== 'optimal') return Infinity;
    let s = 0;
    y1.forEach((y, t) => {
      let fit = 0;
      w.w.forEach((wj, j) => (fit += wj * ((donorsY[j] as readonly number[])[t] as number)));
      s += (y - fit) ** 2;
    });
    return s;
  };
  const logNorm = (v: readonly number[]): number[] => {
    const safe = v.map((x) => Math.max(x, 1e-12));
    const s = safe.reduce((a, b) => a + b, 0);
    return safe.map((x) => Math.log(x / s));
  };
  const starts: { name: VSearchResult['start']; nu: number[] }[] = [
    { name: 'equal', nu: new Array<number>(k).fill(0) },
    { name: 'inverse_variance', nu: logNorm(raw.map((row) => 1 / Math.max(variance(row), 1e-12))) },
  ];
  // Regression start: B = (X Xᵀ)⁺ X Ypre over units (X is k × units, Ypre units × T).
  const X = new Matrix(scaled.map((r) => [...r]));
  const Y = new Matrix(Ypre.map((r) => [...r]));
  const B = pseudoInverse(X.mmul(X.transpose())).mmul(X).mmul(Y);
  starts.push({
    name: 'regression',
    nu: logNorm(B.to2DArray().map((row) => row.reduce((s, b) => s + b * b, 0))),
  });

  let best: VSearchResult = {
    v: softmax(starts[0]?.nu ?? []),
    loss: Infinity,
    start: 'equal',
    evaluations: 0,
    ok: false,
  };
  let evaluations = 0;
  for (const s of starts) {
    const r = nelderMead(loss, s.nu, { maxEvaluations });
    evaluations += r.evaluations;
    if (r.fx < best.loss) best = { v: softmax(r.x), loss: r.fx, start: s.name, evaluations: 0, ok: true };
  }
  return { ...best, evaluations };
}
