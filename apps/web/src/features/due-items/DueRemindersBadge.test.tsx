// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { QueryClientProvider } from '@tanstack/react-query';
import { mount } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { makeQueryClient } from '../../lib/query';
import { DueRemindersBadge } from './DueRemindersBadge';

const LABEL = { banner: 'HUB OFFICIAL//REL TO XHN', colour: '#007a33', textColour: '#ffffff' };

function stub(routes: Record<string, unknown>) {
  vi.stubGlobal(
    'fetch',
    vi.fn(async (url: string) => {
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

describe('due-items badge', () => {
  const render = async () => {
    view = await mount(
      <QueryClientProvider client={makeQueryClient()}>
        <DueRemindersBadge />
      </QueryClientProvider>,
    );
    await settle();
    return view.container;
  };

  it('counts my items needing attention and names the escalations', async () => {
    stub({ '/due-items/summary': { dueSoon: 2, overdue: 3, escalated: 1, badge: 5, escalatedToMe: false } });
    const c = await render();
    const badge = c.querySelector('.nav__badge');
    expect(badge?.textContent).toBe('5');
    expect(badge?.getAttribute('aria-label')).toBe('5 due items need attention, 1 escalated');
  });

  it('is hidden when nothing needs attention', async () => {
    stub({ '/due-items/summary': { dueSoon: 0, overdue: 0, escalated: 0, badge: 0, escalatedToMe: true } });
    const c = await render();
    expect(c.querySelector('.nav__badge')).toBeNull();
  });
});
