/** Audited list reads: staged without the head lock, append-only for entente_app, flushed into the chain once. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, TEST_SECRET_KEY, type TestDatabase } from '../testing/index';
import { openDatabase, type Database } from '../runtime/pools';
import { inScope, type AccessScope } from '../runtime/scope';
import { auditSigner, auditVerifierKey } from './checkpoint';
import {
  flushStagedReads,
  hashFilters,
  READ_ACTION,
  stageRead,
  stagedReadCount,
  startAuditFlusher,
} from './reads';
import { verifyAuditChain } from './verify';

let db: TestDatabase;
let owner: Database;
let app: Database;
let raw: pg.Client;
let label: string;
const signer = auditSigner(TEST_SECRET_KEY);
const key = auditVerifierKey(TEST_SECRET_KEY);
const scope = (): AccessScope => ({
  userId: '00000000-0000-4000-8000-000000000001',
  orgId: '00000000-0000-4000-8000-000000000002',
  partner: false,
  labelIds: [label],
  writeLabelIds: [],
  communityIds: [],
});

const read = (route: string, filters: unknown, count: number, ids: string[] | null = null) =>
  inScope(app.db, scope(), (tx) =>
    stageRead(tx, {
      actorId: scope().userId,
      actorOrgId: scope().orgId,
      sessionId: 's1',
      requestId: `r-${route}`,
      route,
      filtersHash: hashFilters(filters),
      count,
      ids,
      labelId: label,
    }),
  );

beforeAll(async () => {
  db = await createTestDatabase(inject('pgServerUrl'));
  owner = openDatabase(db.ownerUrl, 2);
  app = openDatabase(db.appUrl, 24);
  raw = new pg.Client({ connectionString: db.ownerUrl });
  await raw.connect();
  label = (await raw.query('SELECT id FROM label LIMIT 1')).rows[0].id as string;
});
afterAll(async () => {
  await raw.end();
  await app.close();
  await owner.close();
  await db.drop();
});

describe('audit of list reads', () => {
  it('hashes filters canonically (member order and undefined members do not matter)', () => {
    expect(hashFilters({ a: 1, b: [2, 3], c: undefined })).toBe(hashFilters({ b: [2, 3], a: 1 }));
    expect(hashFilters({ a: 1 })).not.toBe(hashFilters({ a: 2 }));
    expect(hashFilters(undefined)).toBe(hashFilters({}));
  });

  it('stages a read, and after a flush the chain holds one event with the route, the filters hash and the count', async () => {
    const head0 = Number((await raw.query('SELECT seq FROM audit_head')).rows[0].seq);
    await read('GET /partners', { region: 'Africa' }, 12);
    expect(await stagedReadCount(owner.db)).toBe(1);
    expect(await verifyAuditChain(owner.pool, { key })).toMatchObject({ ok: true, staged: 1 });
    expect(await flushStagedReads(owner.db, { signer })).toBe(1);
    expect(await stagedReadCount(owner.db)).toBe(0);
    const ev = (await raw.query('SELECT * FROM audit_event WHERE seq > $1 ORDER BY seq', [head0])).rows;
    expect(ev).toHaveLength(1);
    expect(ev[0]).toMatchObject({
      seq: String(head0 + 1),
      action: READ_ACTION,
      entity: 'route',
      entity_id: 'GET /partners',
      actor_kind: 'user',
      actor_id: scope().userId,
      label_id: label,
      request_id: 'r-GET /partners',
    });
    expect(ev[0].details).toEqual({
      route: 'GET /partners',
      filtersHash: hashFilters({ region: 'Africa' }),
      count: 12,
    });
    expect(await verifyAuditChain(owner.pool, { key })).toMatchObject({ ok: true, staged: 0 });
  });

  it('keeps the ids when the read carried them', async () => {
    await read('GET /agreements', {}, 2, ['a1', 'a2']);
    await flushStagedReads(owner.db, { signer });
    const ev = (await raw.query('SELECT details FROM audit_event ORDER BY seq DESC LIMIT 1')).rows[0];
    expect(ev.details).toMatchObject({ count: 2, ids: ['a1', 'a2'] });
  });

  it('is append-only for entente_app, and the owner may delete only while flushing', async () => {
    await read('GET /x', {}, 0);
    const c = new pg.Client({ connectionString: db.appUrl });
    await c.connect();
    try {
      await expect(c.query('SELECT * FROM audit_read_stage')).rejects.toThrow(/permission denied/);
      await expect(c.query('UPDATE audit_read_stage SET count = 1')).rejects.toThrow(/permission denied/);
      await expect(c.query('DELETE FROM audit_read_stage')).rejects.toThrow(/permission denied/);
      await expect(c.query('TRUNCATE audit_read_stage')).rejects.toThrow(/permission denied/);
      await expect(
        c.query("BEGIN; SELECT set_config('entente.audit_flush', 'on', true); DELETE FROM audit_read_stage"),
      ).rejects.toThrow(/permission denied/);
      await c.query('ROLLBACK');
    } finally {
      await c.end();
    }
    await expect(raw.query('DELETE FROM audit_read_stage')).rejects.toThrow(/append-only/);
    await expect(raw.query('UPDATE audit_read_stage SET count = 1')).rejects.toThrow(/append-only/);
    await expect(raw.query('TRUNCATE audit_read_stage')).rejects.toThrow(/append-only/);
    expect(await stagedReadCount(owner.db)).toBe(1);
    await flushStagedReads(owner.db, { signer });
  });

  it('a failed staging insert fails the read', async () => {
    await expect(
      inScope(app.db, scope(), async (tx) => {
        await stageRead(tx, {
          actorId: null,
          actorOrgId: null,
          sessionId: null,
          requestId: null,
          route: 'GET /bad',
          filtersHash: 'h',
          count: 0,
          ids: null,
          labelId: 'not-a-uuid',
        });
        return 'rows';
      }),
    ).rejects.toThrow();
  });

  it('never waits for the audit head: 40 concurrent reads finish while another transaction holds the head lock', async () => {
    const holder = new pg.Client({ connectionString: db.ownerUrl });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query('SELECT seq FROM audit_head WHERE id = 1 FOR UPDATE');
    try {
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          inScope(app.db, scope(), async (tx) => {
            await tx.execute("SET LOCAL lock_timeout = '2s'");
            await stageRead(tx, {
              actorId: null,
              actorOrgId: null,
              sessionId: null,
              requestId: `c${i}`,
              route: 'GET /concurrent',
              filtersHash: hashFilters({ i }),
              count: i,
              ids: null,
              labelId: label,
            });
          }),
        ),
      );
      // lock_timeout would have failed any read that waited on the head.
      // No staged read holds or waits for a lock on audit_head.
      const locks = await raw.query(
        "SELECT count(*)::int AS n FROM pg_locks l JOIN pg_class c ON c.oid = l.relation WHERE c.relname = 'audit_head' AND l.pid <> $1",
        [(await holder.query('SELECT pg_backend_pid() AS p')).rows[0].p],
      );
      expect(locks.rows[0].n).toBe(0);
    } finally {
      await holder.query('ROLLBACK');
      await holder.end();
    }
    expect(await stagedReadCount(owner.db)).toBe(40);
    // Small batches: several transactions, each under the head lock, in staging order.
    expect(await flushStagedReads(owner.db, { signer, batch: 7 })).toBe(40);
    const ev = (
      await raw.query("SELECT request_id FROM audit_event WHERE entity_id = 'GET /concurrent' ORDER BY seq")
    ).rows.map((r) => r.request_id as string);
    expect(ev).toHaveLength(40);
    expect(new Set(ev).size).toBe(40);
    expect(await verifyAuditChain(owner.pool, { key })).toMatchObject({ ok: true, staged: 0 });
  });

  it('the timed flusher moves reads and flushes once more on stop', async () => {
    const f = startAuditFlusher(owner.db, { intervalMs: 50, signer });
    await read('GET /timer', {}, 1);
    for (let i = 0; i < 100 && (await stagedReadCount(owner.db)) > 0; i++)
      await new Promise((r) => setTimeout(r, 20));
    expect(await stagedReadCount(owner.db)).toBe(0);
    await read('GET /timer', {}, 2);
    await f.stop();
    expect(await stagedReadCount(owner.db)).toBe(0);
    expect(
      (await raw.query("SELECT count(*)::int AS n FROM audit_event WHERE entity_id = 'GET /timer'")).rows[0]
        .n,
    ).toBe(2);
  });
});
