// evaluate() end to end on the real panel (EVALUATION.md §6.2): HoA box (treated) and Gulf of
// Guinea box (comparison), Crime at Sea 2000-01 … 2014-12, T0 = Operation Atalanta (2008-12-08),
// with the §6.3 piracy timeline as context. Numbers computed by this code; the DiD is the one
// cross-checked against R in did-hoa.test.ts.
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { evaluate, type EvaluationConfig, type EvaluationPanel } from '../src/evaluate/index.ts';
import { boxSeries, monthsBetween } from './did-hoa-panel.ts';

const months = monthsBetween('2000-01', '2014-12');
const { hoa, gog } = boxSeries(months);
const panel: EvaluationPanel = {
  months,
  areas: [
    { key: 'hoa-box', y: hoa, role: 'treated' },
    { key: 'gog-box', y: gog, role: 'comparison' },
  ],
  interventions: [
    { date: '2008-06-02', precision: 'day', label: 'UNSCR 1816' },
    { date: '2008-12-08', precision: 'day', label: 'EU NAVFOR Operation Atalanta' },
    { date: '2009-01', precision: 'month', label: 'CTF-151' },
    { date: '2009-02', precision: 'month', label: 'Transit corridor and BMP1' },
    { date: '2009-08-17', precision: 'day', label: 'NATO Operation Ocean Shield' },
    { date: '2011-08', precision: 'month', label: 'BMP4' },
    { date: '2011', precision: 'year', label: 'Armed guards' },
  ],
  sourceSwitches: ['2015-01-01'],
  excluded: { locationCoarserThanBox: 0 },
};
const config: EvaluationConfig = {
  t0: '2008-12-08',
  interventionLabel: 'EU NAVFOR Operation Atalanta',
  methods: ['before_after', 'interrupted_time_series', 'difference_in_differences'],
  seed: 'hoa-atalanta',
  profile: 'full',
  its: { bootstrapDraws: 500, comparative: true },
};

