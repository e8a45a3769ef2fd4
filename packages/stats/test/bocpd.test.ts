// BOCPD run-length posterior against the untruncated Python reference (§4.8, §6.1: 1e-9).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bocpd, bocpdSignals, calibrateBocpdThreshold } from '../src/warn/index.ts';

interface BocpdFixture {
  tolerance: { posterior: { abs: number }; changeProb: { abs: number } };
  inputs: {
    y: number[];
    exposure: number[];
    baselineMean: number;
    n0: number;
    hazard: number;
    window: number;
  };
  outputs: { posterior: number[][]; changeProb: number[]; mapRunLength: number[] };
}
const fx = JSON.parse(
  readFileSync(new URL('./fixtures/bocpd-poisson-gamma.json', import.meta.url), 'utf8'),
) as BocpdFixture;

function run(overrides: Record<string, number> = {}) {
  const i = fx.inputs;
  return bocpd(i.y, {
    baselineMean: i.baselineMean,
    n0: i.n0,
    hazard: i.hazard,
    exposure: i.exposure,
    window: i.window,
    keepPosterior: true,
    ...overrides,
  });
}

describe('bocpd vs the untruncated reference', () => {
  const res = run();

  it('matches P(r_t = r | y) for every month and run length within 1e-9 (pruned entries count as 0)', () => {
    const tol = fx.tolerance.posterior.abs;
    let worst = 0;
    fx.outputs.posterior.forEach((ref, t) => {
      const post = res.posterior?.[t];
      if (!post) throw new Error(`posterior missing at ${t}`);
      const mine = new Map(post.r.map((r, i) => [r, post.p[i] ?? 0]));
      ref.forEach((p, r) => {
        worst = Math.max(worst, Math.abs((mine.get(r) ?? 0) - p));
      });
      // Every run length kept must exist in the reference (r ≤ t).
      expect(Math.max(...post.r)).toBeLessThanOrEqual(t + 1);
    });
    expect(worst).toBeLessThanOrEqual(tol);
  });

  it('matches P(change within the last 3 months) and the MAP run length', () => {
    res.changeProb.forEach((p, t) =>
      expect(Math.abs(p - (fx.outputs.changeProb[t] ?? NaN))).toBeLessThanOrEqual(
        fx.tolerance.changeProb.abs,
      ),
    );
    expect(res.mapRunLength).toEqual(fx.outputs.mapRunLength);
  });

  it('P(r_t = 0) equals the hazard in this (original Adams–MacKay) form', () => {
    res.posterior?.forEach((p) => expect(p.p[0]).toBeCloseTo(fx.inputs.hazard, 9));
  });

  it('a different hazard is detected (the comparison can fail)', () => {
    const other = run({ hazard: 1 / 24 });
    const diff = Math.max(...other.changeProb.map((p, t) => Math.abs(p - (fx.outputs.changeProb[t] ?? 0))));
    expect(diff).toBeGreaterThan(1e-3);
  });

  it('caps run lengths at maxRunLength and prunes tiny masses', () => {
    const capped = run({ maxRunLength: 24 });
    capped.posterior?.forEach((p) => expect(Math.max(...p.r)).toBeLessThanOrEqual(24));
    const pruned = run({ pruneBelow: 1e-3 });
    pruned.posterior?.forEach((p) => {
      expect(Math.min(...p.p)).toBeGreaterThanOrEqual(1e-3 * 0.99);
      expect(p.p.reduce((s, v) => s + v, 0)).toBeCloseTo(1, 12);
    });
  });

  it('the MAP run length locates the simulated change at month 90', () => {
    // After the 3 → 7.5 shift at month 90 the most probable run (first month t − r + 1) starts
    // within two months of it.
    const t = 100;
    expect(Math.abs(t - (res.mapRunLength[t] ?? 0) + 1 - 90)).toBeLessThanOrEqual(2);
  });

  it('carries the posterior over a missing month', () => {
    const y: (number | null)[] = [...fx.inputs.y.slice(0, 20)];
    y[10] = null;
    const r = bocpd(y, { baselineMean: 3, exposure: fx.inputs.exposure, keepPosterior: true });
    expect(Number.isNaN(r.changeProb[10])).toBe(true);
    expect(r.posterior?.[10]).toEqual(r.posterior?.[9]);
  });
});

describe('bocpd signals and threshold calibration', () => {
  it('signals only after the warm-up and above the threshold', () => {
    const s = bocpdSignals([1, 1, 0.9, 0.2, 0.7, 0.8, 0.1], 0.5, 3);
    expect(s.signal).toEqual([false, false, false, false, true, true, false]);
    expect(s.episodes).toEqual([{ start: 4, end: 5 }]);
  });

  it('keeps the default threshold when in-control false signals are ≤ 1 per 100 months', () => {
    const mu0 = Array.from({ length: 12 }, (_, m) => 3 * (1 + 0.3 * Math.cos((2 * Math.PI * m) / 12)));
    const c = calibrateBocpdThreshold({ mu0, alpha: 0.1, seed: 'bocpd', paths: 150, months: 96 });
    expect(c.met).toBe(true);
    expect(c.falsePer100).toBeLessThanOrEqual(1);
    expect(c.threshold).toBeGreaterThanOrEqual(0.5);
  }, 120_000);

  it('raises the threshold when the target is stricter than the default achieves', () => {
    const mu0 = [2];
    const c = calibrateBocpdThreshold({
      mu0,
      alpha: 0.5,
      seed: 'bocpd-strict',
      paths: 100,
      months: 60,
      threshold: 0.02,
      maxFalsePer100: 0.5,
    });
    expect(c.falsePer100AtDefault).toBeGreaterThan(0.5);
    expect(c.threshold).toBeGreaterThan(0.02);
    expect(c.falsePer100).toBeLessThanOrEqual(0.5);
  }, 120_000);
});
