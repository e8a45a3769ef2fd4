// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import { byLabel, byRole, click, mount, type } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { makeQueryClient } from '../../lib/query';
import { LABEL } from '../incidents/testFixtures';
import { MonitorsPage } from './MonitorsPage';
import { MonitorDetailPage } from './MonitorDetailPage';

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
});

const ID = '11111111-1111-4111-8111-111111111111';
const ALERT_ID = '22222222-2222-4222-8222-222222222222';
const USER = '33333333-3333-4333-8333-333333333333';
const LBL = '44444444-4444-4444-8444-444444444444';

const MONITOR = {
  id: ID,
  name: 'Horn of Africa',
  areaKey: 'poly:preset-hoa',
  areaName: 'Horn of Africa box',
  source: 'crime_at_sea',
  eventTypes: [],
  seriesFrom: '2002-01',
  rho: 2,
  targetArl: 100,
  bocpdThreshold: 0.5,
  enabled: true,
  labelId: LBL,
  portion: '(O)',
  createdBy: USER,
  createdAt: '2026-11-29T20:00:00.000Z',
  version: 1,
  openAlerts: 1,
  lastAlarm: '2005-07',
  insufficientBaseline: false,
  evaluatedAt: '2026-11-29T20:01:00.000Z',
};
const ALERT = {
  id: ALERT_ID,
  monitorId: ID,
  monitorName: 'Horn of Africa',
  areaKey: 'poly:preset-hoa',
  month: '2005-07',
  detector: 'cusum',
  statistic: 5.91,
  threshold: 4.2,
  expected: 3.4,
  observed: 11,
  episodeId: 'cusum:2005-07',
  status: 'open',
  acknowledgedBy: null,
  acknowledgedAt: null,
  note: null,
  labelId: LBL,
  portion: '(O)',
  createdAt: '2026-11-29T20:01:00.000Z',
};
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
  ],
};
const DETAIL_SHORT = {
  monitor: { ...MONITOR, insufficientBaseline: true, openAlerts: 0, lastAlarm: null },
  evaluation: {
    monitorVersion: 1,
    evaluatedAt: '2026-11-29T20:01:00.000Z',
    lastMonth: '2020-12',
    insufficientBaseline: true,
    monitorFrom: null,
    h: null,
    arl: null,
    arlSe: null,
    bocpdThreshold: null,
    bocpdCalibrated: null,
    warnings: [{ code: 'INSUFFICIENT_BASELINE', severity: 'block', message: 'Fewer than 24 months.' }],
    series: {
      months: ['2020-11', '2020-12'],
      observed: [1, 0],
      baseline: [null, null],
      shewhartLimit: [null, null],
      cusum: [null, null],
      bocpd: [null, null],
    },
    excluded: { datePrecision: 0, locationPrecision: 0 },
    sourceSwitches: [],
  },
  alerts: [],
  dataset: {
    code: 'crime_at_sea',
    version: 1,
    licence: 'CC-BY-4.0',
    attribution: 'Benden et al. (2021)',
    accessedOn: null,
    contentSha256: null,
  },
  note: 'Counts are reported incidents, not all incidents.',
};

type Reply = { status: number; body: unknown };
const ok = (data: unknown): Reply => ({ status: 200, body: { data, meta: { pageLabel: LABEL } } });

function stub(routes: Record<string, Reply | ((init?: RequestInit) => Reply)>) {
  const fetch = vi.fn(async (url: string, init?: RequestInit) => {
    const path = String(url)
      .replace(/^\/api\/v1/, '')
      .split('?')[0]!;
    const key = `${init?.method ?? 'GET'} ${path}`;
    const r = routes[key];
    const reply = typeof r === 'function' ? r(init) : r;
    const { status, body } = reply ?? {
      status: 404,
      body: { error: { code: 'not_found', message: key, requestId: 'r' } },
    };
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });
  });
  vi.stubGlobal('fetch', fetch);
  return fetch;
}

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 100; i++) {
    if (check()) return;
    await act(async () => new Promise((r) => setTimeout(r, 10)));
  }
  throw new Error(`timed out waiting for ${what}`);
}

