import { describe, expect, it } from 'vitest';
import { ljungBox, quantileType7 } from '../src/index.ts';
import { expectAllClose, loadFixture } from './fixture.ts';

describe('type-7 quantiles = R quantile(type = 7)', () => {
  const fx = loadFixture<{ samples: number[][]; probs: number[] }, { quantiles: number[][] }>(
    'type7_quantiles',
  );
  fx.inputs.samples.forEach((x, i) => {
    it(`sample ${i} (n=${x.length})`, () => {
      expectAllClose(
        quantileType7(x, fx.inputs.probs),
        fx.outputs.quantiles[i]!,
        fx.tolerance.quantile!,
        'q',
      );
    });
  });
  it('does not reorder the caller’s data and rejects bad input', () => {
    const x = [3, 1, 2];
    quantileType7(x, 0.5);
    expect(x).toEqual([3, 1, 2]);
    expect(() => quantileType7([], 0.5)).toThrow(/empty/);
    expect(() => quantileType7([1, 2], 1.5)).toThrow(/outside/);
  });
});

describe('Ljung–Box = statsmodels acorr_ljungbox', () => {
  const fx = loadFixture<{ lags: number }, { series: { x: number[]; q: number[]; pValue: number[] }[] }>(
    'ljung_box_statsmodels',
  );
  fx.outputs.series.forEach((s, i) => {
    it(`series ${i}`, () => {
      const r = ljungBox(s.x, fx.inputs.lags);
      expectAllClose(r.q, s.q, fx.tolerance.q!, 'Q');
      expectAllClose(r.pValue, s.pValue, fx.tolerance.pValue!, 'p', 1e-8);
    });
  });
});
