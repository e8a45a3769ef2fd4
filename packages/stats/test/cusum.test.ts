// CUSUM increments, episodes/reset, and the simulated ARL against surveillance::arlCusum (§4.8, §6.1).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import nbPmf from '@stdlib/stats-base-dists-negative-binomial-pmf';
import { calibrateCusumThreshold, cusumIncrement, runCusum, simulateArl } from '../src/warn/index.ts';

interface ArlFixture {
  tolerance: { arl: { rel: number; mcSe: number } };
  inputs: { cases: { mu0: number; rho: number; k: number; h: number; hEntente: number }[] };
  outputs: { cases: { arl: number }[] };
}
const fixture = JSON.parse(
  readFileSync(new URL('./fixtures/cusum-arl-poisson.json', import.meta.url), 'utf8'),
) as ArlFixture;

const logNb = (y: number, mu: number, alpha: number): number =>
  Math.log(nbPmf(y, 1 / alpha, 1 / (1 + alpha * mu)));

describe('cusumIncrement', () => {
  it('Poisson: y ln ρ − (ρ − 1) μ0, i.e. (y − k) ln ρ with k = (ρ − 1)μ0/ln ρ', () => {
    expect(cusumIncrement(5, 2.5, { rho: 2, alpha: 0 })).toBeCloseTo(5 * Math.log(2) - 2.5, 14);
    const k = ((1.5 - 1) * 4) / Math.log(1.5);
    expect(cusumIncrement(7, 4, { rho: 1.5, alpha: 0 })).toBeCloseTo((7 - k) * Math.log(1.5), 12);
  });

  it('NB2: equals the log-likelihood ratio ln NB(y; ρμ0, α) − ln NB(y; μ0, α)', () => {
    for (const [y, mu, alpha, rho] of [
      [0, 3, 0.4, 2],
      [9, 3, 0.4, 2],
      [4, 1.2, 1.1, 3],
      [20, 8, 0.05, 1.5],
    ] as const) {
      expect(cusumIncrement(y, mu, { rho, alpha })).toBeCloseTo(
        logNb(y, rho * mu, alpha) - logNb(y, mu, alpha),
        10,
      );
    }
  });

  it('NB2 tends to the Poisson increment as α → 0', () => {
    expect(cusumIncrement(6, 3, { rho: 2, alpha: 1e-9 })).toBeCloseTo(
      cusumIncrement(6, 3, { rho: 2, alpha: 0 }),
      6,
    );
  });
});

describe('runCusum', () => {
  it('accumulates, alarms when S > h, resets to 0, and groups consecutive alarms into one episode', () => {
    // μ0 = 1, ρ = 2 (α = 0): increment = y ln 2 − 1.
    const l = Math.log(2);
    const y = [0, 4, 4, 0, 5, 5, 5, 0, 0, 0];
    const r = runCusum(y, new Array(10).fill(1), { rho: 2, alpha: 0, h: 2 });
    const expected: number[] = [];
    let s = 0;
    for (const v of y) {
      s = Math.max(0, s + v * l - 1);
      expected.push(s);
      if (s > 2) s = 0;
    }
    r.statistic.forEach((v, t) => expect(v).toBeCloseTo(expected[t] ?? NaN, 12));
    expect(r.alarm).toEqual([false, false, true, false, true, true, true, false, false, false]);
    expect(r.episodes).toEqual([
      { start: 2, end: 2 },
      { start: 4, end: 6 },
    ]);
  });

  it('skips missing months and months without a baseline (S carried, no alarm)', () => {
    const r = runCusum([5, null, 5, 5], [1, 1, null, 1], { rho: 2, alpha: 0, h: 10 });
    expect(r.statistic[1]).toBeNull();
    expect(r.statistic[2]).toBeNull();
    expect(r.statistic[3]).toBeCloseTo(2 * (5 * Math.log(2) - 1), 12);
    expect(r.alarm).toEqual([false, false, false, false]);
  });
});

