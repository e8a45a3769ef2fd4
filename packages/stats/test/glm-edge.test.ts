import seedrandom from 'seedrandom';
import { describe, expect, it } from 'vitest';
import {
  designFromRows,
  digamma,
  fitGlm,
  fitNb2,
  neweyWestLag,
  StatsError,
  vcovHAC,
  vcovHC,
  vcovCR1,
} from '../src/index.ts';
import { createStream } from '../src/random.ts';
import { expectAllClose, expectClose } from './fixture.ts';

/** Knuth's Poisson sampler on a seeded stream (tests only; the product uses src/random). */
function poissonDraw(rng: () => number, mu: number): number {
  const L = Math.exp(-mu);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rng();
  } while (p > L);
  return k - 1;
}

function itsRows(n: number, t0: number): number[][] {
  return Array.from({ length: n }, (_, i) => {
    const t = i - t0;
    const D = t >= 0 ? 1 : 0;
    return [1, t, D, t * D, Math.sin((2 * Math.PI * ((i % 12) + 1)) / 12)];
  });
}

function poissonSeries(n: number, seed: string): { rows: number[][]; y: number[] } {
  const rng = seedrandom(seed);
  const rows = itsRows(n, Math.floor(n / 2));
  const y = rows.map((r) => poissonDraw(rng, Math.exp(1.2 + 0.004 * r[1]! - 0.3 * r[2]! + 0.2 * r[4]!)));
  return { rows, y };
}

describe('GLM edge cases', () => {
  it('an exactly collinear column raises COLLINEAR_DESIGN naming the column', () => {
    const { rows, y } = poissonSeries(60, 'collinear');
    const X = designFromRows(
      rows.map((r) => [...r, 2 * r[1]! - r[0]!]),
      ['intercept', 't', 'level', 'slope', 'sin1', 'dup'],
    );
    let err: unknown;
    try {
      fitGlm(X, y);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StatsError);
    expect((err as StatsError).code).toBe('COLLINEAR_DESIGN');
    expect((err as StatsError).message).toMatch(/dup/);
  });

  it('a nearly collinear column falls back to QR and still matches the well-posed fit', () => {
    const { rows, y } = poissonSeries(80, 'near');
    const eps = 3e-4; // sin of the angle to span(1, t, D) ≈ 1e-5: past the Cholesky guard, inside RANK_TOL
    const near = designFromRows(rows.map((r, i) => [r[0]!, r[1]!, r[2]!, r[1]! + eps * Math.cos(i)]));
    const fit = fitGlm(near, y);
    expect(fit.converged).toBe(true);
    expect(fit.solver).toBe('qr');
    // Reparametrised: x3 = t + eps·cos(i) is well posed in (1, t, D, cos(i)).
    const clean = fitGlm(designFromRows(rows.map((r, i) => [r[0]!, r[1]!, r[2]!, Math.cos(i)])), y);
    expectClose(fit.deviance, clean.deviance, 1e-8, 'deviance');
    expectClose(fit.coefficients[3]! * eps, clean.coefficients[3]!, 1e-4, 'rescaled coefficient');
  });

  it('zero counts: y = 0 contributes 2μ to the deviance and fits a segment drifting to zero', () => {
    const { rows, y } = poissonSeries(48, 'zeros');
    const yz = y.map((v, i) => (i >= 24 ? 0 : v)); // all-zero post period
    const fit = fitGlm(designFromRows(rows.map((r) => [r[0]!, r[2]!])), yz);
    expect(fit.coefficients[1]!).toBeLessThan(-15);
    expect(fit.numericallyZeroFitted).toBeGreaterThan(0);
    expect(Number.isFinite(fit.deviance)).toBe(true);
    const allZero = fitGlm(designFromRows(rows.map(() => [1])), new Array(48).fill(0));
    expect(allZero.coefficients[0]!).toBeLessThan(-15);
    expect(allZero.deviance).toBeLessThan(1e-6);
  });

  it('non-convergence is flagged, not thrown', () => {
    const { rows, y } = poissonSeries(60, 'maxit');
    const fit = fitGlm(designFromRows(rows), y, { maxIterations: 2 });
    expect(fit.converged).toBe(false);
    expect(fit.iterations).toBe(2);
    const nb = fitNb2(designFromRows(rows), y, { maxIterations: 2 });
    expect(nb.converged).toBe(false);
  });

  it('Poisson data drive α to the lower bound: NB2 reports the Poisson fit (ALPHA_ZERO)', () => {
    // Under-dispersed counts (a binomial-like spread) have no NB2 maximum inside the range.
    const rows = itsRows(60, 30);
    const y = rows.map((_, i) => 5 + (i % 3) - 1);
    const nb = fitNb2(designFromRows(rows), y);
    const pois = fitGlm(designFromRows(rows), y);
    expect(nb.alphaAtBound).toBe('lower');
    expect(nb.alpha).toBe(0);
    expect(nb.family).toBe('poisson');
    expectAllClose(nb.coefficients, Array.from(pois.coefficients), 1e-12, 'beta');
  });

  it('zero prior weights drop rows; row order does not change the fit', () => {
    const { rows, y } = poissonSeries(50, 'weights');
    const w = rows.map((_, i) => (i % 5 === 0 ? 0 : 1));
    const a = fitGlm(designFromRows(rows), y, { weights: w });
    const keep = rows.map((_, i) => i).filter((i) => w[i] !== 0);
    const b = fitGlm(
      designFromRows(keep.map((i) => rows[i]!)),
      keep.map((i) => y[i]!),
    );
    expectAllClose(a.coefficients, Array.from(b.coefficients), 1e-9, 'beta');
    expectClose(a.deviance, b.deviance, 1e-9, 'deviance');
    expect(a.nObs).toBe(40);
    const perm = rows.map((_, i) => (i * 7) % 50);
    const c = fitGlm(
      designFromRows(perm.map((i) => rows[i]!)),
      perm.map((i) => y[i]!),
    );
    const full = fitGlm(designFromRows(rows), y);
    expectAllClose(c.coefficients, Array.from(full.coefficients), 1e-9, 'beta');
  });

  it('invalid inputs are refused with INVALID_INPUT', () => {
    const X = designFromRows([[1], [1], [1]]);
    expect(() => fitGlm(X, [1, -1, 2])).toThrow(/count/);
    expect(() => fitGlm(X, [1, 2])).toThrow(/rows/);
    expect(() => fitGlm(X, [1, 2, 3], { alpha: -1 })).toThrow(/alpha/);
    expect(() => designFromRows([[1, 2], [1]])).toThrow(/row 1/);
  });
});

