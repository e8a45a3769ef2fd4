// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '../testing/dom';
import type { Mounted } from '../testing/dom';
import { NavBadge, countLabel } from './NavBadge';

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('side-nav count badge', () => {
  it('shows the count with an accessible name that says what it counts', async () => {
    view = await mount(
      <a href="/due-items">
        Due items <NavBadge count={3} label="3 due items need attention" />
      </a>,
    );
    const badge = view.container.querySelector('.nav__badge');
    expect(badge?.textContent).toBe('3');
    expect(badge?.getAttribute('role')).toBe('img');
    expect(badge?.getAttribute('aria-label')).toBe('3 due items need attention');
    expect(badge?.className).toBe('nav__badge');
  });

  it('caps the shown number at 99+ and is absent at zero', async () => {
    view = await mount(
      <div>
        <NavBadge count={250} label="250 open watch-area alerts" />
        <NavBadge count={0} label="0 open watch-area alerts" />
      </div>,
    );
    const badges = view.container.querySelectorAll('.nav__badge');
    expect(badges).toHaveLength(1);
    expect(badges[0]?.textContent).toBe('99+');
  });

  it('words singular and plural counts', () => {
    expect(countLabel(1, 'open watch-area alert', 'open watch-area alerts')).toBe('1 open watch-area alert');
    expect(countLabel(4, 'open watch-area alert', 'open watch-area alerts')).toBe('4 open watch-area alerts');
  });
});
