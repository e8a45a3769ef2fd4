/** ACCESS.md §8: recovery codes, step-up for sensitive actions, the notice again after 24 hours, re-hash on login. */
import { TOTP, Secret } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, demoTotpSecret } from '@entente/db';
import { startTestApp } from '../testing';

let t: Awaited<ReturnType<typeof startTestApp>>;
let notice: string;
beforeAll(async () => {
  t = await startTestApp();
  notice = (await t.app.inject({ url: '/api/v1/auth/login-page' })).json().data.notice.version;
});
afterAll(() => t.close());

const totpNow = (username: string) =>
  new TOTP({ secret: Secret.fromBase32(demoTotpSecret(username)) }).generate();
/** The replay guard refuses a second code in the same 30 s step; tests reuse steps, so clear it. */
const clearReplay = (username: string) =>
  t.owner().query('UPDATE app_user SET totp_last_step = NULL WHERE username = $1', [username]);
const count = async (sql: string, params: unknown[] = []) =>
  (await t.owner().query(sql, params)).rows[0].n as number;
/** Push every session of a user back in time: the last factor check is `minutes` old. */
const ageFactorCheck = (username: string, minutes: number) =>
  t
    .owner()
    .query(
      `UPDATE session SET mfa_at = now() - make_interval(mins => $2) WHERE user_id = (SELECT id FROM app_user WHERE username = $1)`,
      [username, minutes],
    );

describe('recovery codes', () => {
  let codes: string[] = [];

  it('generates ten codes once after a fresh TOTP check, stores them argon2id-hashed and audits it', async () => {
    const a = await t.login('leader');
    expect((await a.get('/api/v1/auth/recovery-codes')).body.data).toEqual({ enrolled: true, remaining: 0 });
    // A recovery code (or nothing) is not a fresh TOTP check.
    expect((await a.send('POST', '/api/v1/auth/recovery-codes', { code: 'abcde-fghij' })).status).toBe(400);
    await clearReplay('leader');
    const r = await a.send('POST', '/api/v1/auth/recovery-codes', { code: totpNow('leader') });
    expect(r.status).toBe(200);
    codes = r.body.data.codes;
    expect(codes).toHaveLength(10);
    expect(new Set(codes).size).toBe(10);
    for (const c of codes) expect(c).toMatch(/^[a-z2-7]{5}-[a-z2-7]{5}$/);
    const rows = (
      await t
        .owner()
        .query(
          "SELECT code_hash FROM recovery_code WHERE user_id = (SELECT id FROM app_user WHERE username = 'leader')",
        )
    ).rows;
    expect(rows).toHaveLength(10);
    for (const { code_hash } of rows) {
      expect(code_hash).toMatch(/^\$argon2id\$/);
      for (const c of codes) expect(code_hash).not.toContain(c.replace('-', ''));
    }
    expect(
      await count(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.recovery_codes_generated'",
      ),
    ).toBe(1);
    // Shown once: the status read gives the count only.
    expect((await a.get('/api/v1/auth/recovery-codes')).body.data).toEqual({ enrolled: true, remaining: 10 });
    expect((await a.get('/api/v1/auth/me')).body.data.recoveryCodesLeft).toBe(10);
  });

  it('lets a recovery code stand in for TOTP at login, once, and audits each use with the count left', async () => {
    const loginPw = async () => {
      const r = await t.app.inject({
        method: 'POST',
        url: '/api/v1/auth/login',
        payload: { username: 'leader', password: DEMO_PASSWORD, noticeVersion: notice },
      });
      return String(r.headers['set-cookie']).split(';')[0] as string;
    };
    const code = codes[0] as string;
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp',
      payload: { code: code.toUpperCase() },
      headers: { cookie: await loginPw() },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().data.me).toMatchObject({ username: 'leader', assurance: 'mfa', recoveryCodesLeft: 9 });
    expect(ok.json().data.recoveryCodesLeft).toBe(9);
    const again = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp',
      payload: { code },
      headers: { cookie: await loginPw() },
    });
    expect(again.statusCode).toBe(401);
    expect(again.json().error.message).toBe('invalid credentials');
    const used = (
      await t.owner().query("SELECT details FROM audit_event WHERE action = 'auth.recovery_code_used'")
    ).rows;
    expect(used).toHaveLength(1);
    expect(used[0].details).toEqual({ remaining: 9 });
    expect(await count('SELECT count(*)::int AS n FROM recovery_code WHERE used_at IS NOT NULL')).toBe(1);
  });

  it('replaces the old set when generated again', async () => {
    const a = await t.login('leader');
    await clearReplay('leader');
    const r = await a.send('POST', '/api/v1/auth/recovery-codes', { code: totpNow('leader') });
    expect(r.status).toBe(200);
    expect(
      await count(
        "SELECT count(*)::int AS n FROM recovery_code WHERE user_id = (SELECT id FROM app_user WHERE username = 'leader')",
      ),
    ).toBe(10);
    const cookie = String(
      (
        await t.app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          payload: { username: 'leader', password: DEMO_PASSWORD, noticeVersion: notice },
        })
      ).headers['set-cookie'],
    ).split(';')[0] as string;
    const old = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/totp',
      payload: { code: codes[1] },
      headers: { cookie },
    });
    expect(old.statusCode).toBe(401);
    // The failures counted towards the lockout; reset them for the next tests.
    await t
      .owner()
      .query("UPDATE app_user SET failed_count = 0, locked_until = NULL WHERE username = 'leader'");
  });
});

