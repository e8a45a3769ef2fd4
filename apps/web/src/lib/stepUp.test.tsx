// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { byLabel, byRole, click, mount, type, type Mounted } from '../testing/dom';
import { ApiError, api, setCsrfToken } from './api';
import { StepUpDialog, withStepUp } from './stepUp';

const LABEL = { banner: 'HUB CONFIDENTIAL//REL TO XHN', colour: '#0033a0', textColour: '#ffffff' };
const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
const STEP_UP = { error: { code: 'step_up_required', message: 'Confirm it is you.', requestId: 'r1' } };

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
  setCsrfToken(null);
  document.body.innerHTML = '';
});

/** Let pending promises and the dynamic import settle. */
const settle = async (times = 10) => {
  for (let i = 0; i < times; i++) await act(async () => new Promise((r) => setTimeout(r, 5)));
};

describe('step-up dialog', () => {
  it('is a labelled modal that focuses the code field, checks the format, and sends the code', async () => {
    const onVerify = vi.fn(async () => undefined);
    const onCancel = vi.fn();
    view = await mount(<StepUpDialog onVerify={onVerify} onCancel={onCancel} />);
    const dialog = view.container.querySelector('[role="dialog"]') as HTMLElement;
    expect(dialog.getAttribute('aria-modal')).toBe('true');
    expect(document.getElementById(dialog.getAttribute('aria-labelledby') ?? '')?.textContent).toBe(
      'Confirm it is you',
    );
    const input = byLabel(view.container, 'Authentication code');
    expect(document.activeElement).toBe(input);
    await type(input, '12ab');
    await click(byRole(view.container, 'button', 'Confirm'));
    expect(onVerify).not.toHaveBeenCalled();
    expect(view.container.querySelector('[role="alert"]')?.textContent).toMatch(/six digits/);
    await type(input, '123456');
    await click(byRole(view.container, 'button', 'Confirm'));
    expect(onVerify).toHaveBeenCalledWith('123456');
    // A recovery code is accepted too.
    await type(input, 'abcde-fghij');
    await click(byRole(view.container, 'button', 'Confirm'));
    expect(onVerify).toHaveBeenLastCalledWith('abcde-fghij');
    await act(async () =>
      dialog.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true })),
    );
    expect(onCancel).toHaveBeenCalled();
  });

  it('says so when the server refuses the code, and lets the user try again', async () => {
    const onVerify = vi.fn(async () => {
      throw new ApiError(401, 'unauthenticated', 'invalid credentials');
    });
    view = await mount(<StepUpDialog onVerify={onVerify} onCancel={() => undefined} />);
    const input = byLabel(view.container, 'Authentication code');
    await type(input, '654321');
    await click(byRole(view.container, 'button', 'Confirm'));
    expect(view.container.querySelector('[role="alert"]')?.textContent).toMatch(/not accepted/);
    expect(input.value).toBe('');
  });
});

describe('api calls that need step-up', () => {
  it('asks for the code on step_up_required, POSTs /auth/step-up, and retries the action once', async () => {
    setCsrfToken('t0k');
    const calls: { url: string; method: string; body: unknown; csrf: string | null }[] = [];
    let unlocks = 0;
    vi.stubGlobal(
      'fetch',
      vi.fn(async (url: string, init?: RequestInit) => {
        const headers = (init?.headers ?? {}) as Record<string, string>;
        calls.push({
          url,
          method: init?.method ?? 'GET',
          body: init?.body ? JSON.parse(String(init.body)) : null,
          csrf: headers['X-CSRF-Token'] ?? null,
        });
        if (url.endsWith('/auth/step-up'))
          return json(200, { data: { ok: true, recoveryCodesLeft: null }, meta: { pageLabel: LABEL } });
        unlocks += 1;
        return unlocks === 1
          ? json(403, STEP_UP)
          : json(200, { data: { id: 'u1', username: 'planner' }, meta: { pageLabel: LABEL } });
      }),
    );
    const result = api.post('/admin/users/u1/unlock', z.object({ id: z.string(), username: z.string() }));
    await settle();
    const dialog = document.body.querySelector('[role="dialog"]') as HTMLElement;
    expect(dialog).toBeTruthy();
    await type(byLabel(document.body, 'Authentication code'), '123456');
    await click(byRole(document.body, 'button', 'Confirm'));
    await settle();
    expect((await result).data.username).toBe('planner');
    expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
      'POST /api/v1/admin/users/u1/unlock',
      'POST /api/v1/auth/step-up',
      'POST /api/v1/admin/users/u1/unlock',
    ]);
    expect(calls[1]).toMatchObject({ body: { code: '123456' }, csrf: 't0k' });
    expect(document.body.querySelector('[role="dialog"]')).toBeNull();
  });

  it('gives the error back when the user cancels, without retrying', async () => {
    const fetch = vi.fn(async () => json(403, STEP_UP));
    vi.stubGlobal('fetch', fetch);
    const result = api.post('/admin/users/u1/unlock', z.unknown()).catch((e: unknown) => e);
    await settle();
    await click(byRole(document.body, 'button', 'Cancel'));
    const err = await result;
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).code).toBe('step_up_required');
    expect(fetch).toHaveBeenCalledTimes(1);
  });

  it('retries only once: a second step_up_required is the final answer', async () => {
    const action = vi.fn(async () => {
      throw new ApiError(403, 'step_up_required', 'Confirm it is you.');
    });
    const ask = vi.fn(async () => true);
    await expect(withStepUp(action, ask)).rejects.toMatchObject({ code: 'step_up_required' });
    expect(ask).toHaveBeenCalledTimes(1);
    expect(action).toHaveBeenCalledTimes(2);
    // Other errors are not step-up's business.
    const ask2 = vi.fn(async () => true);
    await expect(
      withStepUp(async () => Promise.reject(new ApiError(404, 'not_found', 'gone')), ask2),
    ).rejects.toMatchObject({ code: 'not_found' });
    expect(ask2).not.toHaveBeenCalled();
  });
});
