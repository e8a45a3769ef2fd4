// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byRole, click } from '../testing/dom';
import { setCsrfToken } from './api';
import { endpoints } from './endpoints';

const LABEL = { banner: 'HUB OFFICIAL//REL TO XHN', colour: '#007a33', textColour: '#ffffff' };
const ME = {
  id: 'u1',
  username: 'planner',
  displayName: 'Planner',
  orgCode: 'XHN-MOD',
  orgName: 'MoD',
  nationality: 'XHN',
  partner: false,
  roles: ['planner'],
  assurance: 'password',
  csrfToken: 't0k',
};
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
/** Let the notice render and the calls finish: poll (a loaded machine may need more than a few ticks). */
const until = async (check: () => boolean, what: string) => {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await act(async () => new Promise((r) => setTimeout(r, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
};

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  document.body.innerHTML = '';
});

describe('the notice again in a running session', () => {
  it('shows the notice when /auth/me says noticeRequired, posts the consent with the version, and goes on', async () => {
    const calls: string[] = [];
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        calls.push(`${init?.method ?? 'GET'} ${url} ${init?.body ?? ''}`);
        if (url.endsWith('/auth/me'))
          return json(200, { data: { ...ME, noticeRequired: true }, meta: { pageLabel: LABEL } });
        if (url.endsWith('/auth/login-page'))
          return json(200, {
            data: {
              notice: { text: 'You consent to monitoring.', version: 'v2' },
              demoAccounts: [],
              banner: LABEL.banner,
            },
            meta: { pageLabel: LABEL },
          });
        if (url.endsWith('/auth/consent'))
          return json(200, { data: { ...ME, noticeRequired: false }, meta: { pageLabel: LABEL } });
        return json(404, { error: { code: 'not_found', message: 'no', requestId: 'r' } });
      }),
    );
    const me = endpoints.me();
    await until(() => /Notice version v2/.test(document.body.textContent ?? ''), 'the notice');
    expect(document.body.textContent).toMatch(/You consent to monitoring/);
    expect(document.body.textContent).toMatch(/Notice version v2/);
    await click(byRole(document.body, 'button', 'I understand and consent'));
    await until(() => calls.length === 3 && !document.body.querySelector('[role="dialog"]'), 'the consent');
    expect((await me).data.noticeRequired).toBe(false);
    expect(calls).toEqual([
      'GET /api/v1/auth/me ',
      'GET /api/v1/auth/login-page ',
      'POST /api/v1/auth/consent {"noticeVersion":"v2"}',
    ]);
    expect(document.body.querySelector('[role="dialog"]')).toBeNull();
  });

  it('passes a current consent straight through', async () => {
    const fetch = vi.fn(async () =>
      json(200, { data: { ...ME, noticeRequired: false }, meta: { pageLabel: LABEL } }),
    );
    vi.stubGlobal('fetch', fetch);
    expect((await endpoints.me()).data.username).toBe('planner');
    expect(fetch).toHaveBeenCalledTimes(1);
  });
});
