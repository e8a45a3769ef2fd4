/** The pure evaluation orchestrator (EVALUATION.md §4): panel + config → graded estimates and chart series. */
export { evaluate, inputsHashOf } from './evaluate.ts';
export { ENGINE_VERSION, monthDiff, toMonth } from './context.ts';
export { sha256Hex, canonicalJson } from './hash.ts';
export type {
  EvaluationPanel,
  PanelArea,
  EvaluationConfig,
  EvaluationDeps,
  EvaluationResult,
  EvaluationSeries,
  EventStudyPoint,
  Estimate,
  MethodName,
} from './types.ts';
