import { describe, expect, it } from 'vitest';
import {
  beforeAfter,
  clopperPearson,
  binomTestPValue,
  garwood,
  preWindowDispersion,
  rateRatioExact,
  rateRatioWald,
  StatsError,
} from '../src/index.ts';
import { expectClose, loadFixture, num } from './fixture.ts';

type V = number | string;
const fx = loadFixture<
  unknown,
  {
    rateRatio: {
      y1: number;
      e1: number;
      y0: number;
      e0: number;
      conf: number;
      estimate: V;
      ci: V[];
      pValue: number;
    }[];
    binomial: { x: number; n: number; p0: number; conf: number; ci: number[]; pValue: number }[];
    garwood: { y: number; exposure: number; r0: number; conf: number; ci: number[]; pValue: number }[];
    wald: {
      pre: number[];
      exposure: number[];
      useExposure: boolean;
      y1: number;
      e1: number;
      y0: number;
      e0: number;
      phi: number;
      estimate: number;
      ci: number[];
    }[];
    beforeAfter: {
      y: number[];
      exposure: number[];
      t0Index: number;
      transitionMonths: number;
      windowMonths: number;
      y0: number;
      y1: number;
      rateRatio: number;
      exactCi: number[];
      pValue: number;
      phi: number;
      waldCi: number[];
    };
  }
>('rates_exact');
const tol = fx.tolerance;

describe('exact rate ratio = R poisson.test(c(y1, y0), c(E1, E0))', () => {
  for (const c of fx.outputs.rateRatio) {
    it(`y1=${c.y1}/${c.e1} vs y0=${c.y0}/${c.e0}`, () => {
      const r = rateRatioExact(c.y1, c.e1, c.y0, c.e0, c.conf);
      expectClose(r.estimate, num(c.estimate), tol.estimate!, 'RR');
      expectClose(r.ci[0], num(c.ci[0]!), tol.ci!, 'lower');
      expectClose(r.ci[1], num(c.ci[1]!), tol.ci!, 'upper');
      expectClose(r.pValue, c.pValue, tol.pValue!, 'p');
      expect(r.undefinedRatio).toBe(c.y0 === 0);
    });
  }
});

describe('Clopper–Pearson and exact binomial p = R binom.test', () => {
  for (const c of fx.outputs.binomial) {
    it(`x=${c.x}, n=${c.n}, p0=${c.p0}`, () => {
      const [lo, hi] = clopperPearson(c.x, c.n, c.conf);
      expectClose(lo, c.ci[0]!, tol.ci!, 'lower');
      expectClose(hi, c.ci[1]!, tol.ci!, 'upper');
      expectClose(binomTestPValue(c.x, c.n, c.p0), c.pValue, tol.pValue!, 'p');
    });
  }
});

describe('Garwood interval and exact Poisson p = R poisson.test(y, E, r0)', () => {
  for (const c of fx.outputs.garwood) {
    it(`y=${c.y}, E=${c.exposure}`, () => {
      const g = garwood(c.y, c.exposure, c.conf, c.r0);
      expectClose(g.ci[0], c.ci[0]!, tol.ci!, 'lower');
      expectClose(g.ci[1], c.ci[1]!, tol.ci!, 'upper');
      expectClose(g.pValue, c.pValue, tol.pValue!, 'p');
    });
  }
});

describe('over-dispersed Wald rate ratio (§4.2)', () => {
  fx.outputs.wald.forEach((c, i) => {
    it(`case ${i}: φ from the pre-window months${c.useExposure ? ' with exposure' : ''}`, () => {
      const phi = preWindowDispersion(c.pre, c.useExposure ? c.exposure : undefined);
      expectClose(phi, c.phi, 1e-12, 'phi');
      const w = rateRatioWald(c.y1, c.e1, c.y0, c.e0, phi);
      expectClose(w.estimate, c.estimate, 1e-12, 'RR');
      expectClose(w.ci[0], c.ci[0]!, tol.ci!, 'lower');
      expectClose(w.ci[1], c.ci[1]!, tol.ci!, 'upper');
    });
  });
  it('φ is at least 1 and the Wald interval refuses zero counts', () => {
    expect(preWindowDispersion([5, 5, 5, 5])).toBe(1);
    expect(() => rateRatioWald(0, 12, 4, 12, 1)).toThrow(/exact/);
  });
});

describe('before/after estimator (§4.2) against R', () => {
  const c = fx.outputs.beforeAfter;
  const r = beforeAfter({
    y: c.y,
    exposure: c.exposure,
    t0Index: c.t0Index,
    transitionMonths: c.transitionMonths,
    windowMonths: c.windowMonths,
    confounders: [c.t0Index + 1, c.t0Index + c.transitionMonths + 3],
  });
  it('sums the windows and gives the exact and over-dispersed intervals', () => {
    expect([r.y0, r.y1]).toEqual([c.y0, c.y1]);
    expectClose(r.rateRatio, c.rateRatio, tol.estimate!, 'RR');
    expectClose(r.exact.ci[0], c.exactCi[0]!, tol.ci!, 'exact lower');
    expectClose(r.exact.ci[1], c.exactCi[1]!, tol.ci!, 'exact upper');
    expectClose(r.exact.pValue, c.pValue, tol.pValue!, 'p');
    expectClose(r.phi, c.phi, 1e-12, 'phi');
    expectClose(r.wald!.ci[0], c.waldCi[0]!, tol.ci!, 'wald lower');
    expectClose(r.wald!.ci[1], c.waldCi[1]!, tol.ci!, 'wald upper');
  });
  it('makes the over-dispersed interval the headline when φ > 1.5 and flags a confounder in a window only', () => {
    expect(c.phi).toBeGreaterThan(1.5);
    expect(r.ciMethod).toBe('overdispersed_wald');
    expect(r.ci).toEqual(r.wald!.ci);
    const codes = r.warnings.map((w) => w.code);
    expect(codes).toEqual(['OVERDISPERSION', 'CONFOUNDED_WINDOW']);
    expect(r.warnings[1]!.message).toMatch(/^1 /);
  });
  it('with no events before T0 reports the undefined ratio', () => {
    const y = [0, 0, 0, 0, 3, 4, 2, 5];
    const z = beforeAfter({ y, t0Index: 4 });
    expect(z.rateRatio).toBe(Infinity);
    expect(z.wald).toBeNull();
    expect(z.warnings.map((w) => w.code)).toContain('RATE_RATIO_UNDEFINED');
  });
});

describe('rate edge cases', () => {
  it('refuses two zero counts and negative or fractional counts with a coded error', () => {
    expect(() => rateRatioExact(0, 12, 0, 12)).toThrow(StatsError);
    expect(() => rateRatioExact(-1, 12, 3, 12)).toThrow(/count/);
    expect(() => garwood(2.5, 1)).toThrow(/count/);
  });
  it('the exact RR interval always contains the estimate and widens with confidence', () => {
    for (const [y1, y0] of [
      [3, 9],
      [20, 20],
      [1, 40],
    ] as const) {
      const r95 = rateRatioExact(y1, 10, y0, 10, 0.95);
      const r99 = rateRatioExact(y1, 10, y0, 10, 0.99);
      expect(r95.ci[0]).toBeLessThan(r95.estimate);
      expect(r95.ci[1]).toBeGreaterThan(r95.estimate);
      expect(r99.ci[0]).toBeLessThan(r95.ci[0]);
      expect(r99.ci[1]).toBeGreaterThan(r95.ci[1]);
    }
  });
});
