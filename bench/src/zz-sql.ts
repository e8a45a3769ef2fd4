import pg from 'pg';
import { openBenchServer } from './lib/database';
const server = await openBenchServer();
const c = new pg.Client({ connectionString: process.env.AS === 'app' ? server.appUrl : server.ownerUrl });
await c.connect();
for (const q of process.argv.slice(2)) {
  const t = Date.now();
  const r = await c.query(q);
  const rows = Array.isArray(r) ? r.at(-1).rows : r.rows;
  console.log(`-- ${q.slice(0, 120)} (${Date.now() - t} ms)`);
  for (const row of rows ?? []) console.log(Object.values(row).map((v) => String(v).slice(0, 220)).join(' | '));
}
await c.end();
await server.stop();
