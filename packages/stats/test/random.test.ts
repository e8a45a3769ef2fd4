// Samplers are tested on moments and by chi-square goodness of fit with fixed seeds (EVALUATION.md §6.1).
import { describe, expect, it } from 'vitest';
import chisqCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import poissonPmf from '@stdlib/stats-base-dists-poisson-pmf';
import nbPmf from '@stdlib/stats-base-dists-negative-binomial-pmf';
import normalCdf from '@stdlib/stats-base-dists-normal-cdf';
import { createStream, streamKey } from '../src/random.ts';

const N = 40_000;

function moments(xs: number[]): { mean: number; variance: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (xs.length - 1);
  return { mean, variance };
}

/** Pearson chi-square p-value of integer draws against a pmf, pooling cells so every expected count ≥ 5. */
function discreteGofP(draws: number[], pmf: (k: number) => number): number {
  const max = Math.max(...draws);
  const counts = new Array<number>(max + 1).fill(0);
  for (const d of draws) counts[d] = (counts[d] ?? 0) + 1;
  const cells: { obs: number; exp: number }[] = [];
  let obs = 0;
  let exp = 0;
  let cum = 0;
  for (let k = 0; k <= max; k += 1) {
    const p = pmf(k);
    cum += p;
    obs += counts[k] ?? 0;
    exp += p * draws.length;
    if (exp >= 5) {
      cells.push({ obs, exp });
      obs = 0;
      exp = 0;
    }
  }
  // The upper tail beyond the largest draw joins the last cell.
  exp += (1 - cum) * draws.length;
  const last = cells[cells.length - 1];
  if (last) {
    last.obs += obs;
    last.exp += exp;
  }
  const stat = cells.reduce((s, c) => s + (c.obs - c.exp) ** 2 / c.exp, 0);
  return 1 - chisqCdf(stat, cells.length - 1);
}

/** Chi-square GOF of continuous draws against a cdf on 20 equiprobable-ish bins. */
function continuousGofP(draws: number[], cdf: (x: number) => number, edges: number[]): number {
  const counts = new Array<number>(edges.length + 1).fill(0);
  for (const d of draws) {
    let i = 0;
    while (i < edges.length && d > (edges[i] ?? Infinity)) i += 1;
    counts[i] = (counts[i] ?? 0) + 1;
  }
  let stat = 0;
  for (let i = 0; i <= edges.length; i += 1) {
    const lo = i === 0 ? 0 : cdf(edges[i - 1] ?? 0);
    const hi = i === edges.length ? 1 : cdf(edges[i] ?? 0);
    const e = (hi - lo) * draws.length;
    stat += ((counts[i] ?? 0) - e) ** 2 / e;
  }
  return 1 - chisqCdf(stat, edges.length);
}

describe('random streams', () => {
  it('are keyed `${seed}:${purpose}` and reproducible', () => {
    expect(streamKey('42', 'bootstrap')).toBe('42:bootstrap');
    const a = createStream('42', 'bootstrap');
    const b = createStream('42', 'bootstrap');
    const c = createStream('42', 'placebo');
    const xa = [a.uniform(), a.normal(), a.poisson(3)];
    const xb = [b.uniform(), b.normal(), b.poisson(3)];
    expect(xa).toEqual(xb);
    expect(c.uniform()).not.toBe(xa[0]);
  });

  it('uniform lies in (0, 1) with mean 1/2 and variance 1/12, and integer covers its range', () => {
    const s = createStream('1', 'uniform');
    const xs = Array.from({ length: N }, () => s.uniform());
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const m = moments(xs);
    expect(m.mean).toBeCloseTo(0.5, 2);
    expect(m.variance).toBeCloseTo(1 / 12, 3);
    const ks = Array.from({ length: 10_000 }, () => s.integer(7));
    expect(discreteGofP(ks, () => 1 / 7)).toBeGreaterThan(0.001);
  });

  it('normal has mean 0, variance 1 and passes chi-square GOF', () => {
    const s = createStream('2', 'normal');
    const xs = Array.from({ length: N }, () => s.normal());
    const m = moments(xs);
    expect(Math.abs(m.mean)).toBeLessThan(4 / Math.sqrt(N));
    expect(Math.abs(m.variance - 1)).toBeLessThan(0.03);
    const edges = Array.from({ length: 19 }, (_, i) => -2.25 + i * 0.25);
    expect(continuousGofP(xs, (x) => normalCdf(x, 0, 1), edges)).toBeGreaterThan(0.001);
  });

  it.each([0.3, 1, 2.5, 40])('gamma(shape %f, scale 2) has mean 2k and variance 4k', (shape) => {
    const s = createStream('3', `gamma-${shape}`);
    const xs = Array.from({ length: N }, () => s.gamma(shape, 2));
    const m = moments(xs);
    const mean = 2 * shape;
    const variance = 4 * shape;
    expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(variance / N));
    expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.06);
    expect(Math.min(...xs)).toBeGreaterThan(0);
  });

  it.each([0.4, 3, 9.9, 10, 55, 800])('poisson(%f) matches moments and passes chi-square GOF', (mean) => {
    const s = createStream('4', `poisson-${mean}`);
    const xs = Array.from({ length: N }, () => s.poisson(mean));
    const m = moments(xs);
    expect(Math.abs(m.mean - mean)).toBeLessThan(4 * Math.sqrt(mean / N));
    expect(Math.abs(m.variance / mean - 1)).toBeLessThan(0.05);
    expect(discreteGofP(xs, (k) => poissonPmf(k, mean))).toBeGreaterThan(0.001);
  });

  it.each([
    [2, 0.5],
    [7, 0.2],
    [30, 1.5],
  ])('negBinomial(μ=%f, α=%f) matches NB2 moments and pmf', (mu, alpha) => {
    const s = createStream('5', `nb-${mu}-${alpha}`);
    const xs = Array.from({ length: N }, () => s.negBinomial(mu, alpha));
    const m = moments(xs);
    const variance = mu + alpha * mu * mu;
    expect(Math.abs(m.mean - mu)).toBeLessThan(4 * Math.sqrt(variance / N));
    expect(Math.abs(m.variance / variance - 1)).toBeLessThan(0.1);
    const r = 1 / alpha;
    const p = 1 / (1 + alpha * mu);
    expect(discreteGofP(xs, (k) => nbPmf(k, r, p))).toBeGreaterThan(0.001);
  });

  it('GOF detects a wrong distribution (the test can fail)', () => {
    const s = createStream('6', 'negative-control');
    const xs = Array.from({ length: N }, () => s.negBinomial(5, 0.3));
    expect(discreteGofP(xs, (k) => poissonPmf(k, 5))).toBeLessThan(1e-6);
  });

  it('rejects invalid parameters', () => {
    const s = createStream('7', 'invalid');
    expect(() => s.poisson(-1)).toThrow(RangeError);
    expect(() => s.gamma(0)).toThrow(RangeError);
    expect(() => s.negBinomial(2, -0.1)).toThrow(RangeError);
    expect(s.negBinomial(3, 0)).toBeGreaterThanOrEqual(0);
  });
});
