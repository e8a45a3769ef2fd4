/**
 * The page high-water mark shown in the classification banners.
 *
 * Every mounted query contributes its response's `meta.pageLabel`; the banner shows the most
 * restrictive contribution, so a page whose queries answer in any order never shows a lower
 * banner than the data on it. With no contribution (a page between loads), the latest
 * response's label is shown; before any response, the login default.
 */
import { useEffect, useId, useSyncExternalStore } from 'react';
import type { PageLabel } from '@entente/contracts';

export const DEFAULT_PAGE_LABEL: PageLabel = {
  banner: 'HUB OFFICIAL',
  colour: '#007a33',
  textColour: '#ffffff',
};

const LEVEL_WORDS = ['UNCLASSIFIED', 'OFFICIAL', 'RESTRICTED', 'CONFIDENTIAL', 'SECRET', 'TOP SECRET'];

/** Display ranking only (never an access decision): the level word of the banner's first segment. */
export function bannerRank(banner: string): number {
  const level = (banner.split('//')[0] ?? '').trim().toUpperCase();
  let rank = -1;
  LEVEL_WORDS.forEach((word, i) => {
    if (level === word || level.endsWith(` ${word}`)) rank = i;
  });
  return rank;
}

/** The most restrictive of several labels: highest level, then the longest marking. */
export function highest(labels: readonly PageLabel[]): PageLabel | null {
  let best: PageLabel | null = null;
  for (const l of labels) {
    if (!best) best = l;
    else {
      const a = bannerRank(l.banner);
      const b = bannerRank(best.banner);
      if (a > b || (a === b && l.banner.length > best.banner.length)) best = l;
    }
  }
  return best;
}

const contributions = new Map<string, PageLabel>();
let latest: PageLabel | null = null;
let current: PageLabel = DEFAULT_PAGE_LABEL;
const listeners = new Set<() => void>();

function recompute(): void {
  const next = highest([...contributions.values()]) ?? latest ?? DEFAULT_PAGE_LABEL;
  if (
    next.banner !== current.banner ||
    next.colour !== current.colour ||
    next.textColour !== current.textColour
  ) {
    current = next;
    listeners.forEach((l) => l());
  }
}

/** Called by the API client with every response's label. */
export function recordPageLabel(label: PageLabel): void {
  latest = label;
  recompute();
}

/** Forget everything (logout). */
export function resetPageLabel(): void {
  contributions.clear();
  latest = null;
  recompute();
}

export function setContribution(id: string, label: PageLabel | null): void {
  if (label) contributions.set(id, label);
  else contributions.delete(id);
  recompute();
}

export function getPageLabel(): PageLabel {
  return current;
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The banner label to render now. */
export function usePageLabel(): PageLabel {
  return useSyncExternalStore(subscribe, getPageLabel, getPageLabel);
}

/** While mounted, the data a component renders raises the page banner to at least `label`. */
export function usePageLabelContribution(label: PageLabel | null | undefined): void {
  const id = useId();
  const banner = label?.banner;
  const colour = label?.colour;
  const textColour = label?.textColour;
  useEffect(() => {
    if (banner === undefined || colour === undefined || textColour === undefined) return;
    setContribution(id, { banner, colour, textColour });
    return () => setContribution(id, null);
  }, [id, banner, colour, textColour]);
}
