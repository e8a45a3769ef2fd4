// @vitest-environment happy-dom
/** The stored-evaluation page and the Evaluations panel against stubbed API answers. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import type { ReactNode } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import { byRole, click, mount } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { makeQueryClient } from '../../lib/query';
import { LABEL } from '../incidents/testFixtures';
import { StoredEvaluationPage } from './StoredEvaluationPage';
import { EvaluationsPanel } from './EvaluationsPanel';
import { EvaluationsIndexPage } from './EvaluationsIndexPage';
import type { Stored, StoredItem } from './evaluationApi';

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

const ID = '11111111-1111-4111-8111-111111111111';
const ENG = '22222222-2222-4222-8222-222222222222';
const DID = {
  method: 'difference_in_differences',
  estimand: 'IRR',
  estimate: 3.02,
  ci95: [1.5, 6.1] as [number, number],
  ciMethod: 'CR1',
  design: { level: 2, label: 'before/after', reasons: [] },
  warnings: [{ code: 'PRETREND_FAIL', severity: 'warn' as const, message: 'Pre-trend fails.' }],
  diagnostics: {},
  excluded: {},
  inputsHash: 'abc',
  engineVersion: '0.1.0',
  seed: 'entente',
};
const STORED: Stored = {
  id: ID,
  subjectKind: 'engagement',
  subjectId: ENG,
  subjectCode: 'ENG-2008-001',
  subjectTitle: 'Atalanta support',
  title: 'Atalanta — Horn of Africa box',
  status: 'stale',
  statusReason: 'new dataset version',
  inputsHash: 'f00dfeed',
  engineVersion: '0.1.0',
  profile: 'screening',
  labelId: 'l1',
  portion: '(HO)',
  createdBy: 'u1',
  createdAt: '2026-11-29T20:00:00Z',
  lastRunAt: '2026-11-29T21:00:00Z',
  version: 2,
  request: {
    source: 'crime_at_sea',
    types: [],
    treatedArea: 'poly:preset-hoa',
    comparisonAreas: ['poly:preset-gulf-of-guinea'],
    neighbourAreas: [],
    t0: '2008-12-08',
    interventionLabel: 'Atalanta',
    from: '2000-01-01',
    to: '2014-12-31',
    methods: ['difference_in_differences'],
    profile: 'screening',
    seed: 'entente',
  },
  result: {
    inputsHash: 'f00dfeed',
    engineVersion: '0.1.0',
    profile: 'screening',
    months: [],
    areas: [
      { key: 'poly:preset-hoa', name: 'Horn of Africa box', role: 'treated', total: 1060 },
      { key: 'poly:preset-gulf-of-guinea', name: 'Gulf of Guinea', role: 'comparison', total: 580 },
    ],
    estimates: [DID],
    supporting: [],
    // No months: the page shows its text alternative instead of a canvas chart (jsdom has no canvas).
    series: {},
    dataset: { code: 'crime_at_sea', version: 3, licence: 'CC-BY-4.0', attribution: 'Benden et al. (2021)' },
    excluded: {},
    note: 'Counts are reported incidents, not all incidents.',
    quality: {
      dataset: {
        code: 'crime_at_sea',
        title: 'Crime at Sea',
        version: 3,
        accessedOn: '2026-11-29',
        licence: 'CC-BY-4.0',
        attribution: 'Benden et al. (2021)',
      },
      batches: [
        {
          id: 'b1',
          fileName: 'pirate_attacks.csv',
          status: 'committed_with_rejections',
          datasetVersion: 3,
          read: 7511,
          accepted: 7500,
          rejected: 11,
          warned: 319,
          finishedAt: '2026-11-29T20:59:00Z',
        },
      ],
      precision: [
        { areaKey: 'poly:preset-hoa', total: 1060, dateClass: { fine: 1060 }, locLevel: { 1: 1057, 3: 3 } },
        { areaKey: 'poly:preset-gulf-of-guinea', total: 580, dateClass: { fine: 580 }, locLevel: { 1: 580 } },
      ],
      excluded: { datePrecision: 0, locationPrecision: 0 },
      sourceSwitches: [],
      coverage: { from: '1993-01', to: '2020-12', monthsOutside: 0 },
      flags: [{ code: 'W_WHOLE_DEGREE_POSITION', count: 3 }],
      unmappedTypes: [],
      unmappedAdmin1: [],
      exposureModelled: false,
    },
  },
  dataVersions: {
    dataset: {
      code: 'crime_at_sea',
      version: 3,
      contentSha256: 'cafe'.repeat(16),
      sourceVersion: null,
      accessedOn: null,
    },
    batches: [
      {
        id: 'b0000000-0000-4000-8000-000000000000',
        status: 'committed',
        datasetVersion: 3,
        fileSha256: 'x',
        finishedAt: '2026-11-29T20:59:00Z',
      },
    ],
    areas: [{ key: 'poly:preset-hoa', version: 1 }],
  },
};

function stub() {
  let rerun = false;
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const path = String(url)
      .replace(/^\/api\/v1/, '')
      .split('?')[0];
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    const ok = (data: unknown) => json(200, { data, meta: { pageLabel: LABEL } });
    const current = { ...STORED, status: 'current', statusReason: null, version: 3 };
    if (path === `/evaluations/${ID}/rerun` && init?.method === 'POST') {
      rerun = true;
      return ok(current);
    }
    if (path === `/evaluations/${ID}`) return ok(rerun ? current : STORED);
    if (path === '/evaluations') {
      const { result: _r, request: _q, dataVersions: _d, ...rest } = STORED;
      const item: StoredItem = {
        ...rest,
        headline: {
          method: 'difference_in_differences',
          estimate: 3.02,
          ci95: [1.5, 6.1],
          designLevel: 2,
          designLabel: 'before/after',
        },
        datasetVersion: 3,
      };
      const q = new URL(String(url), 'http://x').searchParams;
      const items = q.get('status') === 'failed' ? [] : [item];
      return ok({ items, total: items.length, page: 1, pageSize: 25, hasMore: false });
    }
    return json(404, { error: { code: 'not_found', message: `no ${path}`, requestId: 'r' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function render(node: ReactNode) {
  const router = createRouter({
    routeTree: createRootRoute({ component: () => node }),
    history: createMemoryHistory({ initialEntries: ['/'] }),
  });
  view = await mount(
    <QueryClientProvider client={makeQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return view.container;
}

describe('stored evaluation page', () => {
  it('shows the stored result, the data versions used, its status and the downloads, and re-runs with its version', async () => {
    const fetch = stub();
    const c = await render(<StoredEvaluationPage id={ID} />);
    await until(() => Boolean(c.querySelector('.estimate-card')), 'the stored result');
    const text = c.textContent ?? '';
    expect(text).toContain('Atalanta — Horn of Africa box');
    expect(c.querySelector('.evaluation-status--stale')?.textContent).toBe('Stale');
    expect(text).toContain('Data versions used');
    expect(text).toContain('Entente version 3');
    expect(text).toContain('cafe'.repeat(16));
    expect(text).toContain('committed');
    expect(text).toContain('Horn of Africa box (1,060)');
    const dq = c.querySelector('.data-quality')?.textContent ?? '';
    expect(dq).toContain('Coverage of the rows you may see: 1993-01 to 2020-12.');
    expect(dq).toContain('1 import batch was committed with rejections');
    expect(dq).toContain('Position in whole degrees (location level 3) (W_WHOLE_DEGREE_POSITION): 3');
    expect(dq).toContain('No exposure series is modelled');
    const hoa = c.querySelector('.data-quality tbody tr');
    const cells = [...(hoa?.children ?? [])].map((td) => td.textContent);
    // Area, events, day/week, month, coarser, location level 1, location level 3 (no other level occurs).
    expect(cells).toEqual(['Horn of Africa box', '1,060', '1,060', '0', '0', '1,057', '3']);
    const links = [...c.querySelectorAll('a[download]')].map((a) => [a.textContent, a.getAttribute('href')]);
    expect(links).toEqual([
      ['Download JSON', `/api/v1/evaluations/${ID}/export.json`],
      ['Download PDF', `/api/v1/evaluations/${ID}/report.pdf`],
    ]);
    await click(byRole(c, 'button', 'Re-run'));
    await until(() => c.querySelector('.evaluation-status--current') !== null, 'the current status');
    const post = fetch.mock.calls.find(([u, i]) => String(u).endsWith('/rerun') && i?.method === 'POST');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ version: 2 });
  });

  it('lists the stored evaluations of an engagement with headline, grade, status and last run', async () => {
    stub();
    const c = await render(<EvaluationsPanel kind="engagement" id={ENG} />);
    await until(() => Boolean(c.querySelector('.evaluation-list li')), 'the list');
    const li = c.querySelector('.evaluation-list li')?.textContent ?? '';
    expect(li).toContain('Atalanta — Horn of Africa box');
    expect(li).toContain('Difference-in-differences: 3.02 (95 % CI 1.50–6.10), design level 2');
    expect(li).toContain('Stale');
    expect(li).toContain('last run 2026-11-29');
    expect(c.querySelector('.evaluation-list a')?.getAttribute('href')).toBe(`/evaluations/${ID}`);
  });

  it('lists every stored evaluation with what it is about, status, headline and grade, filtered through the search', async () => {
    const fetch = stub();
    const onSearch = vi.fn();
    const c = await render(<EvaluationsIndexPage search={{ status: 'stale' }} onSearch={onSearch} />);
    await until(() => Boolean(c.querySelector('tbody tr')), 'the table');
    const url = new URL(
      String(fetch.mock.calls.find(([u]) => String(u).includes('/evaluations'))?.[0]),
      'http://x',
    );
    expect(Object.fromEntries(url.searchParams)).toEqual({ status: 'stale', page: '1', pageSize: '25' });
    const row = c.querySelector('tbody tr')?.textContent ?? '';
    expect(row).toContain('Atalanta — Horn of Africa box');
    expect(row).toContain('ENG-2008-001 — Atalanta support');
    expect(row).toContain('Stale');
    expect(row).toContain('Difference-in-differences: 3.02 (95 % CI 1.50–6.10)');
    expect(row).toContain('Design level 2');
    const hrefs = [...c.querySelectorAll('tbody a')].map((a) => a.getAttribute('href'));
    expect(hrefs).toEqual([`/evaluations/${ID}`, `/engagements/${ENG}`]);
    expect(c.querySelector('.pager__range')?.textContent).toBe('1–1 of 1');
    const status = c.querySelector<HTMLSelectElement>('#ev-status');
    expect(status?.value).toBe('stale');
  });

  it('says so when no stored evaluation matches the filters', async () => {
    stub();
    const c = await render(<EvaluationsIndexPage search={{ status: 'failed' }} onSearch={() => undefined} />);
    await until(() => Boolean(c.querySelector('.empty-state')), 'the empty state');
    expect(c.querySelector('.empty-state')?.textContent).toContain(
      'No stored evaluation matches these filters.',
    );
  });
});
