/**
 * Pre-aggregated engagement counts for the dashboard (bench/README.md, B2 finding 3): per label and
 * community, per year bucket (0 = every engagement; otherwise the calendar years an engagement's
 * planned window overlaps), per dimension and key, the number of engagements and their planned
 * cost. Maintained in the same transaction as every engagement write by statement triggers
 * (migration `engagement_rollup`); only rows any holder of the label and community may see
 * (TLP absent, CLEAR or GREEN) are counted here — TLP:AMBER/RED rows are read from the table.
 * Not labelled data itself: reads go through `scoped/rollups.ts`, and RLS repeats the label and
 * community test (and gives partner-scoped sessions nothing).
 */
import { bigint, integer, numeric, pgTable, primaryKey, text, uuid } from 'drizzle-orm/pg-core';

export const engagementRollup = pgTable(
  'engagement_rollup',
  {
    bucket: integer('bucket').notNull(),
    labelId: uuid('label_id').notNull(),
    communityId: uuid('community_id').notNull(),
    /** total | type | year (of planned start) | objective | region | partner */
    dim: text('dim').notNull(),
    key: text('key').notNull(),
    n: bigint('n', { mode: 'number' }).notNull(),
    cost: numeric('cost', { precision: 18, scale: 2 }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.bucket, t.labelId, t.communityId, t.dim, t.key] })],
);
