/**
 * Logging in over HTTP, and a closed-loop load driver: N connections (keep-alive), each sending
 * its next request as soon as the last one finished, for a bounded time, on 127.0.0.1 only.
 */
import http from 'node:http';
import { performance } from 'node:perf_hooks';
import { TOTP, Secret } from 'otpauth';
import { DEMO_PASSWORD, demoTotpSecret } from '@entente/db';
import { sleep } from './common';

export interface Session {
  username: string;
  cookie: string;
}

async function json(res: Response): Promise<{ data?: Record<string, unknown>; error?: unknown }> {
  return (await res.json()) as { data?: Record<string, unknown>; error?: unknown };
}

const cookieOf = (res: Response) => {
  const c = res.headers.getSetCookie().find((x) => x.startsWith('entente_session='));
  if (!c) throw new Error('no session cookie in the response');
  return c.split(';')[0] as string;
};

/** The login flow of apps/api/src/testing.ts over HTTP: notice, password, TOTP when required. */
export async function login(base: string, username: string): Promise<Session> {
  if (!/^http:\/\/127\.0\.0\.1:\d+$/.test(base)) throw new Error('load is generated against 127.0.0.1 only');
  const page = await json(await fetch(`${base}/api/v1/auth/login-page`));
  const noticeVersion = (page.data?.notice as { version: string }).version;
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD, noticeVersion }) });
  if (r.status !== 200) throw new Error(`login ${username}: ${r.status} ${await r.text()}`);
  let cookie = cookieOf(r);
  const body = await json(r);
  if (body.data?.mfaRequired) {
    const totp = new TOTP({ secret: Secret.fromBase32(demoTotpSecret(username)) });
    // A code is accepted once per 30-second step: after a recent run, wait for the next step.
    for (let attempt = 0; attempt < 2; attempt++) {
      const t = await fetch(`${base}/api/v1/auth/totp`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': 'none' }, body: JSON.stringify({ code: totp.generate() }) });
      if (t.status === 200) {
        cookie = cookieOf(t);
        return { username, cookie };
      }
      if (attempt === 0) await sleep(31_000 - (Date.now() % 30_000));
      else throw new Error(`totp ${username}: ${t.status} ${await t.text()}`);
    }
  }
  return { username, cookie };
}

export interface LoadResult {
  latenciesMs: number[];
  requests: number;
  errors: number;
  seconds: number;
  bytes: number;
  statuses: Record<string, number>;
}

/** One GET; resolves with status and body size once the body is read. */
function get(agent: http.Agent, port: number, path: string, cookie: string): Promise<{ status: number; bytes: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path, method: 'GET', agent, headers: { cookie, accept: 'application/json' } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const buf = Buffer.concat(chunks);
        resolve({ status: res.statusCode ?? 0, bytes: buf.length, body: res.statusCode === 200 ? '' : buf.toString('utf8').slice(0, 300) });
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

/** Check each path once (200 expected) and return the response sizes. */
export async function probe(port: number, paths: string[], s: Session): Promise<number[]> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  try {
    const sizes: number[] = [];
    for (const p of paths) {
      const r = await get(agent, port, p, s.cookie);
      if (r.status !== 200) throw new Error(`GET ${p} as ${s.username}: ${r.status} ${r.body}`);
      sizes.push(r.bytes);
    }
    return sizes;
  } finally {
    agent.destroy();
  }
}

/** `connections` closed loops over `paths` (round-robin) for `seconds`. */
export async function drive(port: number, paths: string[], s: Session, seconds: number, connections: number): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const latenciesMs: number[] = [];
  const statuses: Record<string, number> = {};
  let errors = 0;
  let bytes = 0;
  let next = 0;
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const worker = async () => {
    while (performance.now() < end) {
      const path = paths[next++ % paths.length] as string;
      const t = performance.now();
      try {
        const r = await get(agent, port, path, s.cookie);
        latenciesMs.push(performance.now() - t);
        statuses[r.status] = (statuses[r.status] ?? 0) + 1;
        bytes += r.bytes;
        if (r.status !== 200) errors++;
      } catch {
        errors++;
      }
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  const elapsed = (performance.now() - t0) / 1000;
  agent.destroy();
  return { latenciesMs, requests: latenciesMs.length, errors, seconds: elapsed, bytes, statuses };
}

/** The q-quantile (nearest rank) of a sample. */
export function quantile(xs: number[], q: number): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))] as number;
}
