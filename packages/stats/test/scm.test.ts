// Synthetic control (§4.5): weights against quadprog::solve.QP (§6.1: 1e-6 absolute), gate, placebos, V search.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import loadHighs, { type Highs } from 'highs';
import { createStream } from '../src/random.ts';
import {
  buildPredictors,
  createHighsQpSolver,
  nelderMead,
  predictorLoss,
  scmInTimePlacebo,
  scmWeights,
  syntheticControl,
  type QpSolver,
} from '../src/scm/index.ts';

interface WeightsFixture {
  tolerance: { weights: { abs: number } };
  inputs: { cases: { X: number[][] }[] };
  outputs: { cases: { weights: number[]; ridge: number }[] };
}
const fx = JSON.parse(
  readFileSync(new URL('./fixtures/scm-weights-fixed-v.json', import.meta.url), 'utf8'),
) as WeightsFixture;

let highs: Highs;
let solver: QpSolver;
beforeAll(async () => {
  highs = await loadHighs();
  solver = createHighsQpSolver(highs);
});

/** A seeded panel: donors are smooth seasonal series; the treated unit is a mix of donors 1–3 plus noise. */
function panel(J: number, T: number, T0: number, effect: number, seed: string): number[][] {
  const s = createStream(seed, 'scm-panel');
  const donors = Array.from({ length: J }, (_, j) => {
    const level = 5 + 10 * s.uniform();
    const trend = 0.02 * s.normal();
    return Array.from(
      { length: T },
      (_, t) => level * (1 + (trend * t) / 12) + Math.sin((2 * Math.PI * (t + j)) / 12) + 0.3 * s.normal(),
    );
  });
  const treated = Array.from(
    { length: T },
    (_, t) =>
      0.5 * (donors[0]?.[t] ?? 0) +
      0.3 * (donors[1]?.[t] ?? 0) +
      0.2 * (donors[2]?.[t] ?? 0) +
      0.1 * s.normal() +
      (t >= T0 ? effect : 0),
  );
  return [treated, ...donors];
}

