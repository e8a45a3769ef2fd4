/**
 * Due items (DOMAIN.md §3.4): something an organisation owes by a date. Labelled like the record
 * it belongs to (same label and community); its party is the owning organisation, so a partner
 * sees only the items its own organisation owes. `overdue` is derived, never stored.
 */
import { sql } from 'drizzle-orm';
import { check, date, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { id, labelled } from './columns';

export const dueItem = pgTable(
  'due_item',
  {
    id: id(),
    kind: text('kind').notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectId: uuid('subject_id').notNull(),
    /** The subject's code when the item was raised (e.g. the engagement code), for display. */
    subjectCode: text('subject_code').notNull(),
    title: text('title').notNull(),
    ownerPersonId: uuid('owner_person_id'),
    dueOn: date('due_on', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('pending'),
    submittedOn: date('submitted_on', { mode: 'string' }),
    submittedBy: uuid('submitted_by'),
    waivedReason: text('waived_reason'),
    waivedBy: uuid('waived_by'),
    waivedAt: timestamp('waived_at', { withTimezone: true, mode: 'string' }),
    ...labelled(),
  },
  (t) => [
    check('due_item_status', sql`${t.status} IN ('pending','submitted_on_time','submitted_late','waived')`),
    check(
      'due_item_waived_reason',
      sql`${t.status} <> 'waived' OR (${t.waivedReason} IS NOT NULL AND ${t.waivedBy} IS NOT NULL)`,
    ),
    uniqueIndex('due_item_subject_uq').on(t.kind, t.subjectId, t.dueOn),
    index('due_item_owner_due_idx').on(t.ownerOrgId, t.dueOn),
    index('due_item_subject_idx').on(t.subjectId),
    index('due_item_label_idx').on(t.labelId),
  ],
);
