/** Synthetic control (EVALUATION.md §4.5): HiGHS QP weights, V search, placebo inference, pre-fit gate. */
export {
  createActiveSetQpSolver,
  createHighsQpSolver,
  denseQp,
  loadHighsQpSolver,
  type QpSolver,
  type QpResult,
  type SimplexQp,
} from './qp.ts';
export {
  solveSimplexLsq,
  solveOnSupport,
  type ActiveSetOptions,
  type ActiveSetResult,
  type SimplexLsq,
} from './activeSet.ts';
export { scmWeights, predictorLoss, type WeightsResult } from './weights.ts';
export { buildPredictors, type PredictorOptions, type Predictors } from './predictors.ts';
export { searchV, softmax, type VSearchResult } from './vsearch.ts';
export { nelderMead, type NelderMeadOptions, type NelderMeadResult } from './nelderMead.ts';
export {
  syntheticControl,
  scmInTimePlacebo,
  DEFAULT_GATE,
  type GateThresholds,
  type ScmInput,
  type ScmResult,
  type UnitFit,
} from './synth.ts';
