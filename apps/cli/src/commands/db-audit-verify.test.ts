/** `entente audit verify` on a real database: checkpoints, ranges, exit codes 0/1/2, and each run audited. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { appendAudit, auditSigner, openDatabase } from '@entente/db';
import { createTestDatabase, TEST_SECRET_KEY, type TestDatabase } from '@entente/db/testing';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));
let db: TestDatabase;
let raw: pg.Client;
const dataDir = mkdtempSync(join(tmpdir(), 'entente-cli-verify-'));
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
    env: {
      ...process.env,
      ENTENTE_DATABASE_URL: db.ownerUrl,
      ENTENTE_DATA_DIR: dataDir,
      ENTENTE_SECRET_KEY: TEST_SECRET_KEY,
      ...env,
    },
    encoding: 'utf8',
  });
const verify = (...args: string[]) => run(['--json', 'audit', 'verify', ...args]);
const tamper = async (table: string, sql: string, params: unknown[]) => {
  await raw.query(`ALTER TABLE ${table} DISABLE TRIGGER USER`);
  await raw.query(sql, params);
  await raw.query(`ALTER TABLE ${table} ENABLE TRIGGER USER`);
};

beforeAll(async () => {
  db = await createTestDatabase(inject('pgServerUrl'));
  raw = new pg.Client({ connectionString: db.ownerUrl });
  await raw.connect();
  const label = (await raw.query('SELECT id FROM label LIMIT 1')).rows[0].id as string;
  const owner = openDatabase(db.ownerUrl, 1);
  const signer = auditSigner(TEST_SECRET_KEY);
  for (let b = 0; b < 21; b++)
    await owner.db.transaction(async (tx) => {
      for (let i = 0; i < 50; i++)
        await appendAudit(
          tx,
          {
            actorKind: 'system',
            action: 'test.event',
            entity: 'test',
            labelId: label,
            decision: 'permit',
            details: { b, i },
          },
          new Date(),
          signer,
        );
    });
  await owner.close();
}, 120_000);
afterAll(async () => {
  await raw.end();
  await db.drop();
});

// Each case spawns the CLI several times; on a loaded 2-core machine one spawn took over 10 s.
describe('entente audit verify with checkpoints', { timeout: 300_000 }, () => {
  it('exits 0 with the signed checkpoints checked, and records the run in the chain', async () => {
    expect(Number((await raw.query('SELECT count(*) FROM audit_checkpoint')).rows[0].count)).toBe(1);
    const r = verify();
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out).toMatchObject({ ok: true, checkpoints: 1, staged: 0 });
    const ev = (await raw.query('SELECT action, details FROM audit_event WHERE seq = $1', [out.recordedAs]))
      .rows[0];
    expect(ev).toMatchObject({ action: 'audit.verified', details: { ok: true, checkpoints: 1 } });
    const text = run(['audit', 'verify']);
    expect(text.stdout).toMatch(/Audit chain intact: \d+ events checked, 1 checkpoint signature\(s\) valid/);
  });

  it('checks only the requested range with --from/--to, and refuses a reversed one with 2', () => {
    expect(JSON.parse(verify('--from', '990', '--to', '1002').stdout)).toMatchObject({
      ok: true,
      checked: 13,
      lastSeq: 1002,
      checkpoints: 1,
    });
    expect(JSON.parse(verify('--from', '1001', '--to', '1005').stdout)).toMatchObject({
      ok: true,
      checked: 5,
      checkpoints: 0,
    });
    expect(verify('--from', '9', '--to', '3').status).toBe(2);
    expect(verify('--from', '0').status).toBe(2);
  });

  it('exits 1 with bad_signature at the checkpoint when it was forged or the key is not the deployment key', async () => {
    const other = run(['--json', 'audit', 'verify'], {
      ENTENTE_SECRET_KEY: 'some-other-deployment-secret-0123456789',
    });
    expect(other.status).toBe(1);
    expect(JSON.parse(other.stdout)).toMatchObject({
      ok: false,
      broken: { seq: 1000, reason: 'bad_signature' },
    });

    const orig = (await raw.query('SELECT signature FROM audit_checkpoint WHERE seq = 1000')).rows[0]
      .signature as Buffer;
    const forged = Buffer.from(orig);
    forged[10] = (forged[10] ?? 0) ^ 0x80;
    await tamper('audit_checkpoint', 'UPDATE audit_checkpoint SET signature = $1 WHERE seq = 1000', [forged]);
    const bad = run(['audit', 'verify']);
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/BROKEN at seq 1000: bad_signature/);
    expect(verify('--from', '1001').status).toBe(0);
    expect(verify('--to', '999').status).toBe(0);
    await tamper('audit_checkpoint', 'UPDATE audit_checkpoint SET signature = $1 WHERE seq = 1000', [orig]);
    expect(verify().status).toBe(0);
  });

  it('exits 1 with hash_mismatch at a changed event, outside a range that excludes it', async () => {
    await tamper('audit_event', 'UPDATE audit_event SET details = \'{"b": 99}\' WHERE seq = 500', []);
    expect(JSON.parse(verify().stdout)).toMatchObject({
      ok: false,
      broken: { seq: 500, reason: 'hash_mismatch' },
    });
    expect(JSON.parse(verify('--from', '400', '--to', '600').stdout)).toMatchObject({
      ok: false,
      broken: { seq: 500, reason: 'hash_mismatch' },
    });
    expect(verify('--from', '501').status).toBe(0);
    expect(verify('--to', '499').status).toBe(0);
  });

  it('exits 2 when it cannot connect', () => {
    const r = run(['--json', 'audit', 'verify'], {
      ENTENTE_DATABASE_URL: 'postgres://nobody:x@127.0.0.1:1/none',
    });
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ ok: false });
  });
});
