/** The tamper-evident audit log (ACCESS.md §7): append-only, hash-chained, labelled. */
import { bigint, customType, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' });

export const auditEvent = pgTable('audit_event', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  actorId: uuid('actor_id'),
  actorOrgId: uuid('actor_org_id'),
  actorKind: text('actor_kind').notNull(),
  sessionId: text('session_id'),
  action: text('action').notNull(),
  entity: text('entity').notNull(),
  entityId: text('entity_id'),
  entityVersion: integer('entity_version'),
  labelId: uuid('label_id').notNull(),
  decision: text('decision').notNull(),
  reason: text('reason'),
  requestId: text('request_id'),
  before: jsonb('before'),
  after: jsonb('after'),
  details: jsonb('details'),
  prevHash: bytea('prev_hash').notNull(),
  hash: bytea('hash').notNull(),
});

/** The head of the chain; its row lock serialises appends. */
export const auditHead = pgTable('audit_head', {
  id: integer('id').primaryKey(),
  seq: bigint('seq', { mode: 'number' }).notNull(),
  hash: bytea('hash').notNull(),
});
