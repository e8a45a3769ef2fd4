// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { byRole, click, mount } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { makeQueryClient } from '../../lib/query';
import { LABEL } from '../incidents/testFixtures';
import { EvaluatePage } from './EvaluatePage';
import type { EstimateItem, RunResult } from './evaluationApi';

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
});

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
  throw new Error(`timed out waiting for ${what}`);
}

const AREAS = {
  items: [
    {
      key: 'poly:preset-hoa',
      kind: 'polygon',
      name: 'Horn of Africa box',
      iso3: null,
      source: 'preset',
      bbox: null,
      version: 1,
    },
    {
      key: 'poly:preset-gulf-of-guinea',
      kind: 'polygon',
      name: 'Gulf of Guinea',
      iso3: null,
      source: 'preset',
      bbox: null,
      version: 1,
    },
  ],
};

const DID: EstimateItem = {
  method: 'difference_in_differences',
  variant: 'twfe',
  estimand: 'ratio of after/before rate ratios, treated vs comparison (IRR)',
  estimate: 0.62,
  ci95: [0.41, 0.93],
  ciMethod: 'CR1',
  pValue: 0.021,
  design: {
    level: 2,
    label: 'before/after, no comparison',
    reasons: ['PRETREND_FAIL: downgraded by one level'],
  },
  warnings: [
    { code: 'PRETREND_FAIL', severity: 'warn', message: 'Pre-period ratios lie outside [2/3, 3/2].' },
    { code: 'FEW_CLUSTERS', severity: 'info', message: 'Only 2 areas; randomisation inference p.' },
  ],
  diagnostics: {},
  excluded: { datePrecision: 4 },
  inputsHash: 'abc123',
  engineVersion: '0.1.0',
  seed: 'entente',
};

const RESULT: RunResult = {
  inputsHash: 'f00dfeed',
  engineVersion: '0.1.0',
  profile: 'screening',
  months: ['2008-10', '2008-11', '2008-12', '2009-01'],
  areas: [
    { key: 'poly:preset-hoa', name: 'Horn of Africa box', role: 'treated', total: 40 },
    { key: 'poly:preset-gulf-of-guinea', name: 'Gulf of Guinea', role: 'comparison', total: 12 },
  ],
  estimates: [
    DID,
    {
      ...DID,
      method: 'interrupted_time_series',
      variant: undefined,
      estimand: 'level change at T0 (IRR, treated areas)',
      estimate: null,
      ci95: [null, null],
      design: { level: 2, label: 'before/after, no comparison', reasons: [] },
      warnings: [{ code: 'FEW_POINTS_BLOCK', severity: 'block', message: 'Fewer than 8 months after T0.' }],
    },
  ],
  supporting: [],
  series: {
    months: ['2008-10', '2008-11', '2008-12', '2009-01'],
    t0Index: 2,
    observed: { treated: [12, 14, 8, 6], comparison: [3, 4, 2, 3], neighbour: [null, null, null, null] },
    sourceSwitchIndices: [],
  },
  dataset: { code: 'crime_at_sea', version: 3, licence: 'CC-BY-4.0', attribution: 'Benden et al. (2021)' },
  excluded: { datePrecision: 4 },
  note: 'Counts are reported incidents, not all incidents. Rate per area-month, not per transit unless an exposure series is modelled.',
};

function stub(run: { status: number; body: unknown }) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const path = String(url)
      .replace(/^\/api\/v1/, '')
      .split('?')[0];
    const json = (status: number, body: unknown) =>
      new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
    if (path === '/areas') return json(200, { data: AREAS, meta: { pageLabel: LABEL } });
    if (path === '/evaluations/run' && init?.method === 'POST') return json(run.status, run.body);
    return json(404, { error: { code: 'not_found', message: `no ${path}`, requestId: 'r' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function render() {
  view = await mount(
    <QueryClientProvider client={makeQueryClient()}>
      <EvaluatePage />
    </QueryClientProvider>,
  );
  await until(() => Boolean(view!.container.querySelector('form.evaluate-form')), 'the form');
}

describe('evaluate page', () => {
  it('shows each estimate with its design grade, warnings and "contributed to" wording', async () => {
    const fetch = stub({ status: 200, body: { data: RESULT, meta: { pageLabel: LABEL } } });
    await render();
    await click(byRole(view!.container, 'button', 'Run evaluation'));
    await until(() => view!.container.querySelectorAll('.estimate-card').length === 2, 'the estimate cards');

    const post = fetch.mock.calls.find(([u]) => String(u).includes('/evaluations/run'));
    const sent = JSON.parse(String(post?.[1]?.body)) as Record<string, unknown>;
    expect(sent).toMatchObject({
      source: 'crime_at_sea',
      treatedArea: 'poly:preset-hoa',
      comparisonAreas: ['poly:preset-gulf-of-guinea'],
      t0: '2008-12-08',
    });

    const [did, its] = [...view!.container.querySelectorAll('.estimate-card')].map(
      (c) => c.textContent ?? '',
    );
    expect(did).toContain('Difference-in-differences');
    expect(did).toContain('Design level 2: before/after, no comparison');
    expect(did).toContain('PRETREND_FAIL: downgraded by one level');
    expect(did).toContain('PRETREND_FAIL: Pre-period ratios lie outside [2/3, 3/2].');
    expect(did).toContain('contributed to a change of −38.0 %');
    expect(did).toContain('95 % CI 0.41–0.93');
    expect(did).toContain('0.021');
    expect(did).not.toContain('caused');
    // A block warning replaces the headline number.
    expect(its).toContain('blocked: Fewer than 8 months after T0.');
    expect(its).not.toContain('95 % CI');

    const text = view!.container.textContent ?? '';
    expect(text).toContain('Counts are reported incidents, not all incidents');
    expect(text).toContain('licence CC-BY-4.0');
    expect(text).toContain('Benden et al. (2021)');
    expect(text).toContain('4 incidents excluded');
    expect(text).toContain('f00dfeed');
  });

  it('shows a 400 field error next to the intervention date', async () => {
    stub({
      status: 400,
      body: {
        error: {
          code: 'validation_failed',
          message: 'Some fields are invalid',
          requestId: 'r1',
          fields: [{ path: 't0', message: 'T0 must lie inside the period' }],
        },
      },
    });
    await render();
    await click(byRole(view!.container, 'button', 'Run evaluation'));
    await until(() => Boolean(view!.container.querySelector('#ev-t0-error')), 'the t0 error');
    expect(view!.container.querySelector('#ev-t0-error')?.textContent).toContain(
      'T0 must lie inside the period',
    );
    expect(view!.container.querySelector('#ev-t0')?.getAttribute('aria-describedby')).toContain(
      'ev-t0-error',
    );
    expect(view!.container.querySelectorAll('.estimate-card')).toHaveLength(0);
  });
});
