/** The audit hash chain: intact after real writes; one changed byte, a deleted row or a swap is caught at its seq. */
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../testing/index';
import { openDatabase, type Database } from '../runtime/pools';
import { appendAudit } from './append';
import { verifyAuditChain } from './verify';

let db: TestDatabase;
let owner: Database;
let raw: pg.Client;

const tamper = async (sql: string, params: unknown[] = []) => {
  await raw.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
  await raw.query(sql, params);
  await raw.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
};

beforeAll(async () => {
  db = await createTestDatabase(inject('pgServerUrl'));
  owner = openDatabase(db.ownerUrl, 2);
  raw = new pg.Client({ connectionString: db.ownerUrl });
  await raw.connect();
  const label = (await raw.query('SELECT id FROM label LIMIT 1')).rows[0].id as string;
  for (let i = 0; i < 20; i++)
    await owner.db.transaction((tx) =>
      appendAudit(tx, {
        actorKind: 'user',
        action: 'test.event',
        entity: 'engagement',
        entityId: `e${i}`,
        labelId: label,
        decision: 'permit',
        details: { i, note: 'ünïcødé ✓' },
      }),
    );
});
afterAll(async () => {
  await raw.end();
  await owner.close();
  await db.drop();
});

describe('audit verify', () => {
  it('passes on the untouched chain', async () => {
    const r = await verifyAuditChain(owner.pool);
    expect(r.ok).toBe(true);
    expect(r.checked).toBeGreaterThanOrEqual(20);
  });

  it('finds a changed byte at its seq, and the chain is intact again once restored', async () => {
    const before = (await raw.query('SELECT details FROM audit_event WHERE seq = 7')).rows[0].details;
    await tamper("UPDATE audit_event SET details = jsonb_set(details, '{i}', '99') WHERE seq = 7");
    expect(await verifyAuditChain(owner.pool)).toMatchObject({
      ok: false,
      broken: { seq: 7, reason: 'hash_mismatch' },
    });
    await tamper('UPDATE audit_event SET details = $1 WHERE seq = 7', [before]);
    expect((await verifyAuditChain(owner.pool)).ok).toBe(true);
  });

  it('finds two swapped rows', async () => {
    await tamper('UPDATE audit_event SET seq = -1 WHERE seq = 10');
    await tamper('UPDATE audit_event SET seq = 10 WHERE seq = 11');
    await tamper('UPDATE audit_event SET seq = 11 WHERE seq = -1');
    expect(await verifyAuditChain(owner.pool)).toMatchObject({
      ok: false,
      broken: { seq: 10, reason: 'hash_mismatch' },
    });
  });

  it('finds a deleted row as a gap', async () => {
    await tamper('DELETE FROM audit_event WHERE seq = 5');
    expect(await verifyAuditChain(owner.pool)).toMatchObject({
      ok: false,
      broken: { seq: 5, reason: 'gap' },
    });
  });
});
