/**
 * Design-strength grade on the Maryland Scientific Methods Scale (EVALUATION.md §4.6). The base
 * level comes from the design actually run; each of PRETREND_FAIL, an unmodelled source switch in
 * the window, DISPLACEMENT_LIKELY without a net estimate and FEW_POINTS lowers it by one (floor
 * 1). The level, label and reasons travel with every effect, export and synthesis line.
 *
 * Level 4 for DiD needs ≥ 5 comparison units *and* a passed pre-trend test. We read this as: the
 * base of a panel DiD with ≥ 5 units is 4 when its pre-trend was tested, and a failed test is the
 * PRETREND_FAIL downgrade (to 3) rather than a second, separate penalty; an untested pre-trend
 * (screening profile) caps it at 3. With 1–4 units the base is 3 and PRETREND_FAIL gives 2.
 */
export type DesignLevel = 1 | 2 | 3 | 4 | 5;

export interface DesignGrade {
  level: DesignLevel;
  label: string;
  reasons: string[];
}

export const LEVEL_LABELS: Record<DesignLevel, string> = {
  1: 'Correlation at one point in time',
  2: 'Before/after, no comparison',
  3: 'Before/after with a comparison',
  4: 'Several comparison units and controls',
  5: 'Randomised',
};

export interface GradeInput {
  method:
    | 'descriptive'
    | 'before_after'
    | 'interrupted_time_series'
    | 'difference_in_differences'
    | 'synthetic_control';
  variant?: 'two_by_two' | 'twfe' | 'event_study' | 'staggered' | 'displacement' | 'comparative';
  /** Never-treated (or control) units in the comparison (DiD), donors (SCM). */
  comparisonUnits?: number;
  /** Pre-trend verdict of the event study; null when not run. */
  pretrend?: 'pass' | 'fail' | null;
  /** SCM pre-fit gate. */
  scmGatePassed?: boolean;
  /** A randomised roll-out is recorded for this engagement. */
  randomised?: boolean;
  /** Warning codes raised on the estimate (PRETREND_FAIL, FEW_POINTS, DISPLACEMENT_LIKELY, …). */
  warnings: readonly string[];
  /** Source switches inside the window that the model does not represent. */
  unmodelledSourceSwitches?: number;
  /** A net (treated ∪ ring) estimate accompanies the headline. */
  netEstimateReported?: boolean;
}

function base(input: GradeInput): { level: DesignLevel; reason: string } {
  const units = input.comparisonUnits ?? 0;
  if (input.randomised) return { level: 5, reason: 'randomised roll-out recorded' };
  switch (input.method) {
    case 'descriptive':
      return { level: 1, reason: 'descriptive: no before/after contrast' };
    case 'before_after':
      return { level: 2, reason: 'before/after rate ratio, no comparison' };
    case 'interrupted_time_series':
      return input.variant === 'comparative'
        ? { level: 3, reason: 'comparative ITS (with a comparison series)' }
        : { level: 2, reason: 'single-series ITS, no comparison' };
    case 'synthetic_control':
      return input.scmGatePassed
        ? { level: 4, reason: `synthetic control passing the pre-fit gate (${units} donors)` }
        : { level: 3, reason: 'synthetic control without a passed pre-fit gate' };
    case 'difference_in_differences':
      if (units >= 5 && input.pretrend)
        return { level: 4, reason: `DiD with ${units} comparison units and a pre-trend test` };
      if (units >= 5)
        return {
          level: 3,
          reason: `DiD with ${units} comparison units but no pre-trend test (level 4 needs one)`,
        };
      return { level: 3, reason: `DiD with ${units} comparison unit(s) (1–4: level 3)` };
  }
}

/** Grades one estimate; `reasons` lists the base and every downgrade applied. */
export function gradeDesign(input: GradeInput): DesignGrade {
  const b = base(input);
  let level: number = b.level;
  const reasons = [b.reason];
  const codes = new Set(input.warnings);
  const down = (why: string): void => {
    if (level > 1) level -= 1;
    reasons.push(`downgraded: ${why}`);
  };
  if (codes.has('PRETREND_FAIL') || input.pretrend === 'fail') down('pre-trend check failed (PRETREND_FAIL)');
  const switches = input.unmodelledSourceSwitches ?? 0;
  if (switches > 0 || codes.has('SOURCE_SWITCH_UNMODELLED'))
    down(`${Math.max(1, switches)} source switch(es) in the window not modelled`);
  if (codes.has('DISPLACEMENT_LIKELY') && !input.netEstimateReported)
    down('displacement likely and no net estimate reported');
  if (codes.has('FEW_POINTS')) down('few points on one side of T0 (FEW_POINTS)');
  const lv = level as DesignLevel;
  return { level: lv, label: LEVEL_LABELS[lv], reasons };
}

/**
 * The verb phrase allowed at a level (DOMAIN.md): below level 4 results are worded as a
 * contribution ("contributed to"), never as attribution.
 */
export function attributionVerb(level: DesignLevel): 'contributed to' | 'caused' {
  return level >= 4 ? 'caused' : 'contributed to';
}

/**
 * One sentence for an IRR, e.g. "Operation Atalanta contributed to a 35 % fall in reported
 * incidents (IRR 0.65, 95 % CI 0.52–0.81; design level 3)". An interval that spans 1 is reported
 * as "no clear change" whatever the level.
 */
export function describeEffect(args: {
  intervention: string;
  irr: number;
  ci: [number, number];
  grade: DesignGrade;
  outcome?: string;
}): string {
  const outcome = args.outcome ?? 'reported incidents';
  const fmt = (x: number): string => (Number.isFinite(x) ? x.toFixed(2) : '∞');
  const tail = `(IRR ${fmt(args.irr)}, 95 % CI ${fmt(args.ci[0])}–${fmt(args.ci[1])}; design level ${args.grade.level}: ${args.grade.label})`;
  if (args.ci[0] <= 1 && args.ci[1] >= 1)
    return `No clear change in ${outcome} after ${args.intervention} ${tail}`;
  const pct = Math.round(Math.abs(100 * (args.irr - 1)));
  const dir = args.irr < 1 ? 'fall' : 'rise';
  const verb = attributionVerb(args.grade.level);
  return verb === 'caused'
    ? `${args.intervention} is estimated to have caused a ${pct} % ${dir} in ${outcome} ${tail}`
    : `${args.intervention} contributed to a ${pct} % ${dir} in ${outcome} ${tail}`;
}
