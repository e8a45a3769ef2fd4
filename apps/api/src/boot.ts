/**
 * Bring the database up: the embedded PostgreSQL when no URL is configured, otherwise the
 * server; create the application role, migrate, and load the demo data on the first run.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  APP_ROLE, assertAppRoleSafe, ensureAppRole, ensureDatabase, migrateDatabase, openDatabase, seedReference, seedScenarios, seedUsers,
  startEmbedded, withCredentials, withDatabase, type Database, type SeededUser,
} from '@entente/db';
import type { Config } from './config';
import type { Logger } from './logger';

interface Secrets {
  postgresPassword: string;
  appPassword: string;
  secretKey: string;
}

function loadSecrets(dataDir: string): Secrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  const s: Secrets = { postgresPassword: randomBytes(18).toString('base64url'), appPassword: randomBytes(18).toString('base64url'), secretKey: randomBytes(32).toString('base64url') };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(s), { mode: 0o600 });
  return s;
}

export interface Booted {
  owner: Database;
  app: Database;
  secretKey: string;
  seeded: SeededUser[] | null;
  stop(): Promise<void>;
}

/** Start (or connect to) PostgreSQL, migrate, seed if empty, and open the two pools. */
export async function bootDatabase(config: Config, log: Logger): Promise<Booted> {
  const dataDir = resolve(config.dataDir);
  const secrets = loadSecrets(dataDir);
  const secretKey = config.secretKey ?? secrets.secretKey;
  let ownerUrl: string;
  let stopServer = async () => {};
  if (config.databaseUrl) {
    ownerUrl = config.databaseUrl;
  } else {
    const t0 = Date.now();
    const server = await startEmbedded({ dataDir, port: config.embeddedPort, password: secrets.postgresPassword });
    stopServer = server.stop;
    await ensureDatabase(server.url, 'entente');
    ownerUrl = withDatabase(server.url, 'entente');
    log.info({ ms: Date.now() - t0, port: config.embeddedPort }, 'embedded PostgreSQL started');
  }
  const appPassword = config.appDatabasePassword ?? secrets.appPassword;
  await ensureAppRole(ownerUrl, appPassword);
  await migrateDatabase(ownerUrl);
  const appUrl = withCredentials(ownerUrl, APP_ROLE, appPassword);
  await assertAppRoleSafe(appUrl);
  const owner = openDatabase(ownerUrl, 4);
  let seeded: SeededUser[] | null = null;
  if (await seedReference(owner.db)) log.info('reference data loaded');
  if (config.seed === 'demo') {
    const r = await seedScenarios(owner.db);
    if (r) log.info({ engagements: r.engagements, scenarios: r.scenarios }, 'demo data loaded');
    seeded = await seedUsers(owner.db, secretKey);
  }
  const app = openDatabase(appUrl, 16);
  return {
    owner,
    app,
    secretKey,
    seeded,
    stop: async () => {
      await app.close();
      await owner.close();
      await stopServer();
    },
  };
}
