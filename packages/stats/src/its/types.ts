import type { Covariance } from '../covariance/types.ts';
import type { Nb2Fit } from '../glm/nb2.ts';
import type { ItsDesign, ItsDesignSpec } from './design.ts';

/** A warning in the shape of EVALUATION.md §4 `Estimate.warnings`. */
export interface EstimateWarning {
  code: string;
  severity: 'info' | 'warn' | 'block';
  message: string;
}

export interface ItsInput extends ItsDesignSpec {
  /** Monthly counts, one per row, in time order. */
  y: readonly number[];
  /** Exposure E_t (> 0); without it the offset is 0 and NO_EXPOSURE is raised. */
  exposure?: readonly number[];
  /** HAC lag; default max(1, ⌊4(T/100)^{2/9}⌋). */
  hacLag?: number;
  /** Rows of other recorded interventions, for OVERLAPPING_INTERVENTIONS (±12 months of T0). */
  otherInterventions?: readonly number[];
  /** Seed of the result; the bootstrap uses the stream `${seed}:its-bootstrap`. */
  seed: string;
  /** Bootstrap draws for the counterfactual band and averted events; default 2,000. */
  bootstrapDraws?: number;
  /** Run placebo breaks (default true). */
  placebo?: boolean;
  /** Confidence level; default 0.95. */
  conf?: number;
}

/** One effect as an incidence-rate ratio with its HAC Wald interval and p-value. */
export interface ItsEffect {
  coefficient: number;
  se: number;
  z: number;
  pValue: number;
  irr: number;
  ci: [number, number];
  /** 100(IRR − 1). */
  percentChange: number;
}

export interface ItsPlacebo {
  /** Number of fake T0′ fitted successfully. */
  count: number;
  /** Fake T0′ whose fit failed or did not converge (not counted in P). */
  failed: number;
  zLevel: number[];
  zSlope: number[];
  /** (1 + #{|z′| ≥ |z|})/(1 + P) */
  pLevel: number;
  pSlope: number;
}

export interface ItsResult {
  design: ItsDesign;
  /** null when the estimate could not be fitted at all (see warnings). */
  fit: Nb2Fit | null;
  covariance: Covariance | null;
  hacLag: number;
  level: ItsEffect | null;
  slope: ItsEffect | null;
  preTrend: ItsEffect | null;
  /** μ̂_t and the counterfactual μ⁰_t (break terms removed) for every row. */
  fitted: Float64Array;
  counterfactual: Float64Array;
  /** Pointwise bootstrap band of μ⁰_t (α held fixed). */
  counterfactualBand: { lower: Float64Array; upper: Float64Array } | null;
  /** A = Σ_{t≥0}(μ⁰_t − μ̂_t) with its bootstrap interval. */
  averted: { estimate: number; ci: [number, number] | null; draws: number };
  placebo: ItsPlacebo | null;
  ljungBox: { q: number; pValue: number } | null;
  warnings: EstimateWarning[];
  /** True when any warning blocks the headline. */
  blocked: boolean;
  diagnostics: Record<string, number | string | boolean>;
}
