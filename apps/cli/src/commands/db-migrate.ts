/** `entente db migrate`: create the application role and apply the committed migrations. */
import { connectOwner, ensureAppRole, migrateDatabase } from '@entente/db';
import { output, type CliEnv } from '../env';

export async function dbMigrate(env: CliEnv, opts: { json: boolean }): Promise<void> {
  const conn = await connectOwner(env);
  try {
    await ensureAppRole(conn.ownerUrl, conn.secrets.appPassword);
    await migrateDatabase(conn.ownerUrl);
    output(opts.json, { ok: true, embedded: conn.embedded }, `Migrated ${conn.embedded ? 'the embedded database' : 'the server database'}.`);
  } finally {
    await conn.stop();
  }
}
