/** The `entente` command against a real database: audit verify's exit codes, seed's usage errors. */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@entente/db/testing';

const main = fileURLToPath(new URL('./main.ts', import.meta.url));
let db: TestDatabase;
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', main, ...args], { env: { ...process.env, ENTENTE_DATABASE_URL: db.ownerUrl, ENTENTE_DATA_DIR: '/tmp/entente-cli-test' }, encoding: 'utf8' });

beforeAll(async () => {
  db = await createTestDatabase(inject('pgServerUrl'));
});
afterAll(() => db.drop());

describe('entente audit verify', () => {
  it('exits 0 on an intact chain and 1 at the first broken seq, with --json', async () => {
    const ok = run('--json', 'audit', 'verify');
    expect(ok.status).toBe(0);
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true });
    const c = new pg.Client({ connectionString: db.ownerUrl });
    await c.connect();
    await c.query('ALTER TABLE audit_event DISABLE TRIGGER USER');
    await c.query("UPDATE audit_event SET action = 'seed.tampered' WHERE seq = 2");
    await c.query('ALTER TABLE audit_event ENABLE TRIGGER USER');
    await c.end();
    const bad = run('audit', 'verify');
    expect(bad.status).toBe(1);
    expect(bad.stdout).toMatch(/BROKEN at seq 2: hash_mismatch/);
  });

  it('exits 2 on a usage error', () => {
    expect(run('audit', 'verify', '--from', 'zero').status).not.toBe(0);
    const r = run('--json', 'db', 'seed', 'no-such-scenario');
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout).known).toContain('pko-car');
  });
});
