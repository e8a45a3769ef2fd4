/** The Entente server: the only composition root. */
import { fileURLToPath } from 'node:url';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { createContext } from './create-context';
import { buildApp } from './app';
import { demoSecrets } from './auth/routes';
import { storeDemoEvaluationsInBackground } from './demo-evaluations';

const t0 = Date.now();
let config;
try {
  config = loadConfig();
} catch (e) {
  console.error((e as Error).message);
  process.exit(2);
}
const log = createLogger(config.logLevel);
const webDist = config.webDist ?? fileURLToPath(new URL('../../web/dist', import.meta.url));
const { ctx, booted } = await createContext({ ...config, webDist }, log);
const app = await buildApp(ctx);
await app.listen({ host: config.host, port: config.port });
// The demo's reference evaluations and watch area, stored in the background (never blocks start).
if (config.seed === 'demo') storeDemoEvaluationsInBackground(ctx, booted.owner, log);
if (booted.seeded?.length) {
  console.log('\nDemo accounts (password "entente-demo-2026"); TOTP secrets for accounts that need a second factor:');
  for (const s of demoSecrets()) console.log(`  ${s.username.padEnd(16)} ${s.secret}`);
}
console.log(`\nEntente is ready at http://${config.host}:${app.server.address() && typeof app.server.address() === 'object' ? (app.server.address() as { port: number }).port : config.port}/ (API docs at /api/docs) — started in ${((Date.now() - t0) / 1000).toFixed(1)} s`);

const stop = async () => {
  await app.close();
  await booted.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
