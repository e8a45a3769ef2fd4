/**
 * `npm run bench:b2`: B2 (API reads at ministry scale) and B3 (access-control overhead).
 *
 * Starts the bench database (bench/.data) and the API as a child process on 127.0.0.1, logs in
 * as a restricted home user (planner), a partner liaison (sen.liaison) and a user who sees
 * everything (analyst: HUB-SECRET with every compartment), and drives each endpoint with
 * BENCH_CONNECTIONS (16) keep-alive connections for BENCH_SECONDS (20) per endpoint and user.
 * The SQL each request sends is recorded once through the real app in process and replayed on
 * the application role's pool with the same concurrency (BENCH_DIRECT_SECONDS), giving the
 * ratio of API p50 to direct-SQL p50 (B2). B3 is the ratio of each label-filtered user's p50
 * to the see-everything user's on the same requests.
 */
import { writeFileSync, mkdirSync } from 'node:fs';
import pg from 'pg';
import { loadConfig } from '../../apps/api/src/config';
import { createLogger } from '../../apps/api/src/logger';
import { createContext } from '../../apps/api/src/create-context';
import { buildApp } from '../../apps/api/src/app';
import { DATA_DIR, PG_PORT, RESULTS_DIR, benchSeconds, commit, freePort, ms2, printTable, report, today } from './lib/common';
import { generated, openBenchServer } from './lib/database';
import { ensureServerBundle, startApi, type ApiProcess } from './lib/api-process';
import { drive, login, probe, quantile, type LoadResult, type Session } from './lib/load';
import { cpuWindow, peakRssMiB, type CpuWindow } from './lib/proc';
import { driveSql, explain, installRecorder, record, shorten, withoutAccessPredicate, type Recorded, type SqlResult } from './lib/sql';

interface Endpoint {
  key: string;
  name: string;
  list: boolean;
  paths: string[];
}

export const ENDPOINTS: Endpoint[] = [
  {
    key: 'search',
    name: 'engagement search (filters + text)',
    list: true,
    paths: [
      '/api/v1/engagements?q=maritime&type=training_course,joint_exercise&year=2024&pageSize=25',
      '/api/v1/engagements?q=border&partner=KEN,SOM&pageSize=25',
      '/api/v1/engagements?q=cyber&year=2021&pageSize=25',
      '/api/v1/engagements?q=security&type=staff_talks&pageSize=25',
    ],
  },
  { key: 'partner', name: 'partner overview', list: false, paths: ['/api/v1/partners/KEN', '/api/v1/partners/SEN', '/api/v1/partners/SOM', '/api/v1/partners/MDA'] },
  { key: 'dashboard', name: 'dashboard aggregates', list: false, paths: ['/api/v1/dashboard', '/api/v1/dashboard?year=2025'] },
];

export const USERS = [
  { key: 'restricted', username: 'planner', what: 'home user, HUB-RESTRICTED, password only' },
  { key: 'partner', username: 'sen.liaison', what: 'partner liaison (Senegal), HUB-RESTRICTED, party scope' },
  { key: 'all', username: 'analyst', what: 'HUB-SECRET with CT, CYBER, SOURCES: sees every record' },
] as const;
type UserKey = (typeof USERS)[number]['key'];

interface Run {
  endpoint: Endpoint;
  user: (typeof USERS)[number];
  api: LoadResult;
  cpu: CpuWindow;
  sizes: number[];
  recorded: Recorded[];
  direct?: SqlResult;
  directCpu?: CpuWindow;
  /** The see-everything user's SQL without any access predicate, as the owner (no RLS). */
  unfiltered?: SqlResult & { stripped: number };
}

const pick = <T extends { key: string }>(all: readonly T[], env: string | undefined): T[] => (env ? all.filter((x) => env.split(',').includes(x.key)) : [...all]);

