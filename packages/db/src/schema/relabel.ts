/**
 * Two-person downgrades (ACCESS.md §3 step 7): a releasing officer of the originator organisation
 * files a request to relabel a record to a label that does not dominate its current one; a
 * different releasing officer approves or rejects it. The request is labelled with the record's
 * CURRENT label, community, party scope and TLP, so only those who may see the record see it.
 */
import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { label, appUser } from './access';
import { id, labelled } from './columns';

export const relabelRequest = pgTable(
  'relabel_request',
  {
    id: id(),
    /** The record kind, e.g. 'engagement' or 'agreement'. */
    entity: text('entity').notNull(),
    entityId: uuid('entity_id').notNull(),
    fromLabelId: uuid('from_label_id')
      .notNull()
      .references(() => label.id),
    toLabelId: uuid('to_label_id')
      .notNull()
      .references(() => label.id),
    reason: text('reason').notNull(),
    requestedBy: uuid('requested_by')
      .notNull()
      .references(() => appUser.id),
    requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    status: text('status').notNull().default('pending'),
    decidedBy: uuid('decided_by').references(() => appUser.id),
    decidedAt: timestamp('decided_at', { withTimezone: true, mode: 'string' }),
    decisionNote: text('decision_note'),
    ...labelled(),
  },
  (t) => [
    check('relabel_request_status', sql`${t.status} IN ('pending','approved','rejected','withdrawn')`),
    check(
      'relabel_request_decided',
      sql`${t.status} = 'pending' OR (${t.decidedBy} IS NOT NULL AND ${t.decidedAt} IS NOT NULL)`,
    ),
    check('relabel_request_two_person', sql`${t.status} <> 'approved' OR ${t.decidedBy} <> ${t.requestedBy}`),
    uniqueIndex('relabel_request_one_pending_uq')
      .on(t.entity, t.entityId)
      .where(sql`${t.status} = 'pending'`),
    index('relabel_request_entity_idx').on(t.entity, t.entityId),
    index('relabel_request_label_idx').on(t.labelId),
  ],
);
