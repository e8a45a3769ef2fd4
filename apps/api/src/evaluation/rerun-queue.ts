/**
 * Re-run when data change (issue 3): when an incident import commits a new dataset version, every
 * stored evaluation that read that dataset is marked `stale` and re-run in the background, after
 * the response — one at a time, each in its own transaction, as the user who created it.
 *
 * The import's transaction commits after the use case returns, so `afterIncidentImport` notes the
 * transaction id and the queue waits until PostgreSQL reports it committed (`pg_xact_status`);
 * an aborted import marks nothing.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { IncidentImportReport } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { AppContext, UseCaseCtx } from '../context';
import { rerunStored } from './rerun-evaluation';

/** The in-process queue of one app. */
export class EvaluationRerunQueue {
  private readonly ids: string[] = [];
  private readonly queued = new Set<string>();
  private work: Promise<void> = Promise.resolve();
  private marking: Promise<void> = Promise.resolve();
  private paused = false;
  private running = false;

  constructor(private readonly app: AppContext) {}

  /** After the transaction `xid` commits, mark the evaluations of `source` stale and queue them. */
  afterCommit(xid: string, source: string): void {
    this.marking = this.marking.then(async () => {
      try {
        if (!(await this.committed(xid))) return;
        const rows = await scoped.markEvaluationsStale(this.app.owner.db, source);
        this.enqueue(rows.map((r) => r.id));
      } catch (err) {
        this.app.log.error({ err, source }, 'marking evaluations stale failed');
      }
    });
  }

  /** Queue re-runs of these evaluations (each once). */
  enqueue(ids: string[]): void {
    for (const id of ids)
      if (!this.queued.has(id)) {
        this.queued.add(id);
        this.ids.push(id);
      }
    this.kick();
  }

  /** Hold the re-runs (stale marking goes on); for tests and maintenance. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.kick();
  }

  /** Resolves when pending stale marking is done and, unless paused, the queue is empty. */
  async idle(): Promise<void> {
    await this.marking;
    while (!this.paused && (this.running || this.ids.length)) await this.work;
  }

  private kick(): void {
    if (this.running || this.paused || !this.ids.length) return;
    this.running = true;
    this.work = (async () => {
      while (!this.paused && this.ids.length) {
        const id = this.ids.shift() as string;
        this.queued.delete(id);
        try {
          await rerunStored(this.app, id, { onlyIfStale: true });
        } catch (err) {
          this.app.log.error({ err, evaluationId: id }, 'background evaluation re-run failed');
        }
      }
      this.running = false;
    })();
  }

  /** Wait until the transaction is no longer in progress; true when it committed. */
  private async committed(xid: string): Promise<boolean> {
    for (let wait = 5; ; wait = Math.min(wait * 2, 500)) {
      const s = await scoped.transactionStatus(this.app.owner.db, xid);
      if (s !== 'in progress') return s === 'committed';
      await sleep(wait);
    }
  }
}

const queues = new WeakMap<AppContext, EvaluationRerunQueue>();

/** The re-run queue of this app. */
export function evaluationQueue(app: AppContext): EvaluationRerunQueue {
  let q = queues.get(app);
  if (!q) queues.set(app, (q = new EvaluationRerunQueue(app)));
  return q;
}

/** Called by the incident import inside its transaction: a committed new dataset version re-runs evaluations. */
export async function afterIncidentImport(uc: UseCaseCtx, r: IncidentImportReport): Promise<void> {
  if (!r.ok || !r.source || r.outcome === 'no_change') return;
  const xid = await scoped.currentTransactionId(uc.tx);
  if (xid) evaluationQueue(uc.app).afterCommit(xid, r.source);
}
