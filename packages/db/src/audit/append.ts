/** Append an audit event inside the caller's transaction (the head row lock serialises appends). */
import { sql } from 'drizzle-orm';
import type { Tx } from '../runtime/scope';
import { chainHash, type AuditEntry } from './chain';

export type AuditInput = Omit<AuditEntry, 'seq' | 'at' | 'before' | 'after' | 'details' | 'reason' | 'requestId' | 'sessionId' | 'entityVersion' | 'entityId' | 'actorOrgId' | 'actorId'> &
  Partial<Pick<AuditEntry, 'before' | 'after' | 'details' | 'reason' | 'requestId' | 'sessionId' | 'entityVersion' | 'entityId' | 'actorOrgId' | 'actorId'>>;

/** Write one event with seq = last + 1 and the chained hash; returns its seq. */
export async function appendAudit(tx: Tx, input: AuditInput, now = new Date()): Promise<number> {
  const head = await tx.execute<{ seq: string; hash: Buffer }>(sql`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`);
  const h = head.rows[0];
  if (!h) throw new Error('audit head missing');
  const entry: AuditEntry = {
    seq: Number(h.seq) + 1,
    at: now.toISOString(),
    actorId: input.actorId ?? null,
    actorOrgId: input.actorOrgId ?? null,
    actorKind: input.actorKind,
    sessionId: input.sessionId ?? null,
    action: input.action,
    entity: input.entity,
    entityId: input.entityId ?? null,
    entityVersion: input.entityVersion ?? null,
    labelId: input.labelId,
    decision: input.decision,
    reason: input.reason ?? null,
    requestId: input.requestId ?? null,
    before: input.before ?? null,
    after: input.after ?? null,
    details: input.details ?? null,
  };
  const hash = chainHash(h.hash, entry);
  const j = (v: unknown) => (v === null ? null : JSON.stringify(v));
  await tx.execute(sql`INSERT INTO audit_event (seq, at, actor_id, actor_org_id, actor_kind, session_id, action, entity, entity_id,
      entity_version, label_id, decision, reason, request_id, before, after, details, prev_hash, hash)
    VALUES (${entry.seq}, ${entry.at}, ${entry.actorId}, ${entry.actorOrgId}, ${entry.actorKind}, ${entry.sessionId}, ${entry.action},
      ${entry.entity}, ${entry.entityId}, ${entry.entityVersion}, ${entry.labelId}, ${entry.decision}, ${entry.reason}, ${entry.requestId},
      ${j(entry.before)}::jsonb, ${j(entry.after)}::jsonb, ${j(entry.details)}::jsonb, ${h.hash}, ${hash})`);
  await tx.execute(sql`UPDATE audit_head SET seq = ${entry.seq}, hash = ${hash} WHERE id = 1`);
  return entry.seq;
}
