/**
 * Background evaluation of watch areas: one in-process queue per app, one monitor at a time, each in
 * its own transaction in its creator's scope (the subject built as a request builds it; audit events
 * by the system acting for that user). A monitor is queued when it is created or edited, and after
 * every committed incident import of its dataset — after the import's response: the import notes its
 * transaction id and the queue waits until PostgreSQL reports it committed (`pg_xact_status`).
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { IncidentImportReport } from '@entente/contracts';
import { scoped } from '@entente/db';
import { sql } from 'drizzle-orm';
import type { AppContext, UseCaseCtx } from '../context';
import { runAsUser, subjectForUser } from '../background/as-user';
import { runMonitor } from './run-monitor';

/** Evaluate monitor `id` as its creator; false when it is gone, disabled or its creator cannot see it. */
export async function runMonitorAsCreator(app: AppContext, id: string, createdBy: string): Promise<boolean> {
  const subject = await subjectForUser(app, createdBy);
  if (!subject) return false;
  return runAsUser(app, subject, async (uc) => {
    const m = await scoped.getMonitor(uc.tx, uc.scope, id);
    if (!m || !m.enabled) return false;
    await runMonitor(uc, m);
    return true;
  });
}

export class MonitorQueue {
  private readonly jobs: { id: string; createdBy: string }[] = [];
  private work: Promise<void> = Promise.resolve();
  private waiting: Promise<void> = Promise.resolve();
  private running = false;

  constructor(private readonly app: AppContext) {}

  /** Queue a monitor (once: a monitor already waiting is not queued twice). */
  enqueue(id: string, createdBy: string): void {
    if (!this.jobs.some((j) => j.id === id)) this.jobs.push({ id, createdBy });
    this.kick();
  }

  /** After transaction `xid` commits (nothing when it aborts), run `then` — which queues monitors. */
  afterCommit(xid: string | null, then: () => Promise<void> | void): void {
    this.waiting = this.waiting.then(async () => {
      try {
        if (xid && !(await this.committed(xid))) return;
        await then();
      } catch (err) {
        this.app.log.error({ err }, 'queueing monitors after a commit failed');
      }
    });
  }

  /** Resolves when nothing waits for a commit and the queue is empty (tests, shutdown). */
  async idle(): Promise<void> {
    await this.waiting;
    while (this.running || this.jobs.length) await this.work;
  }

  private kick(): void {
    if (this.running || !this.jobs.length) return;
    this.running = true;
    this.work = (async () => {
      while (this.jobs.length) {
        const j = this.jobs.shift()!;
        try {
          await runMonitorAsCreator(this.app, j.id, j.createdBy);
        } catch (err) {
          this.app.log.error({ err, monitorId: j.id }, 'background monitor evaluation failed');
        }
        // Let requests in between two evaluations (each is seconds of CPU).
        await sleep(0);
      }
      this.running = false;
    })();
  }

  /** Wait until the transaction is no longer in progress; true when it committed. */
  private async committed(xid: string): Promise<boolean> {
    for (let wait = 5; ; wait = Math.min(wait * 2, 500)) {
      const r = await this.app.owner.db.execute<{ s: string | null }>(
        sql`SELECT pg_xact_status(${xid}::xid8) AS s`,
      );
      const s = r.rows[0]?.s ?? null;
      if (s !== 'in progress') return s === 'committed';
      await sleep(wait);
    }
  }
}

const queues = new WeakMap<AppContext, MonitorQueue>();

/** The monitor queue of this app. */
export function monitorQueue(app: AppContext): MonitorQueue {
  let q = queues.get(app);
  if (!q) queues.set(app, (q = new MonitorQueue(app)));
  return q;
}

/** Queue a monitor once the current transaction (a create or an edit) has committed. */
export async function queueAfterCommit(uc: UseCaseCtx, m: { id: string; createdBy: string }): Promise<void> {
  const q = monitorQueue(uc.app);
  q.afterCommit(await currentXid(uc), () => q.enqueue(m.id, m.createdBy));
}

async function currentXid(uc: UseCaseCtx): Promise<string | null> {
  const x = await uc.tx.execute<{ xid: string }>(sql`SELECT pg_current_xact_id()::text AS xid`);
  return x.rows[0]?.xid ?? null;
}

/** Called by the incident import inside its transaction: after it commits, its dataset's monitors re-run. */
export async function afterImportForMonitors(uc: UseCaseCtx, r: IncidentImportReport): Promise<void> {
  if (!r.ok || !r.source || r.outcome === 'no_change') return;
  const q = monitorQueue(uc.app);
  const source = r.source;
  q.afterCommit(await currentXid(uc), async () => {
    for (const m of await scoped.enabledMonitorsOf(uc.app.owner.db, source)) q.enqueue(m.id, m.createdBy);
  });
}
