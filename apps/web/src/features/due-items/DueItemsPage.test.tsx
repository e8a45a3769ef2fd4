// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import { byLabel, byRole, choose, click, mount, type } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { makeQueryClient } from '../../lib/query';
import { DueItemsPage } from './DueItemsPage';
import type { DueItemsSearch } from './dueItemsApi';

const LABEL = { banner: 'HUB OFFICIAL//REL TO XHN', colour: '#007a33', textColour: '#ffffff' };
const item = (over: Record<string, unknown>) => ({
  id: '11111111-1111-4111-8111-111111111111',
  kind: 'closure',
  subjectKind: 'engagement',
  subjectId: '22222222-2222-4222-8222-222222222222',
  subjectCode: 'HOA-MTF-001',
  title: 'Close HOA-MTF-001: Frigate rotation',
  ownerOrgId: '33333333-3333-4333-8333-333333333333',
  ownerOrgCode: 'XHN-SECCOOP',
  dueOn: '2026-11-20',
  status: 'overdue',
  daysLeft: -9,
  submittedOn: null,
  waivedReason: null,
  portion: '(HO//REL TO XHN)',
  version: 1,
  reminder: 'overdue',
  remindedOn: '2026-11-27',
  reminderTo: 'owner',
  canSubmit: true,
  canWaive: true,
  ...over,
});
const ITEMS = [
  item({}),
  item({
    id: '44444444-4444-4444-8444-444444444444',
    kind: 'renewal',
    subjectKind: 'agreement',
    subjectCode: 'AGR-KEN-1',
    title: 'Renew AGR-KEN-1',
    dueOn: '2026-12-05',
    status: 'pending',
    daysLeft: 6,
    reminder: 'due_soon',
    remindedOn: '2026-11-28',
    canWaive: false,
  }),
];

type Call = { url: string; init: RequestInit | undefined };
let calls: Call[] = [];
function stubApi(list: unknown[]) {
  calls = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string, init?: RequestInit) => {
      calls.push({ url, init });
      const body = url.includes('/timeliness')
        ? {
            data: [{ month: '2026-11', due: 4, onTime: 3, ratio: 0.75, rating: 'amber' }],
            meta: { pageLabel: LABEL },
          }
        : url.includes('/waive')
          ? {
              data: {
                ...(list[0] as object),
                status: 'waived',
                waivedReason: 'x',
                canWaive: false,
                canSubmit: false,
                version: 2,
              },
              meta: { pageLabel: LABEL },
            }
          : { data: list, meta: { pageLabel: LABEL } };
      return new Response(JSON.stringify(body), {
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

const itemsTable = (c: HTMLElement) =>
  [...c.querySelectorAll('table')].find((t) => t.caption?.textContent === 'Due items, soonest first');

async function render(search: DueItemsSearch, onSearch = vi.fn()) {
  const rootRoute = createRootRoute({
    component: () => <DueItemsPage search={search} onSearch={onSearch} />,
  });
  const router = createRouter({
    routeTree: rootRoute,
    history: createMemoryHistory({ initialEntries: ['/due-items'] }),
  });
  view = await mount(
    <QueryClientProvider client={makeQueryClient()}>
      <RouterProvider router={router} />
    </QueryClientProvider>,
  );
  for (
    let i = 0;
    i < 10 && !(itemsTable(view.container) || view.container.querySelector('.empty-state'));
    i++
  )
    await act(async () => new Promise((r) => setTimeout(r, 20)));
  return { c: view.container, onSearch };
}

describe('due items page', () => {
  it('lists the items with the overdue row highlighted, and filters by status through the URL', async () => {
    stubApi(ITEMS);
    const { c, onSearch } = await render({});
    const rows = [...(itemsTable(c)?.querySelectorAll('tbody tr') ?? [])];
    expect(rows).toHaveLength(2);
    expect(c.textContent).toMatch(/75 % \(3\/4\)/);
    expect(rows[0]?.className).toBe('row--alert');
    expect(rows[0]?.textContent).toMatch(/9 days overdue/);
    expect(rows[1]?.className).toBe('');
    expect(rows[1]?.textContent).toMatch(/in 6 days/);
    expect(rows[1]?.textContent).toMatch(/Owner reminded on/);
    await choose(byLabel<HTMLSelectElement>(c, 'Status'), 'overdue');
    expect(onSearch).toHaveBeenCalledWith({ status: 'overdue' });
  });

  it('sends the status filter to the API and shows an empty state', async () => {
    stubApi([]);
    const { c } = await render({ status: 'waived' });
    expect(calls.map((x) => x.url)).toContain('/api/v1/due-items?status=waived');
    expect(c.querySelector('.empty-state')?.textContent).toMatch(/No due items match/);
  });

  it('filters on reminders through the URL and shows an escalated item as escalated to the approver', async () => {
    stubApi([
      item({
        daysLeft: -20,
        dueOn: '2026-11-09',
        reminder: 'escalated',
        remindedOn: '2026-11-23',
        reminderTo: 'approver',
      }),
    ]);
    const { c, onSearch } = await render({ attention: 'escalated' });
    expect(calls.map((x) => x.url)).toContain('/api/v1/due-items?attention=escalated');
    const row = itemsTable(c)?.querySelector('tbody tr');
    expect(row?.textContent).toMatch(/Escalated/);
    expect(row?.textContent).toMatch(/Escalated to the organisation's approver on/);
    await choose(byLabel<HTMLSelectElement>(c, 'Needs attention'), 'due_soon');
    expect(onSearch).toHaveBeenCalledWith({ attention: 'due_soon' });
  });

  it('waives through a dialog that needs a reason', async () => {
    stubApi(ITEMS);
    const { c } = await render({});
    await click(byRole(c, 'button', 'Waive'));
    expect(c.querySelector('[role="dialog"]')).not.toBeNull();
    await click(byRole(c, 'button', 'Confirm: Waive'));
    expect(c.querySelector('[role="dialog"] [role="alert"]')?.textContent).toMatch(/Give a reason/);
    expect(calls.some((x) => x.url.includes('/waive'))).toBe(false);
    await type(byLabel<HTMLTextAreaElement>(c, 'Reason (required)'), 'Handled in the annual review');
    await click(byRole(c, 'button', 'Confirm: Waive'));
    const waive = calls.find((x) => x.url.includes('/waive'));
    expect(waive?.url).toBe(`/api/v1/due-items/${ITEMS[0]!.id}/waive`);
    expect(JSON.parse(String(waive?.init?.body))).toEqual({
      version: 1,
      reason: 'Handled in the annual review',
    });
    expect(c.querySelector('[role="dialog"]')).toBeNull();
  });
});
