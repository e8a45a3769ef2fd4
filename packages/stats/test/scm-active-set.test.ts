// The exact active-set solver of the SCM weight QP (scm/activeSet.ts): quadprog fixture (§6.1,
// 1e-6 absolute), agreement with HiGHS + polish on seeded random problems, an independent KKT
// check, the bench-shaped 200-donor problems on which HiGHS stalled, and the HiGHS fallback.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import loadHighs from 'highs';
import { createStream } from '../src/random.ts';
import {
  buildPredictors,
  createActiveSetQpSolver,
  createHighsQpSolver,
  denseQp,
  scmWeights,
  solveSimplexLsq,
  syntheticControl,
  type QpSolver,
  type SimplexLsq,
} from '../src/scm/index.ts';

interface WeightsFixture {
  tolerance: { weights: { abs: number } };
  inputs: { cases: { X: number[][] }[] };
  outputs: { cases: { weights: number[] }[] };
}
const fx = JSON.parse(
  readFileSync(new URL('./fixtures/scm-weights-fixed-v.json', import.meta.url), 'utf8'),
) as WeightsFixture;

let highs: QpSolver;
const exact = createActiveSetQpSolver();
beforeAll(async () => {
  highs = createHighsQpSolver(await loadHighs());
});

/**
 * Independent KKT check on the dense Q and c: the largest violation of Σw = 1, w ≥ 0, equal
 * gradients on the support (relative to the gradient scale) and, off it, non-negative multipliers
 * measured in units of the ridge (the ridge is what separates donors the predictors cannot).
 */
function kktViolation(p: SimplexLsq, w: ArrayLike<number>): number {
  const { Q, c } = denseQp({ n: p.n, lsq: p });
  const n = p.n;
  const g = Array.from({ length: n }, (_, j) => {
    let s = c[j] as number;
    for (let i = 0; i < n; i += 1) s += (Q[j * n + i] as number) * (w[i] as number);
    return s;
  });
  const scale = Math.max(1, ...Array.from(c, Math.abs), ...g.map((_, j) => Q[j * n + j] as number));
  const support = g.map((_, j) => j).filter((j) => (w[j] as number) > 0);
  const mu = -support.reduce((s, j) => s + (g[j] as number), 0) / support.length;
  let worst = Math.abs(Array.from(w).reduce((a, b) => a + b, 0) - 1);
  for (let j = 0; j < n; j += 1) {
    const wj = w[j] as number;
    worst = Math.max(worst, -wj);
    const nu = (g[j] as number) + mu;
    worst = Math.max(worst, wj > 0 ? Math.abs(nu) / scale : -nu / p.ridge);
  }
  return worst;
}

/**
 * A seeded problem: k predictors, n donors, the target inside or outside the donors' hull;
 * `twin` makes donors 0 and 1 identical, so only the ridge decides between them.
 */
function randomProblem(seed: string, k: number, n: number, inside: boolean, twin = false): SimplexLsq {
  const s = createStream(seed, 'active-set');
  const A = new Float64Array(k * n);
  for (let i = 0; i < k * n; i += 1) A[i] = s.normal();
  if (twin) for (let i = 0; i < k; i += 1) A[i * n + 1] = A[i * n] as number;
  const b = new Float64Array(k);
  for (let i = 0; i < k; i += 1) {
    let mix = 0;
    for (let j = 0; j < 3; j += 1) mix += (A[i * n + j + 1] as number) / 3;
    b[i] = inside ? mix + 0.05 * s.normal() : 3 + 2 * s.normal();
  }
  let maxDiag = 0;
  for (let j = 0; j < n; j += 1) {
    let d = 0;
    for (let i = 0; i < k; i += 1) d += 2 * (A[i * n + j] as number) ** 2;
    maxDiag = Math.max(maxDiag, d);
  }
  return { k, n, A, b, ridge: 1e-10 * maxDiag };
}

