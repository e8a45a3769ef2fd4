// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import type { Me, PersonItem } from '@entente/contracts';
import { byLabel, byRole, choose, click, mount, type } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { MeContext } from '../../app/session';
import { makeQueryClient } from '../../lib/query';
import { PartnerPeople } from './PartnerPeople';

const LABEL = { banner: 'HUB OFFICIAL//REL TO XHN', colour: '#007a33', textColour: '#ffffff' };
const KEN_MOD = '33333333-3333-4333-8333-333333333333';
const ALL = '44444444-4444-4444-8444-444444444444';
const planner: Me = {
  id: '11111111-1111-4111-8111-111111111111',
  username: 'planner',
  displayName: 'P',
  orgCode: 'XHN-SECCOOP',
  orgName: 'Sec coop',
  nationality: 'XHN',
  partner: false,
  roles: ['viewer', 'planner'],
  assurance: 'password',
  csrfToken: 'x',
};
const person = (id: string, over: Partial<PersonItem> = {}): PersonItem => ({
  id,
  partnerIso3: 'KEN',
  name: 'Daniel Otieno',
  rank: 'Major',
  position: 'Liaison officer',
  org: { id: KEN_MOD, code: 'KEN-MOD', name: 'Ministry of Defence, Kenya' },
  nationality: 'KEN',
  languages: ['English', 'Kiswahili'],
  focalPoint: true,
  communityId: ALL,
  version: 2,
  portion: '(HO//REL TO XHN, KEN)',
  ...over,
});
const LIST = [
  person('aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'),
  person('bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb', {
    name: 'Peter Kamau Mwangi',
    rank: 'General',
    position: 'Chief of Defence Forces',
    focalPoint: false,
  }),
];
const REF = {
  '/reference/countries': [
    { iso3: 'KEN', name: 'Kenya', region: 'Africa', subregion: 'Eastern Africa', lat: null, lon: null },
  ],
  '/reference/organisations': [
    {
      id: KEN_MOD,
      code: 'KEN-MOD',
      name: 'Ministry of Defence, Kenya',
      acronym: null,
      kind: 'partner_body',
      iso3: 'KEN',
      parentCode: null,
      foundedOn: null,
      sourceUrl: null,
      memberCount: 0,
    },
  ],
  '/reference/communities': [{ id: ALL, code: 'all', name: 'All' }],
  '/fields': {
    recordId: 'aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa',
    recordPortion: '(HO//REL TO XHN, KEN)',
    items: [
      {
        field: 'contact',
        value: 'daniel.otieno@example · +254 700 000 101',
        labelId: '55555555-5555-4555-8555-555555555555',
        label: { level: 'HUB-OFFICIAL', restrictive: [], releasableTo: ['XHN', 'KEN'], handling: [] },
        portion: '(HO//REL TO XHN, KEN)',
        version: 1,
        updatedAt: '2026-11-01T00:00:00Z',
      },
    ],
  },
};

type Sent = { method: string; url: string; body: Record<string, unknown> };
function stub(list: PersonItem[], answer?: { status: number; body: unknown }) {
  const sent: Sent[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const json = (status: number, body: unknown) =>
        new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
      if (init?.method === 'POST' || init?.method === 'PUT') {
        sent.push({ method: init.method, url, body: JSON.parse(String(init.body)) });
        return answer
          ? json(answer.status, answer.body)
          : json(init.method === 'POST' ? 201 : 200, { data: list[0], meta: { pageLabel: LABEL } });
      }
      const key = Object.keys(REF).find((k) => url.includes(k)) as keyof typeof REF | undefined;
      return json(200, { data: key ? REF[key] : list, meta: { pageLabel: LABEL } });
    }),
  );
  return sent;
}

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
});
const settle = async () => {
  for (let i = 0; i < 5; i++) await act(async () => new Promise((r) => setTimeout(r, 10)));
};
const render = async (me: Me = planner) => {
  view = await mount(
    <QueryClientProvider client={makeQueryClient()}>
      <MeContext.Provider value={me}>
        <PartnerPeople iso3="KEN" />
      </MeContext.Provider>
    </QueryClientProvider>,
  );
  await settle();
  return view.container;
};

