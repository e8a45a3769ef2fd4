// The detail charts' options: the h line and the BOCPD threshold are drawn, alarms are marked at
// their month and value, source switches are vertical lines, and missing values are gaps.
import { describe, expect, it } from 'vitest';
import { bocpdOption, countsOption, cusumOption } from './monitorCharts';
import type { MonitorDetailData } from './monitorsApi';

const E = {
  monitorVersion: 1,
  evaluatedAt: '2026-11-29T20:00:00.000Z',
  lastMonth: '2015-02',
  insufficientBaseline: false,
  monitorFrom: '2014-12',
  h: 4.25,
  arl: 99.1,
  arlSe: 1.2,
  bocpdThreshold: 0.6,
  bocpdCalibrated: true,
  warnings: [],
  series: {
    months: ['2014-12', '2015-01', '2015-02'],
    observed: [3, 9, 2],
    baseline: [2.5, 2.7, null],
    shewhartLimit: [8, 8, null],
    cusum: [0.2, 5.1, 0],
    bocpd: [0.1, 0.7, 0.2],
  },
  excluded: { datePrecision: 0, locationPrecision: 0 },
  sourceSwitches: ['2015-01-01'],
} satisfies NonNullable<MonitorDetailData['evaluation']>;

const alert = (detector: 'cusum' | 'bocpd' | 'shewhart', statistic: number) =>
  ({ month: '2015-01', detector, statistic, observed: 9 }) as MonitorDetailData['alerts'][number];

type Series = {
  name: string;
  data: unknown[];
  markLine?: { data: Record<string, unknown>[] };
  markPoint?: { data: { coord: unknown[] }[] };
};
const series = (o: Record<string, unknown>) => o.series as Series[];

describe('watch-area charts', () => {
  it('draws counts, μ̂ and the Shewhart limit with gaps, the source switch and the spike alarm', () => {
    const [obs, mu, lim] = series(countsOption(E, [alert('shewhart', 9)]));
    expect(mu!.data).toEqual([2.5, 2.7, '-']);
    expect(lim!.name).toContain('Shewhart');
    expect(obs!.markLine!.data).toEqual([{ xAxis: '2015-01' }]);
    expect(obs!.markPoint!.data.map((p) => p.coord)).toEqual([['2015-01', 9]]);
  });

  it('draws the CUSUM with its h line and the BOCPD probability with its threshold', () => {
    const [c] = series(cusumOption(E, [alert('cusum', 5.1)]));
    expect(c!.markLine!.data[0]).toMatchObject({ yAxis: 4.25, name: 'h = 4.25' });
    expect(c!.markPoint!.data.map((p) => p.coord)).toEqual([['2015-01', 5.1]]);
    const b = bocpdOption(E, [alert('bocpd', 0.7)]);
    expect(series(b)[0]!.markLine!.data[0]).toMatchObject({ yAxis: 0.6 });
    expect(b.yAxis).toMatchObject({ min: 0, max: 1 });
  });
});
