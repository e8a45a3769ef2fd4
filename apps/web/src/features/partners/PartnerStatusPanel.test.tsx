// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import { byRole, click, mount, type } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { makeQueryClient } from '../../lib/query';
import { PartnerStatusPanel } from './PartnerStatusPanel';
import { PartnerStatusBadge } from './PartnerStatusBadge';

const LABEL = { banner: 'HUB OFFICIAL//REL TO XHN', colour: '#007a33', textColour: '#ffffff' };
const PARTNER = {
  tier: 'priority',
  status: 'active',
  notes: null,
  portion: '(HO)',
  version: 3,
  transitions: ['restricted', 'suspended'],
};

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
});

const settle = async () => {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
};

function stubPost(status: number, body: unknown) {
  const calls: { url: string; body: unknown }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      if (init?.method === 'POST') calls.push({ url, body: JSON.parse(String(init.body)) });
      return new Response(
        JSON.stringify(status === 200 ? { data: body, meta: { pageLabel: LABEL } } : body),
        {
          status,
          headers: { 'Content-Type': 'application/json' },
        },
      );
    }),
  );
  return calls;
}

const render = async (partner = PARTNER) => {
  view = await mount(
    <QueryClientProvider client={makeQueryClient()}>
      <PartnerStatusPanel iso3="KEN" name="Kenya" partner={partner} />
    </QueryClientProvider>,
  );
  return view.container;
};

describe('partner status panel', () => {
  it('suspends with a required reason and reports the review items raised', async () => {
    const calls = stubPost(200, {
      iso3: 'KEN',
      status: 'suspended',
      version: 4,
      reviewsRaised: 2,
      reviewsSkipped: 0,
      reviewsSettled: 0,
    });
    const c = await render();
    expect(c.querySelector('.badge')?.textContent).toBe('Active');
    await click(byRole(c, 'button', 'Suspend partner'));
    await click(byRole(c, 'button', 'Confirm: Suspend partner'));
    expect(c.querySelector('[role="alert"]')?.textContent).toMatch(/Give a reason/);
    expect(calls).toHaveLength(0);
    await type(c.querySelector('textarea')!, '  Coup d’état  ');
    await click(byRole(c, 'button', 'Confirm: Suspend partner'));
    await settle();
    expect(calls).toEqual([
      {
        url: expect.stringContaining('/api/v1/partners/KEN/status'),
        body: { to: 'suspended', version: 3, reason: 'Coup d’état' },
      },
    ]);
    expect(c.querySelector('[role="status"]')?.textContent).toBe(
      'Kenya is now suspended. 2 review due items raised for ongoing engagements.',
    );
  });

  it('tells the user when someone else changed the partner (409)', async () => {
    stubPost(409, {
      error: { code: 'stale_version', message: 'Someone else changed this partner.', requestId: 'r1' },
    });
    const c = await render();
    await click(byRole(c, 'button', 'Restrict'));
    await type(c.querySelector('textarea')!, 'Only training for now');
    await click(byRole(c, 'button', 'Confirm: Restrict'));
    await settle();
    expect(c.querySelector('[role="alert"]')?.textContent).toMatch(/Someone else changed this partner/);
  });

  it('offers reinstatement for a suspended partner and nothing to those who may not change it', async () => {
    stubPost(200, {});
    const c = await render({ ...PARTNER, status: 'suspended', transitions: ['active', 'restricted'] });
    expect(byRole(c, 'button', 'Reinstate')).toBeTruthy();
    expect(byRole(c, 'button', 'Reinstate as restricted')).toBeTruthy();
    expect(c.textContent).toMatch(/can be approved while it is suspended/);
    view?.unmount();
    const d = await render({ ...PARTNER, transitions: [] });
    expect(d.querySelector('section')).toBeNull();
  });

  it('shows the status as a badge, suspended standing out', async () => {
    view = await mount(<PartnerStatusBadge status="suspended" />);
    expect(view.container.querySelector('.badge')?.className).toBe('badge badge--danger');
    expect(view.container.textContent).toBe('Suspended');
  });
});
