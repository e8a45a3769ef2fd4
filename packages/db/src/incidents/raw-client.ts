import type pg from 'pg';
import type { Tx } from '../runtime/scope';

/** The pg client behind a drizzle node-postgres transaction (COPY needs the raw connection). */
export function rawClient(tx: Tx): pg.PoolClient {
  const client = (tx as unknown as { session?: { client?: pg.PoolClient } }).session?.client;
  if (!client) throw new Error('rawClient: not a node-postgres transaction');
  return client;
}
