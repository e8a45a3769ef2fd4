/**
 * Where the owner connection comes from: a configured server URL, or the embedded PostgreSQL
 * in the data folder (started on demand, with generated secrets kept beside it).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import pg from 'pg';
import { ensureDatabase, withDatabase } from './admin';
import { startEmbedded } from './embedded';

export interface Secrets {
  postgresPassword: string;
  appPassword: string;
  secretKey: string;
}

/** Read the data folder's secrets, creating them (mode 0600) on first use. */
export function loadSecrets(dataDir: string): Secrets {
  const file = join(dataDir, 'secrets.json');
  if (existsSync(file)) return JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  const s: Secrets = {
    postgresPassword: randomBytes(18).toString('base64url'),
    appPassword: randomBytes(18).toString('base64url'),
    secretKey: randomBytes(32).toString('base64url'),
  };
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(file, JSON.stringify(s), { mode: 0o600 });
  return s;
}

export interface OwnerConnection {
  ownerUrl: string;
  secrets: Secrets;
  embedded: boolean;
  stop(): Promise<void>;
}

/** The owner URL: the configured server, or the embedded one (started here) in `dataDir`. */
export async function connectOwner(opts: { databaseUrl?: string | undefined; dataDir: string; embeddedPort: number }): Promise<OwnerConnection> {
  const dataDir = resolve(opts.dataDir);
  const secrets = loadSecrets(dataDir);
  if (opts.databaseUrl) return { ownerUrl: opts.databaseUrl, secrets, embedded: false, stop: async () => {} };
  // The server may already be running (e.g. `entente audit verify` beside `npm start`): use it.
  const running = `postgres://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${opts.embeddedPort}/postgres`;
  if (await accepts(running)) {
    await ensureDatabase(running, 'entente');
    return { ownerUrl: withDatabase(running, 'entente'), secrets, embedded: true, stop: async () => {} };
  }
  const server = await startEmbedded({ dataDir, port: opts.embeddedPort, password: secrets.postgresPassword });
  await ensureDatabase(server.url, 'entente');
  return { ownerUrl: withDatabase(server.url, 'entente'), secrets, embedded: true, stop: server.stop };
}

async function accepts(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1000 });
  try {
    await c.connect();
    await c.end();
    return true;
  } catch {
    return false;
  }
}
