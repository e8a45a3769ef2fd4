/**
 * Seeded samplers (EVALUATION.md §5.2 `random`). Every random draw in the engine goes through a
 * stream created here, one stream per purpose (`${seed}:${purpose}`), so that adding draws for
 * one purpose (say, more bootstrap replicates) never shifts the numbers another purpose sees,
 * and every result is reproducible from its recorded seed. `Math.random()` is never used.
 */
import seedrandom from 'seedrandom';
import gammaln from '@stdlib/math-base-special-gammaln';

/** A seeded source of variates; methods consume the stream in call order. */
export interface RandomStream {
  /** The full stream key, `${seed}:${purpose}`, for the record of a result. */
  readonly key: string;
  /** Uniform on the open interval (0, 1): never 0, so `log(u)` is always finite. */
  uniform(): number;
  /** Standard normal (Marsaglia polar method). */
  normal(): number;
  /** Gamma with the given shape and scale (mean shape·scale), Marsaglia–Tsang. */
  gamma(shape: number, scale?: number): number;
  /** Poisson with the given mean: inversion below 10, Hörmann's PTRS at and above. */
  poisson(mean: number): number;
  /**
   * NB2 count with mean μ and dispersion α (Var = μ + αμ²) as a gamma–Poisson mixture:
   * λ ~ Gamma(1/α, αμ), y ~ Poisson(λ). α = 0 gives a Poisson draw.
   */
  negBinomial(mean: number, alpha: number): number;
  /** Integer uniform on {0, …, n − 1}. */
  integer(n: number): number;
}

/** The stream key convention of EVALUATION.md §5.1: one stream per purpose. */
export function streamKey(seed: string, purpose: string): string {
  return `${seed}:${purpose}`;
}

/**
 * Creates the stream `${seed}:${purpose}`: seedrandom's xor4096 (Brent's xorgens, period
 * 2^4096 − 1, 53-bit doubles). Chosen over seedrandom's default ARC4, which measured about three
 * times slower per double here; the ARL and placebo loops draw millions of variates.
 */
export function createStream(seed: string, purpose: string): RandomStream {
  const key = streamKey(seed, purpose);
  const prng = seedrandom.xor4096(key);
  // The polar method yields normals in pairs; the spare is kept so no draw is wasted.
  let spare: number | undefined;

  const uniform = (): number => {
    let u = prng.double();
    while (u <= 0) u = prng.double();
    return u;
  };

  const normal = (): number => {
    if (spare !== undefined) {
      const s = spare;
      spare = undefined;
      return s;
    }
    for (;;) {
      const u = 2 * prng.double() - 1;
      const v = 2 * prng.double() - 1;
      const s = u * u + v * v;
      if (s > 0 && s < 1) {
        const f = Math.sqrt((-2 * Math.log(s)) / s);
        spare = v * f;
        return u * f;
      }
    }
  };

  const gamma = (shape: number, scale = 1): number => {
    if (!(shape > 0) || !(scale > 0))
      throw new RangeError(`gamma: shape and scale must be > 0 (got ${shape}, ${scale})`);
    if (shape < 1) {
      // Boost: Gamma(a) = Gamma(a + 1) · U^(1/a) (Marsaglia & Tsang 2000, §6).
      return gamma(shape + 1, scale) * Math.pow(uniform(), 1 / shape);
    }
    const d = shape - 1 / 3;
    const c = 1 / Math.sqrt(9 * d);
    for (;;) {
      const x = normal();
      let v = 1 + c * x;
      if (v <= 0) continue;
      v = v * v * v;
      const u = uniform();
      const x2 = x * x;
      if (u < 1 - 0.0331 * x2 * x2) return d * v * scale;
      if (Math.log(u) < 0.5 * x2 + d * (1 - v + Math.log(v))) return d * v * scale;
    }
  };

  const poisson = (mean: number): number => {
    if (!(mean >= 0) || !Number.isFinite(mean))
      throw new RangeError(`poisson: mean must be finite and ≥ 0 (got ${mean})`);
    if (mean === 0) return 0;
    if (mean < 10) return poissonInversion(mean, uniform());
    return poissonPtrs(mean, uniform);
  };

  const negBinomial = (mean: number, alpha: number): number => {
    if (!(alpha >= 0)) throw new RangeError(`negBinomial: alpha must be ≥ 0 (got ${alpha})`);
    if (alpha === 0 || mean === 0) return poisson(mean);
    return poisson(gamma(1 / alpha, alpha * mean));
  };

  const integer = (n: number): number => Math.min(n - 1, Math.floor(prng.double() * n));

  return { key, uniform, normal, gamma, poisson, negBinomial, integer };
}

/** Sequential-search inversion; exact and fast for small means (expected mean + 1 steps). */
function poissonInversion(mean: number, u: number): number {
  let p = Math.exp(-mean);
  let cdf = p;
  let k = 0;
  // The cap guards against round-off leaving u just above the accumulated cdf.
  while (u > cdf && k < 1000) {
    k += 1;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

/**
 * Hörmann (1993) "The transformed rejection method for generating Poisson random variables"
 * (PTRS), the algorithm NumPy uses for λ ≥ 10: O(1) expected time for large means.
 */
function poissonPtrs(lam: number, uniform: () => number): number {
  const slam = Math.sqrt(lam);
  const loglam = Math.log(lam);
  const b = 0.931 + 2.53 * slam;
  const a = -0.059 + 0.02483 * b;
  const invalpha = 1.1239 + 1.1328 / (b - 3.4);
  const vr = 0.9277 - 3.6224 / (b - 2);
  for (;;) {
    const U = uniform() - 0.5;
    const V = uniform();
    const us = 0.5 - Math.abs(U);
    const k = Math.floor(((2 * a) / us + b) * U + lam + 0.43);
    if (us >= 0.07 && V <= vr) return k;
    if (k < 0 || (us < 0.013 && V > us)) continue;
    if (Math.log(V) + Math.log(invalpha) - Math.log(a / (us * us) + b) <= -lam + k * loglam - gammaln(k + 1))
      return k;
  }
}
