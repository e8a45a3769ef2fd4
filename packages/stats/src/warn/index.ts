/** Early warning (EVALUATION.md §4.8): baseline, Shewhart, CUSUM with simulated ARL, BOCPD. */
export { episodesOf, type Episode, type WarnMessage } from './types.ts';
export {
  rollingBaseline,
  type BaselineOptions,
  type BaselinePoint,
  type BaselineResult,
  type CountFit,
  type CountFitter,
} from './baseline.ts';
export { nb2CountFitter } from './nb2Fitter.ts';
export { shewhart, type ShewhartResult } from './shewhart.ts';
export { cusumIncrement, runCusum, type CusumParams, type CusumResult } from './cusum.ts';
export {
  simulateArl,
  calibrateCusumThreshold,
  type ArlOptions,
  type ArlEstimate,
  type ThresholdResult,
} from './arl.ts';
export {
  bocpd,
  logNbPredictive,
  type BocpdOptions,
  type BocpdResult,
  type RunLengthPosterior,
} from './bocpd.ts';
export {
  bocpdSignals,
  calibrateBocpdThreshold,
  type SignalResult,
  type BocpdCalibrationOptions,
  type BocpdCalibration,
} from './bocpdSignal.ts';
