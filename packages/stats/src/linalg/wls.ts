import { Matrix, QrDecomposition } from 'ml-matrix';
import { StatsError } from '../errors.ts';
import type { Design } from './design.ts';

/**
 * Weighted least squares β = (XᵀWX)⁻¹XᵀWz, the inner step of IRLS (EVALUATION.md §5.3).
 *
 * Cholesky on the normal equations is fast and, for well-conditioned designs, as accurate as the
 * references. When a pivot shows that a column is nearly in the span of the previous ones
 * (sin² of that angle below CHOLESKY_MIN_SIN2) the normal equations would lose too many digits,
 * so we fall back to a QR decomposition of √W·X (ml-matrix), which squares nothing. A column
 * whose sine to the span of the previous columns is below RANK_TOL after QR is collinear: that
 * is a design error, not a numeric one, and we say which column.
 */
const CHOLESKY_MIN_SIN2 = 1e-8;
/** Same relative tolerance as R's lm()/dqrdc2 (1e-7). */
export const RANK_TOL = 1e-7;

export interface WlsResult {
  beta: Float64Array;
  /** (XᵀWX)⁻¹, p×p row-major; only when requested. */
  inverse?: Float64Array;
  method: 'cholesky' | 'qr';
}

/** Solves the weighted normal equations; throws COLLINEAR_DESIGN naming the aliased column. */
export function weightedLeastSquares(
  X: Design,
  w: Float64Array,
  z: Float64Array,
  wantInverse: boolean,
): WlsResult {
  const p = X.cols;
  const { A, b } = normalEquations(X, w, z);
  const L = choleskyFactor(A, p);
  if (L) {
    const beta = choleskySolve(L, p, b);
    return wantInverse
      ? { beta, inverse: choleskyInverse(L, p), method: 'cholesky' }
      : { beta, method: 'cholesky' };
  }
  return qrSolve(X, w, z, wantInverse);
}

/** A = XᵀWX and b = XᵀWz in one pass over the rows. */
export function normalEquations(
  X: Design,
  w: Float64Array,
  z: Float64Array,
): { A: Float64Array; b: Float64Array } {
  const { rows: n, cols: p, values } = X;
  const A = new Float64Array(p * p);
  const b = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const wi = w[i]!;
    if (wi === 0) continue;
    const base = i * p;
    const wz = wi * z[i]!;
    for (let j = 0; j < p; j++) {
      const xij = values[base + j]!;
      b[j]! += xij * wz;
      const wx = wi * xij;
      for (let k = 0; k <= j; k++) A[j * p + k]! += wx * values[base + k]!;
    }
  }
  for (let j = 0; j < p; j++) for (let k = 0; k < j; k++) A[k * p + j] = A[j * p + k]!;
  return { A, b };
}

/** Lower Cholesky factor, or null when a pivot signals near-collinearity (see CHOLESKY_MIN_SIN2). */
export function choleskyFactor(A: Float64Array, p: number): Float64Array | null {
  const L = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    let d = A[j * p + j]!;
    for (let k = 0; k < j; k++) d -= L[j * p + k]! ** 2;
    const ajj = A[j * p + j]!;
    if (!(ajj > 0) || !(d > CHOLESKY_MIN_SIN2 * ajj)) return null;
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

/** Solves L Lᵀ x = b. */
export function choleskySolve(L: Float64Array, p: number, b: Float64Array): Float64Array {
  const y = new Float64Array(p);
  for (let i = 0; i < p; i++) {
    let s = b[i]!;
    for (let k = 0; k < i; k++) s -= L[i * p + k]! * y[k]!;
    y[i] = s / L[i * p + i]!;
  }
  const x = new Float64Array(p);
  for (let i = p - 1; i >= 0; i--) {
    let s = y[i]!;
    for (let k = i + 1; k < p; k++) s -= L[k * p + i]! * x[k]!;
    x[i] = s / L[i * p + i]!;
  }
  return x;
}

/** (L Lᵀ)⁻¹ = L⁻ᵀ L⁻¹, symmetric. */
export function choleskyInverse(L: Float64Array, p: number): Float64Array {
  const Li = lowerInverse(L, p);
  const out = new Float64Array(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j <= i; j++) {
      let s = 0;
      for (let k = i; k < p; k++) s += Li[k * p + i]! * Li[k * p + j]!;
      out[i * p + j] = s;
      out[j * p + i] = s;
    }
  return out;
}

function lowerInverse(L: Float64Array, p: number): Float64Array {
  const Li = new Float64Array(p * p);
  for (let j = 0; j < p; j++) {
    Li[j * p + j] = 1 / L[j * p + j]!;
    for (let i = j + 1; i < p; i++) {
      let s = 0;
      for (let k = j; k < i; k++) s -= L[i * p + k]! * Li[k * p + j]!;
      Li[i * p + j] = s / L[i * p + i]!;
    }
  }
  return Li;
}

/** QR of √W·X with a per-column rank check; R⁻¹R⁻ᵀ gives the inverse. */
function qrSolve(X: Design, w: Float64Array, z: Float64Array, wantInverse: boolean): WlsResult {
  const { rows: n, cols: p, values } = X;
  const M = new Matrix(n, p);
  const rhs = new Matrix(n, 1);
  const norms = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const sw = Math.sqrt(w[i]!);
    for (let j = 0; j < p; j++) {
      const v = sw * values[i * p + j]!;
      M.set(i, j, v);
      norms[j]! += v * v;
    }
    rhs.set(i, 0, sw * z[i]!);
  }
  const qr = new QrDecomposition(M);
  const R = qr.upperTriangularMatrix;
  for (let j = 0; j < p; j++) {
    const norm = Math.sqrt(norms[j]!);
    if (!(norm > 0) || !(Math.abs(R.get(j, j)) > RANK_TOL * norm)) {
      throw new StatsError(
        'COLLINEAR_DESIGN',
        `design column ${j} (${X.names[j] ?? j}) is collinear with the previous columns (or zero where weights are positive); drop or merge it`,
      );
    }
  }
  const sol = qr.solve(rhs);
  const beta = Float64Array.from({ length: p }, (_, j) => sol.get(j, 0));
  if (!wantInverse) return { beta, method: 'qr' };
  // Rᵀ is lower triangular; (RᵀR)⁻¹ = R⁻¹R⁻ᵀ, i.e. the Cholesky inverse with L = Rᵀ.
  const Lt = new Float64Array(p * p);
  for (let i = 0; i < p; i++) for (let j = 0; j <= i; j++) Lt[i * p + j] = R.get(j, i);
  // The sign of R's diagonal is arbitrary; LLᵀ is unaffected but lowerInverse needs no sign care.
  return { beta, inverse: choleskyInverse(Lt, p), method: 'qr' };
}
