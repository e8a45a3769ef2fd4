// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { mount } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { makeQueryClient } from '../../lib/query';
import { SeriesFigure } from './SeriesFigure';
import { buildSeriesModel } from './seriesModel';
import { ExplorePage } from './ExplorePage';
import { ACLED, BATCH, CRIME_AT_SEA, SERIES, stubApi } from './testFixtures';

// The map needs WebGL; the page around it is what is tested here.
vi.mock('./IncidentMap', () => ({ default: () => <div data-testid="map" /> }));

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

describe('incident series model', () => {
  it('fills months inside the range with zero and places the source switch marker', () => {
    const m = buildSeriesModel(SERIES);
    expect(m.months).toEqual(['2014-10', '2014-11', '2014-12', '2015-01', '2015-02', '2015-03']);
    expect(m.counts).toEqual([4, 0, 0, 2, 0, 1]);
    expect(m.markers.map((x) => x.month)).toEqual(['2015-01']);
  });

  it('leaves a coverage gap empty instead of zero', () => {
    const m = buildSeriesModel({
      ...SERIES,
      source: 'gtd',
      from: '1992-11-01',
      to: '1994-02-28',
      points: [{ month: '1992-11', count: 5, fatalities: 9 }],
      dataset: {
        ...SERIES.dataset,
        code: 'gtd',
        caveats: [{ date: '1993-01-01', text: 'Coverage gap: 1993 is largely missing (not zero).' }],
      },
    });
    expect(m.counts.slice(0, 3)).toEqual([5, 0, null]);
    expect(m.counts[m.months.indexOf('1994-01')]).toBe(0);
    expect(m.gaps).toEqual([
      { from: '1993-01', to: '1993-12', text: 'Coverage gap: 1993 is largely missing (not zero).' },
    ]);
  });
});

describe('incident series chart disclosures (EVALUATION.md §8)', () => {
  it('shows the source line, the fixed note, the markers, exposure, exclusions, version and hash', async () => {
    view = await mount(<SeriesFigure series={SERIES} dataset={CRIME_AT_SEA} batchStatus="committed" />);
    const d = view.container.querySelector('.chart-disclosures');
    const text = d?.textContent ?? '';
    expect(text).toContain('Source: Crime at Sea: A Global Database of Maritime Pirate Attacks (1993–2020)');
    expect(text).toContain('Entente dataset version 3');
    expect(text).toContain('accessed 2026-11-02');
    expect(text).toContain('latest batch committed');
    expect(text).toContain('licence CC-BY-4.0');
    expect(text).toContain('https://doi.org/10.5334/johd.39');
    expect(text).toContain('Counts are reported incidents, not all incidents.');
    // The fixed note once, then the source note.
    expect(text.split('Counts are reported incidents, not all incidents.').length).toBe(2);
    expect(text).toContain('Piracy in West Africa is notably under-reported to the IMB.');
    expect(d?.querySelector('.chart-markers time')?.getAttribute('dateTime')).toBe('2015-01-01');
    expect(text).toContain('Source switch: mappingpiracy until 2014-12-31, IMB from 2015-01-01');
    expect(text).toContain('rate per area-month, not per transit'.replace('rate', 'Rate'));
    expect(text).toContain('3 incidents excluded: 3 with a location coarser than district level');
    expect(text).toContain(CRIME_AT_SEA.contentSha256!);
    // The table alternative has every month, the zeros and the marker's note.
    const rows = [...view.container.querySelectorAll('.chart__data tbody tr')].map((r) => r.textContent);
    expect(rows).toHaveLength(6);
    expect(rows[1]).toBe('2014-110');
    expect(rows[3]).toContain('Source switch');
  });

  it('builds the chart from /incidents/series on the Explore page, with aggregates only for ACLED', async () => {
    const fetch = stubApi({
      '/incidents/datasets': { items: [CRIME_AT_SEA, ACLED] },
      '/areas': {
        items: [
          {
            key: 'marine:gulf-of-aden',
            kind: 'marine',
            name: 'Gulf of Aden',
            iso3: null,
            source: 'ne',
            bbox: [42, 10, 52, 16],
            version: 1,
          },
        ],
      },
      '/incidents/series': SERIES,
      '/incidents/batches': { items: [BATCH], total: 1, page: 1, pageSize: 200, hasMore: false },
      '/incidents': {
        items: [],
        total: 0,
        page: 1,
        pageSize: 500,
        hasMore: false,
        attribution: 'Crime at Sea attribution',
        licence: 'CC-BY-4.0',
      },
    });
    const client = makeQueryClient();
    view = await mount(
      <QueryClientProvider client={client}>
        <ExplorePage search={{}} onSearch={() => {}} />
      </QueryClientProvider>,
    );
    await until(() => Boolean(view?.container.querySelector('.chart-disclosures')), 'the series');
    const text = view.container.textContent ?? '';
    expect(text).toContain('Incidents per month in Gulf of Aden — Crime at Sea');
    expect(text).toContain('Vertical markers');
    const urls = fetch.mock.calls.map((c) => String(c[0]));
    const seriesUrl = urls.find((u) => u.startsWith('/api/v1/incidents/series'));
    expect(seriesUrl).toContain('source=crime_at_sea');
    expect(seriesUrl).toContain('area=marine%3Agulf-of-aden');

    view.unmount();
    fetch.mockClear();
    view = await mount(
      <QueryClientProvider client={makeQueryClient()}>
        <ExplorePage search={{ source: 'acled' }} onSearch={() => {}} />
      </QueryClientProvider>,
    );
    await until(() => Boolean(view?.container.querySelector('.chart-disclosures')), 'the ACLED series');
    // Rows of ACLED never leave the server: the page never asks for them.
    expect(fetch.mock.calls.map((c) => String(c[0])).some((u) => u.startsWith('/api/v1/incidents?'))).toBe(
      false,
    );
    expect(view.container.textContent).toContain('may not leave Entente');
    client.clear();
  });
});
