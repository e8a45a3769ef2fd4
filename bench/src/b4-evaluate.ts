/**
 * B4 — evaluation (BENCHMARKS.md, EVALUATION.md §7): a 3,000,000-event table aggregated to the
 * product's `area_month` in a fresh database (events drawn in SQL from a seeded generator over every
 * world-atlas country area, 2008–2022, long-tailed), then
 *   1. the panel read: one scoped-style SUM over `area_month` for the treated area + 200 donors,
 *      15 years monthly (what an evaluation reads; it never touches `incident`);
 *   2. one FULL evaluation through `evaluate()` of packages/stats (the function `runEvaluation`
 *      calls): before/after, ITS with 2,000 bootstrap draws and placebo breaks, DiD with event study
 *      and randomisation inference, SCM (V = I) with 200 placebos via the structured HiGHS QP;
 *   3. the portfolio: screening-profile evaluations (point estimates and grade, no loops) of a
 *      sample of engagements (random treated area and T0), extrapolated to 10,000; engagements
 *      with the same areas share one panel read.
 * No result cache by inputsHash exists, so only cold runs are reported.
 *
 *   npm run bench:b4 -w bench -- [--events 3000000] [--runs 3] [--portfolio 100] [--tiny]
 */
import { existsSync, mkdirSync, rmSync, chmodSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import pg from 'pg';
import {
  connectOwner,
  ensureAppRole,
  incidents,
  migrateDatabase,
  openDatabase,
  seedReference,
  seedScenarios,
} from '@entente/db';
import {
  evaluate,
  inputsHashOf,
  loadHighsQpSolver,
  type Estimate,
  type EvaluationConfig,
  type EvaluationPanel,
  type EvaluationResult,
  type MethodName,
} from '@entente/stats';
import { BENCH_DIR, SEED, commit, ms2, report } from './lib/common';
import { Rng } from './lib/prng';

const B4_DIR = process.env.BENCH_B4_DIR ?? `${BENCH_DIR}.data-b4`;
const B4_PORT = Number(process.env.BENCH_B4_PG_PORT ?? 54395);
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const tiny = process.argv.includes('--tiny') || process.env.BENCH_TINY === '1';
const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const METHODS: MethodName[] = [
  'before_after',
  'interrupted_time_series',
  'difference_in_differences',
  'synthetic_control',
];

/**
 * Two worker threads (this file again, `isMainThread` false), each with its own HiGHS runtime:
 * the thin non-pure wrapper around the pure `evaluate()` that §7's "use both cores" asks for.
 */
interface Job {
  id: number;
  panel: EvaluationPanel;
  config: EvaluationConfig;
}
class Pool {
  private readonly workers: Worker[];
  private readonly pending = new Map<number, (r: EvaluationResult) => void>();
  private next = 0;
  constructor(size: number) {
    this.workers = Array.from({ length: size }, () => {
      // From source: load this TypeScript file in the worker through tsx (workers do not
      // inherit the parent's --import loader).
      const self = JSON.stringify(import.meta.url);
      const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
      const w = new Worker(`import(${tsx}).then((m) => m.tsImport(${self}, ${self}))`, { eval: true });
      w.on('message', (m: { id: number; result: EvaluationResult }) => {
        this.pending.get(m.id)?.(m.result);
        this.pending.delete(m.id);
      });
      return w;
    });
  }
  /** Runs on worker `slot` (mod size). */
  run(slot: number, panel: EvaluationPanel, config: EvaluationConfig): Promise<EvaluationResult> {
    const id = this.next++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.workers[slot % this.workers.length]!.postMessage({ id, panel, config } satisfies Job);
    });
  }
  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }
}

/**
 * One evaluation on two threads: DiD on one, the other methods on the other (their CPU times are
 * about equal). Methods are independent, so the merged result equals one call with all methods.
 */