describe('active-set SCM solver', () => {
  it.each(fx.inputs.cases.map((c, i) => [i, c] as const))(
    'quadprog fixture case %i: weights within 1e-6 absolute, without HiGHS',
    (i, c) => {
      const ref = fx.outputs.cases[i]!;
      const pred = buildPredictors([], 0, { covariates: c.X });
      const X1 = pred.scaled.map((row) => row[0] as number);
      const X0 = pred.scaled.map((row) => row.slice(1));
      const r = scmWeights(X1, X0, new Array<number>(X1.length).fill(1), exact);
      expect(r.status).toBe('optimal');
      expect(r.polished).toBe(true);
      const worst = Math.max(...r.w.map((w, j) => Math.abs(w - ref.weights[j]!)));
      expect(worst).toBeLessThanOrEqual(fx.tolerance.weights.abs);
    },
  );

  const objective = (p: SimplexLsq, w: ArrayLike<number>): number => {
    const { Q, c } = denseQp({ n: p.n, lsq: p });
    let o = 0;
    for (let i = 0; i < p.n; i += 1) {
      o += (c[i] as number) * (w[i] as number);
      for (let j = 0; j < p.n; j += 1)
        o += 0.5 * (w[i] as number) * (Q[i * p.n + j] as number) * (w[j] as number);
    }
    return o;
  };
  const viaScmWeights = (p: SimplexLsq, solver: QpSolver) =>
    scmWeights(
      Array.from(p.b),
      Array.from({ length: p.k }, (_, i) => Array.from(p.A.subarray(i * p.n, (i + 1) * p.n))),
      new Array<number>(p.k).fill(1),
      solver,
    );

  const shapes: [number, number, boolean][] = [
    [3, 5, true],
    [3, 5, false],
    [5, 12, true],
    [5, 12, false],
    [8, 40, true],
    [8, 40, false],
    [12, 30, true],
    [4, 60, true],
  ];
  it.each(shapes)(
    'k = %i, n = %i, inside hull %s: KKT holds, never worse than HiGHS + polish',
    (k, n, inside) => {
      for (let rep = 0; rep < 4; rep += 1) {
        const p = randomProblem(`${k}-${n}-${inside}-${rep}`, k, n, inside, rep % 2 === 1);
        const r = solveSimplexLsq(p);
        expect(r.status).toBe('optimal');
        expect(kktViolation(p, r.w)).toBeLessThan(1e-2);
        const viaExact = viaScmWeights(p, exact);
        const viaHighs = viaScmWeights(p, highs);
        expect(viaHighs.status).toBe('optimal');
        expect(viaExact.ridge).toBe(viaHighs.ridge);
        expect(Math.max(...viaExact.w.map((w, j) => Math.abs(w - r.w[j]!)))).toBe(0);
        const mine = objective(p, viaExact.w);
        const theirs = objective(p, viaHighs.w);
        expect(mine).toBeLessThanOrEqual(theirs + 1e-13 * Math.abs(theirs));
        // Twins share their weight equally: the unique optimum of the ridged problem.
        if (rep % 2 === 1) expect(Math.abs(viaExact.w[0]! - viaExact.w[1]!)).toBeLessThan(1e-9);
        // Outside the hull the optimum is well separated; HiGHS + polish finds the same weights.
        if (!inside && rep % 2 === 0) {
          const diff = Math.max(...viaExact.w.map((w, j) => Math.abs(w - viaHighs.w[j]!)));
          expect(diff).toBeLessThan(1e-6);
        }
      }
    },
  );

  it('solves long-tailed 200-donor problems (where HiGHS stalled) to a verified optimum', () => {
    // Bench-shaped: monthly counts with a long tail (a few busy areas, many quiet ones), 7 yearly
    // predictors; every donor's placebo problem is posed as syntheticControl poses it.
    const s = createStream('long-tail', 'active-set');
    const J = 200;
    const units = Array.from({ length: J + 1 }, (_, u) => {
      const lambda = (3e6 * (Math.sqrt((u + 1) / 246) - Math.sqrt(u / 246))) / 180;
      return Array.from({ length: 84 }, () => s.poisson(lambda));
    });
    const pred = buildPredictors(units, 84);
    const v = new Array<number>(pred.scaled.length).fill(1);
    for (const treated of [0, 5, 60, 150]) {
      const others = units.map((_, u) => u).filter((u) => u !== treated);
      const X1 = pred.scaled.map((row) => row[treated] as number);
      const X0 = pred.scaled.map((row) => others.map((u) => row[u] as number));
      const r = scmWeights(X1, X0, v, exact);
      expect(r.status).toBe('optimal');
      const A = new Float64Array(X0.flat());
      const p: SimplexLsq = { k: X0.length, n: J, A, b: Float64Array.from(X1), ridge: r.ridge };
      expect(kktViolation(p, r.w)).toBeLessThan(1e-2);
    }
  });

  it('hands problems it cannot take (no ridge, dense only) to the fallback', () => {
    let calls = 0;
    const fallback: QpSolver = (q) => {
      calls += 1;
      return { status: 'optimal', w: new Float64Array(q.n).fill(1 / q.n), objective: 0 };
    };
    const solver = createActiveSetQpSolver(fallback);
    const p = randomProblem('fallback', 3, 4, true);
    expect(solver({ n: 4, lsq: { ...p, ridge: 0 } }).exact).toBeUndefined();
    expect(solver({ n: 4, ...denseQp({ n: 4, lsq: p }) }).exact).toBeUndefined();
    expect(calls).toBe(2);
    expect(solver({ n: 4, lsq: p }).exact).toBe(true);
    expect(calls).toBe(2);
    expect(createActiveSetQpSolver()({ n: 4, lsq: { ...p, ridge: 0 } }).status).toBe('unsupported');
  });

  it('placebo gaps (for the chart) are the gaps of the placebo fits behind the p-value', () => {
    const s = createStream('placebo-gaps', 'active-set');
    const T = 60;
    const T0 = 40;
    const Y = Array.from({ length: 9 }, (_, u) =>
      Array.from({ length: T }, (_, t) => 5 + u + Math.sin((t + u) / 3) + 0.2 * s.normal()),
    );
    const r = syntheticControl({ Y, T0, placeboGaps: true }, exact);
    const gaps = r.placebo?.gaps ?? [];
    expect(gaps.map((g) => g.unit)).toEqual(r.placebo?.units.slice(1).map((u) => u.unit));
    const rms = (xs: number[]) => Math.sqrt(xs.reduce((a, x) => a + x * x, 0) / xs.length);
    gaps.forEach((g, j) => {
      const unit = r.placebo!.units[j + 1]!;
      expect(rms(g.gaps.slice(0, T0))).toBeCloseTo(unit.rmspePre, 12);
      expect(rms(g.gaps.slice(T0))).toBeCloseTo(unit.rmspePost, 12);
    });
    expect(syntheticControl({ Y, T0 }, exact).placebo?.gaps).toBeUndefined();
  });
});
