/**
 * @entente/stats — the evaluation engine's numerics (EVALUATION.md §4–§5). Pure: no IO, no clock,
 * no ambient randomness. Other engineers' modules (warn, scm, synthesis, random) are exported from
 * their own index files.
 */
export { StatsError, type StatsErrorCode } from './errors.ts';
export { designFromRows, type Design } from './linalg/design.ts';
export * from './glm/index.ts';
export * from './covariance/index.ts';
export * from './rates/index.ts';
export * from './dists/index.ts';
export { quantileType7 } from './descriptive/quantile.ts';
export { ljungBox, type LjungBoxResult } from './descriptive/ljungBox.ts';
export * from './its/index.ts';
export * from './random.ts';
export * from './warn/index.ts';
export * from './scm/index.ts';
export * from './synthesis/index.ts';
export * from './did/index.ts';
export * from './grade/index.ts';
export * from './evaluate/index.ts';
export * from './monitor/index.ts';
