/** The bench database: an embedded PostgreSQL in bench/.data on its own port, and its state. */
import { existsSync, readFileSync } from 'node:fs';
import { APP_ROLE, connectOwner, withCredentials, type OwnerConnection } from '@entente/db';
import { DATA_DIR, PG_PORT } from './common';

export const MARKER = `${DATA_DIR}/generated.json`;

export interface Marker {
  seed: string;
  counts: Record<string, number>;
  seconds: number;
  commit: string;
  at: string;
  postgres: string;
}

/** The marker written when generation finished, or null when the bench database is missing or incomplete. */
export function generated(): Marker | null {
  if (!existsSync(MARKER) || !existsSync(`${DATA_DIR}/pg/PG_VERSION`)) return null;
  return JSON.parse(readFileSync(MARKER, 'utf8')) as Marker;
}

/** Start (or reuse) the bench's embedded PostgreSQL; `stop()` stops it only if this process started it. */
export async function openBenchServer(): Promise<OwnerConnection & { appUrl: string }> {
  const conn = await connectOwner({ dataDir: DATA_DIR, embeddedPort: PG_PORT });
  return { ...conn, appUrl: withCredentials(conn.ownerUrl, APP_ROLE, conn.secrets.appPassword) };
}
