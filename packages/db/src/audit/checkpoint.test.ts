/** Signed checkpoints: written at the threshold and hourly, verified against the derived key; forgeries are caught at their seq. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, TEST_SECRET_KEY, type TestDatabase } from '../testing/index';
import { openDatabase, type Database } from '../runtime/pools';
import { sql } from 'drizzle-orm';
import { inScope, type AccessScope } from '../runtime/scope';
import { appendAudit } from './append';
import { chainHash } from './chain';
import {
  auditSigner,
  auditVerifierKey,
  CHECKPOINT_EVERY,
  checkpointIfDue,
  checkpointMessage,
} from './checkpoint';
import { verifyAuditChain } from './verify';

let db: TestDatabase;
let owner: Database;
let raw: pg.Client;
let label: string;
const signer = auditSigner(TEST_SECRET_KEY);
const key = auditVerifierKey(TEST_SECRET_KEY);

const tamper = async (sql: string, params: unknown[] = []) => {
  await raw.query('ALTER TABLE audit_checkpoint DISABLE TRIGGER USER');
  try {
    await raw.query(sql, params);
  } finally {
    await raw.query('ALTER TABLE audit_checkpoint ENABLE TRIGGER USER');
  }
};
const headSeq = async () => Number((await raw.query('SELECT seq FROM audit_head')).rows[0].seq);
const checkpoints = async () =>
  (await raw.query('SELECT seq, key_id FROM audit_checkpoint ORDER BY seq')).rows.map((r) => Number(r.seq));

/** Append events, one transaction each batch of 50, until the head reaches `seq`. */
async function appendUntil(seq: number, now = new Date()) {
  while ((await headSeq()) < seq) {
    const n = Math.min(50, seq - (await headSeq()));
    await owner.db.transaction(async (tx) => {
      for (let i = 0; i < n; i++)
        await appendAudit(
          tx,
          {
            actorKind: 'user',
            action: 'test.event',
            entity: 'engagement',
            entityId: `e${i}`,
            labelId: label,
            decision: 'permit',
            details: { i },
          },
          now,
          signer,
        );
    });
  }
}

beforeAll(async () => {
  db = await createTestDatabase(inject('pgServerUrl'));
  owner = openDatabase(db.ownerUrl, 2);
  raw = new pg.Client({ connectionString: db.ownerUrl });
  await raw.connect();
  label = (await raw.query('SELECT id FROM label LIMIT 1')).rows[0].id as string;
});
afterAll(async () => {
  await raw.end();
  await owner.close();
  await db.drop();
});

