/**
 * Quick throughput probe (not a test, not part of CI): parses Crime at Sea from memory several
 * times and prints rows/s. Run: npx tsx packages/incident-data/test/bench-parse.ts [file] [repeat]
 * The project's real import benchmark lives in bench/ (EVALUATION.md §7).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseIncidents } from '../src/index';

const file =
  process.argv[2] ??
  fileURLToPath(
    new URL('../../../../shared/testdata/piracy/crime-at-sea/pirate_attacks.csv', import.meta.url),
  );
const repeat = Number(process.argv[3] ?? 20);
const bytes = readFileSync(file);
// Replicate the body to get a larger input (header once), so per-file setup does not dominate.
const text = bytes.toString('utf8');
const nl = text.indexOf('\n');
const body = text.slice(nl + 1);
const big = Buffer.from(text.slice(0, nl + 1) + body.repeat(repeat));

async function* chunks(buf: Buffer, size = 65536): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < buf.length; i += size) yield buf.subarray(i, i + size);
}

for (let run = 0; run < 3; run++) {
  const t0 = performance.now();
  let n = 0;
  for await (const ev of parseIncidents(chunks(big))) if (ev.type === 'batch') n += ev.records.length;
  const s = (performance.now() - t0) / 1000;
  console.log(
    `run ${run}: ${n} records in ${s.toFixed(2)} s = ${Math.round(n / s).toLocaleString('en')} rows/s (${(big.length / 1e6 / s).toFixed(1)} MB/s)`,
  );
}
