/** Connection pools: the owner (migrations, seeds, audit verify) and the application role (requests). */
import pg from 'pg';
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import * as schema from '../schema/index';

// DATE columns stay strings ('YYYY-MM-DD'): a date is not an instant.
pg.types.setTypeParser(1082, (v: string) => v);
// NUMERIC stays a string: money is a decimal, never a float.
pg.types.setTypeParser(1700, (v: string) => v);

export type Db = NodePgDatabase<typeof schema>;

export interface Database {
  pool: pg.Pool;
  db: Db;
  close(): Promise<void>;
}

/** Open a pool and its typed query builder. */
export function openDatabase(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  pool.on('error', () => {});
  const db = drizzle(pool, { schema });
  return { pool, db, close: () => pool.end() };
}
