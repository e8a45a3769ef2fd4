/**
 * `npm run bench`: B8, then the data set (generated only when bench/.data has none), then B2/B3,
 * B1 (+ B9 of the import) and B4 (each on its own fresh database; BENCH_TINY=1 for CI sizes), then
 * the table of the latest figures. Each step is a child process, waited for by PID.
 */
import { spawn } from 'node:child_process';
import { BENCH_DIR } from './lib/common';
import { generated } from './lib/database';

function run(script: string, args: string[] = []): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/${script}`, ...args], {
      cwd: BENCH_DIR,
      stdio: 'inherit',
    });
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}`)),
    );
  });
}

console.log('== B8 start-up');
await run('b8-startup.ts');
if (!generated()) {
  console.log('== Generating the ministry-scale data set');
  await run('generate.ts');
} else
  console.log('== The bench database exists (bench/.data); `npm run bench:generate -w bench` rebuilds it.');
console.log('== B2/B3 API reads and access-control overhead');
await run('b2-b3.ts');
const tinyArgs = process.env.BENCH_TINY === '1' ? ['--tiny'] : [];
console.log('== B1 incident import (+ B9 import RSS)');
await run('b1-import.ts', tinyArgs);
console.log('== B4 evaluation and portfolio re-evaluation');
await run('b4-evaluate.ts', tinyArgs);
console.log('== Latest figures');
await run('table.ts');
