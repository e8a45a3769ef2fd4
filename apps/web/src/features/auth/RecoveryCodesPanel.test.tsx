// @vitest-environment happy-dom
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { byLabel, byRole, click, mount, type, type Mounted } from '../../testing/dom';
import { RecoveryCodesPanel } from './RecoveryCodesPanel';

const LABEL = { banner: 'HUB OFFICIAL//REL TO XHN', colour: '#007a33', textColour: '#ffffff' };
const json = (body: unknown) =>
  new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });
const CODES = Array.from({ length: 10 }, (_, i) => `abcd${'efghijkmnp'[i]}-qrstu`);

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
});

describe('recovery codes panel', () => {
  it('shows the count, generates a new set after a TOTP code, and shows it once', async () => {
    let remaining = 3;
    const fetch = vi.fn(async (_url: string, init?: RequestInit) => {
      if (init?.method === 'POST') {
        remaining = 10;
        return json({ data: { codes: CODES, remaining: 10 }, meta: { pageLabel: LABEL } });
      }
      return json({ data: { enrolled: true, remaining }, meta: { pageLabel: LABEL } });
    });
    vi.stubGlobal('fetch', fetch);
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    view = await mount(
      <QueryClientProvider client={client}>
        <RecoveryCodesPanel />
      </QueryClientProvider>,
    );
    await vi.waitFor(() => expect(view!.container.textContent).toMatch(/3 unused recovery codes/));
    await type(byLabel(view.container, 'Current code from your authenticator app'), '123456');
    await click(byRole(view.container, 'button', 'Generate recovery codes'));
    await vi.waitFor(() => expect(view!.container.querySelectorAll('ol li')).toHaveLength(10));
    expect(view.container.textContent).toMatch(/will not be shown again/);
    const post = fetch.mock.calls.find((c) => c[1]?.method === 'POST');
    expect(post?.[0]).toBe('/api/v1/auth/recovery-codes');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ code: '123456' });
    await click(byRole(view.container, 'button', 'I have saved them'));
    expect(view.container.querySelectorAll('ol li')).toHaveLength(0);
    await vi.waitFor(() => expect(view!.container.textContent).toMatch(/10 unused recovery codes/));
  });
});
