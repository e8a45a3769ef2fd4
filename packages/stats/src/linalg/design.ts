import { check } from '../errors.ts';

/**
 * A dense design matrix, row-major in one Float64Array. The GLM loops run over rows, so
 * row-major keeps each observation's regressors contiguous; one allocation instead of n arrays.
 */
export interface Design {
  readonly rows: number;
  readonly cols: number;
  /** values[i * cols + j] = x_ij */
  readonly values: Float64Array;
  /** Column names, used in error messages and outputs (e.g. `level`, `slope`, `sin1`). */
  readonly names: readonly string[];
}

/** Builds a Design from an array of rows (fixtures, small callers); checks shape and finiteness. */
export function designFromRows(rows: readonly (readonly number[])[], names?: readonly string[]): Design {
  const n = rows.length;
  check(n > 0, 'design: no rows');
  const p = rows[0]!.length;
  check(p > 0, 'design: no columns');
  const values = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    if (r.length !== p) check(false, `design: row ${i} has ${r.length} values, expected ${p}`);
    for (let j = 0; j < p; j++) {
      const v = r[j]!;
      if (!Number.isFinite(v)) check(false, `design: x[${i}][${j}] is not finite`);
      values[i * p + j] = v;
    }
  }
  const cols = names ?? Array.from({ length: p }, (_, j) => `x${j}`);
  check(cols.length === p, `design: ${cols.length} names for ${p} columns`);
  return { rows: n, cols: p, values, names: cols };
}

/** η = Xβ + offset, written into `out` (allocation-free inside IRLS). */
export function linearPredictor(
  X: Design,
  beta: Float64Array,
  offset: Float64Array | undefined,
  out: Float64Array,
): Float64Array {
  const { rows: n, cols: p, values } = X;
  for (let i = 0; i < n; i++) {
    let s = offset ? offset[i]! : 0;
    const base = i * p;
    for (let j = 0; j < p; j++) s += values[base + j]! * beta[j]!;
    out[i] = s;
  }
  return out;
}
