// evaluate() on small synthetic panels: missing months are never zeros, blocks suppress the
// headline, neighbours trigger the displacement check, staggered adoption uses Wooldridge.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, evaluate, sha256Hex, type EvaluationPanel } from '../src/evaluate/index.ts';
import { createStream } from '../src/random.ts';

const months = Array.from(
  { length: 72 },
  (_, i) => `${2010 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
);

type Role = 'treated' | 'comparison' | 'neighbour';
function synth(
  seed: string,
  effect: (role: string, t: number) => number,
  roles: readonly Role[] = [
    'treated',
    'treated',
    ...Array<Role>(8).fill('comparison'),
    'neighbour',
    'neighbour',
  ],
): EvaluationPanel {
  const rng = createStream(seed, 'test-panel');
  return {
    months,
    areas: roles.map((role, u) => ({
      key: `a${u}`,
      role,
      y: months.map((_, t) =>
        rng.negBinomial(Math.exp(1.5 + 0.1 * u + 0.2 * Math.sin(t / 2)) * effect(role, t), 0.1),
      ),
    })),
    interventions: [],
    sourceSwitches: [],
    excluded: {},
  };
}

describe('sha256Hex', () => {
  it('matches node:crypto, including padding boundaries and UTF-8', () => {
    for (const s of ['', 'abc', 'x'.repeat(55), 'x'.repeat(56), 'x'.repeat(64), 'é—∞'.repeat(50)])
      expect(sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
  });
  it('canonical JSON sorts keys and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: [1, null, { d: undefined, c: 'x' }] })).toBe(
      '{"a":[1,null,{"c":"x"}],"b":1}',
    );
  });
});

describe('evaluate() on synthetic panels', () => {
  const base = { t0: '2013-01', seed: 's', profile: 'screening' as const };

  it('missing months are never zeros: a null in the treated series shortens the ITS span and is counted', () => {
    const p = synth('m', () => 1);
    const withGap: EvaluationPanel = {
      ...p,
      areas: p.areas.map((a, u) => (u === 0 ? { ...a, y: a.y.map((v, t) => (t === 5 ? null : v)) } : a)),
    };
    const r = evaluate(withGap, {
      ...base,
      methods: ['interrupted_time_series', 'difference_in_differences'],
    });
    expect(r.estimates[0]!.diagnostics.spanFrom).toBe('2010-07');
    expect(r.estimates[0]!.excluded.missingMonths).toBe(6);
    expect(r.series.observed.treated[5]).toBeNull();
    expect(r.estimates[1]!.excluded.missingCells).toBe(1);
  });

  it('a missing month at T0 blocks the single-series methods but not the DiD', () => {
    const p = synth('b', () => 1);
    const gap: EvaluationPanel = {
      ...p,
      areas: p.areas.map((a, u) => (u === 0 ? { ...a, y: a.y.map((v, t) => (t === 36 ? null : v)) } : a)),
    };
    const r = evaluate(gap, { ...base, methods: ['before_after', 'difference_in_differences'] });
    expect(r.estimates[0]!.warnings[0]!.code).toBe('MISSING_AT_T0');
    expect(Number.isNaN(r.estimates[0]!.estimate)).toBe(true);
    expect(Number.isFinite(r.estimates[1]!.estimate)).toBe(true);
  });

  it('recovers a 40 % fall with 4 treated and 10 comparison areas; the pre-trend Wald passes; level 4', () => {
    const roles: Role[] = [
      ...Array<Role>(4).fill('treated'),
      ...Array<Role>(10).fill('comparison'),
      'neighbour',
    ];
    const p = synth('fall', (role, t) => (role === 'treated' && t >= 36 ? 0.6 : 1), roles);
    // Screening: RI over all C(14, 4) = 1,001 assignments would take ~30 s here (RI is covered in
    // did.test.ts and, in the full profile, by evaluate-hoa.test.ts).
    const r = evaluate(p, { ...base, methods: ['difference_in_differences'] });
    const d = r.estimates[0]!;
    expect(d.estimate).toBeGreaterThan(0.5);
    expect(d.estimate).toBeLessThan(0.72);
    expect(d.ci95[0]).toBeLessThan(d.estimate);
    expect(d.diagnostics.pretrendRule).toBe('wald');
    expect(d.diagnostics.pretrendVerdict).toBe('pass');
    expect(d.ciMethod).toMatch(/CR1 by area/);
    expect(d.diagnostics.riP).toBeUndefined();
    expect(d.warnings.find((w) => w.code === 'FEW_CLUSTERS')?.message).toMatch(
      /not run in the screening profile/,
    );
    expect(d.pValue).toBeLessThan(0.001);
    expect(d.design.level).toBe(4);
    expect(r.supporting.some((e) => e.variant === 'displacement')).toBe(true);
  });

  it('flags displacement when the ring rises, and reports the net estimate (no downgrade)', () => {
    const p = synth('disp', (role, t) =>
      t >= 36 ? (role === 'treated' ? 0.5 : role === 'neighbour' ? 2.5 : 1) : 1,
    );
    const r = evaluate(p, { ...base, methods: ['difference_in_differences'] });
    const d = r.estimates[0]!;
    expect(d.warnings.map((w) => w.code)).toContain('DISPLACEMENT_LIKELY');
    expect(d.diagnostics.displacement).toBe('DISPLACEMENT_LIKELY');
    const net = r.supporting.find((e) => e.estimand.startsWith('net'));
    expect(net).toBeDefined();
    expect(d.design.reasons.join(' ')).not.toMatch(/displacement/);
  });

  it('staggered adoption: Wooldridge is the headline', () => {
    const p = synth('stag', (role, t) => (role === 'treated' && t >= 36 ? 0.7 : 1));
    const stag: EvaluationPanel = {
      ...p,
      areas: p.areas.map((a, u) => (u === 1 ? { ...a, adoption: '2014-01' } : a)),
    };
    const r = evaluate(stag, { ...base, methods: ['difference_in_differences'] });
    expect(r.estimates[0]!.variant).toBe('staggered');
    expect(r.estimates[0]!.warnings.map((w) => w.code)).toContain('STAGGERED_ADOPTION');
    expect(r.estimates[0]!.estimate).toBeLessThan(1);
    const es = r.series.eventStudy!;
    expect(es.rule).toBe('wald (cohort leads)');
    expect(es.points.filter((p) => p.reference)).toHaveLength(1);
    expect(es.points.some((p) => p.k <= -2 && p.status.startsWith('cohort'))).toBe(true);
    expect(es.points.some((p) => p.k >= 0)).toBe(true);
  });

  it('inputsHash covers the window slice only; year-precision dates sit at the start of the year', () => {
    const p = synth('h', () => 1);
    const cfg = { ...base, methods: ['before_after' as const], window: { from: '2011-01', to: '2015-12' } };
    const changedOutside: EvaluationPanel = {
      ...p,
      areas: p.areas.map((a, u) =>
        u === 0 ? { ...a, y: a.y.map((v, t) => (t === 0 ? (v ?? 0) + 7 : v)) } : a,
      ),
    };
    expect(evaluate(changedOutside, cfg).inputsHash).toBe(evaluate(p, cfg).inputsHash);
    const inside = { ...p, interventions: [{ date: '2014', precision: 'year' as const, label: 'x' }] };
    const r = evaluate(inside, { ...base, methods: ['before_after'] });
    expect(r.estimates[0]!.warnings.map((w) => w.code)).toContain('CONFOUNDED_WINDOW');
    const before = { ...p, interventions: [{ date: '2009', precision: 'year' as const, label: 'x' }] };
    expect(
      evaluate(before, { ...base, methods: ['before_after'] }).estimates[0]!.warnings.map((w) => w.code),
    ).not.toContain('CONFOUNDED_WINDOW');
  });

  it('synthetic control without a solver is blocked, the rest still runs', () => {
    const r = evaluate(
      synth('x', () => 1),
      { ...base, methods: ['synthetic_control', 'before_after'] },
    );
    expect(r.estimates[0]!.warnings[0]!.code).toBe('NO_QP_SOLVER');
    expect(Number.isFinite(r.estimates[1]!.estimate)).toBe(true);
  });
});
