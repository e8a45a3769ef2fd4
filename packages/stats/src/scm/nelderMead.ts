/**
 * Nelder–Mead downhill simplex for the optional SCM V search (EVALUATION.md §4.5).
 *
 * §5.1 names `fmin` (BSD-3) for this. fmin 0.0.4 cannot be imported under Node ESM: its
 * package is `"type": "module"` but `main` is a UMD bundle (no exports; it writes
 * `globalThis.fmin`), and its `index.js` uses extension-less relative imports. This is a port of
 * fmin's `nelderMead` (same initial simplex and coefficients ρ = 1, χ = 2, ψ = −½, σ = ½,
 * same stopping rule), with one addition the spec needs: a hard budget on function evaluations.
 * fmin: Copyright (c) 2016, Ben Frederickson, BSD-3-Clause.
 */

export interface NelderMeadOptions {
  /** Maximum number of objective evaluations (default 200). */
  maxEvaluations?: number;
  /** Stop when the simplex's value spread and size fall below these (fmin defaults). */
  minErrorDelta?: number;
  minTolerance?: number;
}

export interface NelderMeadResult {
  x: number[];
  fx: number;
  evaluations: number;
}

interface Point {
  x: number[];
  fx: number;
}

/** Minimises f from x0; returns the best point seen within the evaluation budget. */
export function nelderMead(
  f: (x: readonly number[]) => number,
  x0: readonly number[],
  options: NelderMeadOptions = {},
): NelderMeadResult {
  const budget = options.maxEvaluations ?? 200;
  const minErrorDelta = options.minErrorDelta ?? 1e-6;
  const minTolerance = options.minTolerance ?? 1e-5;
  const n = x0.length;
  let evaluations = 0;
  let best: Point = { x: [...x0], fx: Infinity };
  const evaluate = (x: number[]): Point => {
    evaluations += 1;
    const fx = f(x);
    const p = { x, fx: Number.isNaN(fx) ? Infinity : fx };
    if (p.fx < best.fx) best = { x: [...x], fx: p.fx };
    return p;
  };
  const simplex: Point[] = [evaluate([...x0])];
  for (let i = 0; i < n && evaluations < budget; i += 1) {
    const p = [...x0];
    p[i] = p[i] ? (p[i] as number) * 1.05 : 0.001;
    simplex.push(evaluate(p));
  }
  const combine = (a: number[], wa: number, b: number[], wb: number): number[] =>
    a.map((ai, i) => wa * ai + wb * (b[i] as number));

  while (evaluations < budget && simplex.length === n + 1) {
    simplex.sort((a, b) => a.fx - b.fx);
    const first = simplex[0] as Point;
    const worst = simplex[n] as Point;
    let maxDiff = 0;
    for (let i = 0; i < n; i += 1)
      maxDiff = Math.max(maxDiff, Math.abs((first.x[i] as number) - ((simplex[1] as Point).x[i] as number)));
    if (Math.abs(first.fx - worst.fx) < minErrorDelta && maxDiff < minTolerance) break;

    const centroid = new Array<number>(n).fill(0);
    for (let j = 0; j < n; j += 1)
      for (let i = 0; i < n; i += 1)
        centroid[i] = (centroid[i] as number) + ((simplex[j] as Point).x[i] as number) / n;

    const reflected = evaluate(combine(centroid, 2, worst.x, -1));
    if (reflected.fx < first.fx) {
      if (evaluations >= budget) {
        simplex[n] = reflected;
        break;
      }
      const expanded = evaluate(combine(centroid, 3, worst.x, -2));
      simplex[n] = expanded.fx < reflected.fx ? expanded : reflected;
    } else if (reflected.fx >= ((simplex[n - 1] as Point).fx ?? Infinity)) {
      let shrink = false;
      if (evaluations >= budget) break;
      if (reflected.fx > worst.fx) {
        const contracted = evaluate(combine(centroid, 0.5, worst.x, 0.5));
        if (contracted.fx < worst.fx) simplex[n] = contracted;
        else shrink = true;
      } else {
        const contracted = evaluate(combine(centroid, 1.5, worst.x, -0.5));
        if (contracted.fx < reflected.fx) simplex[n] = contracted;
        else shrink = true;
      }
      if (shrink) {
        for (let i = 1; i <= n && evaluations < budget; i += 1) {
          simplex[i] = evaluate(combine(first.x, 0.5, (simplex[i] as Point).x, 0.5));
        }
      }
    } else {
      simplex[n] = reflected;
    }
  }
  return { x: best.x, fx: best.fx, evaluations };
}
