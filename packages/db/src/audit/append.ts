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

function toEntry(seq: number, input: AuditInput, at: string): AuditEntry {
  return {
    seq,
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
}

/**
 * Insert events after `head` (whose lock the caller holds) in ONE statement, each chained to the
 * one before; returns the new head. Does not move audit_head.
 */
export async function insertAuditEvents(
  tx: Exec,
  head: AuditHead,
  events: readonly { input: AuditInput; at: string }[],
): Promise<AuditHead> {
  if (events.length === 0) return head;
  const j = (v: unknown) => (v === null ? null : JSON.stringify(v));
  let prev = head;
  const values = events.map(({ input, at }) => {
    const e = toEntry(prev.seq + 1, input, at);
    const hash = chainHash(prev.hash, e);
    const row = sql`(${e.seq}::bigint, ${e.at}::timestamptz, ${e.actorId}::uuid, ${e.actorOrgId}::uuid, ${e.actorKind}, ${e.sessionId}, ${e.action},
      ${e.entity}, ${e.entityId}, ${e.entityVersion}::integer, ${e.labelId}::uuid, ${e.decision}, ${e.reason}, ${e.requestId},
      ${j(e.before)}::jsonb, ${j(e.after)}::jsonb, ${j(e.details)}::jsonb, ${prev.hash}, ${hash})`;
    prev = { seq: e.seq, hash };
    return row;
  });
  await tx.execute(sql`INSERT INTO audit_event (seq, at, actor_id, actor_org_id, actor_kind, session_id, action, entity, entity_id,
      entity_version, label_id, decision, reason, request_id, before, after, details, prev_hash, hash)
    VALUES ${sql.join(values, sql`, `)}`);
  return prev;
}

/** Insert one event after `head` (whose lock the caller holds); returns the new head. Does not move audit_head. */
export function insertAuditEvent(
  tx: Exec,
  head: AuditHead,
  input: AuditInput,
  at: string,
): Promise<AuditHead> {
  return insertAuditEvents(tx, head, [{ input, at }]);
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
