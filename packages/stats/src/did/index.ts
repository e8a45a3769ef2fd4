/** Difference-in-differences (EVALUATION.md §4.4). */
export { fitPoissonHdfe, partialOut, type HdfeFit, type HdfeInput } from './hdfe.ts';
export { panelRows, countUnits, type DidPanel, type PanelRows } from './panel.ts';
export { fitIndicatorColumns, type ColumnsFit, type IndicatorColumn } from './columns.ts';
export { combinationEffect, effectFrom, waldTest, type DidEffect, type WaldTest } from './effect.ts';
export {
  poissonTwfe,
  twfeTau,
  treatmentColumn,
  MIN_CLUSTERS_FOR_CR1,
  eventStudy,
  eventBin,
  type TwfeResult,
  type EventStudyOptions,
  type EventStudyResult,
  type EventCoefficient,
  type PretrendCheck,
  type PretrendVerdict,
} from './twfe.ts';
export { twoByTwo, type TwoByTwoResult } from './twoByTwo.ts';
export {
  randomisationInference,
  distinctAssignments,
  type RandomisationOptions,
  type RandomisationResult,
} from './randomisation.ts';
export { staggeredDid, type StaggeredOptions, type StaggeredResult } from './staggered.ts';
export { displacementCheck, type DisplacementInput, type DisplacementResult } from './displacement.ts';
