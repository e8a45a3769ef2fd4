/**
 * `entente audit verify`: recompute the hash chain and check every signed checkpoint against the key
 * derived from the deployment secret (ENTENTE_SECRET_KEY, else the data folder's secrets.json);
 * exit 0 intact, 1 broken (with the seq and reason), 2 usage/connection. Each run is itself audited.
 */
import {
  auditVerifierKey,
  connectOwner,
  openDatabase,
  recordVerifyRun,
  verifyAuditChain,
  type OwnerConnection,
} from '@entente/db';
import { output, type CliEnv } from '../env';

export async function auditVerify(
  env: CliEnv,
  opts: { json: boolean; from?: number | undefined; to?: number | undefined },
): Promise<void> {
  if (opts.from !== undefined && opts.to !== undefined && opts.from > opts.to) {
    output(
      opts.json,
      { ok: false, error: '--from is after --to' },
      'Usage: --from must not be after --to.',
      2,
    );
    return;
  }
  let conn: OwnerConnection;
  try {
    conn = await connectOwner(env);
  } catch (e) {
    output(
      opts.json,
      { ok: false, error: (e as Error).message },
      `Cannot connect: ${(e as Error).message}`,
      2,
    );
    return;
  }
  const db = openDatabase(conn.ownerUrl, 1);
  try {
    const key = auditVerifierKey(env.secretKey ?? conn.secrets.secretKey);
    const range = { ...(opts.from ? { from: opts.from } : {}), ...(opts.to ? { to: opts.to } : {}) };
    const r = await verifyAuditChain(db.pool, { ...range, key });
    const seq = await recordVerifyRun(db.db, r, range);
    const staged = r.staged ? ` ${r.staged} list read(s) staged, not yet chained.` : '';
    const text = r.ok
      ? `Audit chain intact: ${r.checked} events checked, ${r.checkpoints} checkpoint signature(s) valid, last seq ${r.lastSeq}.${staged}`
      : `Audit chain BROKEN at seq ${r.broken?.seq}: ${r.broken?.reason}${r.broken?.detail ? ` (${r.broken.detail})` : ''} (${r.checked} events verified before it).${staged}`;
    output(opts.json, { ...r, keyId: key.keyId, recordedAs: seq }, text, r.ok ? 0 : 1);
  } catch (e) {
    output(
      opts.json,
      { ok: false, error: (e as Error).message },
      `Cannot verify: ${(e as Error).message}`,
      2,
    );
  } finally {
    await db.close();
    await conn.stop();
  }
}
