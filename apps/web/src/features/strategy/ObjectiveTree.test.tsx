// @vitest-environment happy-dom
/** The objective tree links each objective to its page, with one link in the tab order (roving focus). */
import { afterEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { RouterProvider, createMemoryHistory, createRootRoute, createRouter } from '@tanstack/react-router';
import type { ObjectiveItem } from '@entente/contracts';
import { mount } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { ObjectiveTree } from './ObjectiveTree';

const base: ObjectiveItem = {
  id: '11111111-1111-4111-8111-111111111111',
  code: 'SO-2',
  title: 'Transnational threats',
  description: 'd',
  level: 'national',
  parentId: null,
  priority: 1,
  threatFocus: [],
  status: 'active',
  validFrom: '2008-01-01',
  validTo: null,
  portion: '(HO)',
  version: 1,
  engagementCount: 3,
  linesOfEffort: [],
};
const child: ObjectiveItem = {
  ...base,
  id: '22222222-2222-4222-8222-222222222222',
  code: 'SO-2.1',
  title: 'Piracy',
  parentId: base.id,
};

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('objective tree', () => {
  it('links every objective to its page; only the current row’s link is tabbable; Enter on a link leaves the branch open', async () => {
    const router = createRouter({
      routeTree: createRootRoute({ component: () => <ObjectiveTree objectives={[base, child]} /> }),
      history: createMemoryHistory({ initialEntries: ['/strategy'] }),
    });
    view = await mount(<RouterProvider router={router} />);
    const c = view.container;
    const links = [...c.querySelectorAll<HTMLAnchorElement>('a.tree__link')];
    expect(links.map((a) => a.getAttribute('href'))).toEqual([
      `/strategy/objectives/${base.id}`,
      `/strategy/objectives/${child.id}`,
    ]);
    expect(links.map((a) => a.tabIndex)).toEqual([0, -1]);
    const row = c.querySelector<HTMLElement>(`#objective-${base.id}`)!;
    expect(row.getAttribute('aria-expanded')).toBe('true');
    await act(async () => {
      links[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
    });
    expect(row.getAttribute('aria-expanded')).toBe('true');
  });
});
