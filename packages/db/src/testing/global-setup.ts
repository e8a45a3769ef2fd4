/**
 * Vitest global setup: one PostgreSQL for the whole run (embedded, or the server named by
 * ENTENTE_TEST_DATABASE_URL in CI), with a template database that is migrated and seeded once.
 * Each test file clones its own database from the template.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { startEmbedded, type EmbeddedServer } from '../runtime/embedded';
import { ensureAppRole, migrateDatabase, withDatabase } from '../runtime/admin';
import { openDatabase } from '../runtime/pools';
import { seedReference } from '../seeds/seed-reference';
import { seedScenarios } from '../seeds/seed-scenarios';
import { seedUsers } from '../seeds/seed-users';
import { TEMPLATE_DB, TEST_APP_PASSWORD, TEST_SECRET_KEY } from './constants';

declare module 'vitest' {
  export interface ProvidedContext {
    pgServerUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let server: EmbeddedServer | null = null;
  let dir: string | null = null;
  let url = process.env.ENTENTE_TEST_DATABASE_URL;
  if (!url) {
    dir = mkdtempSync(join(tmpdir(), 'entente-test-'));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its folder
    server = await startEmbedded({ dataDir: dir, port: 54400 + (process.pid % 500), password: 'entente-test' });
    url = server.url;
  }
  await ensureAppRole(url, TEST_APP_PASSWORD);
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  const old = await c.query<{ datname: string }>("SELECT datname FROM pg_database WHERE datname LIKE 'entente_t%'");
  for (const r of old.rows) await c.query(`DROP DATABASE IF EXISTS "${r.datname}" WITH (FORCE)`);
  await c.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  await c.end();
  const tplUrl = withDatabase(url, TEMPLATE_DB);
  await migrateDatabase(tplUrl);
  const db = openDatabase(tplUrl, 2);
  await seedReference(db.db);
  await seedScenarios(db.db);
  await seedUsers(db.db, TEST_SECRET_KEY);
  await db.close();
  project.provide('pgServerUrl', url);
  return async () => {
    if (server) await server.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  };
}
