/**
 * ACCESS.md §9.7 as a property: mutating any single byte of a stored event, deleting a row, or
 * swapping two rows makes verify fail at the right seq. Each case runs in a transaction that is
 * rolled back, so the chain is pristine for the next one. fast-check prints the seed on failure.
 */
import fc from 'fast-check';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, TEST_SECRET_KEY, type TestDatabase } from '../testing/index';
import { openDatabase } from '../runtime/pools';
import { appendAudit } from './append';
import { auditSigner, auditVerifierKey } from './checkpoint';
import { verifyAuditChain } from './verify';

const RUNS = { numRuns: 1000 };
const N = 30;
let db: TestDatabase;
let raw: pg.Client;
let first = 1;
const key = auditVerifierKey(TEST_SECRET_KEY);
// verifyAuditChain only calls query(): a client inside the tampering transaction stands in for the pool.
const verifyIn = (opts: { from?: number } = {}) =>
  verifyAuditChain(raw as unknown as pg.Pool, { ...opts, key });

/** Run `tamper` in a transaction with the append-only triggers off, verify inside it, roll back. */
async function underTamper(tamper: () => Promise<void>, opts: { from?: number } = {}) {
  await raw.query('BEGIN');
  try {
    await raw.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
    await tamper();
    return await verifyIn(opts);
  } finally {
    await raw.query('ROLLBACK');
  }
}

/** Flip one bit of one byte of a text value (kept valid UTF-8 by staying in ASCII letters). */
const flip = (s: string, i: number) => {
  const k = i % s.length;
  const c = s.charCodeAt(k);
  const d = c === 0x61 ? 0x62 : 0x61;
  return s.slice(0, k) + String.fromCharCode(d) + s.slice(k + 1);
};

beforeAll(async () => {
  db = await createTestDatabase(inject('pgServerUrl'));
  const owner = openDatabase(db.ownerUrl, 1);
  raw = new pg.Client({ connectionString: db.ownerUrl });
  await raw.connect();
  const label = (await raw.query('SELECT id FROM label LIMIT 1')).rows[0].id as string;
  first = Number((await raw.query('SELECT seq FROM audit_head')).rows[0].seq) + 1;
  const signer = auditSigner(TEST_SECRET_KEY);
  for (let i = 0; i < N; i++)
    await owner.db.transaction((tx) =>
      appendAudit(
        tx,
        {
          actorKind: 'user',
          action: 'test.event',
          entity: 'engagement',
          entityId: `e${i}`,
          labelId: label,
          decision: 'permit',
          details: { i, note: `row ${i}` },
        },
        new Date(),
        signer,
      ),
    );
  await owner.close();
  expect((await verifyIn()).ok).toBe(true);
});
afterAll(async () => {
  await raw.end();
  await db.drop();
});

// 1,000 tamper-and-verify rounds against PostgreSQL per property: a harness limit, not a timed assertion
// (the default 60 s was hit on a loaded machine, and a property cut short leaves its tamper in place).
describe('audit verify, property-based (ACCESS.md §9.7)', { timeout: 600_000 }, () => {
  const seqArb = () => fc.integer({ min: 0, max: N - 1 }).map((k) => first + k);

  it('one changed byte in any field of any event → hash_mismatch at that seq', async () => {
    const fields = [
      'action',
      'entity',
      'entity_id',
      'actor_kind',
      'decision',
      'details',
      'hash',
      'prev_hash',
      'at',
    ] as const;
    await fc.assert(
      fc.asyncProperty(
        seqArb(),
        fc.constantFrom(...fields),
        fc.nat(),
        fc.nat({ max: 7 }),
        async (seq, field, pos, bit) => {
          const r = await underTamper(async () => {
            const row = (await raw.query(`SELECT ${field} AS v FROM audit_event WHERE seq = $1`, [seq]))
              .rows[0] as { v: unknown };
            let v: unknown;
            if (Buffer.isBuffer(row.v)) {
              const b = Buffer.from(row.v);
              b[pos % b.length] = (b[pos % b.length] ?? 0) ^ (1 << bit);
              v = b;
            } else if (row.v instanceof Date) v = new Date(row.v.getTime() + 1 + (pos % 1000));
            else if (field === 'details')
              v = JSON.stringify({
                ...(row.v as object),
                note: flip(String((row.v as { note: string }).note), pos),
              });
            else v = flip(String(row.v), pos);
            await raw.query(`UPDATE audit_event SET ${field} = $1 WHERE seq = $2`, [v, seq]);
          });
          // A changed stored hash shows at its own seq (it no longer matches the recomputation).
          expect(r).toMatchObject({ ok: false, broken: { seq, reason: 'hash_mismatch' } });
        },
      ),
      RUNS,
    );
  });

  it('a deleted row → gap at that seq (the last one too: the head says more)', async () => {
    await fc.assert(
      fc.asyncProperty(seqArb(), async (seq) => {
        const r = await underTamper(
          async () => void (await raw.query('DELETE FROM audit_event WHERE seq = $1', [seq])),
        );
        expect(r).toMatchObject({ ok: false, broken: { seq, reason: 'gap' } });
      }),
      RUNS,
    );
  });

  it('two swapped rows → hash_mismatch at the lower seq', async () => {
    await fc.assert(
      fc.asyncProperty(seqArb(), seqArb(), async (a, b) => {
        fc.pre(a !== b);
        const r = await underTamper(async () => {
          await raw.query('UPDATE audit_event SET seq = -1 WHERE seq = $1', [a]);
          await raw.query('UPDATE audit_event SET seq = $1 WHERE seq = $2', [a, b]);
          await raw.query('UPDATE audit_event SET seq = $1 WHERE seq = -1', [b]);
        });
        expect(r).toMatchObject({ ok: false, broken: { seq: Math.min(a, b), reason: 'hash_mismatch' } });
      }),
      RUNS,
    );
  });
});
