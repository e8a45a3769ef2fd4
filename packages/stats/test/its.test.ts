import { describe, expect, it } from 'vitest';
import { buildItsDesign, runIts, standardErrors, type ItsInput } from '../src/index.ts';
import { expectAllClose, expectClose, loadFixture } from './fixture.ts';

interface Effect {
  coefficient: number;
  se: number;
  z: number;
  pValue: number;
  irr: number;
  ci: number[];
}
const fx = loadFixture<
  {
    y: number[];
    months: number;
    startMonth: number;
    t0Index: number;
    exposure: number[];
    sourceSwitches: number[];
    X: number[][];
    names: string[];
  },
  {
    alpha: number;
    coefficients: number[];
    hacLag: number;
    hacSe: number[];
    fisherSe: number[];
    level: Effect;
    slope: Effect;
    preTrend: Effect;
    fitted: number[];
    counterfactual: number[];
    averted: number;
    placebo: { zLevel: number[]; zSlope: number[]; pLevel: number; pSlope: number };
    ljungBox: { q: number; pValue: number };
  }
>('its_nb2');
const { inputs: inp, outputs: out, tolerance: tol } = fx;
const input: ItsInput = {
  y: inp.y,
  months: inp.months,
  startMonth: inp.startMonth,
  t0Index: inp.t0Index,
  exposure: inp.exposure,
  sourceSwitches: inp.sourceSwitches,
  seed: 'its-fixture',
  bootstrapDraws: 400,
};

describe('ITS design builder = the R construction', () => {
  it('builds the same columns, names and default K', () => {
    const d = buildItsDesign(input);
    expect(d.design.names).toEqual(inp.names);
    expect(d.harmonics).toBe(2);
    expect(d.modelledSwitches).toEqual(inp.sourceSwitches);
    expectAllClose(d.design.values, inp.X.flat(), tol.design!, 'X', 1);
  });
  it('uses K = 1 below 48 months, excludes the transition window, ignores switches outside', () => {
    const d = buildItsDesign({
      months: 40,
      startMonth: 1,
      t0Index: 20,
      transitionMonths: 3,
      sourceSwitches: [0, 45],
    });
    expect(d.harmonics).toBe(1);
    expect(d.design.cols).toBe(6);
    expect(Array.from(d.weights.subarray(19, 24))).toEqual([1, 0, 0, 0, 1]);
    expect(d.modelledSwitches).toEqual([]);
  });
});

describe('ITS end to end against R (glm.nb + NeweyWest)', () => {
  const r = runIts(input);
  it('fits α, β and HAC SEs', () => {
    expect(r.fit?.converged).toBe(true);
    expect(r.hacLag).toBe(out.hacLag);
    expectClose(r.fit!.alpha, out.alpha, tol.alpha!, 'alpha');
    out.coefficients.forEach((b, j) =>
      expectClose(r.fit!.coefficients[j]!, b, tol.coefficients!, `beta[${j}]`, out.fisherSe[j]!),
    );
    expectAllClose(standardErrors(r.covariance!), out.hacSe, tol.HAC_se!, 'HAC se');
  });
  it('reports level, slope and pre-trend IRRs with HAC Wald intervals', () => {
    for (const [name, e] of [
      ['level', r.level],
      ['slope', r.slope],
      ['preTrend', r.preTrend],
    ] as const) {
      const ref = out[name];
      expectClose(e!.irr, ref.irr, tol.irr!, `${name} irr`);
      expectClose(e!.ci[0], ref.ci[0]!, tol.ci!, `${name} lower`);
      expectClose(e!.ci[1], ref.ci[1]!, tol.ci!, `${name} upper`);
      expectClose(e!.pValue, ref.pValue, tol.pValue!, `${name} p`);
    }
  });
  it('computes fitted, counterfactual and averted events', () => {
    expectAllClose(r.fitted, out.fitted, tol.mu!, 'fitted');
    expectAllClose(r.counterfactual, out.counterfactual, tol.mu!, 'counterfactual');
    expectClose(r.averted.estimate, out.averted, tol.averted!, 'averted');
  });
  it('runs the placebo breaks of R and the Ljung–Box check', () => {
    expect(r.placebo!.count).toBe(out.placebo.zLevel.length);
    expectAllClose(r.placebo!.zLevel, out.placebo.zLevel, tol.placeboZ!, 'placebo z level');
    expectAllClose(r.placebo!.zSlope, out.placebo.zSlope, tol.placeboZ!, 'placebo z slope');
    expect(r.placebo!.pLevel).toBeCloseTo(out.placebo.pLevel, 12);
    expect(r.placebo!.pSlope).toBeCloseTo(out.placebo.pSlope, 12);
    expectClose(r.ljungBox!.q, out.ljungBox.q, tol.ljungBox!, 'LB q');
    expectClose(r.ljungBox!.pValue, out.ljungBox.pValue, tol.ljungBox!, 'LB p');
  });
  it('raises the expected info warnings and no block', () => {
    expect(r.warnings.map((w) => w.code)).toEqual(['SOURCE_SWITCH_MODELLED']);
    expect(r.blocked).toBe(false);
  });
});