describe('runCusum with per-month dispersion', () => {
  it('uses alphas[t] where given and alpha elsewhere', () => {
    const r = runCusum([6, 6], [3, 3], { rho: 2, alpha: 0, h: 100, alphas: [0.5, null] });
    const first = cusumIncrement(6, 3, { rho: 2, alpha: 0.5 });
    expect(r.statistic[0]).toBeCloseTo(first, 12);
    expect(r.statistic[1]).toBeCloseTo(first + cusumIncrement(6, 3, { rho: 2, alpha: 0 }), 12);
  });
});

describe('simulated in-control ARL', () => {
  it.each(fixture.inputs.cases.map((c, i) => [i, c] as const))(
    'case %i matches surveillance::arlCusum within 5 % and 3 MC SE',
    (i, c) => {
      const ref = fixture.outputs.cases[i]?.arl ?? NaN;
      const est = simulateArl({
        mu0: [c.mu0],
        alpha: 0,
        rho: c.rho,
        h: c.hEntente,
        seed: `fixture-${i}`,
        paths: 10_000,
      });
      expect(est.censored).toBe(0);
      expect(Math.abs(est.arl - ref) / ref).toBeLessThanOrEqual(fixture.tolerance.arl.rel);
      expect(Math.abs(est.arl - ref)).toBeLessThanOrEqual(fixture.tolerance.arl.mcSe * est.se);
    },
    60_000,
  );

  it('a threshold one lattice step too high is detected (the comparison can fail)', () => {
    const c = fixture.inputs.cases[0];
    if (!c) throw new Error('fixture case missing');
    const ref = fixture.outputs.cases[0]?.arl ?? NaN;
    const est = simulateArl({
      mu0: [c.mu0],
      alpha: 0,
      rho: c.rho,
      h: c.hEntente + Math.log(c.rho) * 0.5,
      seed: 'fixture-0',
      paths: 10_000,
    });
    expect(Math.abs(est.arl - ref) / ref).toBeGreaterThan(0.05);
  }, 60_000);

  it('calibrates h to the target ARL within 2 % for a seasonal NB2 baseline, with its MC SE', () => {
    const mu0 = Array.from({ length: 12 }, (_, m) => 4 * (1 + 0.4 * Math.sin((2 * Math.PI * m) / 12)));
    const r = calibrateCusumThreshold({
      mu0,
      alpha: 0.2,
      rho: 2,
      seed: 'calib',
      paths: 4_000,
      targetArl: 100,
    });
    expect(r.converged).toBe(true);
    expect(Math.abs(r.arl - 100)).toBeLessThanOrEqual(2);
    expect(r.se).toBeGreaterThan(0.5);
    expect(r.se).toBeLessThan(3);
    // The same seed reproduces h exactly; an independent seed confirms the ARL within MC error.
    const again = calibrateCusumThreshold({
      mu0,
      alpha: 0.2,
      rho: 2,
      seed: 'calib',
      paths: 4_000,
      targetArl: 100,
    });
    expect(again.h).toBe(r.h);
    const check = simulateArl({ mu0, alpha: 0.2, rho: 2, h: r.h, seed: 'independent', paths: 4_000 });
    expect(Math.abs(check.arl - r.arl)).toBeLessThan(4 * Math.hypot(check.se, r.se));
  }, 120_000);

  it('rejects targets outside 60–120 months and invalid parameters', () => {
    expect(() => calibrateCusumThreshold({ mu0: [2], alpha: 0, rho: 2, seed: 's', targetArl: 200 })).toThrow(
      RangeError,
    );
    expect(() => simulateArl({ mu0: [0], alpha: 0, rho: 2, seed: 's', h: 1 })).toThrow(RangeError);
    expect(() => simulateArl({ mu0: [2], alpha: 0, rho: 1, seed: 's', h: 1 })).toThrow(RangeError);
  });
});
