// evaluate() with synthetic control (EVALUATION.md §4.5) through the injected HiGHS QP solver, on a
// seeded panel where the treated area is a convex mix of donors and falls by 40 % after T0.
import { describe, expect, it } from 'vitest';
import { evaluate, type EvaluationPanel } from '../src/evaluate/index.ts';
import { createStream } from '../src/random.ts';
import { loadHighsQpSolver } from '../src/scm/index.ts';

const months = Array.from(
  { length: 60 },
  (_, i) => `${2015 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);
const rng = createStream('scm-eval', 'panel');
const level = Array.from({ length: 12 }, (_, j) => 20 + 4 * j);
const trend = months.map((_, t) => 1 + 0.01 * t);
const donors = level.map((l, j) =>
  months.map((_, t) => Math.round(l * trend[t]! * (1 + 0.03 * Math.sin(t + j)))),
);
const treatedY = months.map((_, t) => {
  const cf = 0.5 * donors[3]![t]! + 0.5 * donors[6]![t]!;
  return Math.round(cf * (t >= 36 ? 0.6 : 1) + rng.normal());
});
const panel: EvaluationPanel = {
  months,
  areas: [
    { key: 'treated', y: treatedY, role: 'treated' },
    ...donors.map((y, j) => ({ key: `d${j}`, y, role: 'comparison' as const })),
    { key: 'ring', y: donors[5]!, role: 'neighbour' as const },
  ],
  interventions: [],
  sourceSwitches: [],
  excluded: {},
};

describe('evaluate(): synthetic control with an injected solver', () => {
  it('fits the pre-period, passes the gate, reports the gap, placebo p and placebo gaps; level 4', async () => {
    const qpSolver = await loadHighsQpSolver();
    const r = evaluate(
      panel,
      { t0: '2018-01', methods: ['synthetic_control'], seed: 's', profile: 'full' },
      { qpSolver },
    );
    const e = r.estimates[0]!;
    expect(e.method).toBe('synthetic_control');
    expect(e.diagnostics.gatePassed).toBe(true);
    expect(e.diagnostics.donors).toBe(12);
    expect(e.estimate).toBeLessThan(-10);
    expect(e.pValue).toBeCloseTo(1 / 13, 12);
    expect(e.design.level).toBe(4);
    expect(e.warnings.map((w) => w.code)).toContain('NEIGHBOURS_EXCLUDED');
    const s = r.series.scm!;
    expect(s.placeboGaps).toHaveLength(12);
    expect(s.placeboGaps[0]!.gaps).toHaveLength(60);
    // Donors here are near-proportional, so many convex mixes fit; the weights form one of them.
    expect(s.weights.reduce((a, x) => a + x.w, 0)).toBeCloseTo(1, 6);
    expect(s.weights.some((x) => x.unit === 'ring')).toBe(false);
  }, 60_000);
});
