/** `entente incidents import` against a real database: exit codes and the problem list of a refused file. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '@entente/db/testing';

const main = fileURLToPath(new URL('../main.ts', import.meta.url));
const CAS = fileURLToPath(
  new URL('../../../../../shared/testdata/piracy/crime-at-sea/pirate_attacks.csv', import.meta.url),
);
let db: TestDatabase;
let tmp: string;
const run = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', main, ...args], {
    env: { ...process.env, ENTENTE_DATABASE_URL: db.ownerUrl, ENTENTE_DATA_DIR: '/tmp/entente-cli-test' },
    encoding: 'utf8',
  });

beforeAll(async () => {
  db = await createTestDatabase(inject('pgServerUrl'));
  tmp = mkdtempSync(join(tmpdir(), 'entente-cli-incidents-'));
});
afterAll(async () => {
  await db?.drop();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe('entente incidents import', () => {
  it('exits 1 on a refused file, listing each problem with its line and field, and writes no incident', async () => {
    const lines = readFileSync(CAS, 'utf8').split('\n').slice(0, 40);
    lines[5] = lines[5]!.replace(/^\d{4}-\d{2}-\d{2}/, 'not-a-date');
    lines[9] = lines[9]!.replace(/,(-?[\d.]+),(-?[\d.]+),/, ',999,$2,');
    const file = join(tmp, 'broken.csv');
    writeFileSync(file, lines.join('\n'));
    const r = run('incidents', 'import', 'crime-at-sea', file);
    expect(r.status, r.stderr).toBe(1);
    expect(r.stdout).toMatch(/Refused: 2 problem\(s\)/);
    expect(r.stdout).toMatch(/line 6, date: E_DATE_PARSE/);
    expect(r.stdout).toMatch(/line 10, latitude,longitude: E_COORD_RANGE longitude 999/);
    const c = new pg.Client({ connectionString: db.ownerUrl });
    await c.connect();
    expect((await c.query('SELECT count(*)::int AS n FROM incident')).rows[0].n).toBe(0);
    expect((await c.query('SELECT status, rejected FROM import_batch')).rows).toEqual([
      { status: 'refused', rejected: 2 },
    ]);
    expect(
      (await c.query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'incident.import_refused'"))
        .rows[0].n,
    ).toBe(1);
    await c.end();
  });

  it('exits 0 on a valid file (--json after the arguments), then reports no_change', () => {
    const file = join(tmp, 'head.csv');
    writeFileSync(file, readFileSync(CAS, 'utf8').split('\n').slice(0, 101).join('\n') + '\n');
    const first = run('incidents', 'import', 'auto', file, '--json');
    expect(first.status, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({
      ok: true,
      outcome: 'committed',
      counts: { inserted: 100 },
    });
    const again = run('incidents', 'import', 'crime_at_sea', file);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/No change: 100 crime_at_sea incidents/);
  });

  it('exits 2 on an unknown format or community', () => {
    expect(run('incidents', 'import', 'nonsense', CAS).status).toBe(2);
    expect(run('incidents', 'import', 'auto', CAS, '--community', 'no-such').status).toBe(2);
  });
});