describe('audit checkpoints', () => {
  it('derives the same key from the same secret and a different one from another', () => {
    expect(auditSigner(TEST_SECRET_KEY).keyId).toBe(key.keyId);
    expect(auditSigner('another-deployment-secret-0123456789').keyId).not.toBe(key.keyId);
    const m = checkpointMessage({ seq: 5, hash: Buffer.alloc(32, 1), at: '2026-01-01T00:00:00.000Z' });
    expect(key.verify(m, signer.sign(m))).toBe(true);
    expect(auditVerifierKey('another-deployment-secret-0123456789').verify(m, signer.sign(m))).toBe(false);
  });

  it('writes a checkpoint at the 1,000th event, in the append transaction, and verify checks it', async () => {
    await appendUntil(CHECKPOINT_EVERY - 1);
    expect(await checkpoints()).toEqual([]);
    await appendUntil(CHECKPOINT_EVERY + 10);
    expect(await checkpoints()).toEqual([CHECKPOINT_EVERY]);
    const row = (
      await raw.query(
        'SELECT c.hash AS c, e.hash AS e, c.key_id FROM audit_checkpoint c JOIN audit_event e USING (seq)',
      )
    ).rows[0];
    expect(Buffer.compare(row.c, row.e)).toBe(0);
    expect(row.key_id).toBe(key.keyId);
    const r = await verifyAuditChain(owner.pool, { key });
    expect(r).toMatchObject({ ok: true, checkpoints: 1, lastSeq: CHECKPOINT_EVERY + 10 });
  });

  it('writes an hourly checkpoint at the head once the oldest unsigned event is an hour old (timer or next append)', async () => {
    expect(await checkpointIfDue(owner.db, new Date(), signer)).toEqual([]);
    const later = new Date(Date.now() + 61 * 60 * 1000);
    const head = await headSeq();
    expect(await checkpointIfDue(owner.db, later, signer)).toEqual([head]);
    await appendUntil(head + 3, later);
    expect(await checkpoints()).toEqual([CHECKPOINT_EVERY, head]);
    const much = new Date(Date.now() + 3 * 60 * 60 * 1000);
    await appendUntil(head + 4, much); // the append itself makes the hourly one due
    expect(await checkpoints()).toEqual([CHECKPOINT_EVERY, head, head + 4]);
    expect((await verifyAuditChain(owner.pool, { key })).ok).toBe(true);
  });

  it('writes the 1,000th checkpoint from an append as entente_app, with row-level security hiding every event', async () => {
    const app = openDatabase(db.appUrl, 1);
    const hidden: AccessScope = {
      userId: '00000000-0000-4000-8000-000000000001',
      orgId: '00000000-0000-4000-8000-000000000002',
      partner: false,
      labelIds: [],
      writeLabelIds: [],
      communityIds: [],
    };
    try {
      const due = Math.max(...(await checkpoints())) + CHECKPOINT_EVERY;
      while ((await headSeq()) < due) {
        const n = Math.min(100, due - (await headSeq()));
        await inScope(app.db, hidden, async (tx) => {
          expect((await tx.execute(sql`SELECT count(*)::int AS n FROM audit_event`)).rows[0]).toEqual({
            n: 0,
          });
          for (let i = 0; i < n; i++)
            await appendAudit(
              tx,
              {
                actorKind: 'user',
                action: 'test.app',
                entity: 'engagement',
                labelId: label,
                decision: 'permit',
              },
              new Date(),
              signer,
            );
        });
      }
      expect(await checkpoints()).toContain(due);
      expect(await verifyAuditChain(owner.pool, { key })).toMatchObject({ ok: true });
    } finally {
      await app.close();
    }
  });

  it('is append-only for entente_app, like audit_event', async () => {
    const app = new pg.Client({ connectionString: db.appUrl });
    await app.connect();
    try {
      await expect(app.query('UPDATE audit_checkpoint SET seq = seq')).rejects.toThrow(/permission denied/);
      await expect(app.query('DELETE FROM audit_checkpoint')).rejects.toThrow(/permission denied/);
      expect((await app.query('SELECT count(*) FROM audit_checkpoint')).rows[0].count).not.toBe('0');
    } finally {
      await app.end();
    }
    await expect(raw.query('DELETE FROM audit_checkpoint')).rejects.toThrow(/append-only/);
    await expect(raw.query('TRUNCATE audit_checkpoint')).rejects.toThrow(/append-only/);
  });

  it('reports a forged or changed checkpoint as bad_signature at its seq', async () => {
    const seq = CHECKPOINT_EVERY;
    const orig = (await raw.query('SELECT signature, at, hash FROM audit_checkpoint WHERE seq = $1', [seq]))
      .rows[0];
    // A changed signature byte.
    const sig = Buffer.from(orig.signature as Buffer);
    sig[3] = (sig[3] ?? 0) ^ 1;
    await tamper('UPDATE audit_checkpoint SET signature = $1 WHERE seq = $2', [sig, seq]);
    expect(await verifyAuditChain(owner.pool, { key })).toMatchObject({
      ok: false,
      broken: { seq, reason: 'bad_signature' },
    });
    // A changed timestamp under the original signature.
    await tamper("UPDATE audit_checkpoint SET signature = $1, at = at - interval '1 day' WHERE seq = $2", [
      orig.signature,
      seq,
    ]);
    expect(await verifyAuditChain(owner.pool, { key })).toMatchObject({
      ok: false,
      broken: { seq, reason: 'bad_signature' },
    });
    // Re-signed by someone with a key of their own (e.g. one stored beside the row).
    const forger = auditSigner('forger-who-only-has-the-database-000');
    const forged = forger.sign(
      checkpointMessage({ seq, hash: orig.hash as Buffer, at: new Date(orig.at).toISOString() }),
    );
    await tamper('UPDATE audit_checkpoint SET signature = $1, at = $2, key_id = $3 WHERE seq = $4', [
      forged,
      orig.at,
      forger.keyId,
      seq,
    ]);
    expect(await verifyAuditChain(owner.pool, { key })).toMatchObject({
      ok: false,
      broken: { seq, reason: 'bad_signature' },
    });
    // Restored: intact again.
    await tamper('UPDATE audit_checkpoint SET signature = $1, at = $2, key_id = $3 WHERE seq = $4', [
      orig.signature,
      orig.at,
      key.keyId,
      seq,
    ]);
    expect((await verifyAuditChain(owner.pool, { key })).ok).toBe(true);
  });

  it('catches a rewritten chain under a valid checkpoint, a deleted checkpoint, and a cut tail', async () => {
    // A changed checkpoint hash under the original signature.
    const orig = (await raw.query('SELECT e.hash FROM audit_event e WHERE seq = $1', [CHECKPOINT_EVERY]))
      .rows[0].hash as Buffer;
    await tamper('UPDATE audit_checkpoint SET hash = $1 WHERE seq = $2', [
      Buffer.alloc(32, 7),
      CHECKPOINT_EVERY,
    ]);
    expect(await verifyAuditChain(owner.pool, { key })).toMatchObject({
      ok: false,
      broken: { seq: CHECKPOINT_EVERY, reason: 'bad_signature' },
    });
    await tamper('UPDATE audit_checkpoint SET hash = $1 WHERE seq = $2', [orig, CHECKPOINT_EVERY]);
    expect((await verifyAuditChain(owner.pool, { key })).ok).toBe(true);

    // Rewrite event 990 and re-chain everything after it: every hash is consistent, but not with the signed checkpoint.
    const saved = (
      await raw.query('SELECT seq, details, prev_hash, hash FROM audit_event WHERE seq >= 990 ORDER BY seq')
    ).rows;
    const entries = (
      await raw.query(
        `SELECT seq, at, actor_id AS "actorId", actor_org_id AS "actorOrgId", actor_kind AS "actorKind", session_id AS "sessionId", action, entity,
        entity_id AS "entityId", entity_version AS "entityVersion", label_id AS "labelId", decision, reason, request_id AS "requestId", before, after, details
       FROM audit_event WHERE seq >= 990 ORDER BY seq`,
      )
    ).rows;
    let chainPrev = (await raw.query('SELECT hash FROM audit_event WHERE seq = 989')).rows[0].hash as Buffer;
    await raw.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
    for (const e of entries) {
      const entry = {
        ...e,
        seq: Number(e.seq),
        details: Number(e.seq) === 990 ? { i: 'rewritten' } : e.details,
      };
      const h = chainHash(chainPrev, entry);
      await raw.query('UPDATE audit_event SET details = $1, prev_hash = $2, hash = $3 WHERE seq = $4', [
        JSON.stringify(entry.details),
        chainPrev,
        h,
        entry.seq,
      ]);
      chainPrev = h;
    }
    await raw.query('UPDATE audit_head SET hash = $1', [chainPrev]);
    expect(await verifyAuditChain(owner.pool)).toMatchObject({ ok: true }); // without the key the rewrite is invisible
    expect(await verifyAuditChain(owner.pool, { key })).toMatchObject({
      ok: false,
      broken: {
        seq: CHECKPOINT_EVERY,
        reason: 'hash_mismatch',
        detail: 'chain differs from the signed checkpoint',
      },
    });
    for (const r of saved)
      await raw.query('UPDATE audit_event SET details = $1, prev_hash = $2, hash = $3 WHERE seq = $4', [
        JSON.stringify(r.details),
        r.prev_hash,
        r.hash,
        r.seq,
      ]);
    await raw.query('UPDATE audit_head SET hash = (SELECT hash FROM audit_event ORDER BY seq DESC LIMIT 1)');
    await raw.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
    expect((await verifyAuditChain(owner.pool, { key })).ok).toBe(true);

    // Deleting the 1,000 checkpoint: the chain went 1,000 events unsigned.
    const all = (await raw.query('SELECT * FROM audit_checkpoint WHERE seq = $1', [CHECKPOINT_EVERY]))
      .rows[0];
    await tamper('DELETE FROM audit_checkpoint WHERE seq = $1', [CHECKPOINT_EVERY]);
    expect(await verifyAuditChain(owner.pool, { key })).toMatchObject({
      ok: false,
      broken: { seq: CHECKPOINT_EVERY, reason: 'bad_signature', detail: 'missing checkpoint' },
    });
    await tamper(
      'INSERT INTO audit_checkpoint (seq, at, hash, key_id, signature) VALUES ($1, $2, $3, $4, $5)',
      [all.seq, all.at, all.hash, all.key_id, all.signature],
    );
    expect((await verifyAuditChain(owner.pool, { key })).ok).toBe(true);

    // Cutting the tail below the last checkpoint (and moving the head back to hide it).
    const last = Math.max(...(await checkpoints()));
    const head = (await raw.query('SELECT seq, hash FROM audit_head')).rows[0];
    const prev = (await raw.query('SELECT hash FROM audit_event WHERE seq = $1', [last - 2])).rows[0]
      .hash as Buffer;
    const cut = (await raw.query('SELECT * FROM audit_event WHERE seq > $1 ORDER BY seq', [last - 2])).rows;
    await raw.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
    await raw.query('DELETE FROM audit_event WHERE seq > $1', [last - 2]);
    await raw.query('UPDATE audit_head SET seq = $1, hash = $2', [last - 2, prev]);
    expect(await verifyAuditChain(owner.pool, { key })).toMatchObject({
      ok: false,
      broken: { seq: last - 1, reason: 'gap' },
    });
    for (const r of cut)
      await raw.query(
        `INSERT INTO audit_event (seq, at, actor_id, actor_org_id, actor_kind, session_id, action, entity, entity_id, entity_version, label_id, decision, reason, request_id, before, after, details, prev_hash, hash)
         VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19)`,
        [
          r.seq,
          r.at,
          r.actor_id,
          r.actor_org_id,
          r.actor_kind,
          r.session_id,
          r.action,
          r.entity,
          r.entity_id,
          r.entity_version,
          r.label_id,
          r.decision,
          r.reason,
          r.request_id,
          r.before,
          r.after,
          r.details,
          r.prev_hash,
          r.hash,
        ],
      );
    await raw.query('UPDATE audit_head SET seq = $1, hash = $2', [head.seq, head.hash]);
    await raw.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
    expect((await verifyAuditChain(owner.pool, { key })).ok).toBe(true);
  });

  it('verifies a range with --from/--to semantics, checking only the checkpoints inside it', async () => {
    const inRange = (await checkpoints()).filter((s) => s >= 900 && s <= 1005).length;
    expect(await verifyAuditChain(owner.pool, { key, from: 900, to: 1005 })).toMatchObject({
      ok: true,
      checked: 106,
      lastSeq: 1005,
      checkpoints: inRange,
    });
    expect(await verifyAuditChain(owner.pool, { key, from: 1001, to: 1005 })).toMatchObject({
      ok: true,
      checked: 5,
      checkpoints: inRange - 1,
    });
    const seq = CHECKPOINT_EVERY;
    const orig = (await raw.query('SELECT signature FROM audit_checkpoint WHERE seq = $1', [seq])).rows[0]
      .signature as Buffer;
    await tamper('UPDATE audit_checkpoint SET signature = $1 WHERE seq = $2', [Buffer.alloc(64), seq]);
    expect(await verifyAuditChain(owner.pool, { key, from: 900, to: 1005 })).toMatchObject({
      ok: false,
      broken: { seq, reason: 'bad_signature' },
    });
    expect((await verifyAuditChain(owner.pool, { key, from: 1001, to: 1005 })).ok).toBe(true);
    expect((await verifyAuditChain(owner.pool, { key, from: 1, to: 999 })).ok).toBe(true);
    await tamper('UPDATE audit_checkpoint SET signature = $1 WHERE seq = $2', [orig, seq]);
  });
});
