import type { Design } from '../linalg/design.ts';

/** Options of one IRLS fit (EVALUATION.md §5.3). */
export interface GlmOptions {
  /** NB2 dispersion α ≥ 0, held fixed during IRLS; 0 (default) is Poisson. */
  alpha?: number;
  /** ln exposure; added to η with coefficient 1. */
  offset?: ArrayLike<number>;
  /** Prior weights ≥ 0 (R `weights`, statsmodels `var_weights`/`freq_weights` for counts). */
  weights?: ArrayLike<number>;
  /** Default 100. */
  maxIterations?: number;
  /** Relative deviance change that stops IRLS; default 1e-12. */
  tolerance?: number;
  /** Warm start (e.g. the previous fit in the α alternation); default μ = y + 0.1. */
  startMu?: ArrayLike<number>;
}

/** A fitted Poisson or NB2 GLM. Everything the covariance estimators need travels with it. */
export interface GlmFit {
  family: 'poisson' | 'nb2';
  /** α used (0 for Poisson). */
  alpha: number;
  names: readonly string[];
  coefficients: Float64Array;
  /** Fitted means μ and linear predictor η (including the offset). */
  mu: Float64Array;
  eta: Float64Array;
  deviance: number;
  logLik: number;
  pearsonChi2: number;
  /** −2ℓ + 2·(number of estimated parameters); NB2 with estimated α adds one. */
  aic: number;
  /** Number of observations with positive prior weight. */
  nObs: number;
  dfResidual: number;
  iterations: number;
  /** False → the estimate must be blocked (GLM_NOT_CONVERGED). */
  converged: boolean;
  /** Which solver the final step used; 'qr' means the design is poorly conditioned. */
  solver: 'cholesky' | 'qr';
  /** Count of fitted means below 1e-10: a coefficient is drifting to −∞ (e.g. all-zero segment). */
  numericallyZeroFitted: number;
  /** Bread B = (XᵀWX)⁻¹ at the final μ, p×p row-major (the model-based covariance). */
  bread: Float64Array;
  X: Design;
  y: Float64Array;
  priorWeights: Float64Array;
  offset: Float64Array | undefined;
}
