/** A p×p covariance matrix of the coefficients, row-major, with the coefficient names. */
export interface Covariance {
  readonly dim: number;
  readonly values: Float64Array;
  readonly names: readonly string[];
  /** Which estimator produced it, e.g. `HAC(lag=4)`, recorded as the result's ciMethod. */
  readonly kind: string;
}

/** √diag(V): the standard errors. */
export function standardErrors(v: Covariance): Float64Array {
  return Float64Array.from({ length: v.dim }, (_, j) => Math.sqrt(v.values[j * v.dim + j]!));
}

/** V[i][j] as nested arrays (JSON output, tests). */
export function toRows(v: Covariance): number[][] {
  return Array.from({ length: v.dim }, (_, i) => Array.from(v.values.subarray(i * v.dim, (i + 1) * v.dim)));
}
