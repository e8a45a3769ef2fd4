// @vitest-environment happy-dom
import { act } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '../testing/dom';
import type { Mounted } from '../testing/dom';
import { BannerFrame } from './ClassificationBanner';
import { highest, recordPageLabel, resetPageLabel, setContribution } from './pageLabelStore';

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  act(() => resetPageLabel());
});

const banners = (c: HTMLElement) => [...c.querySelectorAll<HTMLElement>('.classification-banner')];

describe('classification banner', () => {
  it('shows the login default (HUB OFFICIAL, green) at the top and the bottom before any response', async () => {
    view = await mount(<BannerFrame>page</BannerFrame>);
    const [top, bottom] = banners(view.container);
    expect(banners(view.container)).toHaveLength(2);
    expect(top?.dataset['position']).toBe('top');
    expect(bottom?.dataset['position']).toBe('bottom');
    expect(top?.textContent).toBe('HUB OFFICIAL');
    expect(bottom?.textContent).toBe('HUB OFFICIAL');
    expect(top?.style.backgroundColor).toBe('#007a33');
  });

  it('renders the text and colours of the response page label, top and bottom, around the content', async () => {
    view = await mount(
      <BannerFrame>
        <main>content</main>
      </BannerFrame>,
    );
    act(() =>
      recordPageLabel({
        banner: 'HUB SECRET//CT//REL TO XHN, FRA',
        colour: '#c8102e',
        textColour: '#ffffff',
      }),
    );
    const all = banners(view.container);
    for (const b of all) {
      expect(b.textContent).toBe('HUB SECRET//CT//REL TO XHN, FRA');
      expect(b.style.backgroundColor).toBe('#c8102e');
      expect(b.style.color).toBe('#ffffff');
    }
    const children = [...(view.container.firstElementChild?.children ?? [])];
    expect(children[0]).toBe(all[0]);
    expect(children[children.length - 1]).toBe(all[1]);
    expect(all[0]?.getAttribute('aria-label')).toContain('HUB SECRET');
  });

  it('keeps the high-water mark of the data on the page, whatever order the responses arrive in', async () => {
    view = await mount(<BannerFrame>page</BannerFrame>);
    act(() => {
      setContribution('a', { banner: 'HUB CONFIDENTIAL//REL TO XHN', colour: '#003da5', textColour: '#fff' });
      setContribution('b', { banner: 'HUB OFFICIAL', colour: '#007a33', textColour: '#fff' });
      recordPageLabel({ banner: 'HUB OFFICIAL', colour: '#007a33', textColour: '#fff' });
    });
    expect(banners(view.container)[0]?.textContent).toBe('HUB CONFIDENTIAL//REL TO XHN');
    act(() => setContribution('a', null));
    expect(banners(view.container)[1]?.textContent).toBe('HUB OFFICIAL');
  });

  it('ranks banners by level', () => {
    const l = (banner: string) => ({ banner, colour: '', textColour: '' });
    expect(highest([l('HUB RESTRICTED'), l('HUB SECRET//CT'), l('HUB OFFICIAL')])?.banner).toBe(
      'HUB SECRET//CT',
    );
    expect(highest([])).toBeNull();
  });
});
