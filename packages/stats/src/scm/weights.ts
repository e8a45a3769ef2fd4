/**
 * Synthetic-control weights for a given diagonal V (EVALUATION.md §4.5):
 *
 *   w*(V) = argmin_w (X1 − X0 w)ᵀ V (X1 − X0 w),  w ≥ 0, Σ w = 1
 *         = argmin_w ½ wᵀQw + cᵀw,  Q = 2 X0ᵀVX0 + εI (ε = 1e-10 · max diag),  c = −2 X0ᵀVX1
 *
 * The ridge ε makes Q positive definite when donors outnumber predictors, so the weights are
 * unique; it is small enough not to move a well-posed solution.
 *
 * The problem is posed in least-squares form (A = V^½X0, b = V^½X1), which the exact active-set
 * solver uses directly; a solver that is not exact (HiGHS) gets the dense Q and c, and its
 * answer is polished: on its support S the KKT system [Q_SS 1; 1ᵀ 0] is solved
 * exactly and accepted when the weights stay positive and every excluded donor has a
 * non-negative multiplier. This removes the solver's ~1e-8 tolerance noise, so weights agree
 * with other exact active-set solvers (quadprog) to well below 1e-6.
 */
import { Matrix, solve } from 'ml-matrix';
import { denseQp, type QpSolver, type SimplexQp } from './qp.ts';

export interface WeightsResult {
  status: string;
  w: number[];
  /** Predictor loss (X1 − X0w)ᵀV(X1 − X0w). */
  loss: number;
  ridge: number;
  polished: boolean;
}

/** Weights of donors (columns of X0, given as k rows) reproducing X1 under V = diag(v). */
export function scmWeights(
  X1: readonly number[],
  X0: readonly (readonly number[])[],
  v: readonly number[],
  solver: QpSolver,
): WeightsResult {
  const k = X1.length;
  const J = X0[0]?.length ?? 0;
  if (J === 0) return { status: 'no_donors', w: [], loss: NaN, ridge: 0, polished: false };
  // Least-squares form: A = V^½ X0 (k × J), b = V^½ X1, so Q = 2AᵀA + εI and c = −2Aᵀb.
  const A = new Float64Array(k * J);
  const b = new Float64Array(k);
  let maxDiag = 0;
  const diag = new Float64Array(J);
  for (let r = 0; r < k; r += 1) {
    const row = X0[r] as readonly number[];
    const sv = Math.sqrt(v[r] as number);
    b[r] = sv * (X1[r] as number);
    for (let i = 0; i < J; i += 1) {
      const a = sv * (row[i] as number);
      A[r * J + i] = a;
      diag[i] = (diag[i] as number) + 2 * a * a;
    }
  }
  for (let i = 0; i < J; i += 1) maxDiag = Math.max(maxDiag, diag[i] as number);
  const ridge = 1e-10 * maxDiag;
  const problem: SimplexQp = { n: J, lsq: { k, n: J, A, b, ridge } };

  const res = solver(problem);
  if (res.status !== 'optimal')
    return { status: res.status, w: Array.from(res.w), loss: NaN, ridge, polished: false };
  if (res.exact) {
    const w = Array.from(res.w);
    return { status: 'optimal', w, loss: predictorLoss(X1, X0, v, w), ridge, polished: true };
  }
  const { Q, c } = denseQp(problem);
  const polishedW = polish(Q, c, res.w, J);
  const w = polishedW ?? normalise(res.w);
  return { status: 'optimal', w, loss: predictorLoss(X1, X0, v, w), ridge, polished: polishedW !== null };
}

function normalise(w: Float64Array): number[] {
  const clipped = Array.from(w, (x) => Math.max(0, x));
  const s = clipped.reduce((a, b) => a + b, 0);
  return clipped.map((x) => x / s);
}

function polish(Q: Float64Array, c: Float64Array, w0: Float64Array, J: number): number[] | null {
  const support: number[] = [];
  for (let j = 0; j < J; j += 1) if ((w0[j] as number) > 1e-7) support.push(j);
  const m = support.length;
  if (m === 0) return null;
  const K = Matrix.zeros(m + 1, m + 1);
  const rhs = Matrix.zeros(m + 1, 1);
  support.forEach((i, a) => {
    support.forEach((j, b) => K.set(a, b, Q[i * J + j] as number));
    K.set(a, m, 1);
    K.set(m, a, 1);
    rhs.set(a, 0, -(c[i] as number));
  });
  rhs.set(m, 0, 1);
  let sol: number[];
  try {
    sol = solve(K, rhs).to1DArray();
  } catch {
    return null;
  }
  const lambda = sol[m] as number;
  const w = new Array<number>(J).fill(0);
  for (let a = 0; a < m; a += 1) {
    const val = sol[a] as number;
    if (!(val > 0)) return null;
    w[support[a] as number] = val;
  }
  // Multipliers of the bounds w_j ≥ 0 for donors outside the support: (Qw + c)_j + λ ≥ 0.
  const scale = Math.max(1, ...Array.from(c, Math.abs));
  for (let j = 0; j < J; j += 1) {
    if ((w[j] as number) > 0) continue;
    let g = c[j] as number;
    for (let i = 0; i < J; i += 1) g += (Q[j * J + i] as number) * (w[i] as number);
    if (g + lambda < -1e-9 * scale) return null;
  }
  return w;
}

/** (X1 − X0w)ᵀ V (X1 − X0w). */
export function predictorLoss(
  X1: readonly number[],
  X0: readonly (readonly number[])[],
  v: readonly number[],
  w: readonly number[],
): number {
  let loss = 0;
  X1.forEach((x1, r) => {
    const row = X0[r] as readonly number[];
    let fit = 0;
    w.forEach((wj, j) => (fit += wj * (row[j] as number)));
    loss += (v[r] as number) * (x1 - fit) ** 2;
  });
  return loss;
}
