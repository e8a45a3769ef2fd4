/** The API server as a child process (`node apps/api/dist/main.mjs`, as `npm start` runs it), started and stopped by PID. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { REPO_DIR, sleep } from './common';

export interface ApiProcess {
  child: ChildProcess;
  pid: number;
  port: number;
  /** Milliseconds from spawn to the "Entente is ready" line, and the server's own "started in" seconds. */
  ready: Promise<{ ms: number; selfReportedS: number | null }>;
  output(): string;
  stop(): Promise<void>;
}

export interface ApiOptions {
  dataDir: string;
  pgPort: number;
  port: number;
  seed: 'demo' | 'none';
  logLevel: string;
  timeoutMs?: number;
}

/** Build the server bundle when a source is newer than it (what `npm start` does before starting). */
export function ensureServerBundle(): void {
  const r = spawnSync(process.execPath, ['scripts/build-server.mjs', '--if-stale'], {
    cwd: REPO_DIR,
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('could not build the server bundle');
}

/** Spawn the server on 127.0.0.1 with its own data folder and ports; the environment's ENTENTE_* are not inherited. */
export function startApi(o: ApiOptions): ApiProcess {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('ENTENTE_')) env[k] = v;
  Object.assign(env, {
    ENTENTE_DATA_DIR: o.dataDir,
    ENTENTE_EMBEDDED_PG_PORT: String(o.pgPort),
    ENTENTE_HOST: '127.0.0.1',
    ENTENTE_PORT: String(o.port),
    ENTENTE_SEED: o.seed,
    ENTENTE_LOG_LEVEL: o.logLevel,
  });
  // The server runs as `npm start` runs it: from the prebuilt bundle (ensureServerBundle() first).
  const t0 = performance.now();
  // BENCH_API_NODE_ARGS adds node flags to the server (e.g. `--cpu-prof --cpu-prof-dir=/tmp/prof` to profile it).
  const extra = (process.env.BENCH_API_NODE_ARGS ?? '').split(/\s+/).filter(Boolean);
  const child = spawn(process.execPath, ['--enable-source-maps', ...extra, 'apps/api/dist/main.mjs'], {
    cwd: REPO_DIR,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  if (child.pid === undefined) throw new Error('could not start the API server');
  const pid = child.pid;
  let out = '';
  const keep = (b: Buffer) => {
    out += b.toString('utf8');
    if (out.length > 200_000) out = out.slice(-100_000);
  };
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  let exited = false;
  const exit = new Promise<void>((resolve) => child.once('exit', () => ((exited = true), resolve())));
  const ready = new Promise<{ ms: number; selfReportedS: number | null }>((resolve, reject) => {
    const timer = setTimeout(
      () =>
        reject(
          new Error(
            `the API did not print 'Entente is ready' within ${(o.timeoutMs ?? 180_000) / 1000} s:\n${out.slice(-3000)}`,
          ),
        ),
      o.timeoutMs ?? 180_000,
    );
    const onData = () => {
      if (!out.includes('Entente is ready')) return;
      const ms = performance.now() - t0;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      const m = /started in ([\d.]+) s/.exec(out);
      resolve({ ms, selfReportedS: m ? Number(m[1]) : null });
    };
    child.stdout?.on('data', onData);
    void exit.then(() => {
      clearTimeout(timer);
      reject(new Error(`the API exited before it was ready:\n${out.slice(-3000)}`));
    });
  });
  ready.catch(() => {});
  return {
    child,
    pid,
    port: o.port,
    ready,
    output: () => out,
    async stop() {
      if (exited) return;
      process.kill(pid, 'SIGTERM'); // main.ts closes the app and stops its embedded PostgreSQL
      const done = await Promise.race([exit.then(() => true), sleep(30_000).then(() => false)]);
      if (done) return;
      process.kill(pid, 'SIGKILL');
      await exit;
      // The embedded PostgreSQL it started outlives a SIGKILL: stop it by the PID in its postmaster.pid.
      const pidFile = `${o.dataDir}/pg/postmaster.pid`;
      if (existsSync(pidFile)) {
        const pgPid = Number(readFileSync(pidFile, 'utf8').split('\n')[0]);
        if (pgPid > 0) process.kill(pgPid, 'SIGINT');
      }
    },
  };
}
