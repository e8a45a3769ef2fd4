// DiD (EVALUATION.md §4.4) against the dummy-variable reference of reference/make_fixtures_did.R:
// PPML-HDFE coefficients and CR1 vs glm + sandwich::vcovCL at 1e-6 relative (§6.1).
import { describe, expect, it } from 'vitest';
import {
  distinctAssignments,
  eventStudy,
  fitPoissonHdfe,
  poissonTwfe,
  randomisationInference,
  staggeredDid,
  twfeTau,
  twoByTwo,
  type DidPanel,
} from '../src/did/index.ts';
import { expectAllClose, expectClose, expectCovClose, loadFixture } from './fixture.ts';

interface PanelIn {
  y: (number | null)[][];
  exposure: number[][];
  adoption: (number | null)[];
}
const toPanel = (i: PanelIn): DidPanel => ({
  units: i.y.map((_, u) => `u${u}`),
  y: i.y,
  exposure: i.exposure,
  adoption: i.adoption,
});

describe('did_hdfe_twfe (R glm dummies + vcovCL HC1)', () => {
  const fx = loadFixture<
    PanelIn & { binWidth: number; leads: number; lags: number },
    {
      twfe: { tau: number[]; cr1: number[][]; deviance: number; n: number; rank: number };
      eventStudy: {
        bins: number[];
        theta: number[];
        cr1: number[][];
        wald: number;
        waldDf: number;
        waldP: number;
      };
      twoByTwo: { lnIrr: number; se: number; phi: number };
    }
  >('did_hdfe_twfe');
  const panel = toPanel(fx.inputs);
  const tol = fx.tolerance;

  it('TWFE τ, CR1 (absorbed FE counted in p) and deviance match the dummy-variable fit', () => {
    const r = poissonTwfe(panel);
    expectClose(r.fit.coefficients[0]!, fx.outputs.twfe.tau[0]!, tol.coefficients!, 'tau');
    expectCovClose(r.covariance.values, fx.outputs.twfe.cr1, tol.cr1!, 'CR1');
    expectClose(r.fit.deviance, fx.outputs.twfe.deviance, 1e-8, 'deviance');
    expect(r.fit.nObs).toBe(fx.outputs.twfe.n);
    expect(r.fit.absorbed + 1).toBe(fx.outputs.twfe.rank);
    expect(r.clusters).toBe(9);
    expect(r.missingCells).toBe(4);
  });

  it('event study θ_k (pooled end bins), CR1 and the pre-trend Wald match', () => {
    const r = eventStudy(panel, {
      binWidth: fx.inputs.binWidth,
      leads: fx.inputs.leads,
      lags: fx.inputs.lags,
    });
    const est = r.coefficients.filter((c) => c.status === 'estimated');
    expect(est.map((c) => c.k)).toEqual(fx.outputs.eventStudy.bins);
    expectAllClose(
      est.map((c) => c.theta!),
      fx.outputs.eventStudy.theta,
      tol.coefficients!,
      'theta',
    );
    expectCovClose(r.covariance.values, fx.outputs.eventStudy.cr1, tol.cr1!, 'CR1');
    expectClose(r.pretrend.wald.statistic, fx.outputs.eventStudy.wald, tol.wald!, 'Wald');
    expect(r.pretrend.wald.df).toBe(fx.outputs.eventStudy.waldDf);
    expectClose(r.pretrend.wald.pValue, fx.outputs.eventStudy.waldP, 1e-6, 'Wald p');
    expect(r.pretrend.rule).toBe('wald');
    expect(r.pretrend.verdict).toBe(fx.outputs.eventStudy.waldP < 0.1 ? 'fail' : 'pass');
    expect(r.coefficients.find((c) => c.k === -1)?.reference).toBe(true);
    expect(r.coefficients[0]!.pooled).toBe(true);
  });

  it('2×2 IRR with √φ SE matches', () => {
    const r = twoByTwo(panel);
    expectClose(r.effect.coefficient, fx.outputs.twoByTwo.lnIrr, tol.twoByTwo!, 'ln IRR');
    expectClose(r.effect.se, fx.outputs.twoByTwo.se, tol.twoByTwo!, 'SE');
    expectClose(r.phi, fx.outputs.twoByTwo.phi, tol.twoByTwo!, 'phi');
  });

  it('randomisation inference enumerates all C(9,3) = 84 assignments', () => {
    expect(distinctAssignments(panel.adoption, 5000)).toBe(84);
    const ri = randomisationInference(panel.adoption, (a) => twfeTau({ ...panel, adoption: a }), {
      seed: 's',
    });
    expect(ri.exact).toBe(true);
    expect(ri.assignments).toBe(84);
    expect(ri.pValue).toBeGreaterThanOrEqual(1 / 84);
    expect(ri.pValue).toBeLessThanOrEqual(1);
  });

  it('RI draws 2,000 seeded permutations above 5,000 assignments, reproducibly', () => {
    const adoption = Array.from({ length: 20 }, (_, i) => (i < 6 ? 3 : null));
    const stat = (a: readonly (number | null)[]): number =>
      a.reduce<number>((s, g, i) => s + (g === null ? 0 : i), 0) - 15;
    const a = randomisationInference(adoption, stat, { seed: 'x' });
    const b = randomisationInference(adoption, stat, { seed: 'x' });
    expect(a.exact).toBe(false);
    expect(a.assignments).toBe(2001);
    expect(a.pValue).toBe(b.pValue);
  });
});

