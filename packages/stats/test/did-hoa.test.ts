// DiD on the real data (EVALUATION.md §6.2): HoA box (treated) against the Gulf of Guinea box
// around Operation Atalanta (2008-12-08; 2008-12 is the first treated month), 2000-01 … 2014-12
// (the 2015 source switch lies outside), with the event-study pre-trend verdict over the full
// 107-month pre-period. Counts are read in place from Crime at Sea (attribution in
// did-hoa-panel.ts); the R cross-check (glm with dummies, quasipoisson) is the fixture
// did_hoa_crime_at_sea written by reference/make_fixtures_did.R from the same file.
import { describe, expect, it } from 'vitest';
import {
  eventStudy,
  poissonTwfe,
  randomisationInference,
  twfeTau,
  twoByTwo,
  type DidPanel,
} from '../src/did/index.ts';
import { boxSeries, monthsBetween } from './did-hoa-panel.ts';
import { expectAllClose, expectClose, loadFixture } from './fixture.ts';

const months = monthsBetween('2000-01', '2014-12');
const { hoa, gog } = boxSeries(months);
const t0 = months.indexOf('2008-12');
const panel: DidPanel = { units: ['hoa', 'gog'], y: [hoa, gog], adoption: [t0, null] };
const fx = loadFixture<
  { months: string[]; hoa: number[]; gog: number[] },
  {
    separatedMonths: number;
    tau: number;
    seQuasi: number;
    phi: number;
    eventBins: number[];
    theta: number[];
    thetaSeQuasi: number[];
  }
>('did_hoa_crime_at_sea');

describe('HoA vs Gulf of Guinea around Atalanta (Crime at Sea, 2000–2014)', () => {
  it('reads the same monthly counts as the R script', () => {
    expect(fx.inputs.months).toEqual(months);
    expect(hoa).toEqual(fx.inputs.hoa);
    expect(gog).toEqual(fx.inputs.gog);
    expect(hoa.reduce((a, b) => a + b, 0)).toBe(1060);
    expect(gog.reduce((a, b) => a + b, 0)).toBe(580);
    expect(t0).toBe(107);
  });

  it('Poisson TWFE: IRR 3.016 (+202 %), quasi-Poisson 95 % CI 2.105–4.321, matching R', () => {
    const r = poissonTwfe(panel);
    expectClose(r.effect.coefficient, fx.outputs.tau, 1e-6, 'tau');
    expectClose(r.effect.se, fx.outputs.seQuasi, 1e-6, 'se (quasi-Poisson)');
    expectClose(r.phi, fx.outputs.phi, 1e-6, 'phi');
    expect(r.fit.separated).toBe(2 * fx.outputs.separatedMonths);
    expect(r.clusters).toBe(2);
    expect(r.covarianceKind).toBe('quasi-Poisson');
    // Two areas: the fixed-effect score equations force both cluster scores to zero, so CR1 ≈ 0.
    expect(Math.sqrt(r.cr1.values[0]!)).toBeLessThan(1e-9);
    expect(r.effect.irr).toBeCloseTo(3.015810276679842, 9);
    expect(r.effect.ci[0]).toBeCloseTo(2.104847578, 6);
    expect(r.effect.ci[1]).toBeCloseTo(4.321030994, 6);
  });

  it('2×2 gives the same IRR (two areas: TWFE τ is the 2×2 ratio) with φ = 4.77', () => {
    const r = twoByTwo(panel);
    expect(r.effect.irr).toBeCloseTo(3.015810276679842, 9);
    expect(r.phi).toBeCloseTo(4.7743022415, 8);
    expect(r.effect.ci[0]).toBeCloseTo(1.905138979, 6);
    expect(r.effect.ci[1]).toBeCloseTo(4.773988524, 6);
    expect(r.cells.map((c) => c.y)).toEqual([318, 742, 327, 253]);
  });

  it('randomisation inference over the 2 possible assignments: p = 1', () => {
    const ri = randomisationInference(panel.adoption, (a) => twfeTau({ ...panel, adoption: a }), {
      seed: 'hoa',
    });
    expect(ri.exact).toBe(true);
    expect(ri.assignments).toBe(2);
    expect(ri.pValue).toBe(1);
  });

  it('event study (yearly bins) over the full 107-month pre-period: PRETREND fails (1 comparison unit, ratio band)', () => {
    const es = eventStudy(panel, { binWidth: 12 });
    const est = es.coefficients.filter((c) => c.status === 'estimated');
    expect(est.map((c) => c.k)).toEqual(fx.outputs.eventBins);
    expectAllClose(
      est.map((c) => c.theta!),
      fx.outputs.theta,
      1e-6,
      'theta',
    );
    expectAllClose(
      est.map((c) => c.se!),
      fx.outputs.thetaSeQuasi,
      1e-6,
      'theta se',
    );
    expect(es.pretrend.window.periods).toBe(107);
    expect(es.pretrend.rule).toBe('ratio_band');
    expect(es.pretrend.untestable).toBe(true);
    expect(es.pretrend.verdict).toBe('fail');
    // 2000–2004 relative to 2007-12…2008-11: HoA piracy grew far faster than the Gulf of Guinea's.
    expect(es.pretrend.outsideBand).toEqual([-9, -8, -7, -6, -5]);
    const irr = (k: number): number => es.coefficients.find((c) => c.k === k)!.irr!;
    expect(irr(-5)).toBeCloseTo(0.16246498599, 8);
    expect(irr(0)).toBeCloseTo(3.28881822999, 8);
    expect(irr(4)).toBeCloseTo(0.15309200603, 8);
  });
});
