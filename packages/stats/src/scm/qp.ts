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

/** A dense simplex QP; Q is n × n, row-major, symmetric. */
export interface SimplexQp {
  n: number;
  Q: Float64Array;
  c: Float64Array;
}

export interface QpResult {
  /** 'optimal' or the solver's status name; anything else blocks the estimate. */
  status: string;
  w: Float64Array;
  objective: number;
}

/** Solves one simplex QP; synchronous so a placebo loop can call it thousands of times. */
export type QpSolver = (problem: SimplexQp) => QpResult;

/** Builds a `QpSolver` on a loaded HiGHS runtime (one runtime can serve many solves). */
export function createHighsQpSolver(highs: Highs): QpSolver {
  const statusName = new Map<number, string>(
    Object.entries(highs.constants.modelStatus).map(([k, v]) => [v as number, k]),
  );
  return ({ n, Q, c }: SimplexQp): QpResult => {
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

/** Loads the HiGHS WASM runtime and returns a solver on it (call once per thread). */
export async function loadHighsQpSolver(): Promise<QpSolver> {
  return createHighsQpSolver(await loadHighs());
}
