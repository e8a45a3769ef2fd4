/** Test harness: a fresh seeded database per test file, the real app, and logged-in agents. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { inject } from 'vitest';
import { TOTP, Secret } from 'otpauth';
import { createTestDatabase, TEST_APP_PASSWORD, TEST_SECRET_KEY, type TestDatabase } from '@entente/db/testing';
import { DEMO_PASSWORD, demoTotpSecret } from '@entente/db';
import { loadConfig } from './config';
import { createLogger } from './logger';
import { createContext } from './create-context';
import { buildApp } from './app';
import type { AppContext } from './context';

export type TestApp = Awaited<ReturnType<typeof buildApp>>;

export interface Agent {
  username: string;
  csrf: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are read loosely
  get(url: string): Promise<{ status: number; body: any; text: string; headers: Record<string, unknown> }>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- test bodies are read loosely
  send(method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: unknown, headers?: Record<string, string>): Promise<{ status: number; body: any; text: string }>;
}

/** Boot the real app on a cloned database. */
export async function startTestApp(): Promise<{ app: TestApp; ctx: AppContext; db: TestDatabase; owner(): pg.Pool; close(): Promise<void>; login(username: string): Promise<Agent> }> {
  const db = await createTestDatabase(inject('pgServerUrl'));
  const config = loadConfig({
    ENTENTE_DATABASE_URL: db.ownerUrl,
    ENTENTE_APP_DATABASE_PASSWORD: TEST_APP_PASSWORD,
    ENTENTE_SECRET_KEY: TEST_SECRET_KEY,
    ENTENTE_SEED: 'demo',
    ENTENTE_LOG_LEVEL: 'silent',
    ENTENTE_DATA_DIR: mkdtempSync(join(tmpdir(), 'entente-api-')),
    // Tests use the shared marine polygons in place; the product ships none.
    ENTENTE_MARINE_POLYS: fileURLToPath(new URL('../../../../shared/testdata/geo/ne_10m_geography_marine_polys.json', import.meta.url)),
  });
  const { ctx, booted } = await createContext(config, createLogger('silent'));
  const app = await buildApp(ctx);
  await app.ready();
  const login = async (username: string): Promise<Agent> => {
    const page = await app.inject({ method: 'GET', url: '/api/v1/auth/login-page' });
    const noticeVersion = page.json().data.notice.version as string;
    const r = await app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password: DEMO_PASSWORD, noticeVersion } });
    if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
    let cookie = String(r.headers['set-cookie']).split(';')[0] as string;
    let me = r.json().data.me;
    if (r.json().data.mfaRequired) {
      // Tests log the same user in more than once within a 30 s step; the replay guard would refuse it.
      await booted.owner.pool.query('UPDATE app_user SET totp_last_step = NULL WHERE username = $1', [username]);
      const code = new TOTP({ secret: Secret.fromBase32(demoTotpSecret(username)) }).generate();
      const t = await app.inject({ method: 'POST', url: '/api/v1/auth/totp', payload: { code }, headers: { cookie, 'x-csrf-token': 'none' } });
      if (t.statusCode !== 200) throw new Error(`totp ${username}: ${t.statusCode} ${t.body}`);
      cookie = String(t.headers['set-cookie']).split(';')[0] as string;
      me = t.json().data.me;
    }
    const csrf = me.csrfToken as string;
    return {
      username,
      csrf,
      get: async (url) => {
        const x = await app.inject({ method: 'GET', url, headers: { cookie } });
        return { status: x.statusCode, body: x.headers['content-type']?.toString().includes('json') ? x.json() : null, text: x.body, headers: x.headers };
      },
      send: async (method, url, payload, headers = {}) => {
        const x = await app.inject({ method, url, payload: payload as string, headers: { cookie, 'x-csrf-token': csrf, ...headers } });
        return { status: x.statusCode, body: x.headers['content-type']?.toString().includes('json') ? x.json() : null, text: x.body };
      },
    };
  };
  return {
    app,
    ctx,
    db,
    login,
    owner: () => booted.owner.pool,
    close: async () => {
      await app.close();
      await booted.stop();
      await db.drop();
    },
  };
}
