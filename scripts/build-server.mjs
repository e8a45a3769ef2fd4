#!/usr/bin/env node
// Bundle the API server (apps/api/src/main.ts and the workspace packages it imports) into one ESM
// file, so a start does not transpile TypeScript: the bench measured ~2.4 s of tsx start-up in a
// warm restart (bench/README.md, B8). Third-party packages stay external and load from
// node_modules as usual. Usage: node scripts/build-server.mjs [--if-stale]
import { build } from 'esbuild';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
export const SERVER_BUNDLE = join(root, 'apps/api/dist/main.mjs');
// The incident import's piscina worker, a second entry beside main.mjs: packages/db finds it as
// `./import-worker.mjs` relative to the running module (stage-pool.ts), else it stages in-thread.
export const IMPORT_WORKER = join(root, 'apps/api/dist/import-worker.mjs');
// The watch-area monitor's worker (h calibrated on 10,000 simulated paths: seconds of CPU), found by
// apps/api/src/monitors/compute.ts as `./monitor-worker.mjs` beside the running module.
export const MONITOR_WORKER = join(root, 'apps/api/dist/monitor-worker.mjs');
const SOURCES = ['apps/api/src', 'packages/core/src', 'packages/contracts/src', 'packages/db/src', 'packages/stats/src', 'packages/geo/src', 'packages/incident-data/src'];

function newest(dir) {
  if (!existsSync(dir)) return 0;
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

export function serverStale() {
  const outputs = [SERVER_BUNDLE, IMPORT_WORKER, MONITOR_WORKER];
  if (!outputs.every((f) => existsSync(f))) return true;
  const built = Math.min(...outputs.map((f) => statSync(f).mtimeMs));
  return SOURCES.some((d) => newest(join(root, d)) > built);
}

/** Everything that is not one of our workspaces, a relative file or JSON data stays an import. */
const externalThirdParty = {
  name: 'external-third-party',
  setup(b) {
    b.onResolve({ filter: /^[^./]/ }, (args) => (args.path.startsWith('@entente/') || args.path.endsWith('.json') ? undefined : { path: args.path, external: true }));
  },
};

export async function buildServer() {
  await build({
    entryPoints: {
      main: join(root, 'apps/api/src/main.ts'),
      'import-worker': join(root, 'packages/db/src/incidents/stage-worker.ts'),
      'monitor-worker': join(root, 'apps/api/src/monitors/monitor-worker-entry.ts'),
    },
    outdir: join(root, 'apps/api/dist'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    sourcemap: true,
    plugins: [externalThirdParty],
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  if (process.argv.includes('--if-stale') && !serverStale()) process.exit(0);
  const t0 = Date.now();
  await buildServer();
  console.log(`Built the server bundle in ${Date.now() - t0} ms: ${SERVER_BUNDLE}`);
}
