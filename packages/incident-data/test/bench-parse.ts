/**
 * Quick throughput probe (not a test, not part of CI): parses Crime at Sea from memory, the body
 * repeated `repeat` times, and prints rows/s. The shared machine is often loaded by other jobs,
 * so it reports rows per CPU-second of this process (user + system) next to wall-clock rows/s,
 * and a fixed arithmetic loop as a load indicator.
 *   npx tsx packages/incident-data/test/bench-parse.ts [file] [repeat]
 * The project's import benchmark lives in bench/ (EVALUATION.md §7).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseIncidents } from '../src/index';

const file =
  process.argv[2] ||
  fileURLToPath(
    new URL('../../../../shared/testdata/piracy/crime-at-sea/pirate_attacks.csv', import.meta.url),
  );
const repeat = Number(process.argv[3] ?? 20);
const text = readFileSync(file).toString('utf8');
const nl = text.indexOf('\n');
const big = Buffer.from(text.slice(0, nl + 1) + text.slice(nl + 1).repeat(repeat));

async function* chunks(buf: Buffer, size = 65536): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

const spin = (): number => {
  const t = performance.now();
  let x = 0;
  for (let i = 0; i < 5e7; i++) x += i;
  return x > 0 ? performance.now() - t : 0;
};
const f = (x: number): string => Math.round(x).toLocaleString('en');

for (let run = 0; run < 4; run++) {
  const loopMs = spin();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  let n = 0;
  for await (const ev of parseIncidents(chunks(big))) if (ev.type === 'batch') n += ev.records.length;
  const wall = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu = (c.user + c.system) / 1e6;
  console.log(
    `run ${run}: ${n} records; wall ${wall.toFixed(2)} s = ${f(n / wall)} rows/s; cpu ${cpu.toFixed(2)} s = ${f(n / cpu)} rows/cpu-s; load probe ${loopMs.toFixed(0)} ms`,
  );
}
