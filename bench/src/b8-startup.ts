/**
 * `npm run bench:b8`: B8 start-up. A first start on an empty data folder (initdb of the embedded
 * PostgreSQL, migrations, reference data, demo seed) and a warm restart on the same folder, each
 * timed from spawning `node --import tsx apps/api/src/main.ts` to its "Entente is ready" line.
 * BENCH_B8_RUNS (3) pairs; the median and the spread are reported. Free ports, 127.0.0.1 only;
 * each server is stopped by its PID and its temporary folder removed.
 */
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commit, freePort, ms2, printTable, report } from './lib/common';
import { ensureServerBundle, startApi } from './lib/api-process';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

async function timeStart(dataDir: string, pgPort: number): Promise<{ s: number; self: number | null }> {
  const api = startApi({ dataDir, pgPort, port: await freePort(), seed: 'demo', logLevel: 'warn' });
  try {
    const r = await api.ready;
    return { s: r.ms / 1000, self: r.selfReportedS };
  } finally {
    await api.stop();
  }
}

async function main() {
  ensureServerBundle();
  commit(); // the commit is read once, when the run starts
  const runs = Number(process.env.BENCH_B8_RUNS ?? 3);
  const cold: number[] = [];
  const warm: number[] = [];
  const self: { cold: (number | null)[]; warm: (number | null)[] } = { cold: [], warm: [] };
  for (let i = 0; i < runs; i++) {
    const dir = mkdtempSync(join(tmpdir(), 'entente-b8-'));
    chmodSync(dir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its folder
    try {
      const pgPort = await freePort();
      const c = await timeStart(dir, pgPort);
      const w = await timeStart(dir, pgPort);
      cold.push(c.s);
      warm.push(w.s);
      self.cold.push(c.self);
      self.warm.push(w.self);
      console.log(`  run ${i + 1}: first start ${ms2(c.s)} s (server says ${c.self} s), warm restart ${ms2(w.s)} s (server says ${w.self} s)`);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const context = { dbMode: 'embedded PostgreSQL (fresh folder per run)', runs, measuredFrom: 'spawn of node apps/api/dist/main.mjs (the bundle npm start runs) to "Entente is ready"' };
  report('b8', { bench: 'B8', figure: 'first_start', value: ms2(median(cold)), unit: 's', goal: '< 30 s', spread: [ms2(Math.min(...cold)), ms2(Math.max(...cold))], samples: cold.map(ms2), selfReported: self.cold }, context);
  report('b8', { bench: 'B8', figure: 'warm_restart', value: ms2(median(warm)), unit: 's', goal: '< 3 s', spread: [ms2(Math.min(...warm)), ms2(Math.max(...warm))], samples: warm.map(ms2), selfReported: self.warm }, context);
  printTable(['figure', 'median s', 'min s', 'max s', 'goal'], [
    ['first start', String(ms2(median(cold))), String(ms2(Math.min(...cold))), String(ms2(Math.max(...cold))), '< 30 s'],
    ['warm restart', String(ms2(median(warm))), String(ms2(Math.min(...warm))), String(ms2(Math.max(...warm))), '< 3 s'],
  ]);
}

await main();