describe('covariance identities', () => {
  const { rows, y } = poissonSeries(72, 'cov');
  const fit = fitGlm(designFromRows(rows), y);
  it('HAC with lag 0 is HC0; singleton clusters give CR1 = (n−1)/(n−p)·n/(n−1)·HC0 = HC1', () => {
    expectAllClose(vcovHAC(fit, { lag: 0 }).values, Array.from(vcovHC(fit, 'HC0').values), 1e-12, 'HAC0');
    const cr1 = vcovCR1(
      fit,
      rows.map((_, i) => i),
    );
    expectAllClose(cr1.values, Array.from(vcovHC(fit, 'HC1').values), 1e-12, 'CR1 singletons');
  });
  it('default Newey–West lag follows ⌊4(T/100)^{2/9}⌋, at least 1', () => {
    expect(neweyWestLag(72)).toBe(3);
    expect(neweyWestLag(120)).toBe(4);
    expect(neweyWestLag(5)).toBe(2);
    expect(neweyWestLag(1)).toBe(1);
  });
});

describe('digamma', () => {
  it('satisfies ψ(1) = −γ and ψ(x + 1) = ψ(x) + 1/x', () => {
    expectClose(digamma(1), -0.5772156649015329, 1e-14, 'psi(1)');
    for (const x of [0.01, 0.5, 3.3, 17, 250.5])
      expectClose(digamma(x + 1), digamma(x) + 1 / x, 1e-13, `psi(${x})`);
  });
});

describe('properties on seeded simulations', () => {
  it('NB2 ML recovers α and β from a long simulated series', () => {
    const rng = createStream('nb2-recovery', 'test');
    const n = 3000;
    const rows = Array.from({ length: n }, (_, i) => [1, Math.sin((2 * Math.PI * i) / 12), (i % 7) / 7]);
    const beta = [1.6, 0.4, -0.5];
    const alpha = 0.3;
    const y = rows.map((r) =>
      rng.negBinomial(Math.exp(r[0]! * beta[0]! + r[1]! * beta[1]! + r[2]! * beta[2]!), alpha),
    );
    const fit = fitNb2(designFromRows(rows), y);
    expect(fit.converged).toBe(true);
    expect(Math.abs(fit.alpha - alpha) / alpha).toBeLessThan(0.1);
    const se = Array.from({ length: 3 }, (_, j) => Math.sqrt(fit.bread[j * 3 + j]!));
    beta.forEach((b, j) => expect(Math.abs(fit.coefficients[j]! - b)).toBeLessThan(4 * se[j]!));
  });

  it('HAC and CR1 matrices are symmetric positive semi-definite', () => {
    const { rows, y } = poissonSeries(90, 'psd');
    const fit = fitGlm(designFromRows(rows), y);
    for (const V of [
      vcovHAC(fit, { lag: 6 }),
      vcovCR1(
        fit,
        rows.map((_, i) => Math.floor(i / 9)),
      ),
    ]) {
      const p = V.dim;
      for (let i = 0; i < p; i++)
        for (let j = 0; j < p; j++) expect(V.values[i * p + j]).toBe(V.values[j * p + i]);
      // xᵀVx ≥ 0 for a spread of seeded directions
      const rng = seedrandom('dirs');
      for (let k = 0; k < 50; k++) {
        const x = Array.from({ length: p }, () => rng() - 0.5);
        let q = 0;
        for (let i = 0; i < p; i++) for (let j = 0; j < p; j++) q += x[i]! * V.values[i * p + j]! * x[j]!;
        expect(q).toBeGreaterThanOrEqual(-1e-15);
      }
    }
  });

  it('CR1 ignores clusters made only of zero-weight rows', () => {
    const { rows, y } = poissonSeries(60, 'cr1w');
    const w = rows.map((_, i) => (i >= 54 ? 0 : 1));
    const cl = rows.map((_, i) => Math.floor(i / 6));
    const a = vcovCR1(fitGlm(designFromRows(rows), y, { weights: w }), cl);
    const b = vcovCR1(fitGlm(designFromRows(rows.slice(0, 54)), y.slice(0, 54)), cl.slice(0, 54));
    expect(a.kind).toBe('CR1(G=9)');
    expectAllClose(a.values, Array.from(b.values), 1e-9, 'CR1');
  });
});
