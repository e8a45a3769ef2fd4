// Early-warning baseline and Shewhart alarm (§4.8). The baseline's count model is injected; here a
// small Poisson IRLS (test-only, α from the method of moments) stands in for the package GLM.
import { describe, expect, it } from 'vitest';
import { Matrix, solve } from 'ml-matrix';
import nbQuantileRp from '@stdlib/stats-base-dists-negative-binomial-quantile';
import poissonQuantile from '@stdlib/stats-base-dists-poisson-quantile';
import { createStream } from '../src/random.ts';
import { nbQuantile } from '../src/dists/index.ts';
import {
  episodesOf,
  nb2CountFitter,
  rollingBaseline,
  shewhart,
  type CountFitter,
} from '../src/warn/index.ts';

const poissonFitter: CountFitter = (y, X, offset) => {
  const p = X[0]?.length ?? 0;
  let beta = new Array<number>(p).fill(0);
  beta[0] = Math.log(y.reduce((s, v) => s + v, 0) / y.length + 0.1);
  let mu: number[] = [];
  for (let it = 0; it < 50; it += 1) {
    const eta = X.map((x, i) => x.reduce((s, xj, j) => s + xj * (beta[j] ?? 0), offset[i] ?? 0));
    mu = eta.map(Math.exp);
    const z = eta.map((e, i) => e - (offset[i] ?? 0) + ((y[i] ?? 0) - (mu[i] ?? 0)) / (mu[i] ?? 1));
    const Xm = new Matrix(X.map((r) => [...r]));
    const W = Matrix.diag(mu);
    const XtW = Xm.transpose().mmul(W);
    const next = solve(XtW.mmul(Xm), XtW.mmul(Matrix.columnVector(z))).to1DArray();
    const change = Math.max(...next.map((b, j) => Math.abs(b - (beta[j] ?? 0))));
    beta = next;
    if (change < 1e-10) break;
  }
  const num = y.reduce((s, v, i) => s + (v - (mu[i] ?? 0)) ** 2 - v, 0);
  const den = mu.reduce((s, m) => s + m * m, 0);
  return { beta, alpha: Math.max(0, num / den), converged: true };
};

function seasonalSeries(n: number, seed: string, level = 6): number[] {
  const s = createStream(seed, 'warn-test');
  return Array.from({ length: n }, (_, t) =>
    s.negBinomial(level * (1 + 0.3 * Math.sin((2 * Math.PI * (t + 1)) / 12)), 0.05),
  );
}

describe('nbQuantile', () => {
  it('maps (μ, α) to @stdlib (r = 1/α, p = 1/(1 + αμ)) and uses the Poisson quantile at α = 0', () => {
    expect(nbQuantile(0.995, 4, 0.5)).toBe(nbQuantileRp(0.995, 2, 1 / 3));
    expect(nbQuantile(0.995, 4, 0)).toBe(poissonQuantile(0.995, 4));
    expect(nbQuantile(0.995, 4, 0.5)).toBeGreaterThan(nbQuantile(0.995, 4, 0));
  });
});

describe('rollingBaseline', () => {
  const y = seasonalSeries(72, 'a');
  const base = rollingBaseline(y, poissonFitter, { startMonth: 1 });

  it('issues no baseline (INSUFFICIENT_BASELINE) before 24 observed months', () => {
    expect(base.points.slice(0, 24).every((p) => p.status === 'insufficient' && p.mu === null)).toBe(true);
    expect(base.points.slice(24).every((p) => p.status === 'ok')).toBe(true);
    expect(base.warnings.map((w) => w.code)).toEqual(['INSUFFICIENT_BASELINE']);
    expect(base.warnings[0]?.severity).toBe('warn');
  });

  it('follows the seasonal level', () => {
    const mus = base.points.slice(36).map((p) => p.mu ?? NaN);
    const mean = mus.reduce((s, m) => s + m, 0) / mus.length;
    expect(mean).toBeGreaterThan(5);
    expect(mean).toBeLessThan(7);
    // Month index t has calendar month (t mod 12) + 1: the peak (sin = 1) is at month 3.
    const peak = base.points[38]?.mu ?? 0;
    const trough = base.points[44]?.mu ?? 0;
    expect(peak).toBeGreaterThan(trough * 1.2);
  });

  it('uses the window ending at t − 1: a spike at t does not move μ̂_t', () => {
    const spiked = [...y];
    spiked[60] = 500;
    const b2 = rollingBaseline(spiked, poissonFitter, { startMonth: 1 });
    expect(b2.points[60]?.mu).toBe(base.points[60]?.mu);
    expect(b2.points[61]?.mu).not.toBe(base.points[61]?.mu);
  });

  it('skips missing months rather than treating them as zeros', () => {
    const gappy: (number | null)[] = [...y];
    for (let t = 30; t < 45; t += 1) gappy[t] = null;
    const b3 = rollingBaseline(gappy, poissonFitter, { startMonth: 1 });
    // Window for t = 48 is months 12..47 with 15 missing: 21 observed < 24.
    expect(b3.points[48]?.status).toBe('insufficient');
    expect(b3.points[40]?.status).toBe('ok');
  });

  it('blocks when no month has a baseline', () => {
    const short = rollingBaseline(y.slice(0, 20), poissonFitter, { startMonth: 1 });
    expect(short.warnings[0]).toMatchObject({ code: 'INSUFFICIENT_BASELINE', severity: 'block' });
  });
});

describe('nb2CountFitter (the package GLM behind the baseline interface)', () => {
  it('gives an over-dispersed baseline close to the test Poisson fit in level, with α̂ > 0', () => {
    const s = createStream('nb2', 'warn-test');
    const y = Array.from({ length: 60 }, (_, t) =>
      s.negBinomial(8 * (1 + 0.3 * Math.sin((2 * Math.PI * (t + 1)) / 12)), 0.3),
    );
    const nb = rollingBaseline(y, nb2CountFitter, { startMonth: 1 });
    const po = rollingBaseline(y, poissonFitter, { startMonth: 1 });
    const last = nb.points[59];
    expect(last?.status).toBe('ok');
    expect(last?.alpha ?? 0).toBeGreaterThan(0.05);
    expect(Math.abs((last?.mu ?? 0) / (po.points[59]?.mu ?? 1) - 1)).toBeLessThan(0.25);
  });
});

describe('shewhart', () => {
  it('alarms when y_t exceeds Q_NB(0.995; μ̂_t, α̂) and never without a baseline', () => {
    const y = seasonalSeries(60, 'b');
    y[50] = 60;
    y[51] = 60;
    y[10] = 200;
    const base = rollingBaseline(y, poissonFitter, { startMonth: 1 });
    const s = shewhart(y, base.points);
    expect(s.alarm[10]).toBe(false);
    expect(s.limit[10]).toBeNull();
    expect(s.alarm[50]).toBe(true);
    const b50 = base.points[50];
    expect(s.limit[50]).toBe(nbQuantile(0.995, b50?.mu ?? NaN, b50?.alpha ?? NaN));
    expect(s.episodes.some((e) => e.start === 50)).toBe(true);
    const falseAlarms = s.alarm.filter((a, t) => a && t !== 50 && t !== 51).length;
    expect(falseAlarms).toBeLessThanOrEqual(2);
  });
});

describe('episodesOf', () => {
  it('groups consecutive flags', () => {
    expect(episodesOf([true, true, false, true])).toEqual([
      { start: 0, end: 1 },
      { start: 3, end: 3 },
    ]);
    expect(episodesOf([])).toEqual([]);
  });
});