async function render(node: () => React.ReactNode) {
  const rootRoute = createRootRoute({ component: node });
  const router = createRouter({
    routeTree: rootRoute,
    history: createMemoryHistory({ initialEntries: ['/monitors'] }),
  });
  view = await mount(
    <QueryClientProvider client={makeQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return view.container;
}

describe('watch areas page', () => {
  it('lists the monitors with open alerts and last alarm, and acknowledges an alert with a note', async () => {
    let acked: unknown = null;
    const fetch = stub({
      'GET /monitors': ok({ items: [MONITOR] }),
      'GET /monitor-alerts': ok({ items: [ALERT], total: 1, page: 1, pageSize: 25, hasMore: false }),
      [`POST /monitor-alerts/${ALERT_ID}/acknowledge`]: (init) => {
        acked = JSON.parse(String(init?.body));
        return ok({
          ...ALERT,
          status: 'acknowledged',
          note: 'Reported to J2',
          acknowledgedBy: USER,
          acknowledgedAt: '2026-11-29T21:00:00.000Z',
        });
      },
    });
    const c = await render(() => <MonitorsPage />);
    await until(() => (c.textContent ?? '').includes('Horn of Africa box'), 'the monitor row');
    const row = [...c.querySelectorAll('tbody tr')].find((r) =>
      r.textContent?.includes('Horn of Africa box'),
    );
    expect(row?.textContent).toContain('2005-07');
    expect(row?.textContent).toContain('Watching');
    await until(() => (c.textContent ?? '').includes('CUSUM (sustained shift)'), 'the alert');
    // Acknowledging needs a note.
    await click(byRole(c, 'button', 'Acknowledge'));
    expect(c.textContent).toContain('Write a note');
    await type(byLabel(c, 'Note'), 'Reported to J2');
    await click(byRole(c, 'button', 'Acknowledge'));
    await until(() => acked !== null, 'the acknowledge call');
    expect(acked).toEqual({ note: 'Reported to J2' });
    expect(fetch.mock.calls.some(([u]) => String(u).includes('status=open'))).toBe(true);
  });

  it('shows a 400 field error next to ρ in the create form', async () => {
    stub({
      'GET /monitors': ok({ items: [] }),
      'GET /monitor-alerts': ok({ items: [], total: 0, page: 1, pageSize: 25, hasMore: false }),
      'GET /areas': ok(AREAS),
      'POST /monitors': {
        status: 400,
        body: {
          error: {
            code: 'validation',
            message: 'Invalid',
            requestId: 'r',
            fields: [{ path: 'rho', message: 'between 1.5 and 3' }],
          },
        },
      },
    });
    const c = await render(() => <MonitorsPage />);
    await until(() => (c.textContent ?? '').includes('No watch areas yet'), 'the empty state');
    await click(byRole(c, 'button', 'New watch area'));
    await until(() => Boolean(c.querySelector('form.monitor-form')), 'the form');
    await type(byLabel(c, 'Name'), 'HoA');
    await type(byLabel(c, 'CUSUM shift ρ'), '5');
    await click(byRole(c, 'button', 'Create watch area'));
    await until(() => Boolean(c.querySelector('#mo-rho-error')), 'the ρ error');
    expect(c.querySelector('#mo-rho-error')?.textContent).toContain('between 1.5 and 3');
    expect(c.querySelector('#mo-rho')?.getAttribute('aria-describedby')).toContain('mo-rho-error');
  });

  it('explains a monitor without enough data instead of drawing empty charts', async () => {
    stub({
      [`GET /monitors/${ID}`]: ok(DETAIL_SHORT),
      'GET /monitor-alerts': ok({ items: [], total: 0, page: 1, pageSize: 25, hasMore: false }),
    });
    const c = await render(() => <MonitorDetailPage id={ID} />);
    await until(() => (c.textContent ?? '').includes('Not enough data for a baseline'), 'the empty state');
    expect(c.textContent).toContain('This series has 2 months (2020-11 to 2020-12)');
    expect(c.textContent).toContain('Counts are reported incidents, not all incidents');
    expect(c.textContent).toContain('licence CC-BY-4.0');
    expect(c.querySelector('.echart')).toBeNull();
  });
});
