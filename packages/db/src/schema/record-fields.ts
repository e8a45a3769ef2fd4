/**
 * Field labels (ACCESS.md §2, "Field labels"; ADR 0007). A sensitive field of a labelled record
 * (`Partner.sensitivityNotes`, internal notes on a co-owned cooperation plan) is stored here with
 * its own label, never classified above the record's (high-water mark, checked on write and
 * before a downgrade; ADR 0007 explains why level, not full dominance). RLS reads a field only when its label is permitted AND its record is
 * visible (migration 0017), so a hidden field looks exactly like an absent one.
 */
import { sql } from 'drizzle-orm';
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';
import { label } from './access';
import { id } from './columns';

/** Record kinds that may carry field labels, and the field names each accepts. */
export const FIELD_LABELLED = {
  partner: ['sensitivityNotes'],
  cooperation_plan: ['internalNotes'],
  person: ['contact'],
} as const;

export const recordField = pgTable(
  'record_field',
  {
    id: id(),
    recordKind: text('record_kind').notNull(),
    recordId: uuid('record_id').notNull(),
    field: text('field').notNull(),
    labelId: uuid('label_id')
      .notNull()
      .references(() => label.id),
    value: jsonb('value').notNull(),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by'),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('record_field_uq').on(t.recordKind, t.recordId, t.field),
    index('record_field_label_idx').on(t.labelId),
    check(
      'record_field_known',
      sql`(${t.recordKind} = 'partner' AND ${t.field} = 'sensitivityNotes') OR (${t.recordKind} = 'cooperation_plan' AND ${t.field} = 'internalNotes') OR (${t.recordKind} = 'person' AND ${t.field} = 'contact')`,
    ),
  ],
);
