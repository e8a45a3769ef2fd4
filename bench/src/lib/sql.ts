/**
 * "The same SQL run directly": record every statement the API sends to PostgreSQL while it
 * serves one request (in process, through the real app), then replay those statements on a pool
 * of the application role, with the same concurrency, and time them without HTTP, Fastify,
 * session resolution, presentation or JSON.
 */
import { performance } from 'node:perf_hooks';
import pg from 'pg';

export interface Statement {
  text: string;
  values: unknown[];
}

/** The statements of one request: the use case's transaction, and what ran around it (session, scope). */
export interface Recorded {
  path: string;
  all: Statement[];
  /** BEGIN … COMMIT: the scope's set_config and the use case's queries. */
  tx: Statement[];
}

let sink: Statement[] | null = null;
let installed = false;

/** Wrap pg.Client#query once, so that statements are copied into the active recording. */
export function installRecorder(): void {
  if (installed) return;
  installed = true;
  const proto = pg.Client.prototype as unknown as { query: (...args: unknown[]) => unknown };
  const original = proto.query;
  proto.query = function (this: unknown, ...args: unknown[]) {
    // Only the application role's statements belong to a request; the owner connection runs
    // background work at the same time (the audit read flusher) that must not be replayed.
    const user = (this as { connectionParameters?: { user?: string } }).connectionParameters?.user;
    if (sink && user === 'entente_app') {
      const c = args[0];
      if (typeof c === 'string') sink.push({ text: c, values: Array.isArray(args[1]) ? [...(args[1] as unknown[])] : [] });
      else if (c && typeof c === 'object' && typeof (c as { text?: unknown }).text === 'string') {
        // drizzle calls query(config, params); pg's own form is query({ text, values }).
        const q = c as { text: string; values?: unknown[] };
        const values = Array.isArray(args[1]) ? (args[1] as unknown[]) : Array.isArray(q.values) ? q.values : [];
        sink.push({ text: q.text, values: [...values] });
      }
    }
    return original.apply(this, args);
  };
}

/** Run `fn` and return the statements it sent. */
export async function record(path: string, fn: () => Promise<void>): Promise<Recorded> {
  const got: Statement[] = [];
  sink = got;
  try {
    await fn();
  } finally {
    sink = null;
  }
  const begin = got.findIndex((s) => s.text.trim().toLowerCase() === 'begin');
  const commit = got.findIndex((s, i) => i > begin && s.text.trim().toLowerCase() === 'commit');
  if (begin < 0 || commit < 0) throw new Error(`no transaction recorded for ${path}`);
  return { path, all: got, tx: got.slice(begin, commit + 1) };
}

export interface SqlResult {
  latenciesMs: number[];
  requests: number;
  seconds: number;
  /** Mean milliseconds of each statement of each recorded request (same order as `tx`). */
  statementMeanMs: number[][];
}

/** Replay the recorded transactions round-robin on `connections` pooled connections for `seconds`. */
export async function driveSql(pool: pg.Pool, requests: Statement[][], seconds: number, connections: number): Promise<SqlResult> {
  const latenciesMs: number[] = [];
  const sums = requests.map((r) => r.map(() => 0));
  const counts = requests.map(() => 0);
  let next = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const k = next++ % requests.length;
      const stmts = requests[k] as Statement[];
      const t = performance.now();
      const c = await pool.connect();
      try {
        for (let i = 0; i < stmts.length; i++) {
          const s = stmts[i] as Statement;
          const ts = performance.now();
          await c.query({ text: s.text, values: s.values });
          (sums[k] as number[])[i] = ((sums[k] as number[])[i] as number) + performance.now() - ts;
        }
      } catch (e) {
        await c.query('ROLLBACK').catch(() => {});
        throw e;
      } finally {
        c.release();
      }
      latenciesMs.push(performance.now() - t);
      counts[k] = (counts[k] as number) + 1;
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  return {
    latenciesMs,
    requests: latenciesMs.length,
    seconds: (performance.now() - t0) / 1000,
    statementMeanMs: sums.map((r, k) => r.map((x) => x / Math.max(1, counts[k] as number))),
  };
}

/** EXPLAIN (ANALYZE, BUFFERS) statement `index` of a recorded transaction, in that transaction's settings. */
export async function explain(pool: pg.Pool, tx: Statement[], index: number): Promise<string> {
  const c = await pool.connect();
  try {
    await c.query('BEGIN');
    for (let i = 1; i < index; i++) {
      const s = tx[i] as Statement;
      await c.query({ text: s.text, values: s.values });
    }
    const s = tx[index] as Statement;
    const r = await c.query<{ 'QUERY PLAN': string }>({ text: `EXPLAIN (ANALYZE, BUFFERS) ${s.text}`, values: s.values });
    return r.rows.map((x) => x['QUERY PLAN']).join('\n');
  } finally {
    await c.query('ROLLBACK').catch(() => {});
    c.release();
  }
}

/** A statement shortened for a report: whitespace collapsed, long arrays elided. */
export function shorten(text: string, max = 400): string {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

const VISIBLE =
  /\("(\w+)"\."label_id" (?:= ANY|IN \(SELECT unnest)\((\$\d+)::uuid\[\]\)\)? AND "\1"\."community_id" (?:= ANY|IN \(SELECT unnest)\((\$\d+)::uuid\[\]\)\)?(?: AND (\$\d+)::uuid = ANY\("\1"\."party_org_ids"\))?\s+AND \("\1"\."tlp" IS NULL OR "\1"\."tlp" IN \('clear','green'\) OR (\$\d+)::uuid = ANY\("\1"\."tlp_org_ids"\) OR (\$\d+)::uuid = ANY\("\1"\."tlp_user_ids"\)\)\)/g;

/**
 * The statement without the access predicate of packages/db/src/scoped/visible.ts: each occurrence
 * becomes a condition that is constant-true once the parameters are bound (so every parameter keeps
 * its type). Run as the owner, which row-level security does not filter, this is the same query
 * for a reader with no access control at all.
 */
export function withoutAccessPredicate(s: Statement): { stmt: Statement; stripped: number } {
  let stripped = 0;
  const text = s.text.replace(VISIBLE, (_m, _t: string, labels: string, comms: string, party: string | undefined, org: string, user: string) => {
    stripped++;
    return `(${labels}::uuid[] IS NOT NULL OR ${comms}::uuid[] IS NULL${party ? ` OR ${party}::uuid IS NULL` : ''} OR ${org}::uuid IS NULL OR ${user}::uuid IS NULL)`;
  });
  return { stmt: { text, values: s.values }, stripped };
}
