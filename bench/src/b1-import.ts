/**
 * B1 — incident import (BENCHMARKS.md): seeded synthetic Crime at Sea + ACLED files (half the rows
 * each, streamed to disk), imported through the product's operator path (`importIncidentsAsOperator`,
 * what `entente incidents import` runs: parse → map → hash → area assignment against the countries
 * and the 307 marine polygons → COPY into staging → merge → area_month) into a FRESH database per
 * run, in a child process (so its peak RSS is the import's, B9), beside a raw `COPY … (FORMAT csv)`
 * of the same files into plain text tables in the same run. Figures: events/s, import/COPY ratio,
 * peak RSS; median of the runs with the spread.
 *
 *   npm run bench:b1 -w bench -- [--rows 3000000] [--runs 3] [--tiny]
 *   BENCH_B1_KEEP=1 keeps bench/.data-b1 (its last database is what B4 reads).
 */
import { spawn } from 'node:child_process';
import { createReadStream, existsSync, mkdirSync, rmSync, chmodSync, statSync, writeFileSync } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import {
  connectOwner,
  ensureAppRole,
  ensureDatabase,
  incidents,
  migrateDatabase,
  openDatabase,
  seedReference,
  seedScenarios,
  withDatabase,
} from '@entente/db';
import { BENCH_DIR, SEED, commit, ms2, printTable, report } from './lib/common';
import { ACLED_HEADER, CAS_HEADER, writeAcled, writeCrimeAtSea } from './lib/incident-files';
import { peakRssMiB } from './lib/proc';

export const B1_DIR = process.env.BENCH_B1_DIR ?? `${BENCH_DIR}.data-b1`;
const B1_PORT = Number(process.env.BENCH_B1_PG_PORT ?? 54392);
export const MARINE =
  process.env.BENCH_MARINE_POLYS ?? '/work/shared/testdata/geo/ne_10m_geography_marine_polys.json';

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const tiny = process.argv.includes('--tiny') || process.env.BENCH_TINY === '1';

interface ChildResult {
  files: { file: string; rows: number; ms: number; outcome: string; rowsPerSec: number; timings: unknown }[];
  totalMs: number;
  peakRssMiB: number;
  worker: boolean;
}

/** Child mode: import the files into `url`, print one JSON line with timings and VmHWM. */
async function child(url: string, files: string[]): Promise<void> {
  const db = openDatabase(url, 2);
  const plans: string[] = [];
  if (process.env.BENCH_B1_EXPLAIN) {
    // auto_explain (preloaded per session by main()) sends each slow plan as a NOTICE.
    db.pool.on('connect', (client) => client.on('notice', (n) => plans.push(n.message ?? '')));
  }
  const areaSources = { marinePath: existsSync(MARINE) ? MARINE : null };
  // A running server has its areas built and stored and its worker started: not timed.
  const built = await db.db.transaction(async (tx) => {
    const b = await incidents.assignmentAreas(tx, areaSources);
    await incidents.ensureAnalysisAreas(tx, b);
    return b;
  });
  await incidents.warmImportWorker(built);
  const out: ChildResult = {
    files: [],
    totalMs: 0,
    peakRssMiB: 0,
    worker: incidents.importWorkerAvailable(),
  };
  const t0 = performance.now();
  for (const file of files) {
    const t = performance.now();
    const r = await incidents.importIncidentsAsOperator(
      db,
      createReadStream(file, { highWaterMark: 1 << 20 }),
      {
        fileName: file.split('/').pop()!,
        bytesTotal: statSync(file).size,
        expectedSource: null,
        areaSources,
      },
    );
    out.files.push({
      file,
      rows: r.counts.read,
      ms: performance.now() - t,
      outcome: r.outcome,
      rowsPerSec: r.rowsPerSec,
      timings: r.timings,
    });
    if (!r.ok) throw new Error(`import refused: ${JSON.stringify(r.problems.slice(0, 3))}`);
  }
  out.totalMs = performance.now() - t0;
  out.peakRssMiB = peakRssMiB(process.pid);
  if (process.env.BENCH_B1_EXPLAIN) writeFileSync(process.env.BENCH_B1_EXPLAIN, plans.join('\n\n'));
  await db.close();
  await incidents.closeImportPool();
  console.log(`B1RESULT ${JSON.stringify(out)}`);
}