describe('ITS bootstrap and checks', () => {
  it('is deterministic for a seed and the band contains the counterfactual', () => {
    const a = runIts({ ...input, placebo: false, bootstrapDraws: 300 });
    const b = runIts({ ...input, placebo: false, bootstrapDraws: 300 });
    const c = runIts({ ...input, placebo: false, bootstrapDraws: 300, seed: 'other' });
    expect(Array.from(a.counterfactualBand!.lower)).toEqual(Array.from(b.counterfactualBand!.lower));
    expect(a.averted.ci).toEqual(b.averted.ci);
    expect(a.averted.ci).not.toEqual(c.averted.ci);
    const [lo, hi] = a.averted.ci!;
    expect(lo).toBeLessThan(a.averted.estimate);
    expect(hi).toBeGreaterThan(a.averted.estimate);
    for (let i = 0; i < inp.months; i++) {
      expect(a.counterfactualBand!.lower[i]!).toBeLessThanOrEqual(a.counterfactual[i]! * 1.0001);
      expect(a.counterfactualBand!.upper[i]!).toBeGreaterThanOrEqual(a.counterfactual[i]! * 0.9999);
    }
  });
  it('blocks with fewer than 8 months on a side and warns for 8–11', () => {
    const y = inp.y.slice(0, 66);
    const short = runIts({
      ...input,
      y,
      months: 66,
      exposure: inp.exposure.slice(0, 66),
      sourceSwitches: [],
    });
    expect(short.blocked).toBe(true);
    expect(short.warnings.find((w) => w.code === 'TOO_FEW_POINTS')?.severity).toBe('block');
    expect(short.level).toBeNull();
    const few = runIts({
      ...input,
      y: inp.y.slice(0, 70),
      months: 70,
      exposure: inp.exposure.slice(0, 70),
      sourceSwitches: [],
      placebo: false,
      bootstrapDraws: 0,
    });
    expect(few.warnings.find((w) => w.code === 'FEW_POINTS')?.severity).toBe('warn');
    expect(few.blocked).toBe(false);
  });
  it('flags sparse series, missing exposure and overlapping interventions', () => {
    const sparse = inp.y.map((v, i) => (i % 3 === 0 ? Math.min(v, 2) : 0));
    const r = runIts({
      y: sparse,
      months: inp.months,
      startMonth: 1,
      t0Index: 60,
      seed: 's',
      otherInterventions: [55],
      placebo: false,
      bootstrapDraws: 0,
    });
    const codes = r.warnings.map((w) => w.code);
    expect(codes).toContain('SPARSE');
    expect(codes).toContain('NO_EXPOSURE');
    expect(codes).toContain('OVERLAPPING_INTERVENTIONS');
  });
});

describe('ITS short series with transition window and an extra break, against R', () => {
  const sx = loadFixture<
    {
      y: number[];
      months: number;
      startMonth: number;
      t0Index: number;
      transitionMonths: number;
      extraBreaks: number[];
      X: number[][];
      names: string[];
      weights: number[];
    },
    {
      alpha: number;
      coefficients: number[];
      hacLag: number;
      hacSe: number[];
      fisherSe: number[];
      fitted: number[];
      counterfactual: number[];
      averted: number;
    }
  >('its_nb2_short_transition');
  const { inputs: si, outputs: so, tolerance: st } = sx;
  const r = runIts({
    y: si.y,
    months: si.months,
    startMonth: si.startMonth,
    t0Index: si.t0Index,
    transitionMonths: si.transitionMonths,
    extraBreaks: si.extraBreaks,
    seed: 'short',
    bootstrapDraws: 0,
  });
  it('builds K = 1, the break pair and zero weights in the transition', () => {
    expect(r.design.design.names).toEqual(si.names);
    expectAllClose(r.design.design.values, si.X.flat(), st.design!, 'X', 1);
    expect(Array.from(r.design.weights)).toEqual(si.weights);
  });
  it('matches α, β, HAC SEs, the counterfactual and averted events', () => {
    expect(r.fit!.converged).toBe(true);
    expect(r.hacLag).toBe(so.hacLag);
    expectClose(r.fit!.alpha, so.alpha, st.alpha!, 'alpha');
    so.coefficients.forEach((b, j) =>
      expectClose(r.fit!.coefficients[j]!, b, st.coefficients!, `beta[${j}]`, so.fisherSe[j]!),
    );
    expectAllClose(standardErrors(r.covariance!), so.hacSe, st.HAC_se!, 'HAC se');
    expectAllClose(r.fitted, so.fitted, st.mu!, 'fitted');
    expectAllClose(r.counterfactual, so.counterfactual, st.mu!, 'counterfactual');
    expectClose(r.averted.estimate, so.averted, st.averted!, 'averted');
  });
  it('has no placebo (pre-period < 24 months) and no bootstrap when draws = 0', () => {
    expect(r.placebo).toBeNull();
    expect(r.averted.ci).toBeNull();
    expect(r.counterfactualBand).toBeNull();
  });
});
