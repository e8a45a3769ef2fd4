import { describe, expect, it } from 'vitest';
import { attributionVerb, describeEffect, gradeDesign } from '../src/grade/index.ts';

describe('design grade (§4.6)', () => {
  it('base levels by design', () => {
    expect(gradeDesign({ method: 'descriptive', warnings: [] }).level).toBe(1);
    expect(gradeDesign({ method: 'before_after', warnings: [] }).level).toBe(2);
    expect(gradeDesign({ method: 'interrupted_time_series', warnings: [] }).level).toBe(2);
    expect(
      gradeDesign({ method: 'interrupted_time_series', variant: 'comparative', warnings: [] }).level,
    ).toBe(3);
    expect(
      gradeDesign({ method: 'difference_in_differences', comparisonUnits: 1, pretrend: 'pass', warnings: [] })
        .level,
    ).toBe(3);
    expect(
      gradeDesign({ method: 'difference_in_differences', comparisonUnits: 5, pretrend: 'pass', warnings: [] })
        .level,
    ).toBe(4);
    expect(
      gradeDesign({ method: 'difference_in_differences', comparisonUnits: 12, pretrend: null, warnings: [] })
        .level,
    ).toBe(3);
    expect(gradeDesign({ method: 'synthetic_control', scmGatePassed: true, warnings: [] }).level).toBe(4);
    expect(gradeDesign({ method: 'synthetic_control', scmGatePassed: false, warnings: [] }).level).toBe(3);
    expect(gradeDesign({ method: 'difference_in_differences', randomised: true, warnings: [] }).level).toBe(
      5,
    );
  });

  it('downgrades once per rule, floor 1, with reasons and labels', () => {
    const g = gradeDesign({
      method: 'difference_in_differences',
      comparisonUnits: 6,
      pretrend: 'fail',
      warnings: ['PRETREND_FAIL', 'DISPLACEMENT_LIKELY', 'FEW_POINTS'],
      unmodelledSourceSwitches: 1,
    });
    expect(g.level).toBe(1);
    expect(g.label).toBe('Correlation at one point in time');
    expect(g.reasons).toHaveLength(5);
    const net = gradeDesign({
      method: 'difference_in_differences',
      comparisonUnits: 6,
      pretrend: 'pass',
      warnings: ['DISPLACEMENT_LIKELY'],
      netEstimateReported: true,
    });
    expect(net.level).toBe(4);
    expect(gradeDesign({ method: 'before_after', warnings: ['FEW_POINTS'] }).level).toBe(1);
  });

  it('words results below level 4 as a contribution', () => {
    expect(attributionVerb(3)).toBe('contributed to');
    expect(attributionVerb(4)).toBe('caused');
    const g = gradeDesign({ method: 'before_after', warnings: [] });
    expect(
      describeEffect({ intervention: 'Operation Atalanta', irr: 0.65, ci: [0.5, 0.8], grade: g }),
    ).toMatch(/^Operation Atalanta contributed to a 35 % fall in reported incidents/);
    expect(describeEffect({ intervention: 'X', irr: 0.9, ci: [0.7, 1.1], grade: g })).toMatch(
      /^No clear change/,
    );
  });
});