describe('partner people', () => {
  it('lists people with rank, position, organisation, languages and the focal point mark', async () => {
    stub(LIST);
    const c = await render();
    const rows = [...c.querySelectorAll('tbody tr')].map((r) => r.textContent ?? '');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toContain('Daniel Otieno');
    expect(rows[0]).toContain('KEN-MOD');
    expect(rows[0]).toContain('English, Kiswahili');
    expect(rows[0]).toContain('Focal point');
    expect(rows[1]).toContain('Chief of Defence Forces');
    expect(rows[1]).not.toContain('Focal point');
  });

  it('adds a person: client errors name the fields first, then the form posts PersonInput', async () => {
    const sent = stub(LIST);
    const c = await render();
    await click(byRole(c, 'button', 'Add a person'));
    await settle();
    await click(byRole(c, 'button', 'Add the person'));
    expect(c.querySelector('#person-name-error')?.textContent).toBeTruthy();
    expect(c.querySelector('#person-position-error')?.textContent).toBeTruthy();
    expect(sent).toEqual([]);
    await type(byLabel(c, 'Name'), 'Wanjiku Njoroge');
    await type(byLabel(c, 'Rank'), 'Colonel');
    await type(byLabel(c, 'Position'), 'Commandant, naval training school');
    await choose(byLabel<HTMLSelectElement>(c, 'Organisation'), KEN_MOD);
    await type(byLabel(c, 'Languages'), 'English, Kiswahili');
    await choose(byLabel<HTMLSelectElement>(c, 'Community'), ALL);
    await click(byRole(c, 'button', 'Add the person'));
    await settle();
    expect(sent).toEqual([
      {
        method: 'POST',
        url: expect.stringContaining('/api/v1/people'),
        body: expect.objectContaining({
          partnerIso3: 'KEN',
          name: 'Wanjiku Njoroge',
          rank: 'Colonel',
          orgId: KEN_MOD,
          nationality: 'KEN',
          languages: ['English', 'Kiswahili'],
          focalPoint: false,
          communityId: ALL,
          label: expect.objectContaining({ releasableTo: ['XHN', 'KEN'] }),
        }),
      },
    ]);
    expect(c.querySelector('[role="status"]')?.textContent).toMatch(/was added/);
  });

  it('edits at the version seen and shows the server’s 422 next to the organisation', async () => {
    const sent = stub(LIST, {
      status: 422,
      body: {
        error: {
          code: 'guard_failed',
          message: 'A person held under KEN belongs to an organisation of KEN or of the home nation.',
          requestId: 'r',
          fields: [{ path: 'orgId', message: 'SEN-MOD is neither a KEN nor a home organisation' }],
        },
      },
    });
    const c = await render();
    await click(byRole(c, 'button', 'Edit'));
    await settle();
    expect(() => byLabel(c, 'Community')).toThrow();
    await click(byRole(c, 'button', 'Save changes'));
    await settle();
    expect(sent[0]).toMatchObject({
      method: 'PUT',
      url: expect.stringContaining('/api/v1/people/aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa'),
      body: { name: 'Daniel Otieno', expectedVersion: 2, focalPoint: true },
    });
    expect(c.querySelector('[id$="-orgId-error"]')?.textContent).toContain('SEN-MOD');
  });

  it('shows a person’s contact (its own portion mark) when the Contact button is pressed, from the person’s field route', async () => {
    stub(LIST);
    const c = await render();
    const button = c.querySelector<HTMLButtonElement>('button[aria-label="Contact of Daniel Otieno"]')!;
    expect(button.getAttribute('aria-expanded')).toBe('false');
    await click(button);
    await settle();
    expect(button.getAttribute('aria-expanded')).toBe('true');
    const urls = (fetch as unknown as { mock: { calls: [string][] } }).mock.calls.map((x) => x[0]);
    expect(urls).toContain('/api/v1/people/aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa/fields');
    const panel = c.querySelector('#person-contact-aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa')!;
    expect(panel.textContent).toContain('+254 700 000 101');
  });

  it('a partner user gets no write buttons; an empty list says nothing is released', async () => {
    stub([]);
    const c = await render({ ...planner, partner: true, roles: ['partner_reporter'] });
    expect(c.textContent).toContain('No people of this partner are released to you.');
    expect(() => byRole(c, 'button', 'Add a person')).toThrow();
  });
});
