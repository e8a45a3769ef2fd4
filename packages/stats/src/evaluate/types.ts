import type { DesignGrade } from '../grade/index.ts';
import type { EstimateWarning } from '../its/types.ts';
import type { GateThresholds, QpSolver } from '../scm/index.ts';

/**
 * The neutral input of `evaluate()`: one slice of the area-month panel (EVALUATION.md §3), already
 * scoped to what the subject may see. Nothing here names a database, a dataset row or a label.
 */
export interface EvaluationPanel {
  /** Consecutive calendar months, 'YYYY-MM', oldest first; every series aligns with it. */
  months: string[];
  areas: PanelArea[];
  /**
   * Other recorded interventions and context events (§6.3), for OVERLAPPING_INTERVENTIONS and
   * CONFOUNDED_WINDOW. The evaluated engagement itself may be listed; it is recognised by
   * `EvaluationConfig.interventionLabel` and skipped.
   */
  interventions: { date: string; precision: 'day' | 'month' | 'year'; label: string }[];
  /** Dates ('YYYY-MM' or 'YYYY-MM-DD') at which the source changes, e.g. Crime at Sea 2015-01-01. */
  sourceSwitches: string[];
  /** Incidents left out upstream, by reason (precision classes, §1.3); copied into every estimate. */
  excluded: Record<string, number>;
}

export interface PanelArea {
  key: string;
  /** Count per month; null = outside the source's coverage (missing, never zero). */
  y: (number | null)[];
  /** Exposure per month (> 0), e.g. transits; omitted = rate per area-month (NO_EXPOSURE). */
  exposure?: number[];
  /** treated: received the engagement; comparison: control pool; neighbour: the displacement ring. */
  role: 'treated' | 'comparison' | 'neighbour';
  /** Adoption month 'YYYY-MM' of this treated area when it differs from T0 (staggered adoption). */
  adoption?: string;
}

export type MethodName =
  'before_after' | 'interrupted_time_series' | 'difference_in_differences' | 'synthetic_control';

export interface EvaluationConfig {
  /** Engagement start 'YYYY-MM' or 'YYYY-MM-DD': its month is the first treated month. */
  t0: string;
  /** Label of the evaluated engagement in `panel.interventions` (skipped as a confounder). */
  interventionLabel?: string;
  methods: MethodName[];
  /** Months from T0 left out of the fits (phase-in); default 0. */
  transitionMonths?: number;
  /** Sub-window 'YYYY-MM' bounds (inclusive); default the whole panel. */
  window?: { from?: string; to?: string };
  seed: string;
  /** screening: point estimates and grade, no bootstrap, placebo or RI loops (§7); full: everything. */
  profile: 'screening' | 'full';
  thresholds?: {
    /** FEW_CLUSTERS below this many areas (default 30); RI then gives the headline p. */
    fewClusters?: number;
    /** Comparison units for a testable pre-trend (default 5). */
    minUnitsForWald?: number;
    /** Wald p below which the pre-trend fails (default 0.10). */
    pretrendAlpha?: number;
    /** Allowed pre-period e^{θ_k} band with 1–4 units (default [2/3, 3/2]). */
    ratioBand?: [number, number];
    /** Pre-trend window the check should cover (default 36 months). */
    pretrendMonths?: number;
    /** before/after: φ above which the over-dispersed interval is the headline (fixed at 1.5 by §4.2). */
    scmGate?: Partial<GateThresholds>;
  };
  did?: {
    /** Months per event-time bin (default 12: yearly θ_k, which keeps sparse series estimable). */
    binMonths?: number;
    leads?: number;
    lags?: number;
  };
  its?: {
    harmonics?: number;
    hacLag?: number;
    bootstrapDraws?: number;
    /** Also run comparative ITS (treated vs comparison aggregate, level 3) as a supporting estimate. */
    comparative?: boolean;
  };
  beforeAfter?: { windowMonths?: number };
  scm?: { outcome?: 'rate' | 'log1p'; vMode?: 'identity' | 'search' };
  /** SHA-256 of the subject's permitted label set, supplied by the caller (§0). */
  permittedLabelHash?: string;
}

/** Injected capabilities: hashing (e.g. node:crypto) and the SCM QP solver (may live in a worker). */
export interface EvaluationDeps {
  hash?: (text: string) => string;
  qpSolver?: QpSolver;
}

/** The §4 warning shape, shared with the ITS driver (one definition). */
export type { EstimateWarning };

/** EVALUATION.md §4 `Estimate`, exactly. A block warning sets estimate and ci95 to NaN. */
export interface Estimate {
  method:
    | 'descriptive'
    | 'before_after'
    | 'interrupted_time_series'
    | 'difference_in_differences'
    | 'synthetic_control';
  variant?: 'two_by_two' | 'twfe' | 'event_study' | 'staggered' | 'displacement' | 'comparative';
  estimand: string;
  estimate: number;
  ci95: [number, number];
  ciMethod: string;
  pValue?: number;
  design: DesignGrade;
  warnings: EstimateWarning[];
  diagnostics: Record<string, number | string | boolean>;
  excluded: Record<string, number>;
  inputsHash: string;
  engineVersion: string;
  seed: string;
}

export interface EventStudyPoint {
  k: number;
  /** First month offset from T0 covered by the bin (k·binMonths). */
  fromMonth: number;
  irr: number | null;
  ci: [number, number] | null;
  reference: boolean;
  pooled: boolean;
  status: string;
}

/** Series for the charts (§8): every array aligns with `months` unless stated. */
export interface EvaluationSeries {
  months: string[];
  t0Index: number;
  /** Summed counts per role (null when any area of the role is missing that month). */
  observed: { treated: (number | null)[]; comparison: (number | null)[]; neighbour: (number | null)[] };
  its?: {
    fitted: (number | null)[];
    counterfactual: (number | null)[];
    band: { lower: (number | null)[]; upper: (number | null)[] } | null;
  };
  eventStudy?: { binMonths: number; points: EventStudyPoint[]; verdict: string; rule: string };
  scm?: {
    unit: string;
    treated: number[];
    synthetic: number[];
    gaps: number[];
    placeboGaps: { unit: string; gaps: number[] }[];
    weights: { unit: string; w: number }[];
  };
  sourceSwitchIndices: number[];
}

export interface EvaluationResult {
  inputsHash: string;
  engineVersion: string;
  seed: string;
  profile: 'screening' | 'full';
  /** One headline estimate per method requested, in request order. */
  estimates: Estimate[];
  /** Supporting estimates: comparative ITS, the 2×2 DiD, the displacement ring and the net estimate. */
  supporting: Estimate[];
  series: EvaluationSeries;
}
