// The chained early-warning monitor (EVALUATION.md §4.8) on HoA-box Crime at Sea counts 2002–2009
// (aggregated by reference/make_fixtures_warn.py; attribution in that fixture), monitoring
// 2005–2009. The CUSUM leg must reproduce the episodes warn-hoa.test.ts pins with the same seed,
// since it chains the same baseline, calibration and run.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monitorSeries } from '../src/monitor/index.ts';

const fx = JSON.parse(
  readFileSync(new URL('./fixtures/warn-hoa-crime-at-sea.json', import.meta.url), 'utf8'),
) as { inputs: { months: string[] }; outputs: { counts: number[] } };
const months = fx.inputs.months;
const y = fx.outputs.counts;

describe('monitorSeries: HoA box 2005–2009', () => {
  const r = monitorSeries({
    months,
    y,
    monitorFrom: '2005-01',
    seed: 'hoa-2005',
    bocpd: { paths: 200 },
  });

  it('CUSUM: h calibrated to ARL 100 ± 2 %, episodes 2005-07, 2005-11 and 2008-09 (3 months before Atalanta)', () => {
    expect(r.monitorFrom).toBe('2005-01');
    expect(r.cusum!.converged).toBe(true);
    expect(Math.abs(r.cusum!.arl - 100)).toBeLessThanOrEqual(2);
    const cusum = r.alerts.filter((a) => a.detector === 'cusum').map((a) => a.start);
    expect(cusum).toEqual(['2005-07', '2005-11', '2008-09']);
    expect(r.cusum!.statistic.slice(0, months.indexOf('2005-01')).every((s) => s === null)).toBe(true);
  }, 120_000);

  it('Shewhart flags the 2008 surge before Atalanta; BOCPD runs with a calibrated threshold', () => {
    const sh = r.alerts.filter((a) => a.detector === 'shewhart' && a.start >= '2008-01');
    expect(sh.length).toBeGreaterThan(0);
    expect(sh[0]!.start < '2008-12').toBe(true);
    expect(r.bocpd!.threshold).toBeGreaterThanOrEqual(0.5);
    expect(r.bocpd!.changeProb).toHaveLength(60);
    expect(r.alerts.every((a) => a.start >= '2005-01')).toBe(true);
  });

  it('a missing month never alarms and leaves the statistic unchanged', () => {
    const gap = [...y] as (number | null)[];
    const t = months.indexOf('2008-09');
    gap[t] = null;
    const g = monitorSeries({
      months,
      y: gap,
      monitorFrom: '2005-01',
      seed: 'hoa-2005',
      paths: 2000,
      bocpd: { calibrate: false },
    });
    expect(g.cusum!.statistic[t]).toBeNull();
    expect(g.alerts.some((a) => a.start === '2008-09')).toBe(false);
  }, 120_000);
});
