// @vitest-environment happy-dom
/** The objective page against stubbed API answers: what traces to the objective, its links, editing, and not found. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import type { ObjectiveItem, ObjectivePage as Page } from '@entente/contracts';
import { byLabel, byRole, click, mount, type } from '../../../testing/dom';
import type { Mounted } from '../../../testing/dom';
import { makeQueryClient } from '../../../lib/query';
import { LABEL } from '../../incidents/testFixtures';
import { ObjectivePage } from './ObjectivePage';

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
});

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 200; i++) {
    if (check()) return;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
  throw new Error(`timed out waiting for ${what}`);
}

const ROOT = '11111111-1111-4111-8111-111111111111';
const ID = '22222222-2222-4222-8222-222222222222';
const KID = '33333333-3333-4333-8333-333333333333';
const INI = '44444444-4444-4444-8444-444444444444';
const PLAN = '55555555-5555-4555-8555-555555555555';
const ENG = '66666666-6666-4666-8666-666666666666';
const EV = '77777777-7777-4777-8777-777777777777';
const LOE = '88888888-8888-4888-8888-888888888888';

const objective: ObjectiveItem = {
  id: ID,
  code: 'SO-2.1',
  title: 'Counter piracy off the Horn of Africa',
  description: 'Piracy attacks fall and stay low.',
  level: 'regional',
  parentId: ROOT,
  priority: 1,
  threatFocus: ['piracy'],
  status: 'active',
  validFrom: '2009-01-01',
  validTo: null,
  portion: '(HO)',
  version: 4,
  engagementCount: 12,
  linesOfEffort: [{ id: LOE, code: 'LOE-2.1.A', title: 'Regional coast guards' }],
};
const root: ObjectiveItem = {
  ...objective,
  id: ROOT,
  code: 'SO-2',
  title: 'Transnational threats',
  parentId: null,
  level: 'national',
  validFrom: '2008-01-01',
};

const PAGE: Page = {
  objective,
  breadcrumb: [{ id: ROOT, code: 'SO-2', title: 'Transnational threats' }],
  children: [
    {
      id: KID,
      code: 'SO-2.1.1',
      title: 'Djibouti code of conduct',
      status: 'draft',
      priority: 2,
      validFrom: '2010-01-01',
      validTo: null,
      engagementCount: 3,
      portion: '(HO)',
    },
  ],
  linesOfEffort: [
    {
      id: LOE,
      code: 'LOE-2.1.A',
      title: 'Regional coast guards',
      description: 'Train and equip.',
      status: 'active',
      portion: '(HO)',
    },
  ],
  initiatives: [
    {
      id: INI,
      code: 'INI-7',
      title: 'Coast guard academy',
      status: 'active',
      from: '2012-01-01',
      to: '2016-12-31',
      partnerIso3s: ['KEN'],
      via: ['line_of_effort', 'logic_model'],
      portion: '(HO)',
    },
  ],
  plans: [
    {
      id: PLAN,
      code: 'CP-KEN',
      title: 'Kenya plan',
      status: 'agreed',
      from: '2012-01-01',
      to: '2016-12-31',
      partnerIso3s: ['KEN'],
      goals: [{ code: 'G1', title: 'Safer sea lanes' }],
      portion: '(HO)',
    },
  ],
  engagements: {
    total: 12,
    byStatus: [
      { status: 'completed', count: 10 },
      { status: 'approved', count: 2 },
    ],
    recent: [
      {
        id: ENG,
        code: 'ENG-2015-004',
        title: 'Maritime law course',
        type: 'course',
        status: 'completed',
        plannedStart: '2015-03-01',
        plannedEnd: '2015-03-14',
        portion: '(HO)',
      },
    ],
  },
  evaluations: [
    {
      id: EV,
      subjectKind: 'objective',
      subjectId: ID,
      subjectCode: 'SO-2.1',
      subjectTitle: objective.title,
      title: 'Atalanta — Horn of Africa box',
      status: 'current',
      statusReason: null,
      inputsHash: 'x',
      engineVersion: '0.1.0',
      profile: 'screening',
      labelId: 'l1',
      portion: '(HO)',
      createdBy: null,
      createdAt: '2026-11-29T20:00:00Z',
      lastRunAt: '2026-11-29T21:00:00Z',
      version: 1,
      headline: {
        method: 'difference_in_differences',
        estimate: 0.42,
        ci95: [0.3, 0.6],
        designLevel: 3,
        designLabel: 'DiD',
      },
      datasetVersion: 3,
    },
  ],
  mayEdit: true,
};

function stub(page: Page | null, putStatus = 200) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const path = String(url)
      .replace(/^\/api\/v1/, '')
      .split('?')[0];
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    const ok = (data: unknown) => json(200, { data, meta: { pageLabel: LABEL } });
    const missing = () =>
      json(404, { error: { code: 'not_found', message: 'The objective was not found.', requestId: 'r' } });
    if (path === `/strategy/objectives/${ID}` && init?.method === 'PUT') {
      if (putStatus === 409)
        return json(409, {
          error: { code: 'stale_version', message: 'Someone else changed this objective.', requestId: 'r' },
        });
      const body = JSON.parse(String(init.body)) as { objective: { title: string } };
      return ok({ ...page, objective: { ...objective, title: body.objective.title, version: 5 } });
    }
    if (path === `/strategy/objectives/${ID}/transitions` && init?.method === 'POST')
      return ok({ objective: { ...objective, status: 'retired', version: 5 }, realign: ['ENG-2026-001'] });
    if (path === `/strategy/objectives/${ID}`) return page ? ok(page) : missing();
    if (path === '/strategy/objectives') return ok([root, objective]);
    return json(404, { error: { code: 'not_found', message: `no ${path}`, requestId: 'r' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function render() {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => <ObjectivePage id={ID} /> }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  view = await mount(
    <QueryClientProvider client={makeQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return view.container;
}

const hrefs = (c: HTMLElement) => [...c.querySelectorAll('a')].map((a) => a.getAttribute('href') ?? '');

describe('objective page', () => {
  it('shows what traces to the objective, each linked to its own page', async () => {
    stub(PAGE);
    const c = await render();
    await until(() => Boolean(c.querySelector('h1')?.textContent?.includes('SO-2.1')), 'the objective');
    const text = c.textContent ?? '';
    expect(c.querySelector('h1')?.textContent).toContain('Counter piracy off the Horn of Africa');
    expect(c.querySelector('nav[aria-label="Breadcrumb"] [aria-current="page"]')?.textContent).toBe('SO-2.1');
    expect(text).toContain('Active');
    expect(text).toContain('12 engagements linked to this objective: 10 completed, 2 approved.');
    expect(text).toContain('Regional coast guards');
    expect(text).toContain('through a line of effort; its logic model links this objective');
    expect(text).toContain('Goals: G1 Safer sea lanes');
    const links = hrefs(c);
    expect(links).toEqual(
      expect.arrayContaining([
        `/strategy/objectives/${ROOT}`,
        `/strategy/objectives/${KID}`,
        `/strategy/initiatives/${INI}`,
        `/strategy/plans/${PLAN}`,
        `/engagements/${ENG}`,
        `/evaluations/${EV}`,
      ]),
    );
    expect(links.some((h) => h.startsWith('/engagements?') && h.includes(`objective=${ID}`))).toBe(true);
    const evaluate = links.find((h) => h.startsWith('/evaluate?'));
    expect(evaluate).toContain('subjectKind=objective');
    expect(evaluate).toContain(`subjectId=${ID}`);
  });

  it('edits the objective at the version shown and shows the saved version', async () => {
    const fetch = stub(PAGE);
    const c = await render();
    await until(() => Boolean(c.querySelector('h1')), 'the objective');
    await click(byRole(c, 'button', 'Edit objective'));
    await until(() => Boolean(c.querySelector('#objective-title')), 'the edit form');
    await type(byLabel(c, 'Title'), 'Counter piracy in the western Indian Ocean');
    await click(byRole(c, 'button', 'Save changes'));
    await until(
      () => (c.querySelector('h1')?.textContent ?? '').includes('western Indian Ocean'),
      'the saved title',
    );
    const put = fetch.mock.calls.find(([, i]) => i?.method === 'PUT');
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({
      expectedVersion: 4,
      objective: {
        title: 'Counter piracy in the western Indian Ocean',
        description: objective.description,
        priority: 1,
        threatFocus: ['piracy'],
        parentId: ROOT,
        validFrom: '2009-01-01',
        validTo: null,
      },
    });
    expect(c.querySelector('#objective-edit')).toBeNull();
    expect(c.textContent).toContain('SO-2.1 was saved.');
  });

  it('says so when someone else changed it first, and keeps the form open', async () => {
    stub(PAGE, 409);
    const c = await render();
    await until(() => Boolean(c.querySelector('h1')), 'the objective');
    await click(byRole(c, 'button', 'Edit objective'));
    await until(() => Boolean(c.querySelector('#objective-title')), 'the edit form');
    await click(byRole(c, 'button', 'Save changes'));
    await until(() => (c.textContent ?? '').includes('your edit was not saved'), 'the conflict message');
    expect(c.querySelector('#objective-edit form')).not.toBeNull();
  });

  it('retires the objective with a reason and lists the open engagements to re-align', async () => {
    const fetch = stub(PAGE);
    const c = await render();
    await until(() => Boolean(c.querySelector('h1')), 'the objective');
    await click(byRole(c, 'button', 'Retire…'));
    await type(byLabel<HTMLTextAreaElement>(c, 'Reason for retiring SO-2.1'), 'Merged into SO-2.2');
    await click(byRole(c, 'button', 'Confirm retirement'));
    await until(() => (c.textContent ?? '').includes('SO-2.1 is now retired.'), 'the notice');
    const post = fetch.mock.calls.find(
      ([u, i]) => String(u).endsWith('/transitions') && i?.method === 'POST',
    );
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      to: 'retired',
      version: 4,
      reason: 'Merged into SO-2.2',
    });
    expect(c.querySelector('[role="status"] a')?.getAttribute('href')).toBe('/engagements?q=ENG-2026-001');
  });

  it('offers no Edit to a user who may not change it, and says when a list is empty', async () => {
    stub({ ...PAGE, mayEdit: false, children: [], plans: [], evaluations: [] });
    const c = await render();
    await until(() => Boolean(c.querySelector('h1')), 'the objective');
    expect([...c.querySelectorAll('button')].map((b) => b.textContent)).not.toEqual(
      expect.arrayContaining(['Edit objective']),
    );
    expect(c.querySelector('.tree__actions')).toBeNull();
    expect(c.textContent).toContain('No sub-objectives released to you.');
    expect(c.textContent).toContain('No stored evaluation of this objective.');
  });

  it('shows "not found" for a hidden or missing objective', async () => {
    stub(null);
    const c = await render();
    await until(() => Boolean(c.querySelector('[role="alert"] h1')), 'not found');
    expect(c.querySelector('[role="alert"] h1')?.textContent).toBe('Objective not found');
  });
});
