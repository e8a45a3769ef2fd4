/** Administrative database work that runs as the owner: databases, roles, migrations. */
import pg from 'pg';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export const APP_ROLE = 'entente_app';
// Resolved through the package, not this file's URL, so the bundled server finds it too.
export const MIGRATIONS_DIR = join(dirname(createRequire(import.meta.url).resolve('@entente/db/package.json')), 'migrations');

/** Replace the database name in a connection URL. */
export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** Same server, different credentials: the URL the application role connects with. */
export function withCredentials(url: string, user: string, password: string): string {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  return u.toString();
}

async function withClient<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return await fn(c);
  } finally {
    await c.end();
  }
}

/** Create the database when it does not exist yet (optionally from a template). */
export async function ensureDatabase(serverUrl: string, name: string, template?: string): Promise<boolean> {
  return withClient(serverUrl, async (c) => {
    const r = await c.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (r.rowCount) return false;
    await c.query(`CREATE DATABASE "${name.replace(/"/g, '')}"${template ? ` TEMPLATE "${template}"` : ''}`);
    return true;
  });
}

/** Create the NOSUPERUSER NOBYPASSRLS login role the application uses (its password is set once, at creation). */
export async function ensureAppRole(serverUrl: string, password: string): Promise<void> {
  await withClient(serverUrl, async (c) => {
    const r = await c.query<{ unsafe: boolean }>('SELECT rolsuper OR rolbypassrls AS unsafe FROM pg_roles WHERE rolname = $1', [APP_ROLE]);
    const lit = `'${password.replace(/'/g, "''")}'`;
    if (!r.rowCount) {
      try {
        await c.query(`CREATE ROLE ${APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB NOCREATEROLE PASSWORD ${lit}`);
      } catch (e) {
        if ((e as { code?: string }).code !== '42710') throw e; // created concurrently
      }
    } else if (r.rows[0]?.unsafe) await c.query(`ALTER ROLE ${APP_ROLE} NOSUPERUSER NOBYPASSRLS`);
  });
}

export interface MigrateResult {
  /** Whether the index operators of the scoped reads are LEAKPROOF here (see docs/adr/0004). */
  leakproofOperators: boolean;
}

/** Apply the committed, append-only migrations. */
export async function migrateDatabase(url: string): Promise<MigrateResult> {
  const pool = new pg.Pool({ connectionString: url, max: 1 });
  try {
    await migrate(drizzle(pool), { migrationsFolder: MIGRATIONS_DIR });
    const dbName = new URL(url).pathname.slice(1);
    await pool.query(`GRANT CONNECT ON DATABASE "${dbName}" TO ${APP_ROLE}`);
    await pool.query(`GRANT USAGE ON SCHEMA public TO ${APP_ROLE}`);
    return { leakproofOperators: await ensureLeakproofOperators(pool) };
  } finally {
    await pool.end();
  }
}

/**
 * The built-in functions behind the GIN-indexable operators of our scoped reads. Row-level
 * security quals are security barriers: a query qual may drive an index scan under them only if
 * its function is LEAKPROOF, otherwise search and party filters scan every permitted row
 * (bench/README.md, finding 2). These three raise no error that depends on their arguments'
 * values (reviewed in docs/adr/0004), so marking them is safe. pg_proc is per database, and only
 * a superuser may mark a function; without one, reads stay correct but slower.
 */
const LEAKPROOF_FUNCTIONS = ['arrayoverlap(anyarray, anyarray)', 'arraycontains(anyarray, anyarray)', 'ts_match_vq(tsvector, tsquery)'];

async function ensureLeakproofOperators(pool: pg.Pool): Promise<boolean> {
  const su = await pool.query<{ rolsuper: boolean }>('SELECT rolsuper FROM pg_roles WHERE rolname = current_user');
  if (!su.rows[0]?.rolsuper) {
    const r = await pool.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_proc WHERE proleakproof AND oid IN (${LEAKPROOF_FUNCTIONS.map((f) => `'pg_catalog.${f}'::regprocedure`).join(',')})`,
    );
    return r.rows[0]?.n === LEAKPROOF_FUNCTIONS.length;
  }
  for (const f of LEAKPROOF_FUNCTIONS) await pool.query(`ALTER FUNCTION pg_catalog.${f} LEAKPROOF`);
  return true;
}

/** Refuse to run if the application role could bypass row-level security. */
export async function assertAppRoleSafe(appUrl: string): Promise<void> {
  await withClient(appUrl, async (c) => {
    const r = await c.query('SELECT rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user');
    const row = r.rows[0] as { rolsuper: boolean; rolbypassrls: boolean } | undefined;
    if (!row || row.rolsuper || row.rolbypassrls)
      throw new Error('The application database role must be NOSUPERUSER NOBYPASSRLS; refusing to start.');
  });
}
