export * from './types';
export * from './users';
export * from './labels';
export * from './seed-reference';
export * from './seed-scenarios';
export * from './seed-users';
export { SCENARIOS } from './scenarios/index';
export * from './incidents';
export {
  SYNTHETIC_WARNING,
  SYNTHETIC_DATASETS,
  syntheticCrimeAtSeaCsv,
  syntheticGedCarCsv,
} from './incidents-synthetic';