async function evaluateOn2(
  pool: Pool,
  panel: EvaluationPanel,
  config: EvaluationConfig,
): Promise<EvaluationResult> {
  const groups: MethodName[][] = [
    config.methods.filter((m) => m === 'difference_in_differences'),
    config.methods.filter((m) => m !== 'difference_in_differences'),
  ].filter((g) => g.length > 0);
  const parts = await Promise.all(groups.map((methods, i) => pool.run(i, panel, { ...config, methods })));
  const partOf = (m: MethodName) => parts[groups.findIndex((g) => g.includes(m))]!;
  // Each part hashed its own method list; the result carries the hash of the whole request.
  const inputsHash = inputsHashOf(panel, config, sha256);
  const withHash = (e: Estimate): Estimate => ({ ...e, inputsHash });
  return {
    ...parts[0]!,
    inputsHash,
    estimates: config.methods.map((m) => withHash(partOf(m).estimates.find((e) => e.method === m)!)),
    supporting: config.methods.flatMap((m) =>
      partOf(m)
        .supporting.filter((e) => e.method === m)
        .map(withHash),
    ),
    series: Object.assign({}, ...parts.map((p) => p.series)) as EvaluationResult['series'],
  };
}

async function worker(): Promise<void> {
  const qpSolver = await loadHighsQpSolver();
  parentPort!.on('message', (job: Job) => {
    const result = evaluate(job.panel, job.config, { hash: sha256, qpSolver });
    parentPort!.postMessage({ id: job.id, result });
  });
}

