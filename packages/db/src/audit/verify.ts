/**
 * Recompute the chain as the owner and check every signed checkpoint; report the first broken seq.
 *
 * Over [from, to]: seq is contiguous (`gap`), each hash chains (`hash_mismatch`), each checkpoint's
 * signature is valid under the key derived from the deployment secret (`bad_signature`), its hash
 * is the chain's hash at that seq (`hash_mismatch`), no 1,000 events pass without a checkpoint
 * (`bad_signature`, "missing checkpoint"), and no checkpoint lies beyond the end of the chain (`gap`:
 * the tail was cut).
 */
import type pg from 'pg';
import { canonicalLabel, labelId } from '@entente/core';
import type { Db } from '../runtime/pools';
import { saveLabel } from '../repos/labels';
import { appendAudit } from './append';
import { chainHash, GENESIS, type AuditEntry } from './chain';
import { CHECKPOINT_EVERY, checkpointMessage, type AuditVerifierKey } from './checkpoint';

export type BreakReason = 'hash_mismatch' | 'gap' | 'bad_signature';

export interface VerifyResult {
  ok: boolean;
  checked: number;
  lastSeq: number;
  /** Checkpoints whose signature was verified (0 when no key was given). */
  checkpoints: number;
  /** List reads staged and not yet moved into the chain (ADR 0005). */
  staged: number;
  broken?: { seq: number; reason: BreakReason; detail?: string };
}

interface Row extends Omit<AuditEntry, 'seq'> {
  seq: string;
  prevHash: Buffer;
  hash: Buffer;
}

interface Checkpoint {
  seq: number;
  at: string;
  hash: Buffer;
  signature: Buffer;
}

/** Stream the log in seq order in batches; check contiguity, every hash and (with `key`) every checkpoint. */
export async function verifyAuditChain(
  pool: pg.Pool,
  opts: { from?: number; to?: number; key?: AuditVerifierKey | null } = {},
): Promise<VerifyResult> {
  const key = opts.key ?? null;
  let prev: Buffer = GENESIS;
  let expected = 1;
  let checked = 0;
  let signed = 0;
  const from = opts.from ?? 1;
  const to = opts.to ?? Number.MAX_SAFE_INTEGER;
  const stagedRows = await pool.query<{ n: string }>('SELECT count(*) AS n FROM audit_read_stage');
  const staged = Number(stagedRows.rows[0]?.n ?? 0);
  const fail = (seq: number, reason: BreakReason, detail?: string): VerifyResult => ({
    ok: false,
    checked,
    lastSeq: Math.max(0, seq - 1),
    checkpoints: signed,
    staged,
    broken: { seq, reason, ...(detail ? { detail } : {}) },
  });
  if (from > 1) {
    const r = await pool.query<{ hash: Buffer }>('SELECT hash FROM audit_event WHERE seq = $1', [from - 1]);
    if (!r.rows[0]) return fail(from - 1, 'gap');
    prev = r.rows[0].hash;
    expected = from;
  }
  const checkpoints = new Map<number, Checkpoint>();
  let lastCheckpoint = 0;
  if (key) {
    const cs = await pool.query<Omit<Checkpoint, 'seq'> & { seq: string }>(
      'SELECT seq, at, hash, signature FROM audit_checkpoint WHERE seq >= $1 AND seq <= $2 ORDER BY seq',
      [from, to],
    );
    for (const c of cs.rows) checkpoints.set(Number(c.seq), { ...c, seq: Number(c.seq) });
    const before = await pool.query<{ seq: string | null }>(
      'SELECT max(seq) AS seq FROM audit_checkpoint WHERE seq < $1',
      [from],
    );
    lastCheckpoint = Number(before.rows[0]?.seq ?? 0);
  }
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
      if (seq !== expected) return fail(expected, 'gap');
      const { prevHash, hash, ...rest } = row;
      const h = chainHash(prev, { ...rest, seq });
      if (!prevHash.equals(prev) || !h.equals(hash)) return fail(seq, 'hash_mismatch');
      if (key) {
        const c = checkpoints.get(seq);
        if (c) {
          if (!key.verify(checkpointMessage(c), c.signature))
            return fail(seq, 'bad_signature', 'checkpoint signature does not verify');
          if (!c.hash.equals(hash))
            return fail(seq, 'hash_mismatch', 'chain differs from the signed checkpoint');
          lastCheckpoint = seq;
          signed++;
        } else if (seq - lastCheckpoint >= CHECKPOINT_EVERY)
          return fail(seq, 'bad_signature', 'missing checkpoint');
      }
      prev = hash;
      expected = seq + 1;
      checked++;
    }
  }
  const lastSeq = expected - 1;
  // A signed checkpoint beyond the last event proves the tail was removed.
  for (const c of checkpoints.values())
    if (c.seq > lastSeq) return fail(lastSeq + 1, 'gap', 'events missing below a signed checkpoint');
  const head = await pool.query<{ seq: string }>('SELECT seq FROM audit_head WHERE id = 1');
  const headSeq = Number(head.rows[0]?.seq ?? 0);
  if (opts.to === undefined && headSeq !== lastSeq) return fail(lastSeq + 1, 'gap');
  return { ok: true, checked, lastSeq, checkpoints: signed, staged };
}

/**
 * Record a run of `audit verify` in the chain (ACCESS.md §7: "every run of audit verify"), as the
 * system, under the home-only label. Never signs: the process running it may not hold the API's key.
 */
export async function recordVerifyRun(
  db: Db,
  r: VerifyResult,
  range: { from?: number | undefined; to?: number | undefined },
): Promise<number> {
  const home = canonicalLabel({
    policy: 'HUB',
    level: 'HUB-OFFICIAL',
    restrictive: [],
    releasableTo: ['XHN'],
    handling: [],
  });
  const id = labelId(home);
  return db.transaction(async (tx) => {
    await saveLabel(tx, { id, ...home });
    return appendAudit(
      tx,
      {
        actorKind: 'system',
        action: 'audit.verified',
        entity: 'audit',
        labelId: id,
        decision: r.ok ? 'permit' : 'deny',
        reason: r.broken?.reason ?? null,
        details: {
          from: range.from ?? 1,
          to: range.to ?? null,
          ok: r.ok,
          checked: r.checked,
          lastSeq: r.lastSeq,
          checkpoints: r.checkpoints,
          staged: r.staged,
          ...(r.broken ? { broken: r.broken } : {}),
        },
      },
      new Date(),
      null,
    );
  });
}
