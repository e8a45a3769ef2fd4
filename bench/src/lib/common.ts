/**
 * What every benchmark shares: where the bench database lives, its seed, the machine facts a
 * figure must state (BENCHMARKS.md "Rules"), and the results file each figure is appended to.
 */
import { execFileSync } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

export const BENCH_DIR = fileURLToPath(new URL('../..', import.meta.url));
export const REPO_DIR = fileURLToPath(new URL('../../..', import.meta.url));
/** Where figures are appended (BENCH_RESULTS_DIR for experiments that must not mix with the record). */
export const RESULTS_DIR = process.env.BENCH_RESULTS_DIR ?? `${BENCH_DIR}results`;

/** The bench database folder (embedded PostgreSQL), kept out of git by bench/.gitignore. */
export const DATA_DIR = process.env.BENCH_DATA_DIR ?? `${BENCH_DIR}.data`;
/** The port of the bench's embedded PostgreSQL (127.0.0.1 only); not the app's default 54329. */
export const PG_PORT = Number(process.env.BENCH_PG_PORT ?? 54391);
/** The data-set seed: the same seed gives the same rows, ids included. */
export const SEED = process.env.BENCH_SEED ?? 'entente-bench-1';

/** Seconds of load per endpoint and user (BENCHMARKS.md: 20 s; BENCH_SECONDS=5 for a smoke run). */
export const benchSeconds = () => Number(process.env.BENCH_SECONDS ?? 20);

export interface Machine {
  cores: number;
  cpu: string;
  memoryGiB: number;
  node: string;
  platform: string;
}

export function machine(): Machine {
  const cpus = os.cpus();
  return {
    cores: cpus.length,
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    platform: `${os.platform()} ${os.release()}`,
  };
}

let commitCache: string | undefined;
/** The commit the benchmark ran on (with `+dirty` when the work tree has changes). */
export function commit(): string {
  if (commitCache) return commitCache;
  try {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: REPO_DIR, encoding: 'utf8' }).trim();
    const dirty = execFileSync('git', ['status', '--porcelain'], { cwd: REPO_DIR, encoding: 'utf8' }).trim().length > 0;
    commitCache = dirty ? `${head}+dirty` : head;
  } catch {
    commitCache = 'unknown';
  }
  return commitCache;
}

export const today = () => new Date().toISOString().slice(0, 10);

export interface Figure {
  bench: string;
  figure: string;
  value: number;
  unit: string;
  goal?: string;
  [key: string]: unknown;
}

/**
 * Print one figure as one JSON line and append the same line to
 * `bench/results/<YYYY-MM-DD>-<bench>.json` (JSON Lines: one object per line).
 */
export function report(file: string, f: Figure, context: Record<string, unknown>): void {
  const line = JSON.stringify({ ...f, ...context, machine: machine(), seed: SEED, commit: commit(), at: new Date().toISOString() });
  console.log(line);
  mkdirSync(RESULTS_DIR, { recursive: true });
  appendFileSync(`${RESULTS_DIR}/${today()}-${file}.json`, `${line}\n`);
}

/** A TCP port that is free on 127.0.0.1 right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      const port = typeof a === 'object' && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Milliseconds with two decimals, for printing. */
export const ms2 = (x: number) => Math.round(x * 100) / 100;

/** A plain text table. */
export function printTable(head: string[], rows: string[][]): void {
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((x, i) => x.padEnd(w[i] ?? 0)).join('  ');
  console.log(`\n${line(head)}\n${w.map((n) => '-'.repeat(n)).join('  ')}`);
  for (const r of rows) console.log(line(r));
}
