/**
 * Browser-journey harness: a real server (embedded PostgreSQL, demo data) on loopback in a
 * throwaway data folder, and Debian's Chromium driven by playwright-core (never a downloaded browser).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { TOTP, Secret } from 'otpauth';
import { DEMO_PASSWORD, demoTotpSecret } from '@entente/db';

const root = fileURLToPath(new URL('..', import.meta.url));
export const SCREENSHOTS = join(root, 'e2e/screenshots');

export interface Server {
  url: string;
  stop(): Promise<void>;
}

/** Start the built app exactly as `npm start` runs it, on the given ports. */
export async function startServer(port: number, pgPort: number): Promise<Server> {
  const dir = mkdtempSync(join(tmpdir(), 'entente-e2e-'));
  chmodSync(dir, 0o755);
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(root, 'apps/api/src/main.ts')], {
    cwd: root,
    env: { ...process.env, ENTENTE_DATA_DIR: dir, ENTENTE_PORT: String(port), ENTENTE_EMBEDDED_PG_PORT: String(pgPort), ENTENTE_LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start in 90 s:\n${out}`)), 90_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (out.includes('Entente is ready')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      child.removeAllListeners('exit');
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Debian's Chromium, headless, with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-quic', '--no-first-run', '--disable-component-update', '--disable-sync'],
  });
}

/** Log in through the real pages: consent to the notice, password, and TOTP when asked. */
export async function logIn(page: Page, base: string, username: string): Promise<void> {
  await page.goto(`${base}/login`);
  await page.getByRole('button', { name: /consent/i }).click();
  await page.getByLabel(/username/i).fill(username);
  await page.getByLabel(/password/i).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: /log in|sign in/i }).click();
  const totp = page.getByLabel(/code/i);
  const needsCode = await Promise.race([
    totp.waitFor({ timeout: 15_000 }).then(() => true),
    page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 }).then(() => false),
  ]);
  if (needsCode) {
    await totp.fill(new TOTP({ secret: Secret.fromBase32(demoTotpSecret(username)) }).generate());
    await page.getByRole('button', { name: /verify|continue|log in/i }).click();
    await page.waitForURL((u) => !u.pathname.startsWith('/login'), { timeout: 15_000 });
  }
}

export function screenshotPath(name: string): string {
  mkdirSync(SCREENSHOTS, { recursive: true });
  return join(SCREENSHOTS, `${name}.png`);
}

/** An API session for setting up or checking a journey (login with TOTP when needed). */
export async function apiSession(base: string, username: string) {
  let cookie = '';
  const take = (r: Response) => {
    const c = r.headers.get('set-cookie');
    if (c) cookie = c.split(';')[0] ?? '';
  };
  const notice = ((await (await fetch(`${base}/api/v1/auth/login-page`)).json()) as { data: { notice: { version: string } } }).data.notice.version;
  const r = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD, noticeVersion: notice }) });
  take(r);
  if (((await r.json()) as { data: { mfaRequired: boolean } }).data.mfaRequired) {
    const totp = new TOTP({ secret: Secret.fromBase32(demoTotpSecret(username)) });
    const send = async () => {
      const t = await fetch(`${base}/api/v1/auth/totp`, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ code: totp.generate() }) });
      take(t);
      return t.ok;
    };
    // A code is accepted once per 30-second step (replay protection): when the browser of the same
    // journey has just used it, wait for the next step.
    if (!(await send())) {
      await new Promise((res) => setTimeout(res, (totp.period - ((Date.now() / 1000) % totp.period)) * 1000 + 500));
      if (!(await send())) throw new Error(`apiSession: TOTP refused for ${username}`);
    }
  }
  return {
    get: async <T>(path: string): Promise<T> => {
      const res = await fetch(`${base}${path}`, { headers: { cookie } });
      if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status} ${await res.text()}`);
      return ((await res.json()) as { data: T }).data;
    },
  };
}
