import { readFileSync } from 'node:fs';
import pg from 'pg';
import { openBenchServer } from './lib/database';
import { DATA_DIR } from './lib/common';
type S = { text: string; values: unknown[] };
const rec = JSON.parse(readFileSync(`${DATA_DIR}/recorded-sql.json`, 'utf8')) as Record<string, { path: string; tx: S[] }[]>;
const key = process.argv[2] ?? 'search/all';
const variant = Number(process.argv[3] ?? 1);
const idx = Number(process.argv[4] ?? 2);
const mode = process.argv[5] ?? 'app';
const pre = process.argv[6] ?? '';
const server = await openBenchServer();
const c = new pg.Client({ connectionString: mode === 'owner' ? server.ownerUrl : server.appUrl });
await c.connect();
const tx = rec[key]![variant]!.tx;
console.log(rec[key]![variant]!.path);
await c.query('BEGIN');
for (let i = 1; i < idx; i++) await c.query({ text: tx[i]!.text, values: tx[i]!.values });
for (const p of pre.split(';').filter(Boolean)) await c.query(p);
let text = tx[idx]!.text;
if (process.env.REPL) { const [a, b] = process.env.REPL.split('|||'); text = text.replace(new RegExp(a!), b!); }
if (process.env.SHOWSQL) console.log(text.slice(0, 3000).replace(/'\{[^}]{200,}\}'/g, '{…}'));
if (process.env.STRIP) text = text.replace(/"engagement"\."label_id" = ANY\(\$1::uuid\[\]\) AND /, 'true AND ');
for (let k = 0; k < 3; k++) {
  const r = await c.query({ text: `EXPLAIN (ANALYZE, BUFFERS) ${text}`, values: tx[idx]!.values });
  if (k === 2) console.log(r.rows.map((x) => (x['QUERY PLAN'] as string).slice(0, 200)).join('\n'));
}
await c.query('ROLLBACK');
await c.end();
await server.stop();
