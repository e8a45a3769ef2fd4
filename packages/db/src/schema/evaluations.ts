/**
 * Stored evaluations (EVALUATION.md §0, §1.6 step 6): the run request and its result for one
 * engagement, initiative or objective, with the data versions the panel was built from, so an
 * older result stays reproducible and a new dataset version marks it stale. Labelled like the
 * record it is about, raised to dominate the labels of the incident rows it counted.
 */
import { sql } from 'drizzle-orm';
import { check, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { id, labelled } from './columns';

export const evaluation = pgTable(
  'evaluation',
  {
    id: id(),
    /** `engagement`, `initiative` or `objective`. */
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    title: text('title').notNull(),
    /** The `EvaluationRunRequest` as validated. */
    request: jsonb('request').notNull(),
    /** The `EvaluationRunResult` of the last successful run. */
    result: jsonb('result').notNull(),
    inputsHash: text('inputs_hash').notNull(),
    engineVersion: text('engine_version').notNull(),
    profile: text('profile').notNull(),
    /** The incident dataset the request reads (its code), for staleness after an import. */
    datasetCode: text('dataset_code').notNull(),
    /** Dataset code, version, content SHA-256, the batches that fed the panel, the area versions. */
    dataVersions: jsonb('data_versions').notNull(),
    /** `current`, `stale` (data changed since the last run) or `failed` (with a reason). */
    status: text('status').notNull().default('current'),
    statusReason: text('status_reason'),
    lastRunAt: timestamp('last_run_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    ...labelled(),
  },
  (t) => [
    check('evaluation_subject_kind', sql`${t.subjectKind} IN ('engagement','initiative','objective')`),
    check('evaluation_status', sql`${t.status} IN ('current','stale','failed')`),
    index('evaluation_subject_idx').on(t.subjectKind, t.subjectId),
    index('evaluation_dataset_idx').on(t.datasetCode),
    index('evaluation_label_idx').on(t.labelId),
  ],
);