describe('did_staggered_wooldridge (R glm + vcovCL, delta method)', () => {
  const fx = loadFixture<
    PanelIn & { binWidth: number },
    {
      cells: { g: number; e: number }[];
      tau: number[];
      cr1: number[][];
      byEventTime: number[][];
      overall: { est: number; se: number };
      leads: { g: number[]; k: number[]; theta: number[]; wald: number; df: number };
    }
  >('did_staggered_wooldridge');
  const r = staggeredDid(toPanel(fx.inputs), { binWidth: fx.inputs.binWidth });

  it('τ_{g,e} and CR1 match the dummy-variable fit', () => {
    expect(r.cells.map((c) => [c.g, c.e])).toEqual(fx.outputs.cells.map((c) => [c.g, c.e]));
    expectAllClose(
      r.cells.map((c) => c.tau),
      fx.outputs.tau,
      1e-6,
      'tau',
    );
    expectCovClose(r.covariance.values, fx.outputs.cr1, 1e-6, 'CR1');
  });

  it('τ(e) and the overall ATT (delta method) match', () => {
    expect(r.byEventTime.length).toBe(fx.outputs.byEventTime.length);
    r.byEventTime.forEach((b, i) => {
      const [e, est, se] = fx.outputs.byEventTime[i]!;
      expect(b.e).toBe(e);
      expectClose(b.effect.coefficient, est!, 1e-6, `tau(${e})`);
      expectClose(b.effect.se, se!, 1e-6, `se tau(${e})`);
    });
    expectClose(r.overall.coefficient, fx.outputs.overall.est, 1e-6, 'ATT');
    expectClose(r.overall.se, fx.outputs.overall.se, 1e-6, 'ATT se');
    expect(r.controls).toBe('never_treated');
  });

  it('cohort-specific leads against the never-treated and their Wald match', () => {
    const L = fx.outputs.leads;
    expect(r.pretrend.leads.map((l) => [l.g, l.k])).toEqual(L.g.map((g, i) => [g, L.k[i]]));
    expectAllClose(
      r.pretrend.leads.map((l) => l.theta),
      L.theta,
      1e-6,
      'lead theta',
    );
    expectClose(r.pretrend.wald.statistic, L.wald, 1e-6, 'lead Wald');
    expect(r.pretrend.wald.df).toBe(L.df);
  });
});

describe('PPML-HDFE edge cases', () => {
  it('drops a unit without events (separation) and still fits', () => {
    const f = fitPoissonHdfe({
      y: [0, 0, 0, 3, 5, 2, 4, 6, 1],
      unit: [0, 0, 0, 1, 1, 1, 2, 2, 2],
      period: [0, 1, 2, 0, 1, 2, 0, 1, 2],
      X: { rows: 9, cols: 1, values: Float64Array.from([0, 0, 1, 0, 0, 1, 0, 0, 0]), names: ['D'] },
    });
    expect(f.separated).toBe(3);
    expect(f.converged).toBe(true);
    expect(f.nObs).toBe(6);
    // Two units, three periods, D only in unit 1 period 2: exact fit, τ = ln(2·4/(5·...)) is finite.
    expect(Number.isFinite(f.coefficients[0]!)).toBe(true);
  });
});
