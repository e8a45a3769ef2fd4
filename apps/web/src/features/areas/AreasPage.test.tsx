// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import { byLabel, byRole, click, mount, type } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { makeQueryClient } from '../../lib/query';
import { AreasPage } from './AreasPage';

// WebGL is absent in happy-dom: the map is replaced by a stand-in that reports what it would draw.
vi.mock('./AreaMap', () => ({
  default: ({ mode, geometry }: { mode: string; geometry: { type: string } | null }) => (
    <div data-testid="map">
      map {mode} {geometry ? geometry.type : 'empty'}
    </div>
  ),
}));

const LABEL = { banner: 'OFFICIAL', marks: [] };
const HOA = {
  key: 'poly:preset-hoa',
  kind: 'polygon',
  name: 'Horn of Africa (HoA box)',
  iso3: null,
  source: 'preset',
  bbox: [40, -12, 70, 22],
  version: 1,
  code: null,
  custom: false,
};
const MINE = {
  ...HOA,
  key: 'poly:7b0c0f5e-1d2a-4b3c-8d4e-5f6a7b8c9d0e',
  name: 'Patrol box',
  source: 'drawn',
  custom: true,
};

const DETAIL = {
  ...MINE,
  description: 'Northern patrol sector',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [40, 0],
        [41, 0],
        [41, 1],
        [40, 1],
        [40, 0],
      ],
    ],
  },
};

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  vi.unstubAllGlobals();
});

async function until(check: () => boolean, what: string) {
  for (let i = 0; i < 50; i++) {
    if (check()) return;
    await act(async () => {
      await new Promise((r) => setTimeout(r, 10));
    });
  }
  throw new Error(`timed out waiting for ${what}`);
}

const ok = (data: unknown) =>
  new Response(JSON.stringify({ data, meta: { pageLabel: LABEL } }), {
    status: 200,
    headers: { 'Content-Type': 'application/json' },
  });

function stub(post: (body: Record<string, unknown>) => Response) {
  const calls: { method: string; url: string; body?: Record<string, unknown> }[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      const method = init?.method ?? 'GET';
      const body = init?.body ? (JSON.parse(String(init.body)) as Record<string, unknown>) : undefined;
      calls.push({ method, url: String(url), ...(body ? { body } : {}) });
      const path = String(url)
        .replace(/^\/api\/v1/, '')
        .split('?')[0];
      if (method === 'POST' && path === '/incidents/areas') return post(body ?? {});
      if (path === '/incidents/areas') return ok({ items: [HOA, MINE] });
      if (method === 'GET' && path === `/incidents/areas/${encodeURIComponent(MINE.key)}`) return ok(DETAIL);
      if (method === 'DELETE') return ok({ key: MINE.key, archived: true });
      return new Response(
        JSON.stringify({ error: { code: 'not_found', message: 'The area was not found.', requestId: 'r' } }),
        { status: 404 },
      );
    }),
  );
  return calls;
}

async function render(selected?: string) {
  const onSelect = vi.fn();
  const rootRoute = createRootRoute({
    component: () => <AreasPage canEdit selected={selected} onSelect={onSelect} />,
  });
  const router = createRouter({
    routeTree: rootRoute,
    history: createMemoryHistory({ initialEntries: ['/incidents/areas'] }),
  });
  view = await mount(
    <QueryClientProvider client={makeQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  return { container: view.container, onSelect };
}

describe('areas page', () => {
  it('lists built-in and custom areas; choosing one selects it', async () => {
    stub(() => ok({ areas: [] }));
    const { container, onSelect } = await render();
    await until(() => container.querySelectorAll('tbody tr').length === 2, 'the area rows');
    expect(container.querySelector('tbody')!.textContent).toContain('Patrol box');
    expect(container.querySelector('tbody')!.textContent).toContain('custom');
    await click(byRole(container, 'button', 'Patrol box'));
    expect(onSelect).toHaveBeenCalledWith(MINE.key);
  });

  it('typed coordinates draw a polygon; the server errors are listed with their JSON paths', async () => {
    const calls = stub(
      () =>
        new Response(
          JSON.stringify({
            error: {
              code: 'validation',
              message: 'The area is not valid',
              requestId: 'r',
              fields: [
                {
                  path: 'geometry.coordinates[0][0]',
                  message: 'edge 0→1 intersects edge 2→3 of the same ring (E_SELF_INTERSECTION)',
                },
              ],
            },
          }),
          { status: 400 },
        ),
    );
    const { container } = await render();
    await type(byLabel(container, 'Name'), 'Bow tie');
    await click(container.querySelector<HTMLInputElement>('input[value="polygon"]')!);
    await type(
      byLabel<HTMLTextAreaElement>(container, 'Coordinates: one “longitude latitude” per line'),
      '40 0\n42 2\n42 0\n40 3',
    );
    await until(() => container.textContent!.includes('map polygon Polygon'), 'the polygon preview');
    await click(byRole(container, 'button', 'Save area'));
    await until(() => Boolean(container.querySelector('[role="alert"] code')), 'the field errors');
    expect(container.querySelector('[role="alert"]')!.textContent).toContain('geometry.coordinates[0][0]');
    const post = calls.find((c) => c.method === 'POST');
    expect(post!.body).toMatchObject({
      type: 'polygon',
      name: 'Bow tie',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [40, 0],
            [42, 2],
            [42, 0],
            [40, 3],
            [40, 0],
          ],
        ],
      },
    });
  });

  it('a typed box across the antimeridian is saved and the assigned count is shown', async () => {
    const calls = stub(() =>
      ok({ areas: [{ key: 'bbox:1', kind: 'box', name: 'Date line', assigned: 1234, cells: 10 }] }),
    );
    const { container, onSelect } = await render();
    await type(byLabel(container, 'Name'), 'Date line');
    const inputs = container.querySelectorAll<HTMLInputElement>('.area-form__box input');
    for (const [i, v] of ['170', '-25', '-170', '0'].entries()) await type(inputs[i]!, v);
    await click(byRole(container, 'button', 'Save area'));
    await until(() => container.textContent!.includes('1,234 incidents assigned'), 'the saved notice');
    expect(calls.find((c) => c.method === 'POST')!.body).toMatchObject({
      type: 'box',
      box: [170, -25, -170, 0],
    });
    expect(onSelect).toHaveBeenCalledWith('bbox:1');
  });

  it('the selected area shows on the map with its Explore link, and a custom one can be archived', async () => {
    const calls = stub(() => ok({ areas: [] }));
    vi.stubGlobal('confirm', () => true);
    const { container, onSelect } = await render(MINE.key);
    await until(() => container.textContent!.includes('Northern patrol sector'), 'the area detail');
    expect(container.textContent).toContain('map view Polygon');
    const link = [...container.querySelectorAll('a')].find(
      (a) => a.textContent === 'Monthly series in Explore',
    );
    expect(link?.getAttribute('href')).toContain(`area=${encodeURIComponent(MINE.key)}`);
    await click(byRole(container, 'button', 'Archive area'));
    await until(() => calls.some((c) => c.method === 'DELETE'), 'the archive call');
    await until(() => onSelect.mock.calls.length > 0, 'the deselection');
    expect(onSelect).toHaveBeenCalledWith(undefined);
  });
});
