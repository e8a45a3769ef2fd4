/**
 * The simplex-constrained QP behind synthetic-control weights (EVALUATION.md §4.5):
 *
 *   min ½ wᵀQw + cᵀw   s.t.  w_j ∈ [0, 1],  Σ_j w_j = 1
 *
 * solved with HiGHS (WASM) through its structured model API: dense arrays in, one equality
 * row, a lower-triangular CSC Hessian. LP text is never generated in a loop (measured about ten
 * times slower, §7). Every model is disposed in `finally`, because WASM memory is not garbage
 * collected.
 *
 * The solver sits behind the `QpSolver` function type so the orchestrator can run it in a worker
 * thread (load HiGHS there and post `SimplexQp` problems, which are plain typed arrays), and so
 * tests can substitute a reference solver.
 */
import loadHighs, { type Highs } from 'highs';
import { solveSimplexLsq, type SimplexLsq } from './activeSet.ts';

/**
 * A simplex QP: dense (Q n × n, row-major, symmetric, and c), or in least-squares form `lsq`
 * (Q = 2AᵀA + ρI, c = −2Aᵀb), or both. Solvers that need the dense form build it from `lsq`.
 */
export interface SimplexQp {
  n: number;
  Q?: Float64Array;
  c?: Float64Array;
  lsq?: SimplexLsq;
}

export interface QpResult {
  /** 'optimal' or the solver's status name; anything else blocks the estimate. */
  status: string;
  w: Float64Array;
  objective: number;
  /** True when the solver verified the KKT conditions exactly (no polishing needed). */
  exact?: boolean;
}

/** The dense Q and c of a problem (built from its least-squares form when only that is given). */
export function denseQp(problem: SimplexQp): { Q: Float64Array; c: Float64Array } {
  if (problem.Q && problem.c) return { Q: problem.Q, c: problem.c };
  const p = problem.lsq;
  if (!p) throw new RangeError('SimplexQp: give Q and c, or lsq');
  const { k, n, A, b } = p;
  const Q = new Float64Array(n * n);
  const c = new Float64Array(n);
  for (let r = 0; r < k; r += 1) {
    const row = r * n;
    const br = b[r] as number;
    for (let i = 0; i < n; i += 1) {
      const a = A[row + i] as number;
      if (a === 0) continue;
      c[i] = (c[i] as number) - 2 * a * br;
      for (let j = 0; j <= i; j += 1)
        Q[i * n + j] = (Q[i * n + j] as number) + 2 * a * (A[row + j] as number);
    }
  }
  for (let i = 0; i < n; i += 1) {
    for (let j = 0; j < i; j += 1) Q[j * n + i] = Q[i * n + j] as number;
    Q[i * n + i] = (Q[i * n + i] as number) + p.ridge;
  }
  return { Q, c };
}

/** Solves one simplex QP; synchronous so a placebo loop can call it thousands of times. */
export type QpSolver = (problem: SimplexQp) => QpResult;

/** Builds a `QpSolver` on a loaded HiGHS runtime (one runtime can serve many solves). */
export function createHighsQpSolver(highs: Highs): QpSolver {
  const statusName = new Map<number, string>(
    Object.entries(highs.constants.modelStatus).map(([k, v]) => [v as number, k]),
  );
  return (problem: SimplexQp): QpResult => {
    const { n } = problem;
    const { Q, c } = denseQp(problem);
    // Lower triangle of Q by column (CSC), skipping exact zeros.
    const starts = new Int32Array(n + 1);
    const indices: number[] = [];
    const values: number[] = [];
    for (let j = 0; j < n; j += 1) {
      starts[j] = indices.length;
      for (let i = j; i < n; i += 1) {
        const q = Q[i * n + j] as number;
        if (q !== 0) {
          indices.push(i);
          values.push(q);
        }
      }
    }
    starts[n] = indices.length;
    const colStarts = new Int32Array(n + 1);
    for (let j = 0; j <= n; j += 1) colStarts[j] = j;
    const model = highs.createModel({
      numCols: n,
      numRows: 1,
      colCost: c,
      colLower: new Float64Array(n),
      colUpper: new Float64Array(n).fill(1),
      rowLower: [1],
      rowUpper: [1],
      matrix: {
        format: 'csc',
        numRows: 1,
        numCols: n,
        starts: colStarts,
        indices: new Int32Array(n),
        values: new Float64Array(n).fill(1),
      },
      hessian: {
        format: 'triangular',
        dimension: n,
        starts,
        indices: Int32Array.from(indices),
        values: Float64Array.from(values),
      },
    });
    try {
      model.options.set({ output_flag: false });
      model.run();
      const code = model.getModelStatus() as number;
      const status =
        code === highs.constants.modelStatus.optimal ? 'optimal' : (statusName.get(code) ?? `status_${code}`);
      return { status, w: model.getSolution().colValue, objective: model.getObjectiveValue() };
    } finally {
      model.dispose();
    }
  };
}

/**
 * The exact active-set solver (`activeSet.ts`) for problems given in least-squares form, which is
 * how `scmWeights` poses every SCM problem; `fallback` (HiGHS) takes dense problems and any problem
 * the active set does not solve to a verified optimum.
 */
export function createActiveSetQpSolver(fallback?: QpSolver): QpSolver {
  return (problem: SimplexQp): QpResult => {
    let status = 'unsupported';
    if (problem.lsq && problem.lsq.ridge > 0) {
      const r = solveSimplexLsq(problem.lsq);
      if (r.status === 'optimal') return { status: 'optimal', w: r.w, objective: r.objective, exact: true };
      status = r.status;
    }
    if (fallback) return fallback(problem);
    return { status, w: new Float64Array(problem.n), objective: Number.NaN };
  };
}

/**
 * Loads the HiGHS WASM runtime and returns the SCM QP solver (call once per thread): the exact
 * active-set method first, HiGHS as its fallback. HiGHS alone: `createHighsQpSolver`.
 */
export async function loadHighsQpSolver(): Promise<QpSolver> {
  return createActiveSetQpSolver(createHighsQpSolver(await loadHighs()));
}
