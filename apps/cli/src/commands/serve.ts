/** `entente serve`: run the server (the API is its own process; the CLI never imports it). */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export function serve(): void {
  const main = fileURLToPath(new URL('../../../api/src/main.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', main], { stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM'] as const) process.on(sig, () => child.kill(sig));
  child.on('exit', (code) => process.exit(code ?? 0));
}
