/** Authentication: notice and consent, invalid credentials, lockout, TOTP, CSRF, logout. */
import { TOTP, Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoTotpSecret } from '@entente/db';
import { startTestApp } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let notice: string;
const login = (username: string, password: string, noticeVersion = notice) =>
  t.app.inject({ method: 'POST', url: '/api/v1/auth/login', payload: { username, password, noticeVersion } });

beforeAll(async () => {
  t = await startTestApp();
  notice = (await t.app.inject({ url: '/api/v1/auth/login-page' })).json().data.notice.version;
});
afterAll(() => t.close());

describe('login', () => {
  it('lists the demo accounts and the notice before any credential', async () => {
    const r = (await t.app.inject({ url: '/api/v1/auth/login-page' })).json();
    expect(r.data.notice.text).toMatch(/consent to monitoring/);
    expect(r.data.demoAccounts.map((a: { username: string }) => a.username)).toContain('sen.liaison');
    expect(r.meta.pageLabel.banner).toBe('HUB OFFICIAL//REL TO XHN');
  });

  it('refuses a login that did not acknowledge the current notice', async () => {
    const r = await login('planner', DEMO_PASSWORD, 'old-version');
    expect(r.statusCode).toBe(400);
    expect(r.json().error.fields[0].path).toBe('noticeVersion');
  });

  it('says only "invalid credentials" for a wrong password and for an unknown user', async () => {
    const a = await login('planner', 'wrong-password-123');
    const b = await login('nobody.at.all', 'wrong-password-123');
    expect(a.statusCode).toBe(401);
    expect(b.statusCode).toBe(401);
    expect(a.json().error.message).toBe('invalid credentials');
    expect(b.json().error.message).toBe('invalid credentials');
  });

  it('locks an account after five failures, even against the right password', async () => {
    for (let i = 0; i < 5; i++)
      expect((await login('resources', `wrong-${i}-password`)).statusCode).toBe(401);
    const r = await login('resources', DEMO_PASSWORD);
    expect(r.statusCode).toBe(401);
    expect(r.json().error.message).toBe('invalid credentials');
    const ev = await t
      .owner()
      .query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.lockout'");
    expect(ev.rows[0].n).toBe(1);
    // A security officer unlocks it; the planner cannot.
    const id = (await t.owner().query("SELECT id FROM app_user WHERE username = 'resources'")).rows[0].id;
    const planner = await t.login('planner');
    expect((await planner.send('POST', `/api/v1/admin/users/${id}/unlock`)).status).toBe(404);
    const admin = await t.login('admin');
    expect((await admin.send('POST', `/api/v1/admin/users/${id}/unlock`)).status).toBe(200);
    expect((await login('resources', DEMO_PASSWORD)).statusCode).toBe(200);
  });

  it('requires TOTP from a partner user, and rejects a replayed code', async () => {
    const r = await login('ken.liaison', DEMO_PASSWORD);
    expect(r.json().data).toEqual({ mfaRequired: true, me: null });
    const cookie = String(r.headers['set-cookie']).split(';')[0] as string;
    // The half-logged-in session reaches nothing.
    expect((await t.app.inject({ url: '/api/v1/engagements', headers: { cookie } })).statusCode).toBe(401);
    const code = new TOTP({ secret: Secret.fromBase32(demoTotpSecret('ken.liaison')) }).generate();
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp',
      payload: { code },
      headers: { cookie },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data.me).toMatchObject({ username: 'ken.liaison', partner: true, assurance: 'mfa' });
    // The session id rotated at MFA: the old cookie is dead.
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const again = await login('ken.liaison', DEMO_PASSWORD);
    const cookie2 = String(again.headers['set-cookie']).split(';')[0] as string;
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp',
      payload: { code },
      headers: { cookie: cookie2 },
    });
    expect(replay.statusCode).toBe(401);
  });
});

describe('sessions', () => {
  it('sets an HTTP-only SameSite=Strict cookie, needs the CSRF token on writes, and logs out', async () => {
    const r = await login('planner', DEMO_PASSWORD);
    const set = String(r.headers['set-cookie']);
    expect(set).toMatch(/HttpOnly/);
    expect(set).toMatch(/SameSite=Strict/);
    const cookie = set.split(';')[0] as string;
    const csrf = r.json().data.me.csrfToken;
    const noToken = await t.app.inject({ method: 'POST', url: '/api/v1/auth/logout', headers: { cookie } });
    expect(noToken.statusCode).toBe(403);
    const crossSite = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf, origin: 'https://evil.example' },
    });
    expect(crossSite.statusCode).toBe(403);
    const out = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/logout',
      headers: { cookie, 'x-csrf-token': csrf },
    });
    expect(out.statusCode).toBe(200);
    expect((await t.app.inject({ url: '/api/v1/auth/me', headers: { cookie } })).statusCode).toBe(401);
    const ev = await t
      .owner()
      .query("SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.logout'");
    expect(ev.rows[0].n).toBe(1);
  });
});