describe('evaluate(): HoA vs Gulf of Guinea around Atalanta', () => {
  const r = evaluate(panel, config);
  const [ba, its, did] = r.estimates;

  it('returns one §4 Estimate per method, in request order, sharing inputsHash, engine version and seed', () => {
    expect(r.estimates.map((e) => e.method)).toEqual([
      'before_after',
      'interrupted_time_series',
      'difference_in_differences',
    ]);
    for (const e of [...r.estimates, ...r.supporting]) {
      expect(e.inputsHash).toBe(r.inputsHash);
      expect(e.inputsHash).toMatch(/^[0-9a-f]{64}$/);
      expect(e.seed).toBe('hoa-atalanta');
      expect(e.engineVersion).toBe(r.engineVersion);
      expect(e.excluded.locationCoarserThanBox).toBe(0);
    }
  });

  it('before/after: RR 2.910 (73 v 73 months), over-dispersed headline 2.053–4.124, level 2', () => {
    expect(ba!.estimate).toBeCloseTo(2.9098039215686273, 10);
    expect(ba!.ci95[0]).toBeCloseTo(2.053302273, 6);
    expect(ba!.ci95[1]).toBeCloseTo(4.123581303, 6);
    expect(ba!.ciMethod).toBe('overdispersed_wald');
    expect(ba!.diagnostics).toMatchObject({ y0: 255, y1: 742, preFrom: '2002-11', postTo: '2014-12' });
    expect(ba!.diagnostics.phi).toBeCloseTo(6.0047930283, 8);
    expect(ba!.warnings.map((w) => w.code)).toEqual(['OVERDISPERSION', 'CONFOUNDED_WINDOW', 'NO_EXPOSURE']);
    expect(ba!.design.level).toBe(2);
  });

  it('ITS: level change IRR 7.79 (HAC 3.01–20.18), slope 0.932/month, level 2', () => {
    expect(its!.estimate).toBeCloseTo(7.7908047423583335, 6);
    expect(its!.ci95[0]).toBeCloseTo(3.007075115, 5);
    expect(its!.ci95[1]).toBeCloseTo(20.18461003, 4);
    expect(its!.diagnostics.slopeIrr).toBeCloseTo(0.931501331, 7);
    expect(its!.diagnostics.alpha).toBeCloseTo(0.62094868, 5);
    expect(its!.diagnostics.placeboCount).toBe(84);
    expect(its!.warnings.map((w) => w.code)).toEqual([
      'NO_EXPOSURE',
      'OVERLAPPING_INTERVENTIONS',
      'AUTOCORRELATION',
    ]);
    expect(its!.design.level).toBe(2);
    const band = r.series.its!.band!;
    expect(band.lower.every((v, t) => v !== null && v <= r.series.its!.counterfactual[t]! * 10)).toBe(true);
  });

  it('DiD: TWFE IRR 3.016 (quasi-Poisson 2.105–4.321), RI p = 1 over 2 assignments, pre-trend FAIL → level 2', () => {
    expect(did!.variant).toBe('twfe');
    expect(did!.estimate).toBeCloseTo(3.01581027667984, 9);
    expect(did!.ci95[0]).toBeCloseTo(2.104847578, 6);
    expect(did!.ci95[1]).toBeCloseTo(4.321030994, 6);
    expect(did!.pValue).toBe(1);
    expect(did!.warnings.map((w) => w.code)).toEqual([
      'PRETREND_UNTESTABLE',
      'PRETREND_FAIL',
      'FEW_CLUSTERS',
      'NO_EXPOSURE',
    ]);
    expect(did!.diagnostics).toMatchObject({
      pretrendVerdict: 'fail',
      pretrendRule: 'ratio_band',
      pretrendMonths: 107,
      pretrendFrom: '2000-01',
      riAssignments: 2,
      clusters: 2,
    });
    expect(did!.design).toEqual({
      level: 2,
      label: 'Before/after, no comparison',
      reasons: [
        'DiD with 1 comparison unit(s) (1–4: level 3)',
        'downgraded: pre-trend check failed (PRETREND_FAIL)',
      ],
    });
    const tb = r.supporting.find((e) => e.variant === 'two_by_two')!;
    expect(tb.estimate).toBeCloseTo(3.015810276679842, 9);
    expect(tb.ci95[0]).toBeCloseTo(1.905138979, 6);
  });

  it('comparative ITS (supporting): relative level change 8.19 (Driscoll–Kraay 3.38–19.88), level 3', () => {
    const c = r.supporting.find((e) => e.variant === 'comparative')!;
    expect(c.estimate).toBeCloseTo(8.19303797778846, 5);
    expect(c.ci95[0]).toBeCloseTo(3.376909593, 4);
    expect(c.ci95[1]).toBeCloseTo(19.87790003, 3);
    expect(c.diagnostics.slopeIrr).toBeCloseTo(0.93219286, 6);
    expect(c.diagnostics.alpha).toBeCloseTo(0.3803381, 5);
    expect(c.warnings.map((w) => w.code)).toEqual(['OVERLAPPING_INTERVENTIONS']);
    expect(c.design.level).toBe(3);
  });

  it('series: observed per role, the event study with its reference bin', () => {
    expect(r.series.t0Index).toBe(107);
    expect(r.series.observed.treated).toEqual(hoa);
    expect(r.series.observed.comparison).toEqual(gog);
    const es = r.series.eventStudy!;
    expect(es.binMonths).toBe(12);
    expect(es.verdict).toBe('fail');
    expect(es.points.find((p) => p.reference)?.k).toBe(-1);
    expect(es.points.map((p) => p.k)).toEqual([-9, -8, -7, -6, -5, -4, -3, -2, -1, 0, 1, 2, 3, 4, 5, 6]);
  });

  it('inputsHash is deterministic, changes with the config, and an injected node:crypto hash agrees', () => {
    const again = evaluate(panel, { ...config, methods: ['before_after'] });
    const other = evaluate(panel, { ...config, methods: ['before_after'], seed: 'other' });
    const injected = evaluate(
      panel,
      { ...config, methods: ['before_after'] },
      { hash: (s) => createHash('sha256').update(s, 'utf8').digest('hex') },
    );
    expect(injected.inputsHash).toBe(again.inputsHash);
    expect(other.inputsHash).not.toBe(again.inputsHash);
    const labelled = evaluate(panel, { ...config, methods: ['before_after'], permittedLabelHash: 'abc' });
    expect(labelled.inputsHash).not.toBe(again.inputsHash);
  });

  it('screening profile: no bootstrap, placebo or RI loops; same point estimates', () => {
    const s = evaluate(panel, { ...config, profile: 'screening' });
    expect(s.estimates[1]!.estimate).toBeCloseTo(its!.estimate, 10);
    expect(s.estimates[1]!.diagnostics.placeboCount).toBeUndefined();
    expect(s.series.its!.band).toBeNull();
    expect(s.estimates[2]!.estimate).toBe(did!.estimate);
    expect(s.estimates[2]!.diagnostics.riP).toBeUndefined();
  });
});