describe('scmWeights vs quadprog (V = I)', () => {
  it.each(fx.inputs.cases.map((c, i) => [i, c] as const))('case %i: weights within 1e-6 absolute', (i, c) => {
    const ref = fx.outputs.cases[i];
    if (!ref) throw new Error('missing reference');
    const pred = buildPredictors([], 0, { covariates: c.X });
    const X1 = pred.scaled.map((row) => row[0] as number);
    const X0 = pred.scaled.map((row) => row.slice(1));
    const r = scmWeights(X1, X0, new Array<number>(X1.length).fill(1), solver);
    expect(r.status).toBe('optimal');
    const worst = Math.max(...r.w.map((w, j) => Math.abs(w - (ref.weights[j] ?? NaN))));
    expect(worst).toBeLessThanOrEqual(fx.tolerance.weights.abs);
    expect(r.w.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(Math.min(...r.w)).toBeGreaterThanOrEqual(0);
    // The ridge follows the spec (the fixture's X differs from ours only by a common n − 1 vs n factor).
    expect(r.ridge).toBeGreaterThan(0);
  });

  it('a perturbed predictor moves the weights beyond the tolerance (the comparison can fail)', () => {
    const c = fx.inputs.cases[0];
    const ref = fx.outputs.cases[0];
    if (!c || !ref) throw new Error('missing case');
    const X = c.X.map((row) => [...row]);
    (X[0] as number[])[0] = (X[0]?.[0] ?? 0) + 0.5;
    const pred = buildPredictors([], 0, { covariates: X });
    const r = scmWeights(
      pred.scaled.map((row) => row[0] as number),
      pred.scaled.map((row) => row.slice(1)),
      new Array<number>(X.length).fill(1),
      solver,
    );
    expect(Math.max(...r.w.map((w, j) => Math.abs(w - (ref.weights[j] ?? NaN))))).toBeGreaterThan(1e-4);
  });

  it('disposes every HiGHS model it creates, also when the solve throws', () => {
    // WASM memory is not garbage-collected, and memoryBytes only shows growth once the heap's
    // headroom is used up, so count createModel/dispose pairs instead.
    let created = 0;
    let disposed = 0;
    let failNext = false;
    const spy = new Proxy(highs, {
      get(target, prop, receiver) {
        if (prop !== 'createModel') return Reflect.get(target, prop, receiver);
        return (...args: Parameters<Highs['createModel']>) => {
          const model = target.createModel(...args);
          created += 1;
          const dispose = model.dispose.bind(model);
          const run = model.run.bind(model);
          return Object.assign(model, {
            dispose: () => {
              disposed += 1;
              dispose();
            },
            run: (...a: Parameters<typeof model.run>) => {
              if (failNext) throw new Error('injected solver failure');
              return run(...a);
            },
          });
        };
      },
    });
    const spySolver = createHighsQpSolver(spy);
    const c = fx.inputs.cases[1];
    if (!c) throw new Error('missing case');
    const pred = buildPredictors([], 0, { covariates: c.X });
    const X1 = pred.scaled.map((row) => row[0] as number);
    const X0 = pred.scaled.map((row) => row.slice(1));
    const v = new Array<number>(X1.length).fill(1);
    for (let i = 0; i < 20; i += 1) scmWeights(X1, X0, v, spySolver);
    failNext = true;
    expect(() => scmWeights(X1, X0, v, spySolver)).toThrow('injected solver failure');
    expect(created).toBe(21);
    expect(disposed).toBe(21);
  });
});

describe('syntheticControl', () => {
  const T = 96;
  const T0 = 72;

  it('recovers the donor mix, the effect, a passing gate and the smallest placebo p', () => {
    const Y = panel(14, T, T0, -4, 'a');
    const r = syntheticControl({ Y, T0 }, solver);
    expect(r.status).toBe('ok');
    expect(r.gate.passed).toBe(true);
    expect(r.effect).toBeGreaterThan(-4.6);
    expect(r.effect).toBeLessThan(-3.4);
    // Yearly-mean predictors cannot separate every donor, but the dominant one is found.
    expect([...r.weights].sort((a, b) => b.w - a.w)[0]?.unit).toBe('donor1');
    expect(r.gate.rmspeShare).toBeLessThan(0.05);
    expect(r.placebo?.p).toBeCloseTo(1 / 15, 12);
    expect(r.placebo?.units).toHaveLength(15);
    expect(r.warnings).toEqual([]);
    expect(r.balance[0]?.synthetic).toBeCloseTo(r.balance[0]?.treated ?? NaN, 0);
  }, 120_000);

  it('without an effect the placebo p is not small', () => {
    const Y = panel(14, T, T0, 0, 'b');
    const r = syntheticControl({ Y, T0 }, solver);
    expect(r.placebo?.p ?? 0).toBeGreaterThan(0.1);
  }, 120_000);

  it('blocks the estimate when the treated unit lies outside the donors (extrapolation)', () => {
    const Y = panel(12, T, T0, 0, 'c');
    Y[0] = (Y[0] ?? []).map((y) => y * 3 + 30);
    const r = syntheticControl({ Y, T0, placebos: false }, solver);
    expect(r.status).toBe('blocked');
    expect(r.gate.withinHull).toBe(false);
    const w = r.warnings.find((x) => x.code === 'SCM_PREFIT_FAIL');
    expect(w?.severity).toBe('block');
    expect(w?.message).toMatch(/extrapolation/);
  });

  it('excludes flagged donors, and raises FEW_DONORS below 10 (and fails the gate below 5 non-zero donors)', () => {
    const Y = panel(6, T, T0, -2, 'd');
    const r = syntheticControl(
      {
        Y,
        T0,
        exclude: [
          { index: 2, reason: 'neighbour' },
          { index: 5, reason: 'intervention' },
        ],
      },
      solver,
    );
    expect(r.weights.map((w) => w.unit)).toEqual(['donor1', 'donor3', 'donor4', 'donor6']);
    expect(r.excluded).toEqual([
      { unit: 'donor2', reason: 'neighbour' },
      { unit: 'donor5', reason: 'intervention' },
    ]);
    expect(r.warnings.map((w) => w.code)).toContain('FEW_DONORS');
    expect(r.gate.nonZeroDonors).toBe(4);
    expect(r.gate.passed).toBe(false);
    expect(r.placebo?.units).toHaveLength(5);
  });

  it('the V search never does worse than V = I on the pre-period fit', () => {
    const Y = panel(8, T, T0, 0, 'e');
    const id = syntheticControl({ Y, T0, placebos: false }, solver);
    const vs = syntheticControl({ Y, T0, placebos: false, vMode: 'search' }, solver);
    expect(vs.vSearch?.ok).toBe(true);
    expect(vs.vSearch?.evaluations).toBeLessThanOrEqual(600);
    expect(vs.rmspePre).toBeLessThanOrEqual(id.rmspePre + 1e-9);
    expect(vs.v.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  }, 120_000);

  it('in-time placebo: a fake T0 in the pre-period shows no effect', () => {
    const Y = panel(12, T, T0, -4, 'f');
    const r = scmInTimePlacebo({ Y, T0 }, 48, solver);
    expect(Math.abs(r.effect)).toBeLessThan(1);
    expect(r.treated).toHaveLength(T0);
  });

  it('reports a non-optimal QP as a block', () => {
    const failing: QpSolver = ({ n }) => ({
      status: 'iterationLimit',
      w: new Float64Array(n),
      objective: NaN,
    });
    const r = syntheticControl({ Y: panel(10, T, T0, 0, 'g'), T0 }, failing);
    expect(r.status).toBe('blocked');
    expect(r.warnings[0]).toMatchObject({ code: 'QP_NOT_OPTIMAL', severity: 'block' });
    expect(r.placebo).toBeUndefined();
  });
});

describe('nelderMead', () => {
  it('minimises a quadratic and respects the evaluation budget', () => {
    const f = (x: readonly number[]) => ((x[0] ?? 0) - 1) ** 2 + 10 * ((x[1] ?? 0) + 2) ** 2;
    const r = nelderMead(f, [0, 0], { maxEvaluations: 400 });
    expect(r.x[0]).toBeCloseTo(1, 2);
    expect(r.x[1]).toBeCloseTo(-2, 2);
    const capped = nelderMead(f, [0, 0], { maxEvaluations: 15 });
    expect(capped.evaluations).toBeLessThanOrEqual(15);
    expect(capped.fx).toBeGreaterThan(r.fx);
  });

  it('predictorLoss is zero for an exact convex combination', () => {
    expect(
      predictorLoss(
        [2, 3],
        [
          [1, 3],
          [2, 4],
        ],
        [1, 1],
        [0.5, 0.5],
      ),
    ).toBe(0);
  });
});
