#!/usr/bin/env node
// `npm test`: every check, in order of cost: format, lint (with the dependency rule),
// types, unit and integration tests on real PostgreSQL, then the browser journeys.
import { spawnSync } from 'node:child_process';

const steps = [
  ['lint', ['npm', 'run', 'lint']],
  ['types', ['npm', 'run', 'typecheck']],
  ['unit + integration', ['npx', 'vitest', 'run']],
  ['web build', ['npm', 'run', 'build', '-w', 'apps/web']],
  ['browser journeys', ['npm', 'run', 'test', '-w', 'e2e']],
];
const only = process.argv.slice(2);
for (const [name, cmd] of steps) {
  if (only.length && !only.includes(name.split(' ')[0])) continue;
  const t0 = Date.now();
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd[0], cmd.slice(1), { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✖ ${name} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
  console.log(`✔ ${name} (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
}