async function main() {
  ensureServerBundle();
  commit(); // the commit is read once, when the run starts
  const marker = generated();
  if (!marker) {
    console.error(`No bench database in ${DATA_DIR}: run \`npm run bench:generate -w bench\` first.`);
    process.exit(1);
  }
  const seconds = benchSeconds();
  const directSeconds = Number(process.env.BENCH_DIRECT_SECONDS ?? Math.max(3, seconds / 2));
  const connections = Number(process.env.BENCH_CONNECTIONS ?? 16);
  const endpoints = pick(ENDPOINTS, process.env.BENCH_ENDPOINTS);
  const users = pick(USERS, process.env.BENCH_USERS);
  const logLevel = process.env.BENCH_LOG_LEVEL ?? 'warn';
  const context = { dbMode: `embedded PostgreSQL ${marker.postgres}`, dataSet: marker.counts, connections, seconds, directSeconds, apiLogLevel: logLevel };
  console.log(`B2/B3: ${endpoints.length} endpoints × ${users.length} users, ${connections} connections, ${seconds} s each (direct SQL ${directSeconds} s); data set seed '${marker.seed}'.`);

  const server = await openBenchServer();
  let api: ApiProcess | null = null;
  const pool = new pg.Pool({ connectionString: server.appUrl, max: connections });
  pool.on('error', () => {});
  try {
    api = startApi({ dataDir: DATA_DIR, pgPort: PG_PORT, port: await freePort(), seed: 'none', logLevel });
    await api.ready;
    const base = `http://127.0.0.1:${api.port}`;
    const sessions = new Map<UserKey, Session>();
    for (const u of users) sessions.set(u.key, await login(base, u.username));

    // Record the SQL of every request once, through the real app in this process (same database and sessions).
    installRecorder();
    const config = loadConfig({ ENTENTE_DATA_DIR: DATA_DIR, ENTENTE_EMBEDDED_PG_PORT: String(PG_PORT), ENTENTE_SEED: 'none', ENTENTE_LOG_LEVEL: 'silent' });
    const { ctx, booted } = await createContext(config, createLogger('silent'));
    const app = await buildApp(ctx);
    await app.ready();
    const recorded = new Map<string, Recorded[]>();
    try {
      for (const e of endpoints)
        for (const u of users) {
          const cookie = (sessions.get(u.key) as Session).cookie;
          const list: Recorded[] = [];
          // The first request of each path: a warm one could be served by the API's roll-up cache and send no query.
          for (const path of e.paths)
            list.push(
              await record(path, async () => {
                const r = await app.inject({ method: 'GET', url: path, headers: { cookie } });
                if (r.statusCode !== 200) throw new Error(`GET ${path} as ${u.username}: ${r.statusCode} ${r.body.slice(0, 300)}`);
              }),
            );
          recorded.set(`${e.key}/${u.key}`, list);
        }
    } finally {
      await app.close();
      await booted.stop();
    }
    if (process.env.BENCH_DUMP_SQL) {
      writeFileSync(`${DATA_DIR}/recorded-sql.json`, JSON.stringify(Object.fromEntries(recorded)));
      console.log(`Recorded SQL written to ${DATA_DIR}/recorded-sql.json`);
    }

    // API load.
    const runs: Run[] = [];
    for (const e of endpoints)
      for (const u of users) {
        const s = sessions.get(u.key) as Session;
        const sizes = await probe(api.port, e.paths, s); // each request once: checks 200 and warms caches
        const stopCpu = cpuWindow(api.pid);
        const r = await drive(api.port, e.paths, s, seconds, connections);
        const cpu = stopCpu();
        runs.push({ endpoint: e, user: u, api: r, cpu, sizes, recorded: recorded.get(`${e.key}/${u.key}`) ?? [] });
        console.log(
          `  API    ${e.key.padEnd(9)} ${u.username.padEnd(12)} p50 ${ms2(quantile(r.latenciesMs, 0.5))} ms  p95 ${ms2(quantile(r.latenciesMs, 0.95))} ms  ` +
            `p99 ${ms2(quantile(r.latenciesMs, 0.99))} ms  ${Math.round(r.requests / r.seconds)} req/s  errors ${r.errors}  cpu api ${cpu.api} / client ${cpu.client} / machine ${cpu.machine} of ${cpu.cores}`,
        );
      }
    const apiPeakRss = peakRssMiB(api.pid);

    // The same SQL, directly on the application role's pool (the API is idle meanwhile).
    for (const run of runs) {
      const txs = run.recorded.map((r) => r.tx);
      await driveSql(pool, txs, Math.min(1, directSeconds), connections);
      const stopCpu = cpuWindow(undefined);
      run.direct = await driveSql(pool, txs, directSeconds, connections);
      run.directCpu = stopCpu();
      console.log(`  direct ${run.endpoint.key.padEnd(9)} ${run.user.username.padEnd(12)} p50 ${ms2(quantile(run.direct.latenciesMs, 0.5))} ms  p95 ${ms2(quantile(run.direct.latenciesMs, 0.95))} ms  ${Math.round(run.direct.requests / run.direct.seconds)} tx/s`);
    }

    // The see-everything user's statements with no access control at all: predicate removed, owner role (no RLS).
    const ownerPool = new pg.Pool({ connectionString: server.ownerUrl, max: connections });
    ownerPool.on('error', () => {});
    try {
      for (const run of runs.filter((r) => r.user.key === 'all')) {
        let stripped = 0;
        const txs = run.recorded.map((r) =>
          r.tx.map((st) => {
            const x = withoutAccessPredicate(st);
            stripped += x.stripped;
            return x.stmt;
          }),
        );
        await driveSql(ownerPool, txs, Math.min(1, directSeconds), connections);
        run.unfiltered = { ...(await driveSql(ownerPool, txs, directSeconds, connections)), stripped };
        console.log(`  no access control ${run.endpoint.key.padEnd(9)} p50 ${ms2(quantile(run.unfiltered.latenciesMs, 0.5))} ms (${stripped} predicates removed)`);
      }
    } finally {
      await ownerPool.end().catch(() => {});
    }

    // EXPLAIN ANALYZE the slowest statement of each endpoint and user.
    const plans: string[] = [];
    for (const run of runs) {
      const d = run.direct as SqlResult;
      let best = { k: 0, i: 0, ms: -1 };
      d.statementMeanMs.forEach((r, k) => r.forEach((ms, i) => ms > best.ms && (best = { k, i, ms })));
      const rec = run.recorded[best.k] as Recorded;
      const plan = await explain(pool, rec.tx, best.i);
      plans.push(
        `=== ${run.endpoint.key} as ${run.user.username}: ${rec.path}\n` +
          `statements per request: ${rec.all.length} (${rec.tx.length} in the transaction incl. BEGIN/COMMIT, ${rec.all.length - rec.tx.length} for session and scope)\n` +
          `per-statement mean ms under load: ${d.statementMeanMs[best.k]?.map((x) => ms2(x)).join(', ')}\n` +
          `slowest: #${best.i} ${ms2(best.ms)} ms: ${shorten(rec.tx[best.i]?.text ?? '', 600)}\n${plan}\n`,
      );
    }
    mkdirSync(RESULTS_DIR, { recursive: true });
    const planFile = `${RESULTS_DIR}/${today()}-b2-explain.txt`;
    writeFileSync(planFile, plans.join('\n'));

    // Figures.
    const p50 = (run: Run) => quantile(run.api.latenciesMs, 0.5);
    const rows: string[][] = [];
    for (const run of runs) {
      const d = run.direct as SqlResult;
      const c = { ...context, endpoint: run.endpoint.key, endpointName: run.endpoint.name, user: run.user.username, userKind: run.user.what, paths: run.endpoint.paths, requests: run.api.requests, errors: run.api.errors, cpu: run.cpu, responseBytes: run.sizes };
      const lat = run.api.latenciesMs;
      const rps = run.api.requests / run.api.seconds;
      const dp50 = quantile(d.latenciesMs, 0.5);
      report('b2', { bench: 'B2', figure: 'p50', value: ms2(quantile(lat, 0.5)), unit: 'ms' }, c);
      report('b2', { bench: 'B2', figure: 'p95', value: ms2(quantile(lat, 0.95)), unit: 'ms', goal: '< 50 ms' }, c);
      report('b2', { bench: 'B2', figure: 'p99', value: ms2(quantile(lat, 0.99)), unit: 'ms' }, c);
      report('b2', { bench: 'B2', figure: 'requests_per_s', value: Math.round(rps), unit: 'req/s', ...(run.endpoint.list ? { goal: '≥ 1,000 req/s' } : {}) }, c);
      report('b2', { bench: 'B2', figure: 'direct_sql_p50', value: ms2(dp50), unit: 'ms', directTxPerS: Math.round(d.requests / d.seconds), directCpu: run.directCpu }, c);
      report('b2', { bench: 'B2', figure: 'api_to_direct_sql_p50_ratio', value: ms2(quantile(lat, 0.5) / dp50), unit: 'ratio' }, c);
      const admin = runs.find((x) => x.endpoint.key === run.endpoint.key && x.user.key === 'all');
      let b3 = '';
      if (admin && run.user.key !== 'all') {
        const ratio = p50(run) / p50(admin);
        const ratio95 = quantile(run.api.latenciesMs, 0.95) / quantile(admin.api.latenciesMs, 0.95);
        const dratio = dp50 / quantile((admin.direct as SqlResult).latenciesMs, 0.5);
        report('b3', { bench: 'B3', figure: 'label_filtered_to_see_all_p50_ratio', value: ms2(ratio), unit: 'ratio', goal: '≤ 1.25', p95Ratio: ms2(ratio95), directSqlP50Ratio: ms2(dratio), versus: admin.user.username }, c);
        b3 = String(ms2(ratio));
      }
      if (run.unfiltered) {
        const u50 = quantile(run.unfiltered.latenciesMs, 0.5);
        report('b3', { bench: 'B3', figure: 'see_all_sql_to_no_access_control_sql_p50_ratio', value: ms2(dp50 / u50), unit: 'ratio', goal: '≤ 1.25', unfilteredP50Ms: ms2(u50), filteredP50Ms: ms2(dp50), predicatesRemoved: run.unfiltered.stripped }, c);
        b3 = `(SQL ${ms2(dp50 / u50)})`;
      }
      rows.push([
        run.endpoint.key, run.user.username, String(ms2(quantile(lat, 0.5))), String(ms2(quantile(lat, 0.95))), String(ms2(quantile(lat, 0.99))), String(Math.round(rps)),
        String(ms2(dp50)), String(ms2(quantile(lat, 0.5) / dp50)), b3, `${run.cpu.api}/${run.cpu.client}/${run.cpu.machine}`,
      ]);
    }
    report('b9', { bench: 'B9', figure: 'api_peak_rss_under_b2', value: apiPeakRss, unit: 'MiB', goal: '< 500 MB' }, context);
    printTable(['endpoint', 'user', 'p50 ms', 'p95 ms', 'p99 ms', 'req/s', 'SQL p50', 'API/SQL', 'B3', 'cpu api/client/all'], rows);
    console.log(`\nAPI peak RSS ${apiPeakRss} MiB. Plans of the slowest statements: ${planFile}`);
  } finally {
    await pool.end().catch(() => {});
    if (api) await api.stop();
    await server.stop();
  }
}

await main();
