// @vitest-environment happy-dom
import { act } from 'react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import type { Me } from '@entente/contracts';
import { byLabel, byRole, choose, click, mount, type } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { makeQueryClient } from '../../lib/query';
import { MeContext } from '../../app/session';
import { RecordFieldsPanel } from './RecordFieldsPanel';
import { TlpRecipientsPanel } from './TlpRecipientsPanel';

const LABEL = { banner: 'HUB RESTRICTED//REL TO XHN', colour: '#ffbf00', textColour: '#000000' };
const ORG = '33333333-3333-4333-8333-333333333333';
const KEN = '55555555-5555-4555-8555-555555555555';
const ENG = '22222222-2222-4222-8222-222222222222';
const me = (over: Partial<Me>): Me => ({
  id: '11111111-1111-4111-8111-111111111111',
  username: 'planner',
  displayName: 'Sam Okafor',
  orgCode: 'XHN-SECCOOP',
  orgName: 'Security cooperation',
  nationality: 'XHN',
  partner: false,
  roles: ['viewer', 'planner'],
  assurance: 'password',
  csrfToken: 'x',
  ...over,
});
const FIELD = {
  field: 'sensitivityNotes',
  value: 'Handle the chief of defence with care.',
  labelId: '44444444-4444-4444-8444-444444444444',
  label: { level: 'HUB-RESTRICTED', restrictive: ['CT'], releasableTo: ['XHN'], handling: [] },
  portion: '(HR//CT//REL TO XHN)',
  version: 3,
  updatedAt: '2026-11-29T10:00:00Z',
};

type Call = { url: string; method: string; body: unknown };
let calls: Call[] = [];
function stubApi(answer: (url: string, method: string) => { status?: number; body: unknown }) {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      calls.push({ url, method, body: init?.body ? JSON.parse(String(init.body)) : undefined });
      const a = answer(url, method);
      return new Response(JSON.stringify(a.body), {
        status: a.status ?? 200,
        headers: { 'Content-Type': 'application/json' },
      });
    }),
  );
}
const ok = (data: unknown) => ({ body: { data, meta: { pageLabel: LABEL } } });

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
});

async function render(user: Me, node: ReactNode) {
  view = await mount(
    <QueryClientProvider client={makeQueryClient()}>
      <MeContext.Provider value={user}>{node}</MeContext.Provider>
    </QueryClientProvider>,
  );
  for (let i = 0; i < 10; i++) await act(async () => new Promise((r) => setTimeout(r, 20)));
  return view.container;
}

describe('labelled fields', () => {
  it('shows a visible field with its own portion mark', async () => {
    stubApi((url) =>
      url.includes('/fields')
        ? ok({ recordId: ENG, recordPortion: '(HR//REL TO XHN)', items: [FIELD] })
        : ok([]),
    );
    const c = await render(
      me({}),
      <RecordFieldsPanel kind="partner" recordKey="KEN" title="Sensitivity notes" />,
    );
    expect(c.querySelector('.portion')?.textContent).toBe('(HR//CT//REL TO XHN)');
    expect(c.textContent).toContain(FIELD.value);
  });

  it('renders nothing at all for a partner user when no field is released to them (no placeholder)', async () => {
    stubApi((url) =>
      url.includes('/fields')
        ? ok({ recordId: ENG, recordPortion: '(HR//REL TO XHN, KEN)', items: [] })
        : ok([]),
    );
    const c = await render(
      me({ partner: true, roles: ['partner_reporter'], nationality: 'KEN' }),
      <RecordFieldsPanel kind="plan" recordKey={ENG} />,
    );
    expect(c.textContent).toBe('');
  });

  it('edits the field with its version and label, and shows the high-water error next to the label', async () => {
    stubApi((url, method) =>
      method === 'PUT'
        ? {
            status: 400,
            body: {
              error: {
                code: 'validation',
                message: 'A field cannot be classified above its record (high-water mark).',
                requestId: 'r',
                fields: [
                  {
                    path: 'sensitivityNotes.label',
                    message: 'must not be classified above the partner itself',
                  },
                ],
              },
            },
          }
        : url.includes('/fields')
          ? ok({ recordId: ENG, recordPortion: '(HR//REL TO XHN)', items: [FIELD] })
          : ok([]),
    );
    const c = await render(me({}), <RecordFieldsPanel kind="partner" recordKey="KEN" />);
    await click(byRole(c, 'button', 'Edit'));
    await type(byLabel<HTMLTextAreaElement>(c, 'Text'), 'Updated note');
    await click(byRole(c, 'button', 'Save'));
    const put = calls.find((x) => x.method === 'PUT');
    expect(put?.url).toBe('/api/v1/partners/KEN/fields/sensitivityNotes');
    expect(put?.body).toEqual({ value: 'Updated note', label: FIELD.label, version: 3 });
    expect(c.textContent).toContain('Classification label: must not be classified above the partner itself');
  });
});

describe('TLP recipients', () => {
  const view0 = { tlp: 'amber', orgIds: [ORG], clientOrgIds: [], users: [], version: 4 };
  const orgs = [
    {
      id: ORG,
      code: 'XHN-SECCOOP',
      name: 'Security cooperation',
      acronym: 'SECCOOP',
      kind: 'ministry',
      iso3: 'XHN',
      parentCode: null,
      foundedOn: null,
      sourceUrl: null,
      memberCount: 0,
    },
    {
      id: KEN,
      code: 'KEN-MOD',
      name: 'Kenya Ministry of Defence',
      acronym: 'KEN MOD',
      kind: 'ministry',
      iso3: 'KEN',
      parentCode: null,
      foundedOn: null,
      sourceUrl: null,
      memberCount: 0,
    },
  ];

  it('is absent when the label has no TLP', async () => {
    stubApi((url) => (url.includes('/tlp-recipients') ? ok({ ...view0, tlp: null }) : ok(orgs)));
    const c = await render(me({}), <TlpRecipientsPanel kind="engagement" id={ENG} />);
    expect(c.textContent).toBe('');
  });

  it('shows the colour and recipients, and sets client organisations for TLP:AMBER', async () => {
    stubApi((url, method) =>
      url.includes('/tlp-recipients')
        ? ok(method === 'PUT' ? { ...view0, clientOrgIds: [KEN], version: 5 } : view0)
        : ok(orgs),
    );
    const c = await render(me({}), <TlpRecipientsPanel kind="engagement" id={ENG} />);
    expect(c.querySelector('.tlp-chip')?.textContent).toBe('TLP:AMBER');
    expect(c.textContent).toContain('SECCOOP');
    await click(byRole(c, 'button', 'Change recipients'));
    await choose(byLabel<HTMLSelectElement>(c, 'Their client organisations'), KEN);
    await type(byLabel(c, 'Named users (user names, comma-separated)'), 'analyst, leader');
    await click(byRole(c, 'button', 'Save recipients'));
    const put = calls.find((x) => x.method === 'PUT');
    expect(put?.url).toBe(`/api/v1/engagements/${ENG}/tlp-recipients`);
    expect(put?.body).toEqual({
      orgIds: [ORG],
      clientOrgIds: [KEN],
      usernames: ['analyst', 'leader'],
      version: 4,
    });
  });

  it('offers no change to a partner user', async () => {
    stubApi((url) => (url.includes('/tlp-recipients') ? ok(view0) : ok(orgs)));
    const c = await render(
      me({ partner: true, roles: ['partner_reporter'] }),
      <TlpRecipientsPanel kind="agreement" id={ENG} />,
    );
    expect(c.textContent).toContain('TLP:AMBER');
    expect(c.querySelectorAll('button')).toHaveLength(0);
  });
});
