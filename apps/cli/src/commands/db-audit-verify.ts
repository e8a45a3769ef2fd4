/** `entente audit verify`: recompute the hash chain; exit 0 intact, 1 broken (with the seq), 2 usage/connection. */
import { connectOwner, openDatabase, verifyAuditChain } from '@entente/db';
import { output, type CliEnv } from '../env';

export async function auditVerify(env: CliEnv, opts: { json: boolean; from?: number | undefined; to?: number | undefined }): Promise<void> {
  let conn;
  try {
    conn = await connectOwner(env);
  } catch (e) {
    output(opts.json, { ok: false, error: (e as Error).message }, `Cannot connect: ${(e as Error).message}`, 2);
    return;
  }
  const db = openDatabase(conn.ownerUrl, 1);
  try {
    const r = await verifyAuditChain(db.pool, { ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) });
    const text = r.ok
      ? `Audit chain intact: ${r.checked} events checked, last seq ${r.lastSeq}.`
      : `Audit chain BROKEN at seq ${r.broken?.seq}: ${r.broken?.reason} (${r.checked} events verified before it).`;
    output(opts.json, r, text, r.ok ? 0 : 1);
  } finally {
    await db.close();
    await conn.stop();
  }
}
