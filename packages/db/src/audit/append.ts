/** Append an audit event inside the caller's transaction (the head row lock serialises appends). */
import { sql } from 'drizzle-orm';
import type { Tx } from '../runtime/scope';
import { chainHash, type AuditEntry } from './chain';
import { currentAuditSigner, maybeCheckpoint, type AuditSigner } from './checkpoint';

export type AuditInput = Omit<
  AuditEntry,
  | 'seq'
  | 'at'
  | 'before'
  | 'after'
  | 'details'
  | 'reason'
  | 'requestId'
  | 'sessionId'
  | 'entityVersion'
  | 'entityId'
  | 'actorOrgId'
  | 'actorId'
> &
  Partial<
    Pick<
      AuditEntry,
      | 'before'
      | 'after'
      | 'details'
      | 'reason'
      | 'requestId'
      | 'sessionId'
      | 'entityVersion'
      | 'entityId'
      | 'actorOrgId'
      | 'actorId'
    >
  >;

export interface AuditHead {
  seq: number;
  hash: Buffer;
}

type Exec = Pick<Tx, 'execute'>;

/** Lock the head row for the rest of the transaction and read it. */
export async function lockAuditHead(tx: Exec): Promise<AuditHead> {
  const head = await tx.execute<{ seq: string; hash: Buffer }>(
    sql`SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE`,
  );
  const h = head.rows[0];
  if (!h) throw new Error('audit head missing');
  return { seq: Number(h.seq), hash: h.hash };
}

/** Insert one event after `head` (whose lock the caller holds); returns the new head. Does not move audit_head. */
export async function insertAuditEvent(
  tx: Exec,
  head: AuditHead,
  input: AuditInput,
  at: string,
): Promise<AuditHead> {
  const entry: AuditEntry = {
    seq: head.seq + 1,
    at,
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
  const hash = chainHash(head.hash, entry);
  const j = (v: unknown) => (v === null ? null : JSON.stringify(v));
  await tx.execute(sql`INSERT INTO audit_event (seq, at, actor_id, actor_org_id, actor_kind, session_id, action, entity, entity_id,
      entity_version, label_id, decision, reason, request_id, before, after, details, prev_hash, hash)
    VALUES (${entry.seq}, ${entry.at}, ${entry.actorId}, ${entry.actorOrgId}, ${entry.actorKind}, ${entry.sessionId}, ${entry.action},
      ${entry.entity}, ${entry.entityId}, ${entry.entityVersion}, ${entry.labelId}, ${entry.decision}, ${entry.reason}, ${entry.requestId},
      ${j(entry.before)}::jsonb, ${j(entry.after)}::jsonb, ${j(entry.details)}::jsonb, ${head.hash}, ${hash})`);
  return { seq: entry.seq, hash };
}

/** Move the head to `head` (the caller holds its lock) and write any checkpoint that is now due. */
export async function advanceAuditHead(
  tx: Exec,
  head: AuditHead,
  now: Date,
  signer: AuditSigner | null = currentAuditSigner(),
): Promise<void> {
  await tx.execute(sql`UPDATE audit_head SET seq = ${head.seq}, hash = ${head.hash} WHERE id = 1`);
  await maybeCheckpoint(tx, head, now, signer);
}

/** Write one event with seq = last + 1 and the chained hash; returns its seq. Signs a checkpoint when one is due. */
export async function appendAudit(
  tx: Tx,
  input: AuditInput,
  now = new Date(),
  signer: AuditSigner | null = currentAuditSigner(),
): Promise<number> {
  const head = await insertAuditEvent(tx, await lockAuditHead(tx), input, now.toISOString());
  await advanceAuditHead(tx, head, now, signer);
  return head.seq;
}
