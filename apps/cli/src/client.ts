/** A small API client for user commands: logs in (with TOTP when asked) and sends the CSRF token. */
import { API_PREFIX, ROUTES, ErrorEnvelope, type Me } from '@entente/contracts';
import { Secret, TOTP } from 'otpauth';
import type { CliEnv } from './env';

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly fields: { path: string; message: string }[] = []) {
    super(message);
  }
}

export interface Session {
  request(method: string, path: string, body?: RequestInit['body'], headers?: Record<string, string>): Promise<Response>;
  json<T>(method: string, path: string, body?: unknown): Promise<T>;
}

async function fail(r: Response): Promise<never> {
  const body = await r.json().catch(() => null);
  const e = ErrorEnvelope.safeParse(body);
  if (e.success) throw new ApiError(r.status, e.data.error.message, e.data.error.fields ?? []);
  throw new ApiError(r.status, `HTTP ${r.status}`);
}

/** Log in as the configured user and return an authenticated session. */
export async function logIn(env: CliEnv): Promise<Session> {
  if (!env.user || !env.password) throw new ApiError(2, 'Set ENTENTE_USER and ENTENTE_PASSWORD (and ENTENTE_TOTP_SECRET when the account needs a second factor).');
  const base = env.url.replace(/\/$/, '') + API_PREFIX;
  let cookie = '';
  const take = (r: Response) => {
    const c = r.headers.get('set-cookie');
    if (c) cookie = c.split(';')[0] ?? '';
  };
  const page = await fetch(base + ROUTES.loginPage);
  if (!page.ok) await fail(page);
  const noticeVersion = ((await page.json()) as { data: { notice: { version: string } } }).data.notice.version;
  const r = await fetch(base + ROUTES.login, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: env.user, password: env.password, noticeVersion }) });
  if (!r.ok) await fail(r);
  take(r);
  let data = ((await r.json()) as { data: { mfaRequired: boolean; me: Me | null } }).data;
  if (data.mfaRequired) {
    if (!env.totpSecret) throw new ApiError(2, 'This account needs a second factor: set ENTENTE_TOTP_SECRET.');
    const code = new TOTP({ secret: Secret.fromBase32(env.totpSecret) }).generate();
    const t = await fetch(base + ROUTES.totp, { method: 'POST', headers: { 'content-type': 'application/json', cookie }, body: JSON.stringify({ code }) });
    if (!t.ok) await fail(t);
    take(t);
    data = ((await t.json()) as { data: { mfaRequired: boolean; me: Me | null } }).data;
  }
  const csrf = data.me?.csrfToken ?? '';
  const request = async (method: string, path: string, body?: RequestInit['body'], headers: Record<string, string> = {}) => {
    const res = await fetch(base + path, { method, body: body ?? null, headers: { cookie, 'x-csrf-token': csrf, ...headers }, duplex: 'half' } as RequestInit);
    if (!res.ok) await fail(res);
    return res;
  };
  return {
    request,
    json: async <T>(method: string, path: string, body?: unknown) => {
      const res = await request(method, path, body === undefined ? undefined : JSON.stringify(body), body === undefined ? {} : { 'content-type': 'application/json' });
      return ((await res.json()) as { data: T }).data;
    },
  };
}
