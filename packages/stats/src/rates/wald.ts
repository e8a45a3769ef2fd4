import { normalQuantile } from '../dists/index.ts';
import { check } from '../errors.ts';

/**
 * The over-dispersed Wald interval of the before/after rate ratio (EVALUATION.md §4.2):
 *   exp(ln RR ± z·√φ·√(1/y0 + 1/y1)),  φ = max(1, Pearson χ²/df of the pre-window months).
 * The exact interval assumes Poisson counts; monthly incident series are usually over-dispersed,
 * and when φ > 1.5 this interval becomes the headline (OVERDISPERSION).
 */

/**
 * φ = max(1, Σ(y_t − m_t)²/m_t / (n − 1)) over the pre-window months, m_t = ȳ, or m_t ∝ E_t
 * (the pooled rate times the month's exposure) when exposures are given.
 */
export function preWindowDispersion(y: readonly number[], exposure?: readonly number[]): number {
  const n = y.length;
  check(n >= 2, 'dispersion: needs at least two pre-window months');
  check(!exposure || exposure.length === n, 'dispersion: exposure length differs');
  const total = y.reduce((a, b) => a + b, 0);
  if (total === 0) return 1;
  const eTotal = exposure ? exposure.reduce((a, b) => a + b, 0) : n;
  let chi2 = 0;
  for (let t = 0; t < n; t++) {
    const m = (total * (exposure ? exposure[t]! : 1)) / eTotal;
    chi2 += (y[t]! - m) ** 2 / m;
  }
  return Math.max(1, chi2 / (n - 1));
}

/** Over-dispersed Wald interval of RR = (y1/E1)/(y0/E0); undefined (throws) when a count is 0. */
export function rateRatioWald(
  y1: number,
  e1: number,
  y0: number,
  e0: number,
  phi: number,
  conf = 0.95,
): { estimate: number; ci: [number, number]; phi: number } {
  check(y1 > 0 && y0 > 0, 'Wald rate ratio: both counts must be > 0 (use the exact interval)');
  check(e1 > 0 && e0 > 0 && phi >= 1, 'Wald rate ratio: exposures must be > 0 and φ ≥ 1');
  const rr = y1 / e1 / (y0 / e0);
  const half = normalQuantile(1 - (1 - conf) / 2) * Math.sqrt(phi) * Math.sqrt(1 / y0 + 1 / y1);
  return { estimate: rr, ci: [rr * Math.exp(-half), rr * Math.exp(half)], phi };
}
