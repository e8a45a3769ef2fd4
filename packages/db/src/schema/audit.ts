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

/**
 * Signed checkpoints of the chain (ACCESS.md §7.4): Ed25519 over (seq, hash, at) with a key derived
 * from the deployment secret, never stored here. Append-only like audit_event.
 */
export const auditCheckpoint = pgTable('audit_checkpoint', {
  seq: bigint('seq', { mode: 'number' }).primaryKey(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  hash: bytea('hash').notNull(),
  /** Informative only: the verifier checks against the key it derives itself. */
  keyId: text('key_id').notNull(),
  signature: bytea('signature').notNull(),
});

/**
 * List and search reads waiting to enter the chain (ADR 0005). A read inserts here without the
 * head lock; the flusher moves rows into audit_event in batches and deletes them in the same
 * transaction. entente_app may only INSERT.
 */
export const auditReadStage = pgTable('audit_read_stage', {
  id: bigint('id', { mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
  at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
  actorId: uuid('actor_id'),
  actorOrgId: uuid('actor_org_id'),
  sessionId: text('session_id'),
  requestId: text('request_id'),
  route: text('route').notNull(),
  filtersHash: text('filters_hash').notNull(),
  count: integer('count').notNull(),
  ids: jsonb('ids'),
  labelId: uuid('label_id').notNull(),
});
