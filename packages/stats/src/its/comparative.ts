import { vcovHACPanel } from '../covariance/panelHac.ts';
import { neweyWestLag } from '../covariance/estimators.ts';
import type { Covariance } from '../covariance/types.ts';
import { check } from '../errors.ts';
import { fitNb2, type Nb2Fit } from '../glm/nb2.ts';
import type { Design } from '../linalg/design.ts';
import { buildItsDesign, type ItsDesignSpec } from './design.ts';
import { waldEffect } from './effects.ts';
import type { ItsEffect } from './types.ts';

/**
 * Comparative ITS (EVALUATION.md §4.3, level 3): the treated and a comparison series stacked, every
 * term of the single-series design interacted with the treated indicator G. The effects are the
 * interactions G·D (level) and G·t·D (slope): the treated series' break net of what the comparison
 * series did at the same time. One α for both series; HAC across periods with the scores of the two
 * series summed per period (Driscoll–Kraay), since they share calendar shocks.
 */
export interface ComparativeItsInput extends ItsDesignSpec {
  yTreated: readonly number[];
  yComparison: readonly number[];
  exposureTreated?: readonly number[];
  exposureComparison?: readonly number[];
  hacLag?: number;
  conf?: number;
}

export interface ComparativeItsResult {
  design: Design;
  fit: Nb2Fit;
  covariance: Covariance;
  hacLag: number;
  /** e^{β(G·D)} and e^{β(G·t·D)}: treated level and slope change relative to the comparison. */
  level: ItsEffect;
  slope: ItsEffect;
  /** Treated-minus-comparison pre-trend e^{β(G·t)}. */
  preTrendDifference: ItsEffect;
}

/** Builds the stacked design: rows 0..n−1 comparison (G = 0), n..2n−1 treated (G = 1). */
export function buildComparativeItsDesign(spec: ItsDesignSpec): { design: Design; weights: Float64Array } {
  const base = buildItsDesign(spec);
  const { rows: n, cols: p, values, names } = base.design;
  const q = 2 * p;
  const out = new Float64Array(2 * n * q);
  for (let g = 0; g < 2; g++)
    for (let i = 0; i < n; i++) {
      const r = (g * n + i) * q;
      for (let j = 0; j < p; j++) {
        const v = values[i * p + j]!;
        out[r + j] = v;
        out[r + p + j] = g * v;
      }
    }
  const weights = new Float64Array(2 * n);
  weights.set(base.weights, 0);
  weights.set(base.weights, n);
  return {
    design: { rows: 2 * n, cols: q, values: out, names: [...names, ...names.map((s) => `G:${s}`)] },
    weights,
  };
}

/** Fits the comparative ITS; callers add checks and grading as for `runIts`. */
export function runComparativeIts(input: ComparativeItsInput): ComparativeItsResult {
  const n = input.months;
  check(
    input.yTreated.length === n && input.yComparison.length === n,
    'comparative ITS: series length differs from months',
  );
  const { design, weights } = buildComparativeItsDesign(input);
  const y = [...input.yComparison, ...input.yTreated];
  const exposure =
    input.exposureTreated || input.exposureComparison
      ? [
          ...(input.exposureComparison ?? new Array<number>(n).fill(1)),
          ...(input.exposureTreated ?? new Array<number>(n).fill(1)),
        ]
      : undefined;
  if (exposure)
    check(
      exposure.every((e) => e > 0),
      'comparative ITS: exposure must be > 0',
    );
  const fit = fitNb2(design, y, { weights, ...(exposure ? { offset: exposure.map(Math.log) } : {}) });
  const hacLag = input.hacLag ?? neweyWestLag(n);
  const period = Array.from({ length: 2 * n }, (_, i) => i % n);
  const covariance = vcovHACPanel(fit, period, hacLag);
  const p = design.cols / 2;
  const conf = input.conf ?? 0.95;
  return {
    design,
    fit,
    covariance,
    hacLag,
    level: waldEffect(fit.coefficients, covariance, p + 2, conf),
    slope: waldEffect(fit.coefficients, covariance, p + 3, conf),
    preTrendDifference: waldEffect(fit.coefficients, covariance, p + 1, conf),
  };
}
