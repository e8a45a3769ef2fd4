/** Recompute the chain over the whole log as the owner; report the first broken seq. */
import type pg from 'pg';
import { chainHash, GENESIS, type AuditEntry } from './chain';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  lastSeq: number;
  broken?: { seq: number; reason: 'hash_mismatch' | 'gap' | 'bad_signature' };
}

interface Row extends Omit<AuditEntry, 'seq'> {
  seq: string;
  prevHash: Buffer;
  hash: Buffer;
}

/** Stream the log in seq order in batches and check contiguity and every hash. */
export async function verifyAuditChain(pool: pg.Pool, opts: { from?: number; to?: number } = {}): Promise<VerifyResult> {
  let prev: Buffer = GENESIS;
  let expected = 1;
  let checked = 0;
  const from = opts.from ?? 1;
  if (from > 1) {
    const r = await pool.query<{ hash: Buffer }>('SELECT hash FROM audit_event WHERE seq = $1', [from - 1]);
    if (!r.rows[0]) return { ok: false, checked, lastSeq: from - 1, broken: { seq: from - 1, reason: 'gap' } };
    prev = r.rows[0].hash;
    expected = from;
  }
  const to = opts.to ?? Number.MAX_SAFE_INTEGER;
  for (;;) {
    const r = await pool.query<Row>(
      `SELECT seq, at, actor_id AS "actorId", actor_org_id AS "actorOrgId", actor_kind AS "actorKind", session_id AS "sessionId",
        action, entity, entity_id AS "entityId", entity_version AS "entityVersion", label_id AS "labelId", decision, reason,
        request_id AS "requestId", before, after, details, prev_hash AS "prevHash", hash
       FROM audit_event WHERE seq >= $1 AND seq <= $2 ORDER BY seq LIMIT 5000`,
      [expected, to],
    );
    if (r.rows.length === 0) break;
    for (const row of r.rows) {
      const seq = Number(row.seq);
      if (seq !== expected) return { ok: false, checked, lastSeq: expected - 1, broken: { seq: expected, reason: 'gap' } };
      const { prevHash, hash, ...rest } = row;
      const h = chainHash(prev, { ...rest, seq });
      if (!prevHash.equals(prev) || !h.equals(hash)) return { ok: false, checked, lastSeq: seq - 1, broken: { seq, reason: 'hash_mismatch' } };
      prev = hash;
      expected = seq + 1;
      checked++;
    }
  }
  const head = await pool.query<{ seq: string }>('SELECT seq FROM audit_head WHERE id = 1');
  const headSeq = Number(head.rows[0]?.seq ?? 0);
  if (opts.to === undefined && headSeq !== expected - 1) return { ok: false, checked, lastSeq: expected - 1, broken: { seq: expected, reason: 'gap' } };
  return { ok: true, checked, lastSeq: expected - 1 };
}
