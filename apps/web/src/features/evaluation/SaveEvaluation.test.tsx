// @vitest-environment happy-dom
/** "Save to…" on the Evaluate page: choose an engagement by search, save, and link to the stored evaluation. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import { byRole, choose, click, mount } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { makeQueryClient } from '../../lib/query';
import { LABEL } from '../incidents/testFixtures';
import { SaveEvaluation } from './SaveEvaluation';
import type { RunRequest, RunResult } from './evaluationApi';

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

const ENG = '22222222-2222-4222-8222-222222222222';
const REQUEST: RunRequest = {
  source: 'crime_at_sea',
  treatedArea: 'poly:preset-hoa',
  comparisonAreas: ['poly:preset-gulf-of-guinea'],
  t0: '2008-12-08',
  interventionLabel: 'Atalanta',
  from: '2000-01-01',
  to: '2014-12-31',
  methods: ['before_after'],
  profile: 'screening',
};
const RESULT = {
  areas: [{ key: 'poly:preset-hoa', name: 'Horn of Africa box', role: 'treated', total: 1060 }],
} as RunResult;
const ENGAGEMENTS = {
  items: [
    {
      id: ENG,
      code: 'HOA-MTF-ATA-2008',
      title: 'Atalanta support',
      type: 'staff_talks',
      status: 'completed',
      partnerIso3s: [],
      plannedStart: '2008-12-08',
      plannedEnd: '2014-12-31',
      plannedCost: { amount: '0', currency: 'EUR' },
      portion: '(HO)',
    },
  ],
  total: 1,
  page: 1,
  pageSize: 20,
  hasMore: false,
};

describe('save to…', () => {
  it('stores the run for the chosen engagement with the default title and links to it', async () => {
    const fetch = vi.fn(async (url: string, init?: RequestInit) => {
      const path = String(url)
        .replace(/^\/api\/v1/, '')
        .split('?')[0];
      const ok = (data: unknown, status = 200) =>
        new Response(JSON.stringify({ data, meta: { pageLabel: LABEL } }), {
          status,
          headers: { 'Content-Type': 'application/json' },
        });
      if (path === '/engagements') return ok(ENGAGEMENTS);
      if (path === '/evaluations' && init?.method === 'POST') {
        const body = JSON.parse(String(init.body)) as { title: string };
        return ok(
          {
            id: '11111111-1111-4111-8111-111111111111',
            subjectKind: 'engagement',
            subjectId: ENG,
            subjectCode: 'HOA-MTF-ATA-2008',
            subjectTitle: 'Atalanta support',
            title: body.title,
            status: 'current',
            statusReason: null,
            inputsHash: 'f00d',
            engineVersion: '0.1.0',
            profile: 'screening',
            labelId: 'l1',
            portion: '(HO)',
            createdBy: 'u1',
            createdAt: '2026-11-29T20:00:00Z',
            lastRunAt: '2026-11-29T20:00:00Z',
            version: 1,
            request: { ...REQUEST, types: [], neighbourAreas: [], seed: 'entente' },
            result: {
              inputsHash: 'f00d',
              engineVersion: '0.1.0',
              profile: 'screening',
              months: [],
              areas: RESULT.areas,
              estimates: [],
              supporting: [],
              series: {},
              dataset: {
                code: 'crime_at_sea',
                version: 1,
                licence: 'CC-BY-4.0',
                attribution: 'Benden et al.',
              },
              excluded: {},
              note: 'n',
            },
            dataVersions: {
              dataset: {
                code: 'crime_at_sea',
                version: 1,
                contentSha256: null,
                sourceVersion: null,
                accessedOn: null,
              },
              batches: [],
              areas: [],
            },
          },
          201,
        );
      }
      return new Response(JSON.stringify({ error: { code: 'not_found', message: path, requestId: 'r' } }), {
        status: 404,
        headers: { 'Content-Type': 'application/json' },
      });
    });
    vi.stubGlobal('fetch', fetch);
    const router = createRouter({
      routeTree: createRootRoute({ component: () => <SaveEvaluation request={REQUEST} result={RESULT} /> }),
      history: createMemoryHistory({ initialEntries: ['/'] }),
    });
    view = await mount(
      <QueryClientProvider client={makeQueryClient()}>
        <RouterProvider router={router} />
      </QueryClientProvider>,
    );
    const c = view.container;
    await until(() => c.textContent?.includes('Save to…') ?? false, 'the button');
    await click(byRole(c, 'button', 'Save to…'));
    await until(
      () => Boolean(c.querySelector('#ev-save-subject option[value]:not([value=""])')),
      'the engagements',
    );
    expect(byRole(c, 'button', 'Save evaluation').disabled).toBe(true);
    await choose(c.querySelector<HTMLSelectElement>('#ev-save-subject')!, ENG);
    await click(byRole(c, 'button', 'Save evaluation'));
    await until(() => Boolean(c.querySelector('[role="status"]')), 'the confirmation');
    expect(c.querySelector('[role="status"]')?.textContent).toContain(
      'Saved to engagement HOA-MTF-ATA-2008.',
    );
    expect(c.querySelector('[role="status"] a')?.getAttribute('href')).toBe(
      '/evaluations/11111111-1111-4111-8111-111111111111',
    );
    const post = fetch.mock.calls.find(
      ([u, i]) => String(u).endsWith('/evaluations') && i?.method === 'POST',
    );
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({
      subjectKind: 'engagement',
      subjectId: ENG,
      title: 'HOA-MTF-ATA-2008: Atalanta — Horn of Africa box',
      request: REQUEST,
    });
  });
});