async function main(): Promise<void> {
  commit();
  const events = Number(arg('events') ?? (tiny ? 20_000 : 3_000_000));
  const runs = Number(arg('runs') ?? (tiny ? 1 : 3));
  const sample = Number(arg('portfolio') ?? (tiny ? 3 : 100));
  const donors = Number(arg('donors') ?? (tiny ? 20 : 200));
  if (existsSync(`${B4_DIR}/pg/postmaster.pid`))
    throw new Error(`A PostgreSQL is running in ${B4_DIR}; stop it first.`);
  rmSync(B4_DIR, { recursive: true, force: true });
  mkdirSync(B4_DIR, { recursive: true });
  chmodSync(B4_DIR, 0o755);
  const server = await connectOwner({ dataDir: B4_DIR, embeddedPort: B4_PORT });
  const c = new pg.Client({ connectionString: server.ownerUrl });
  try {
    await ensureAppRole(server.ownerUrl, server.secrets.appPassword);
    await migrateDatabase(server.ownerUrl);
    const owner = openDatabase(server.ownerUrl, 2);
    await seedReference(owner.db);
    await seedScenarios(owner.db);
    await owner.db.transaction(async (tx) => {
      await incidents.ensureDatasets(tx);
      await incidents.ensureAnalysisAreas(tx, await incidents.builtInAreas({}));
    });
    await owner.close();
    await c.connect();
    const community = (
      await c.query<{ id: string; label: string }>(
        `SELECT id, default_label_id AS label FROM community WHERE code = 'all'`,
      )
    ).rows[0]!;
    const keys = (
      await c.query<{ key: string }>(`SELECT key FROM analysis_area WHERE kind = 'country' ORDER BY key`)
    ).rows.map((r) => r.key);
    const rng = new Rng(`${SEED}:b4`);
    const areaKeys = rng.sample(keys, keys.length);

    // 1. The events (a plain table) and their panel, aggregated as an import's GROUP BY does.
    const tg = performance.now();
    await c.query(`SELECT setseed(0.4242)`);
    await c.query(
      `CREATE UNLOGGED TABLE b4_event AS
      SELECT ($1::text[])[1 + floor(power(random(), 2) * $2)::int] AS area_key,
        date '2008-01-01' + floor(random() * 5479)::int AS d,
        (ARRAY['armed_clash', 'attack_on_civilians', 'unrest'])[1 + floor(random() * 3)::int] AS et,
        floor(random() * 4)::int AS fat
      FROM generate_series(1, $3::int)`,
      [areaKeys, areaKeys.length, events],
    );
    await c.query(
      `INSERT INTO area_month (area_key, month, source, source_series, event_type, event_subtype, date_class,
        loc_level, label_id, community_id, n, fatalities_best, fatalities_low, fatalities_high)
      SELECT area_key, date_trunc('month', d)::date, 'acled', '', et, et, 'fine', 1, $1, $2, count(*), sum(fat), 0, 0
      FROM b4_event GROUP BY 1, 2, 5`,
      [community.label, community.id],
    );
    await c.query('VACUUM ANALYZE area_month');
    const cells = Number((await c.query<{ n: string }>('SELECT count(*) AS n FROM area_month')).rows[0]!.n);
    console.log(
      `${events.toLocaleString()} events → ${cells.toLocaleString()} area_month cells over ${areaKeys.length} areas in ${((performance.now() - tg) / 1000).toFixed(1)} s`,
    );

    const months: string[] = [];
    for (let y = 2008; y <= 2022; y++)
      for (let m = 1; m <= 12; m++) months.push(`${y}-${String(m).padStart(2, '0')}`);
    const readPanel = async (treated: string, comparison: string[]) => {
      const all = [treated, ...comparison];
      const r = await c.query<{ area_key: string; m: string; n: string }>(
        `SELECT area_key, to_char(month, 'YYYY-MM') AS m, sum(n) AS n FROM area_month
         WHERE source = 'acled' AND area_key = ANY($1) AND label_id = ANY($2) AND month BETWEEN '2008-01-01' AND '2022-12-01'
         GROUP BY 1, 2`,
        [all, [community.label]],
      );
      const at = new Map(months.map((m, i) => [m, i]));
      const y = new Map(all.map((k) => [k, months.map(() => 0)]));
      for (const row of r.rows) y.get(row.area_key)![at.get(row.m)!] = Number(row.n);
      const panel: EvaluationPanel = {
        months,
        areas: all.map((k, i) => ({ key: k, role: i === 0 ? 'treated' : 'comparison', y: y.get(k)! })),
        interventions: [],
        sourceSwitches: [],
        excluded: { datePrecision: 0, locationPrecision: 0 },
      };
      return panel;
    };

    // 2. One full evaluation: treated = the busiest area, 200 donors.
    const qpSolver = await loadHighsQpSolver();
    const deps = { hash: sha256, qpSolver };
    const treated = areaKeys[0]!;
    const comparison = areaKeys.slice(1, donors + 1);
    const readMs: number[] = [];
    const fullMs: number[] = [];
    const byMethod: Record<string, number[]> = {};
    let estimates = 0;
    for (let k = 0; k < runs; k++) {
      const t = performance.now();
      const panel = await readPanel(treated, comparison);
      const t1 = performance.now();
      readMs.push(t1 - t);
      // One method at a time (the same work as one call with all four), so the figure has a breakdown.
      let total = 0;
      for (const m of METHODS) {
        const tm = performance.now();
        const r = evaluate(
          panel,
          {
            t0: '2015-07',
            methods: [m],
            seed: SEED,
            profile: 'full',
            permittedLabelHash: sha256(community.label),
          },
          deps,
        );
        const ms = performance.now() - tm;
        (byMethod[m] ??= []).push(ms);
        total += ms;
        estimates += r.estimates.length + r.supporting.length;
        console.log(`  run ${k + 1} ${m}: ${Math.round(ms)} ms`);
      }
      fullMs.push(total);
      console.log(
        `full evaluation ${k + 1}: read ${Math.round(t1 - t)} ms, evaluate ${Math.round(total)} ms`,
      );
    }
    estimates = Math.round(estimates / runs);

    // 2b. The same full evaluation on two worker threads (DiD | the rest); checked identical.
    const pool = new Pool(2);
    const fullConfig: EvaluationConfig = {
      t0: '2015-07',
      methods: METHODS,
      seed: SEED,
      profile: 'full',
      permittedLabelHash: sha256(community.label),
    };
    const warmPanel = await readPanel(treated, comparison);
    const single = evaluate(warmPanel, fullConfig, deps);
    const parallel = await evaluateOn2(pool, warmPanel, fullConfig); // also warms the workers up
    const identical = isDeepStrictEqual(single, parallel);
    const differing = (Object.keys(single) as (keyof EvaluationResult)[]).filter(
      (k) => !isDeepStrictEqual(single[k], parallel[k]),
    );
    console.log(
      `two threads give ${identical ? 'the identical result' : `a DIFFERENT result (${differing.join(', ')})`}`,
    );
    const par2Ms: number[] = [];
    for (let k = 0; k < runs; k++) {
      const t = performance.now();
      const panel = await readPanel(treated, comparison);
      await evaluateOn2(pool, panel, fullConfig);
      par2Ms.push(performance.now() - t);
      console.log(`full evaluation on 2 threads ${k + 1}: ${Math.round(par2Ms[k]!)} ms (read included)`);
    }

    // 3. Portfolio: screening profile over a sample of engagements (treated area and T0 drawn), cold.
    const eng = Array.from({ length: sample }, () => ({
      treated: rng.pick(areaKeys.slice(0, 60)),
      t0: `${rng.int(2011, 2019)}-${String(rng.int(1, 12)).padStart(2, '0')}`,
    }));
    // Engagements with the same areas share one panel read (the slice does not depend on T0).
    const tp = performance.now();
    let readTotal = 0;
    const panels = new Map<string, EvaluationPanel>();
    for (const e of eng) {
      const t = performance.now();
      let panel = panels.get(e.treated);
      if (!panel) {
        panel = await readPanel(e.treated, areaKeys.filter((x) => x !== e.treated).slice(0, donors));
        panels.set(e.treated, panel);
      }
      readTotal += performance.now() - t;
      evaluate(
        panel,
        {
          t0: e.t0,
          methods: METHODS.slice(1),
          seed: SEED,
          profile: 'screening',
          permittedLabelHash: sha256(community.label),
        },
        deps,
      );
    }
    const perEng = (performance.now() - tp) / sample;
    // The same sample on the two workers, two engagements in flight (panels already read).
    const tq = performance.now();
    let cursor = 0;
    const lane = async (slot: number): Promise<void> => {
      while (cursor < eng.length) {
        const e = eng[cursor++]!;
        await pool.run(slot, panels.get(e.treated)!, {
          t0: e.t0,
          methods: METHODS.slice(1),
          seed: SEED,
          profile: 'screening',
          permittedLabelHash: sha256(community.label),
        });
      }
    };
    await Promise.all([lane(0), lane(1)]);
    const perEng2 = (performance.now() - tq) / sample + readTotal / sample;
    await pool.close();
    console.log(
      `portfolio on 2 threads: ${ms2(perEng2)} ms each (panel read included) → 10,000 in ${ms2((perEng2 * 10_000) / 60_000)} min`,
    );
    const minutes10k = (perEng * 10_000) / 60_000;
    console.log(
      `portfolio: ${sample} screening evaluations, ${ms2(perEng)} ms each (read ${ms2(readTotal / sample)} ms, ${panels.size} distinct panels) → 10,000 in ${ms2(minutes10k)} min (extrapolated)`,
    );

    const ctx = {
      events,
      cells,
      areas: areaKeys.length,
      treatedPlusDonors: donors + 1,
      months: months.length,
      runs,
      tiny,
      database: 'embedded PostgreSQL 15, fresh database; area_month aggregated from the generated events',
      perRun: fullMs.map((ms, i) => ({ evaluateMs: Math.round(ms), readMs: Math.round(readMs[i]!) })),
      methodMsMedian: Object.fromEntries(
        Object.entries(byMethod).map(([m, xs]) => [m, Math.round(median(xs))]),
      ),
    };
    const spread = (xs: number[]) => [ms2(Math.min(...xs)), ms2(Math.max(...xs))];
    report(
      'b4',
      {
        bench: 'B4',
        figure: 'full_evaluation_ms',
        value: Math.round(median(fullMs.map((x, i) => x + readMs[i]!))),
        unit: 'ms',
        goal: '< 1000',
        spread: spread(fullMs.map((x, i) => x + readMs[i]!)),
        evaluateOnlyMs: Math.round(median(fullMs)),
        twoThreadsMs: Math.round(median(par2Ms)),
        twoThreadsSpread: spread(par2Ms),
        twoThreadsIdentical: identical,
        panelReadMs: Math.round(median(readMs)),
        estimates,
      },
      ctx,
    );
    report(
      'b4',
      {
        bench: 'B4',
        figure: 'portfolio_10000_screening_minutes',
        value: ms2(minutes10k),
        unit: 'min',
        goal: '< 5',
        sample,
        extrapolated: true,
        msPerEngagement: ms2(perEng),
        twoThreadsMinutes: ms2((perEng2 * 10_000) / 60_000),
        panelReadMsPerEngagement: ms2(readTotal / sample),
        distinctPanelReads: panels.size,
        cache: 'none (no result cache by inputsHash): cold only',
      },
      ctx,
    );
  } finally {
    await c.end().catch(() => {});
    await server.stop();
  }
}

if (isMainThread) await main();
else await worker();