function runChild(url: string, files: string[]): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const extra = process.env.BENCH_B1_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${B1_DIR}/prof`] : [];
    const c = spawn(
      process.execPath,
      [...extra, '--import', 'tsx', 'src/b1-import.ts', '--child', url, ...files],
      {
        cwd: BENCH_DIR,
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let text = '';
    c.stdout.on('data', (d: Buffer) => (text += d.toString()));
    c.once('error', reject);
    c.once('exit', (code) => {
      const line = text.split('\n').find((l) => l.startsWith('B1RESULT '));
      if (code !== 0 || !line) reject(new Error(`import child exited with ${code}: ${text.slice(-2000)}`));
      else resolve(JSON.parse(line.slice(9)) as ChildResult);
    });
  });
}

/** Raw COPY of the CSV files into plain tables of text columns (the physical limit beside the import). */
async function rawCopy(url: string, files: { path: string; header: string }[]): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const t0 = performance.now();
    for (const [i, f] of files.entries()) {
      const cols = f.header.split(',').map((h) => `"${h}" text`);
      await c.query(`DROP TABLE IF EXISTS raw_copy_${i}`);
      await c.query(`CREATE TABLE raw_copy_${i} (${cols.join(', ')})`);
      const sink = c.query(copyFrom(`COPY raw_copy_${i} FROM STDIN (FORMAT csv, HEADER true)`));
      await pipeline(createReadStream(f.path, { highWaterMark: 1 << 20 }), sink);
    }
    const ms = performance.now() - t0;
    for (let i = 0; i < files.length; i++) await c.query(`DROP TABLE raw_copy_${i}`);
    return ms;
  } finally {
    await c.end();
  }
}

/** `BENCH_B1_EXPLAIN=<file>`: EXPLAIN (ANALYZE, BUFFERS) of every import statement over 200 ms (slows the run). */
async function explainSettings(ownerUrl: string, name: string): Promise<void> {
  const c = new pg.Client({ connectionString: ownerUrl });
  await c.connect();
  try {
    for (const [k, v] of [
      ['session_preload_libraries', 'auto_explain'],
      ['auto_explain.log_min_duration', '200ms'],
      ['auto_explain.log_analyze', 'on'],
      ['auto_explain.log_buffers', 'on'],
      ['auto_explain.log_level', 'notice'],
    ])
      await c.query(`ALTER DATABASE ${name} SET ${k} = '${v}'`);
  } finally {
    await c.end();
  }
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

async function main(): Promise<void> {
  commit();
  const rows = Number(arg('rows') ?? process.env.BENCH_B1_ROWS ?? (tiny ? 2_000 : 3_000_000));
  const runs = Number(arg('runs') ?? (tiny ? 1 : 3));
  if (existsSync(`${B1_DIR}/pg/postmaster.pid`))
    throw new Error(`A PostgreSQL is running in ${B1_DIR}; stop it first.`);
  rmSync(B1_DIR, { recursive: true, force: true });
  mkdirSync(`${B1_DIR}/files`, { recursive: true });
  chmodSync(B1_DIR, 0o755);

  const built = await incidents.builtInAreas({ marinePath: existsSync(MARINE) ? MARINE : null });
  const cas = `${B1_DIR}/files/crime-at-sea.csv`;
  const acled = `${B1_DIR}/files/acled.csv`;
  const tg = performance.now();
  const half = Math.floor(rows / 2);
  const bytes =
    (await writeCrimeAtSea(cas, half, SEED, built.areas)) +
    (await writeAcled(acled, rows - half, SEED, built.areas));
  console.log(
    `Generated ${rows.toLocaleString()} rows (${(bytes / 2 ** 20).toFixed(0)} MiB) in ${((performance.now() - tg) / 1000).toFixed(1)} s`,
  );

  const server = await connectOwner({ dataDir: `${B1_DIR}`, embeddedPort: B1_PORT });
  try {
    await ensureAppRole(server.ownerUrl, server.secrets.appPassword);
    await migrateDatabase(server.ownerUrl);
    const owner = openDatabase(server.ownerUrl, 2);
    await seedReference(owner.db);
    await seedScenarios(owner.db);
    await owner.close();
    const results: {
      eventsPerSec: number;
      copyRowsPerSec: number;
      ratio: number;
      rss: number;
      importMs: number;
      copyMs: number;
      worker: boolean;
      files: ChildResult['files'];
    }[] = [];
    for (let k = 1; k <= runs; k++) {
      const name = `b1_run${k}`;
      await ensureDatabase(server.ownerUrl, name, 'entente');
      const url = withDatabase(server.ownerUrl, name);
      if (process.env.BENCH_B1_EXPLAIN) await explainSettings(server.ownerUrl, name);
      const imp = await runChild(url, [cas, acled]);
      const copyMs = await rawCopy(url, [
        { path: cas, header: CAS_HEADER },
        { path: acled, header: ACLED_HEADER },
      ]);
      const eventsPerSec = (rows * 1000) / imp.totalMs;
      const copyRowsPerSec = (rows * 1000) / copyMs;
      results.push({
        eventsPerSec,
        copyRowsPerSec,
        ratio: eventsPerSec / copyRowsPerSec,
        rss: imp.peakRssMiB,
        importMs: imp.totalMs,
        copyMs,
        worker: imp.worker,
        files: imp.files,
      });
      console.log(
        `run ${k}: import ${Math.round(eventsPerSec)} events/s (${(imp.totalMs / 1000).toFixed(1)} s), raw COPY ${Math.round(copyRowsPerSec)} rows/s, ratio ${ms2(eventsPerSec / copyRowsPerSec)}, peak RSS ${imp.peakRssMiB} MiB, worker ${imp.worker}`,
      );
      for (const f of imp.files)
        console.log(
          `  ${f.file.split('/').pop()}: ${f.rows} rows, ${Math.round(f.ms)} ms, timings ${JSON.stringify(f.timings)}`,
        );
    }
    const ctx = {
      rows,
      runs,
      files: ['crime_at_sea (half)', 'acled (half)'],
      areas: { total: built.areas.length, marine: built.areas.filter((a) => a.kind === 'marine').length },
      database: 'embedded PostgreSQL 15, fresh database per run (template: migrated + reference seed)',
      worker: results[0]?.worker ?? false,
      tiny,
      perRun: results.map((r) => ({
        eventsPerSec: Math.round(r.eventsPerSec),
        copyRowsPerSec: Math.round(r.copyRowsPerSec),
        ratio: ms2(r.ratio),
        peakRssMiB: r.rss,
        importMs: Math.round(r.importMs),
        copyMs: Math.round(r.copyMs),
        files: r.files,
      })),
    };
    const spread = (f: (r: (typeof results)[number]) => number) =>
      [Math.min(...results.map(f)), Math.max(...results.map(f))].map((x) => ms2(x));
    report(
      'b1',
      {
        bench: 'B1',
        figure: 'import_events_per_s',
        value: Math.round(median(results.map((r) => r.eventsPerSec))),
        unit: 'events/s',
        goal: '>= 100000',
        spread: spread((r) => r.eventsPerSec),
      },
      ctx,
    );
    report(
      'b1',
      {
        bench: 'B1',
        figure: 'raw_copy_rows_per_s',
        value: Math.round(median(results.map((r) => r.copyRowsPerSec))),
        unit: 'rows/s',
        spread: spread((r) => r.copyRowsPerSec),
      },
      ctx,
    );
    report(
      'b1',
      {
        bench: 'B1',
        figure: 'import_to_raw_copy_ratio',
        value: ms2(median(results.map((r) => r.ratio))),
        unit: 'ratio',
        goal: '>= 0.5',
        spread: spread((r) => r.ratio),
      },
      ctx,
    );
    report(
      'b9',
      {
        bench: 'B9',
        figure: 'import_peak_rss',
        value: median(results.map((r) => r.rss)),
        unit: 'MiB',
        goal: '< 300 MB',
        spread: spread((r) => r.rss),
      },
      ctx,
    );
    printTable(
      ['run', 'events/s', 'raw COPY rows/s', 'ratio', 'peak RSS MiB'],
      results.map((r, i) => [
        String(i + 1),
        String(Math.round(r.eventsPerSec)),
        String(Math.round(r.copyRowsPerSec)),
        String(ms2(r.ratio)),
        String(r.rss),
      ]),
    );
  } finally {
    await server.stop();
    if (!process.env.BENCH_B1_KEEP) rmSync(`${B1_DIR}/files`, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--child') await child(process.argv[3]!, process.argv.slice(4));
else await main();