describe('step-up', () => {
  it('refuses an unlock with step_up_required when the last factor check is over 5 minutes old, and allows it after POST /auth/step-up', async () => {
    const id = (await t.owner().query("SELECT id FROM app_user WHERE username = 'planner'")).rows[0].id;
    const admin = await t.login('admin');
    await ageFactorCheck('admin', 6);
    const refused = await admin.send('POST', `/api/v1/admin/users/${id}/unlock`);
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('step_up_required');
    expect(await count("SELECT count(*)::int AS n FROM audit_event WHERE action = 'user.unlocked'")).toBe(0);
    // A wrong code does not step up.
    expect((await admin.send('POST', '/api/v1/auth/step-up', { code: '000000' })).status).toBe(401);
    await t.owner().query("UPDATE app_user SET failed_count = 0 WHERE username = 'admin'");
    await clearReplay('admin');
    const up = await admin.send('POST', '/api/v1/auth/step-up', { code: totpNow('admin') });
    expect(up.status).toBe(200);
    expect(up.body.data).toEqual({ ok: true, recoveryCodesLeft: null });
    expect(await count("SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.step_up'")).toBe(1);
    expect((await admin.send('POST', `/api/v1/admin/users/${id}/unlock`)).status).toBe(200);
    // Within the window, no second prompt.
    await ageFactorCheck('admin', 4);
    expect((await admin.send('POST', `/api/v1/admin/users/${id}/unlock`)).status).toBe(200);
  });

  it('refuses step-up to an account without a second factor, without counting a failure', async () => {
    const a = await t.login('resources');
    const r = await a.send('POST', '/api/v1/auth/step-up', { code: '123456' });
    expect(r.status).toBe(403);
    expect(r.body.error.code).toBe('forbidden');
    expect(
      (await t.owner().query("SELECT failed_count FROM app_user WHERE username = 'resources'")).rows[0]
        .failed_count,
    ).toBe(0);
  });

  it('accepts a recovery code at step-up', async () => {
    const a = await t.login('intel.liaison');
    await clearReplay('intel.liaison');
    const codes: string[] = (
      await a.send('POST', '/api/v1/auth/recovery-codes', { code: totpNow('intel.liaison') })
    ).body.data.codes;
    await ageFactorCheck('intel.liaison', 10);
    const up = await a.send('POST', '/api/v1/auth/step-up', { code: codes[3] });
    expect(up.status).toBe(200);
    expect(up.body.data.recoveryCodesLeft).toBe(9);
    const mfaAt = (
      await t
        .owner()
        .query(
          "SELECT max(mfa_at) AS at FROM session WHERE user_id = (SELECT id FROM app_user WHERE username = 'intel.liaison')",
        )
    ).rows[0].at as Date;
    expect(Date.now() - mfaAt.getTime()).toBeLessThan(60_000);
  });

  it('asks for step-up on an export that holds HUB-CONFIDENTIAL or above, not on an OFFICIAL one', async () => {
    const a = await t.login('analyst');
    // What the analyst may export (fresh factor check at login): one code at HC or above, one at OFFICIAL.
    const all = (await a.get('/api/v1/engagements/export.csv')).text.split('\r\n');
    const codeAt = (re: RegExp) => all.find((l) => re.test(l))?.split(',')[0] as string;
    const hc = codeAt(/,HUB-(CONFIDENTIAL|SECRET),/);
    const official = codeAt(/,HUB-OFFICIAL,/);
    expect(hc).toBeTruthy();
    expect(official).toBeTruthy();
    await ageFactorCheck('analyst', 6);
    const low = await a.get(`/api/v1/engagements/export.csv?q=${encodeURIComponent(official)}`);
    expect(low.status).toBe(200);
    expect(low.text).toContain(official);
    const high = await a.get(`/api/v1/engagements/export.csv?q=${encodeURIComponent(hc)}`);
    expect(high.status).toBe(403);
    expect(high.body.error.code).toBe('step_up_required');
    expect((await a.get(`/api/v1/engagements/export.ics?q=${encodeURIComponent(hc)}`)).body.error.code).toBe(
      'step_up_required',
    );
    await clearReplay('analyst');
    expect((await a.send('POST', '/api/v1/auth/step-up', { code: totpNow('analyst') })).status).toBe(200);
    const after = await a.get(`/api/v1/engagements/export.csv?q=${encodeURIComponent(hc)}`);
    expect(after.status).toBe(200);
    expect(after.text).toContain(hc);
  });
});

