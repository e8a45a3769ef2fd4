// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import type { AgreementItem } from '@entente/contracts';
import { byRole, click, mount } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { makeQueryClient } from '../../lib/query';
import { AgreementClassification } from './AgreementClassification';

const LABEL = { banner: 'HUB OFFICIAL//REL TO XHN', colour: '#007a33', textColour: '#ffffff' };
const ID = '7f1c1a52-0d7e-4d3e-9a55-1a2b3c4d5e6f';
const AGREEMENT: AgreementItem = {
  id: ID,
  code: 'AGR-KEN-DCA',
  kind: 'defence_cooperation',
  title: 'Defence cooperation agreement XHN–Kenya',
  partnerIso3s: ['KEN'],
  signedOn: '2012-03-01',
  inForceFrom: '2012-06-01',
  expiresOn: null,
  autoRenew: false,
  coversTypes: [],
  status: 'in_force',
  documentRef: 'DCA/2012/1',
  portion: '(HO//REL TO XHN, KEN)',
  label: { level: 'HUB-OFFICIAL', releasableTo: ['XHN', 'KEN'], restrictive: [], handling: [] },
  version: 3,
  expiresInDays: null,
  allowedTransitions: [],
};

let urls: string[] = [];
function stub(routes: Record<string, unknown>) {
  urls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
      urls.push(url);
      const key = Object.keys(routes).find((k) => url.includes(k));
      return new Response(JSON.stringify({ data: key ? routes[key] : [], meta: { pageLabel: LABEL } }), {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
}

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
});

const settle = async () => {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 20)));
};

describe('agreement classification', () => {
  it('uses the shared relabel panel on the agreement routes, focusing its heading', async () => {
    stub({
      '/relabel-requests': { items: [], canRelabel: true },
      '/reference/countries': [
        { iso3: 'KEN', name: 'Kenya', region: 'Africa', subregion: 'East', lat: null, lon: null },
      ],
    });
    const onClose = vi.fn();
    view = await mount(
      <QueryClientProvider client={makeQueryClient()}>
        <AgreementClassification agreement={AGREEMENT} onChanged={vi.fn()} onClose={onClose} />
      </QueryClientProvider>,
    );
    await settle();
    const c = view.container;
    expect(document.activeElement?.textContent).toBe('Classification of AGR-KEN-DCA');
    expect(urls).toContain(`/api/v1/agreements/${ID}/relabel-requests`);
    expect(byRole(c, 'button', 'Change classification')).toBeDefined();
    await click(byRole(c, 'button', 'Close classification'));
    expect(onClose).toHaveBeenCalled();
  });
});
