import type { Covariance } from '../covariance/types.ts';
import { normalCdf, normalQuantile } from '../dists/index.ts';
import type { ItsEffect } from './types.ts';

/**
 * Wald effect on the IRR scale with normal quantiles, as the references report (EVALUATION.md §4:
 * "model-based intervals use normal quantiles").
 */
export function waldEffect(beta: Float64Array, cov: Covariance, j: number, conf: number): ItsEffect {
  const b = beta[j]!;
  const se = Math.sqrt(cov.values[j * cov.dim + j]!);
  const z = b / se;
  const q = normalQuantile(1 - (1 - conf) / 2);
  const irr = Math.exp(b);
  return {
    coefficient: b,
    se,
    z,
    pValue: 2 * normalCdf(-Math.abs(z)),
    irr,
    ci: [Math.exp(b - q * se), Math.exp(b + q * se)],
    percentChange: 100 * (irr - 1),
  };
}
