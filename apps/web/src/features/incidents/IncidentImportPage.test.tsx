// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { QueryClientProvider } from '@tanstack/react-query';
import { byLabel, byRole, choose, click, mount } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { makeQueryClient } from '../../lib/query';
import { IncidentImportPage } from './IncidentImportPage';
import { report, stubApi } from './testFixtures';

/** The upload goes through XMLHttpRequest (fetch has no upload progress): a fake one the test drives. */
class FakeXhr {
  static last: FakeXhr | null = null;
  url = '';
  status = 0;
  responseText = '';
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } =
    {
      onprogress: null,
    };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader() {}
  send() {
    FakeXhr.last = this;
  }
  progress(loaded: number, total: number) {
    this.upload.onprogress?.({ lengthComputable: true, loaded, total });
  }
  respond(data: unknown) {
    this.status = 200;
    this.responseText = JSON.stringify({
      data,
      meta: { pageLabel: { banner: 'HUB OFFICIAL', colour: '#007a33', textColour: '#fff' } },
    });
    this.onload?.();
  }
}

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
  FakeXhr.last = null;
  vi.unstubAllGlobals();
});

async function chooseFile(input: HTMLInputElement, file: File) {
  await act(async () => {
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
}

describe('incident import page', () => {
  it('uploads with the expected source, shows the bytes sent, then the report', async () => {
    stubApi({ '/reference/communities': [{ id: 'c1', code: 'HOME', name: 'Home' }] });
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    view = await mount(
      <QueryClientProvider client={makeQueryClient()}>
        <IncidentImportPage />
      </QueryClientProvider>,
    );
    const c = view.container;
    const file = new File(['x'.repeat(4096)], 'pirate_attacks.csv', { type: 'text/csv' });
    await chooseFile(byLabel(c, 'File (CSV, JSON or GeoJSON)'), file);
    await choose(byLabel<HTMLSelectElement>(c, 'Expected source'), 'crime_at_sea');
    await click(byRole(c, 'button', 'Import file'));
    const xhr = FakeXhr.last!;
    expect(xhr.url).toBe('/api/v1/incidents/import?source=crime_at_sea');
    await act(async () => xhr.progress(2048, 4096));
    expect(c.querySelector('progress')?.getAttribute('value')).toBe('2048');
    expect(c.querySelector('progress')?.getAttribute('max')).toBe('4096');
    expect(c.textContent).toContain('2.0 KB of 4.0 KB sent');
    await act(async () => xhr.progress(4096, 4096));
    expect(c.textContent).toContain('processing on the server');
    await act(async () => xhr.respond(report({ outcome: 'no_change' })));
    expect(c.querySelector('progress')).toBeNull();
    expect(c.textContent).toContain('Nothing changed — this file was already imported.');
  });

  it('offers to merge only the valid records of a refused file, and says so in the request', async () => {
    stubApi({ '/reference/communities': [] });
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    view = await mount(
      <QueryClientProvider client={makeQueryClient()}>
        <IncidentImportPage />
      </QueryClientProvider>,
    );
    const c = view.container;
    await chooseFile(byLabel(c, 'File (CSV, JSON or GeoJSON)'), new File(['x'], 'bad.csv'));
    await click(byRole(c, 'button', 'Import file'));
    await act(async () =>
      FakeXhr.last!.respond(
        report({
          ok: false,
          outcome: 'refused',
          counts: {
            read: 3,
            accepted: 2,
            inserted: 0,
            superseded: 0,
            unchanged: 0,
            withdrawn: 0,
            rejected: 1,
            warned: 0,
          },
          problems: [
            {
              line: 4,
              featureIndex: null,
              ordinal: 3,
              code: 'E_DATE_PARSE',
              field: 'date',
              message: 'bad date',
            },
          ],
        }),
      ),
    );
    expect(c.querySelector('[role="alert"]')?.textContent).toContain('nothing was written');
    await click(byRole(c, 'button', 'Import the valid records only'));
    expect(FakeXhr.last!.url).toBe('/api/v1/incidents/import?source=auto&acceptRejections=true');
  });
});
