// Krippendorff's α against Krippendorff's worked example and a brute-force pairwise reference (§6.1: 1e-9).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  agreementLevel,
  krippendorffAlpha,
  krippendorffAlphaBootstrap,
  type AlphaMetric,
  type Rating,
} from '../src/synthesis/index.ts';

const load = <T>(name: string): T =>
  JSON.parse(readFileSync(new URL(`./fixtures/${name}.json`, import.meta.url), 'utf8')) as T;
type Expected = Record<AlphaMetric, { alpha: number; Do: number; De: number }>;
const worked = load<{
  conventions: { published: Record<AlphaMetric, number> };
  inputs: { raters: Rating[][] };
  outputs: Expected;
}>('krippendorff-worked-example');
const brute = load<{ inputs: { cases: Rating[][][] }; outputs: { cases: Expected[] } }>(
  'krippendorff-bruteforce',
);

/** Fixtures are raters × units; the API takes units × raters. */
const transpose = (raters: Rating[][]): Rating[][] =>
  (raters[0] ?? []).map((_, u) => raters.map((r) => r[u] ?? null));
const metrics: AlphaMetric[] = ['nominal', 'ordinal', 'interval'];

describe("Krippendorff's worked example (4 observers, 12 units, missing data)", () => {
  const units = transpose(worked.inputs.raters);
  it.each(metrics)('%s α matches the reference to 1e-9 and the published value to 3 decimals', (metric) => {
    const r = krippendorffAlpha(units, metric);
    expect(Math.abs(r.alpha - worked.outputs[metric].alpha)).toBeLessThanOrEqual(1e-9);
    expect(Math.abs(r.Do - worked.outputs[metric].Do)).toBeLessThanOrEqual(
      1e-9 * Math.max(1, worked.outputs[metric].Do),
    );
    expect(Math.abs(r.alpha - worked.conventions.published[metric])).toBeLessThan(5e-4);
    // Unit 12 has a single rating and is not pairable.
    expect(r.units).toBe(11);
    expect(r.n).toBe(40);
  });

  it('the metric matters (the comparison can fail)', () => {
    expect(
      Math.abs(krippendorffAlpha(units, 'nominal').alpha - worked.outputs.interval.alpha),
    ).toBeGreaterThan(0.05);
  });
});

describe('brute-force pairwise reference', () => {
  brute.inputs.cases.forEach((raters, i) => {
    it.each(metrics)(`case ${i}: %s α within 1e-9`, (metric) => {
      const r = krippendorffAlpha(transpose(raters), metric);
      const ref = brute.outputs.cases[i]?.[metric];
      expect(Math.abs(r.alpha - (ref?.alpha ?? NaN))).toBeLessThanOrEqual(1e-9);
    });
  });
});

describe('edge cases and bootstrap', () => {
  it('perfect agreement gives 1; no variation leaves α undefined; nominal accepts strings', () => {
    expect(
      krippendorffAlpha(
        [
          [1, 1],
          [2, 2],
          [3, 3, null],
        ],
        'interval',
      ).alpha,
    ).toBeCloseTo(1, 12);
    expect(
      Number.isNaN(
        krippendorffAlpha(
          [
            [2, 2],
            [2, 2],
          ],
          'ordinal',
        ).alpha,
      ),
    ).toBe(true);
    expect(
      krippendorffAlpha(
        [
          ['a', 'a'],
          ['b', 'b'],
          ['a', 'b'],
        ],
        'nominal',
      ).alpha,
    ).toBeLessThan(1);
    expect(() => krippendorffAlpha([['a', 'b']], 'ordinal')).toThrow(TypeError);
  });

  it('bootstrap CI over units is seeded, reproducible and brackets α', () => {
    const units = transpose(brute.inputs.cases[0] ?? []);
    const a = krippendorffAlphaBootstrap(units, 'ordinal', 'seed-1', 1000);
    const b = krippendorffAlphaBootstrap(units, 'ordinal', 'seed-1', 1000);
    expect(a.ci95).toEqual(b.ci95);
    expect(a.ci95[0]).toBeLessThan(a.alpha);
    expect(a.ci95[1]).toBeGreaterThan(a.alpha);
    expect(a.replicates).toBe(1000);
  });

  it('agreement levels follow §4.7', () => {
    expect(agreementLevel(0.85)).toBe('good');
    expect(agreementLevel(0.7)).toBe('tentative');
    expect(agreementLevel(0.6)).toBe('insufficient');
    expect(agreementLevel(NaN)).toBe('insufficient');
  });
});
