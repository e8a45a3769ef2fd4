// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { mount } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { makeQueryClient } from '../../lib/query';
import { DatasetsPage } from './DatasetsPage';
import { ACLED, BATCH, CRIME_AT_SEA, stubApi } from './testFixtures';

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

describe('incident datasets page', () => {
  it('shows one card per dataset with its source line, and the recent batches', async () => {
    stubApi({
      '/incidents/datasets': { items: [CRIME_AT_SEA, ACLED] },
      '/incidents/batches': {
        items: [BATCH, { ...BATCH, id: '7f1d2c3b-4a59-4687-9a0b-1c2d3e4f5a6b', status: 'refused' }],
        total: 2,
        page: 1,
        pageSize: 25,
        hasMore: false,
      },
    });
    view = await mount(
      <QueryClientProvider client={makeQueryClient()}>
        <DatasetsPage />
      </QueryClientProvider>,
    );
    await until(() => view!.container.querySelectorAll('.dataset-card').length === 2, 'the dataset cards');
    await until(() => Boolean(view!.container.querySelector('tbody tr')), 'the batches');
    const [cas, acled] = [...view.container.querySelectorAll('.dataset-card')].map(
      (c) => c.textContent ?? '',
    );
    expect(cas).toContain('Crime at Sea: A Global Database of Maritime Pirate Attacks (1993–2020)');
    expect(cas).toContain('Benden, Feng, Howell & Dalla Riva');
    expect(cas).toContain('Entente version 3');
    expect(cas).toContain('2026-11-02');
    expect(cas).toContain('CC-BY-4.0');
    expect(cas).toContain('https://doi.org/10.5334/johd.39');
    expect(cas).toContain('Rows may leave Entente, attributed and under share-alike terms.');
    expect(cas).toContain('2015-01-01: Source switch');
    expect(cas).toContain('7,511');
    expect(cas).toContain('2026-11-29 18:00 UTC');
    expect(acled).toContain('Rows may not leave Entente: aggregates only');
    expect(acled).toContain('never');
    const rows = [...view.container.querySelectorAll('tbody tr')].map((r) => r.textContent ?? '');
    expect(rows[0]).toContain('pirate_attacks.csv');
    expect(rows[0]).toContain('Committed');
    expect(rows[1]).toContain('Refused');
  });

  it('shows the error with a retry when the datasets cannot be loaded', async () => {
    stubApi({});
    view = await mount(
      <QueryClientProvider client={makeQueryClient()}>
        <DatasetsPage />
      </QueryClientProvider>,
    );
    await until(() => view!.container.querySelectorAll('.error-state').length === 2, 'the errors');
    expect(view.container.textContent).toContain('no /incidents/datasets');
  });
});
