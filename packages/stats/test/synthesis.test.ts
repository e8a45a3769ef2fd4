// Likert and expert-review strands (§4.7); type-7 quantiles against R (§6.1: 1e-12).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { quantile7, summariseExpertReview, summariseLikert } from '../src/synthesis/index.ts';

const q7 = JSON.parse(
  readFileSync(new URL('./fixtures/quantile-type7-synthesis.json', import.meta.url), 'utf8'),
) as {
  inputs: { cases: { x: number[] }[]; probs: number[] };
  outputs: { cases: { q: number[] }[] };
};

describe('quantile7', () => {
  q7.inputs.cases.forEach((c, i) => {
    it(`case ${i} matches R quantile(type = 7) to 1e-12`, () => {
      q7.inputs.probs.forEach((p, j) =>
        expect(Math.abs(quantile7(c.x, p) - (q7.outputs.cases[i]?.q[j] ?? NaN))).toBeLessThanOrEqual(1e-12),
      );
    });
  });
  it('differs from a type-6 style definition on small samples (the check can fail)', () => {
    // Type 6 gives 1.25 for the 25 % quantile of 1..4; type 7 gives 1.75.
    expect(quantile7([1, 2, 3, 4], 0.25)).toBe(1.75);
  });
});

describe('summariseLikert', () => {
  it('reports n, response rate, median, IQR, top-2 share, distribution and direction', () => {
    const s = summariseLikert([5, 4, 4, 3, 5, 2, null, 4], 10);
    expect(s.n).toBe(7);
    expect(s.responseRate).toBeCloseTo(0.7, 12);
    expect(s.median).toBe(4);
    expect(s.q1).toBe(3.5);
    expect(s.q3).toBe(4.5);
    expect(s.iqr).toBe(1);
    expect(s.shareTop2).toBeCloseTo(5 / 7, 12);
    expect(s.distribution).toEqual([0, 1, 1, 3, 2]);
    expect(s.direction).toBe('positive');
  });

  it('is insufficient below 5 responses or a 30 % response rate, negative at median ≤ 2, else mixed', () => {
    expect(summariseLikert([5, 5, 5, 5], 4).direction).toBe('insufficient');
    expect(summariseLikert([5, 5, 5, 5, 5], 20).direction).toBe('insufficient');
    expect(summariseLikert([1, 2, 2, 1, 3], 5).direction).toBe('negative');
    expect(summariseLikert([3, 3, 2, 4, 3], 5).direction).toBe('mixed');
    expect(() => summariseLikert([0, 6], 5)).toThrow(RangeError);
  });
});

describe('summariseExpertReview', () => {
  it('counts as positive with ≥ 3 agreeing raters and median ≥ 3', () => {
    const units = [
      [4, 4, 4],
      [3, 3, 4],
      [1, 1, 1],
      [2, 2, 2],
      [4, 4, 3],
      [3, 3, 3],
      [2, 2, 1],
      [4, 4, 4],
    ];
    const s = summariseExpertReview(units, 'expert', { replicates: 300 });
    expect(s.raters).toBe(3);
    expect(s.alpha).toBeGreaterThan(0.8);
    expect(s.agreement).toBe('good');
    expect(s.median).toBe(3);
    expect(s.direction).toBe('positive');
    expect(s.warnings).toEqual([]);
  });

  it('is insufficient when raters disagree (α < 0.667) or are fewer than 3', () => {
    const noisy = [
      [1, 4, 2],
      [4, 1, 3],
      [2, 3, 4],
      [3, 2, 1],
      [4, 4, 1],
    ];
    const s = summariseExpertReview(noisy, 'expert', { replicates: 200 });
    expect(s.agreement).toBe('insufficient');
    expect(s.direction).toBe('insufficient');
    expect(s.warnings.map((w) => w.code)).toContain('LOW_AGREEMENT');
    const two = summariseExpertReview(
      [
        [4, 4],
        [1, 1],
        [3, 3],
      ],
      'expert',
      { replicates: 50 },
    );
    expect(two.warnings.map((w) => w.code)).toContain('FEW_RATERS');
    expect(two.direction).toBe('insufficient');
  });
});
