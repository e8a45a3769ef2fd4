import { describe, expect, it } from 'vitest';
import { nbCdf, nbPmf, nbQuantile, nbSizeProb } from '../src/index.ts';
import { expectAllClose, loadFixture } from './fixture.ts';

interface Case {
  mu: number;
  alpha: number;
  k: number[];
  cdf: number[];
  pmf: number[];
  p: number[];
  quantile: number[];
}
const fx = loadFixture<unknown, { cases: Case[] }>('dists_nb_poisson_scipy');

describe('NB2 / Poisson distribution wrappers = SciPy nbinom(1/α, 1/(1+αμ)), poisson', () => {
  for (const c of fx.outputs.cases) {
    it(`μ=${c.mu}, α=${c.alpha}`, () => {
      expect(c.p.map((p) => nbQuantile(p, c.mu, c.alpha))).toEqual(c.quantile);
      expectAllClose(
        c.k.map((k) => nbCdf(k, c.mu, c.alpha)),
        c.cdf,
        fx.tolerance.cdf!,
        'cdf',
        1e-300,
      );
      expectAllClose(
        c.k.map((k) => nbPmf(k, c.mu, c.alpha)),
        c.pmf,
        fx.tolerance.pmf!,
        'pmf',
        1e-300,
      );
    });
  }
  it('maps (μ, α) to size and probability with mean μ', () => {
    const { r, p } = nbSizeProb(5, 0.4);
    expect(r).toBeCloseTo(2.5, 15);
    expect((r * (1 - p)) / p).toBeCloseTo(5, 12);
  });
});
