/**
 * B1, the Node side alone: the import's stage (parse → map → canonical JSON + SHA-256 → area
 * assignment → COPY text, packages/db/src/incidents/stage.ts) over the bench's seeded Crime at Sea
 * + ACLED files, in this thread, with no database. Prints rows/s (wall and per CPU-second of this
 * process, which survives a loaded machine better) and a SHA-256 of everything the stage emitted
 * (COPY text with a fixed id prefix, rejections, totals; not the batch boundaries): a change that
 * keeps that digest keeps the output byte for byte.
 *
 *   node --import tsx bench/src/b1-stage.ts [--rows 150000] [--runs 3]
 *   BENCH_B1_CPU_PROF=1 node --cpu-prof --cpu-prof-dir=/tmp/prof --import tsx bench/src/b1-stage.ts
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import { incidents } from '@entente/db';
import { stageIncidents } from '../../packages/db/src/incidents/stage';
import { SEED } from './lib/common';
import { writeAcled, writeCrimeAtSea } from './lib/incident-files';

const MARINE =
  process.env.BENCH_MARINE_POLYS ?? '/work/shared/testdata/geo/ne_10m_geography_marine_polys.json';
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(`--${name}`);
  return i === -1 ? undefined : process.argv[i + 1];
};
const rows = Number(arg('rows') ?? 150_000);
const runs = Number(arg('runs') ?? 3);
const dir = arg('dir') ?? `${os.tmpdir()}/entente-b1-stage-${process.pid}`;

mkdirSync(dir, { recursive: true });
const built = await incidents.builtInAreas({ marinePath: existsSync(MARINE) ? MARINE : null });
const half = Math.floor(rows / 2);
const files = [`${dir}/crime-at-sea-${half}.csv`, `${dir}/acled-${rows - half}.csv`];
if (!existsSync(files[0]!)) await writeCrimeAtSea(files[0]!, half, SEED, built.areas);
if (!existsSync(files[1]!)) await writeAcled(files[1]!, rows - half, SEED, built.areas);
const index = built.index;

const f = (x: number): string => Math.round(x).toLocaleString('en');
try {
  for (let run = 1; run <= runs; run++) {
    const digest = createHash('sha256');
    let staged = 0;
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    for (const file of files) {
      const bytes = createReadStream(file, { highWaterMark: 1 << 20 });
      for await (const ev of stageIncidents(bytes, index, { idPrefix: '00000000-0000-7000-8000-' })) {
        if (ev.type === 'batch') {
          digest.update(typeof ev.copy === 'string' ? ev.copy : Buffer.from(ev.copy));
          for (const r of ev.rejections) digest.update(JSON.stringify(r));
        } else if (ev.type === 'done') {
          staged += ev.totals.staged;
          digest.update(JSON.stringify([ev.totals, ev.counts, ev.summary]));
        }
      }
    }
    const wall = (performance.now() - t0) / 1000;
    const c = process.cpuUsage(c0);
    const cpu = (c.user + c.system) / 1e6;
    console.log(
      `run ${run}: ${staged} rows staged; wall ${wall.toFixed(2)} s = ${f(staged / wall)} rows/s; ` +
        `cpu ${cpu.toFixed(2)} s = ${f(staged / cpu)} rows/cpu-s (${((cpu * 1e6) / staged).toFixed(1)} µs/row); ` +
        `output sha256 ${digest.digest('hex').slice(0, 16)}; load ${os.loadavg()[0]!.toFixed(2)}`,
    );
  }
} finally {
  if (!arg('dir')) rmSync(dir, { recursive: true, force: true });
}
