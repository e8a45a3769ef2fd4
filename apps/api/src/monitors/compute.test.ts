// The monitor's worker thread gives exactly the in-thread result (same input, same seed), on the
// HoA-box Crime at Sea counts 2002–2009 of the stats fixtures, with few paths to stay quick.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { monitorSeries } from '@entente/stats';
import { computeMonitor } from './compute';

const fx = JSON.parse(
  readFileSync(
    new URL('../../../../packages/stats/test/fixtures/warn-hoa-crime-at-sea.json', import.meta.url),
    'utf8',
  ),
) as { inputs: { months: string[] }; outputs: { counts: number[] } };

describe('computeMonitor', () => {
  it('runs monitorSeries off the main thread with the same result', async () => {
    const input = {
      months: fx.inputs.months,
      y: fx.outputs.counts,
      seed: 'hoa-2005',
      monitorFrom: '2005-01',
      paths: 500,
      bocpd: { paths: 50 },
    };
    const r = await computeMonitor(input);
    expect(r).toEqual(monitorSeries(input));
    expect(r.alerts.some((a) => a.detector === 'cusum')).toBe(true);
  }, 300_000);
});
