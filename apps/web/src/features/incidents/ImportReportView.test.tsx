// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import { ImportReportView } from './ImportReportView';
import { report } from './testFixtures';

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

describe('incident import report', () => {
  it('lists every problem of a refused file with its line or feature index and says nothing was written', async () => {
    const refused = report({
      ok: false,
      outcome: 'refused',
      batchId: null,
      datasetVersion: null,
      counts: {
        read: 5,
        accepted: 2,
        inserted: 0,
        superseded: 0,
        unchanged: 0,
        withdrawn: 0,
        rejected: 3,
        warned: 0,
      },
      warningsByCode: {},
      problems: [
        {
          line: 3,
          featureIndex: null,
          ordinal: 2,
          code: 'E_DATE_PARSE',
          field: 'date',
          message: 'not a date: "2019-13-40"',
        },
        {
          line: 5,
          featureIndex: null,
          ordinal: 3,
          code: 'E_COORD_RANGE',
          field: 'latitude',
          message: 'latitude 123.4 is outside −90…90',
        },
        {
          line: null,
          featureIndex: 17,
          ordinal: 18,
          code: 'E_REQUIRED_MISSING',
          field: 'id',
          message: 'id is empty',
        },
      ],
    });
    view = await mount(<ImportReportView report={refused} />);
    const c = view.container;
    const alert = c.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain('Refused: nothing was written');
    expect(alert?.textContent).toContain('3 problems');
    const rows = [...c.querySelectorAll('.incident-problems tbody tr')].map((r) =>
      [...r.querySelectorAll('td')].map((td) => td.textContent?.trim()),
    );
    expect(rows).toEqual([
      ['line 3', '2', 'date', 'E_DATE_PARSE', 'not a date: "2019-13-40"'],
      ['line 5', '3', 'latitude', 'E_COORD_RANGE', 'latitude 123.4 is outside −90…90'],
      ['feature 17', '18', 'id', 'E_REQUIRED_MISSING', 'id is empty'],
    ]);
    expect(c.textContent).toContain('none of these records was written');
    // The result heading takes focus, so keyboard users land on it.
    expect(document.activeElement?.id).toBe('incident-report-title');
  });

  it('says that nothing changed when the file was already imported', async () => {
    view = await mount(
      <ImportReportView
        report={report({
          outcome: 'no_change',
          counts: {
            read: 7511,
            accepted: 7511,
            inserted: 0,
            superseded: 0,
            unchanged: 7511,
            withdrawn: 0,
            rejected: 0,
            warned: 912,
          },
        })}
      />,
    );
    const status = view.container.querySelector('[role="status"]');
    expect(status?.textContent).toContain('Nothing changed — this file was already imported.');
    expect(view.container.querySelector('.incident-problems')).toBeNull();
  });

  it('shows counts, warnings by code, area assignment and the speed of a committed import', async () => {
    view = await mount(<ImportReportView report={report({})} />);
    const text = view.container.textContent ?? '';
    expect(text).toContain('Committed: 7,511 incidents inserted');
    expect(text).toContain('W_COUNTRY_FROM_NEAREST');
    expect(text).toContain('Country taken from the nearest country');
    expect(text).toContain('1,204');
    expect(text).toContain('3,494 rows/s');
  });
});
