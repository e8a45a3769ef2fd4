/** The incident store's write side: datasets, built-in areas and the import pipeline (EVALUATION.md §1.6). */
export * from './datasets';
export * from './areas';
export * from './import';
export { idPrefix, STAGE_COLUMNS, STAGE_DDL, stagedId, stageLine } from './copy';
export * from './operator';
export * from './custom-areas';
