// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Me, ROUTES } from '@entente/contracts';
import { ApiError, api, setCsrfToken, setUnauthorizedHandler, toQueryString } from './api';
import { getPageLabel, resetPageLabel } from '../app/pageLabelStore';

const LABEL = { banner: 'HUB RESTRICTED//REL TO XHN', colour: '#a05000', textColour: '#ffffff' };
const ME = {
  id: 'u1',
  username: 'desk',
  displayName: 'Desk Officer',
  orgCode: 'XHN-MOD',
  orgName: 'MoD',
  nationality: 'XHN',
  partner: false,
  roles: ['planner'],
  assurance: 'password',
  csrfToken: 't0k',
};

function respond(status: number, body: unknown) {
  return vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } }),
  );
}

afterEach(() => {
  vi.unstubAllGlobals();
  setCsrfToken(null);
  setUnauthorizedHandler(null);
  resetPageLabel();
});

describe('api client', () => {
  it('parses the envelope with the contract and records the page label', async () => {
    vi.stubGlobal('fetch', respond(200, { data: ME, meta: { pageLabel: LABEL } }));
    const r = await api.get(ROUTES.me, Me);
    expect(r.data.displayName).toBe('Desk Officer');
    expect(r.pageLabel).toEqual(LABEL);
    expect(getPageLabel()).toEqual(LABEL);
  });

  it('sends same-origin credentials, JSON and the CSRF token on writes', async () => {
    const fetch = respond(200, { data: ME, meta: { pageLabel: LABEL } });
    vi.stubGlobal('fetch', fetch);
    setCsrfToken('secret-token');
    await api.post(ROUTES.totp, Me, { code: '123456' });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe('/api/v1/auth/totp');
    expect(init?.credentials).toBe('same-origin');
    expect((init?.headers as Record<string, string>)['X-CSRF-Token']).toBe('secret-token');
    expect(init?.body).toBe('{"code":"123456"}');
  });

  it('turns the error envelope into an ApiError with field paths, and a 401 into a trip to login', async () => {
    vi.stubGlobal(
      'fetch',
      respond(400, {
        error: {
          code: 'validation',
          message: 'bad input',
          requestId: 'r9',
          fields: [{ path: 'objectiveIds', message: 'required' }],
        },
      }),
    );
    const err = await api.get(ROUTES.me, Me).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).fields).toEqual([{ path: 'objectiveIds', message: 'required' }]);

    const onUnauthorized = vi.fn();
    setUnauthorizedHandler(onUnauthorized);
    vi.stubGlobal(
      'fetch',
      respond(401, { error: { code: 'unauthenticated', message: 'sign in', requestId: 'r10' } }),
    );
    await expect(api.get(ROUTES.dashboard, Me)).rejects.toThrow('sign in');
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('writes list filters as comma-separated params and drops empty ones', () => {
    expect(toQueryString({ type: ['joint_exercise', 'staff_talks'], q: '', year: 2025, status: [] })).toBe(
      '?type=joint_exercise%2Cstaff_talks&year=2025',
    );
  });
});
