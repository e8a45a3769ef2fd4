export { buildItsDesign, type ItsDesign, type ItsDesignSpec } from './design.ts';
export { runIts } from './its.ts';
export { PLACEBO_MIN_SIDE } from './placebo.ts';
export type { ItsEffect, ItsInput, ItsPlacebo, ItsResult, EstimateWarning } from './types.ts';
export {
  buildComparativeItsDesign,
  runComparativeIts,
  type ComparativeItsInput,
  type ComparativeItsResult,
} from './comparative.ts';
