/**
 * `npm run bench`: B8, then the data set (generated only when bench/.data has none), then B2/B3,
 * then the table of the latest figures. Each step is a child process, waited for by PID.
 */
import { spawn } from 'node:child_process';
import { BENCH_DIR } from './lib/common';
import { generated } from './lib/database';

function run(script: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `src/${script}`], { cwd: BENCH_DIR, stdio: 'inherit' });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${script} exited with ${code}`))));
  });
}

console.log('== B8 start-up');
await run('b8-startup.ts');
if (!generated()) {
  console.log('== Generating the ministry-scale data set');
  await run('generate.ts');
} else console.log('== The bench database exists (bench/.data); `npm run bench:generate -w bench` rebuilds it.');
console.log('== B2/B3 API reads and access-control overhead');
await run('b2-b3.ts');
console.log('== Latest figures');
await run('table.ts');
