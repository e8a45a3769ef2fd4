// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { mount } from '../../testing/dom';
import type { Mounted } from '../../testing/dom';
import EventStudyChart from './EventStudyChart';
import type { EstimateItem, RunResult } from './evaluationApi';

let view: Mounted | null = null;
afterEach(() => {
  view?.unmount();
  view = null;
});

const DID: EstimateItem = {
  method: 'difference_in_differences',
  variant: 'twfe',
  estimand: 'ratio of after/before rate ratios, treated vs comparison (IRR)',
  estimate: 0.62,
  ci95: [0.41, 0.93],
  ciMethod: 'CR1',
  pValue: 0.021,
  design: { level: 2, label: 'before/after, no comparison', reasons: [] },
  warnings: [
    {
      code: 'PRETREND_UNTESTABLE',
      severity: 'info',
      message: '1 comparison unit(s): the pre-trend cannot be tested.',
    },
    {
      code: 'PRETREND_FAIL',
      severity: 'warn',
      message: '1 pre-period bin(s) with an IRR outside [2/3, 3/2] (k = -3).',
    },
  ],
  diagnostics: {},
  excluded: {},
  inputsHash: 'abc123',
  engineVersion: '0.1.0',
  seed: 'entente',
};

const RESULT = {
  inputsHash: 'f00dfeed',
  engineVersion: '0.1.0',
  profile: 'screening',
  months: [],
  areas: [],
  estimates: [DID],
  supporting: [],
  series: {
    eventStudy: {
      binMonths: 12,
      verdict: 'fail',
      rule: 'ratio band',
      points: [
        {
          k: -3,
          fromMonth: -36,
          irr: 1.8,
          ci: [1.1, 2.9],
          reference: false,
          pooled: false,
          status: 'estimated',
        },
        {
          k: -2,
          fromMonth: -24,
          irr: 1.1,
          ci: [0.7, 1.6],
          reference: false,
          pooled: false,
          status: 'estimated',
        },
        { k: -1, fromMonth: -12, irr: 1, ci: null, reference: true, pooled: false, status: 'reference' },
        {
          k: 0,
          fromMonth: 0,
          irr: 0.55,
          ci: [0.35, 0.86],
          reference: false,
          pooled: false,
          status: 'estimated',
        },
      ],
    },
  },
  dataset: { code: 'crime_at_sea', version: 3, licence: 'CC-BY-4.0', attribution: 'x' },
  excluded: {},
  note: '',
} as unknown as RunResult;

describe('event-study chart', () => {
  it('states the pre-trend verdict, lists the points and marks the reference row', async () => {
    view = await mount(<EventStudyChart result={RESULT} />);
    const c = view.container;
    const caption = c.querySelector('.event-study__caption')?.textContent ?? '';
    expect(caption).toContain('Pre-trend check failed');
    expect(caption).toContain('[2/3, 3/2]');
    expect(c.textContent).toContain('The shaded band is [2/3, 3/2]');

    const rows = [...c.querySelectorAll('tbody tr')];
    expect(rows).toHaveLength(4);
    const cells = rows.map((r) => [...r.querySelectorAll('th, td')].map((x) => x.textContent));
    expect(cells[0]).toEqual(['-3', '−36', '1.80', '1.10 to 2.90']);
    expect(cells[3]).toEqual(['0', '0', '0.55', '0.35 to 0.86']);
    const ref = rows[2]!;
    expect(ref.className).toContain('event-study__reference');
    expect(ref.textContent).toContain('(reference)');
    expect(c.querySelectorAll('.event-study__reference')).toHaveLength(1);
  });

  it('says the pre-trend passed when no PRETREND_FAIL warning is present', async () => {
    const passed = { ...RESULT, estimates: [{ ...DID, warnings: [] }] } as RunResult;
    view = await mount(<EventStudyChart result={passed} />);
    expect(view.container.querySelector('.event-study__caption')?.textContent).toContain(
      'Pre-trend check passed',
    );
    expect(view.container.textContent).not.toContain('The shaded band');
  });
});