describe('notice and consent in a running session', () => {
  it('asks again when the consent is over 24 hours old or for another banner version; consent is audited with the SHA-256', async () => {
    const a = await t.login('planner');
    expect((await a.get('/api/v1/auth/me')).body.data.noticeRequired).toBe(false);
    const ownSessions = "user_id = (SELECT id FROM app_user WHERE username = 'planner')";
    await t.owner().query(`UPDATE session SET consent_at = now() - interval '25 hours' WHERE ${ownSessions}`);
    expect((await a.get('/api/v1/auth/me')).body.data.noticeRequired).toBe(true);
    expect((await a.send('POST', '/api/v1/auth/consent', { noticeVersion: 'old-version' })).status).toBe(400);
    const ok = await a.send('POST', '/api/v1/auth/consent', { noticeVersion: notice });
    expect(ok.status).toBe(200);
    expect(ok.body.data.noticeRequired).toBe(false);
    expect((await a.get('/api/v1/auth/me')).body.data.noticeRequired).toBe(false);
    const ev = (await t.owner().query("SELECT details FROM audit_event WHERE action = 'auth.consent'")).rows;
    expect(ev).toHaveLength(1);
    expect(ev[0].details.noticeVersion).toBe(notice);
    expect(ev[0].details.noticeSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(ev[0].details.noticeSha256.startsWith(notice)).toBe(true);
    await t.owner().query(`UPDATE session SET notice_version = 'an-older-text' WHERE ${ownSessions}`);
    expect((await a.get('/api/v1/auth/me')).body.data.noticeRequired).toBe(true);
  });
});

describe('re-hash on login', () => {
  it('re-hashes a password made with older argon2 parameters', async () => {
    const { hash } = await import('@node-rs/argon2');
    const weak = await hash(DEMO_PASSWORD, { algorithm: 2, memoryCost: 19456, timeCost: 2, parallelism: 1 });
    await t.owner().query("UPDATE app_user SET password_hash = $1 WHERE username = 'resources'", [weak]);
    await t.login('resources');
    const now = (await t.owner().query("SELECT password_hash FROM app_user WHERE username = 'resources'"))
      .rows[0].password_hash as string;
    expect(now).toMatch(/^\$argon2id\$v=19\$m=65536,t=3,p=1\$/);
    expect(
      await count(
        "SELECT count(*)::int AS n FROM audit_event WHERE action = 'auth.login' AND details->>'rehashed' = 'true'",
      ),
    ).toBe(1);
  });
});
