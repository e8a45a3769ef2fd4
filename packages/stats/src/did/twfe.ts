import type { Covariance } from '../covariance/types.ts';
import { check } from '../errors.ts';
import { fitIndicatorColumns, type IndicatorColumn } from './columns.ts';
import { effectFrom, waldTest, type DidEffect, type WaldTest } from './effect.ts';
import type { HdfeFit } from './hdfe.ts';
import { countUnits, panelRows, type DidPanel, type PanelRows } from './panel.ts';

/**
 * Poisson TWFE (EVALUATION.md §4.4): ln E[y_it] = a_i + λ_t + τ D_it + ln E_it, D_it = 1[t ≥ G_i],
 * IRR = e^τ, CR1 clustered by area. Poisson pseudo-ML is consistent under over-dispersion, so no
 * NB2 α is estimated. Used as the headline for a single adoption date only (staggered adoption
 * uses `staggeredDid`).
 */
export interface TwfeResult {
  fit: HdfeFit;
  /** The covariance behind `effect`: CR1 by area, or quasi-Poisson below `minClustersForCr1`. */
  covariance: Covariance;
  covarianceKind: 'CR1' | 'quasi-Poisson';
  /** The CR1 covariance, always (for the record, even when degenerate). */
  cr1: Covariance;
  phi: number;
  effect: DidEffect;
  clusters: number;
  treatedUnits: number;
  comparisonUnits: number;
  missingCells: number;
}

/** D_it column over the panel rows. */
export function treatmentColumn(panel: DidPanel, rows: PanelRows): IndicatorColumn {
  const idx: number[] = [];
  for (let i = 0; i < rows.y.length; i++) {
    const g = panel.adoption[rows.unit[i]!];
    if (g !== null && g !== undefined && rows.period[i]! >= g) idx.push(i);
  }
  return { name: 'D', rows: idx };
}

/**
 * Areas (clusters) below which CR1 is not used for intervals: with two areas the fixed-effect score
 * equations make every cluster score zero (CR1 = 0 exactly), and with three or four CR1 has rank ≤ 3
 * and is unusable; the quasi-Poisson variance φ·(X̃ᵀWX̃)⁻¹ is reported instead and named in
 * ciMethod. FEW_CLUSTERS (< 30) still applies above this, with randomisation inference for the p.
 */
export const MIN_CLUSTERS_FOR_CR1 = 5;

export function poissonTwfe(
  panel: DidPanel,
  conf = 0.95,
  minClustersForCr1 = MIN_CLUSTERS_FOR_CR1,
): TwfeResult {
  const rows = panelRows(panel);
  const units = countUnits(panel);
  check(units.treated >= 1 && units.comparison >= 1, 'TWFE: needs treated and never-treated units');
  const cf = fitIndicatorColumns(rows, [treatmentColumn(panel, rows)]);
  check(cf.kept.length === 1, 'TWFE: the treatment column is empty or separated');
  const useCr1 = cf.clusters >= minClustersForCr1;
  const cov = useCr1 ? cf.covariance : cf.quasi;
  const se = Math.sqrt(cov.values[0]!);
  return {
    fit: cf.fit,
    covariance: cov,
    covarianceKind: useCr1 ? 'CR1' : 'quasi-Poisson',
    cr1: cf.covariance,
    phi: cf.phi,
    effect: effectFrom(cf.fit.coefficients[0]!, se, conf),
    clusters: cf.clusters,
    treatedUnits: units.treated,
    comparisonUnits: units.comparison,
    missingCells: rows.missing,
  };
}

/**
 * TWFE τ̂ only, for randomisation inference. Tolerances are 1e-10 instead of 1e-12/1e-13: RI only
 * ranks |τ*| against |τ̂|, and the looser stop roughly halves the cost of thousands of refits.
 */
export function twfeTau(panel: DidPanel): number {
  const rows = panelRows(panel);
  const cf = fitIndicatorColumns(rows, [treatmentColumn(panel, rows)], {
    tolerance: 1e-10,
    projectionTolerance: 1e-10,
    covariance: false,
  });
  return cf.kept.length === 1 ? cf.fit.coefficients[0]! : Number.NaN;
}

export interface EventStudyOptions {
  /** Periods per event-time bin (e.g. 12 on a monthly panel gives yearly θ_k); default 1. */
  binWidth?: number;
  /** Lead bins kept separate (k = −leads … −1); earlier bins are pooled into k = −leads. Default: all. */
  leads?: number;
  /** Lag bins kept separate (k = 0 … lags); later bins are pooled into k = lags. Default: all. */
  lags?: number;
  /** Comparison-unit threshold for a testable pre-trend (default 5, §4.4). */
  minUnitsForWald?: number;
  /** Wald p below which the pre-trend fails (default 0.10). */
  waldAlpha?: number;
  /** Band for e^{θ_k} when untestable (default [2/3, 3/2]). */
  ratioBand?: [number, number];
  conf?: number;
  /** Areas below which intervals use the quasi-Poisson covariance (default 5). */
  minClustersForCr1?: number;
}

export interface EventCoefficient {
  k: number;
  /** True for the pooled end bins (k = −leads or k = lags with earlier/later bins folded in). */
  pooled: boolean;
  /** null for the reference bin k = −1 (fixed at 0) and for separated or empty bins. */
  theta: number | null;
  se: number | null;
  irr: number | null;
  ci: [number, number] | null;
  reference: boolean;
  status: 'estimated' | 'reference' | 'separated' | 'empty';
}

/** 'untested' when no pre-period bin besides the reference exists (nothing to compare). */
export type PretrendVerdict = 'pass' | 'fail' | 'untested';

export interface PretrendCheck {
  verdict: PretrendVerdict;
  /** 'wald' with ≥ 5 comparison units; 'ratio_band' (saturated, PRETREND_UNTESTABLE) with 1–4. */
  rule: 'wald' | 'ratio_band';
  wald: WaldTest;
  /** Pre-period bins outside the ratio band (ratio rule). */
  outsideBand: number[];
  /** Earliest and latest pre-period offsets covered, in periods (e.g. −107 … −1 months). */
  window: { fromPeriod: number; toPeriod: number; periods: number };
  untestable: boolean;
}

export interface EventStudyResult {
  coefficients: EventCoefficient[];
  fit: HdfeFit;
  /** Covariance behind the θ_k intervals and the Wald test (CR1, or quasi-Poisson with few areas). */
  covariance: Covariance;
  covarianceKind: 'CR1' | 'quasi-Poisson';
  pretrend: PretrendCheck;
  clusters: number;
  comparisonUnits: number;
  binWidth: number;
}

/** Event-time bin of offset d = t − G. */
export function eventBin(d: number, binWidth: number, minK: number, maxK: number): number {
  const k = Math.floor(d / binWidth);
  return Math.min(maxK, Math.max(minK, k));
}

/**
 * Event study ln E[y_it] = a_i + λ_t + Σ_{k≠−1} θ_k 1[bin(t − G_i) = k] + ln E_it with the end bins
 * pooled, and the pre-trend verdict of §4.4 over every pre-period bin: Wald p < waldAlpha fails
 * with ≥ 5 comparison units; with 1–4 the model is saturated and cannot be tested, so it fails
 * when any pre-period e^{θ_k} lies outside [2/3, 3/2] (and PRETREND_UNTESTABLE is raised by the
 * caller from `untestable`).
 */
export function eventStudy(panel: DidPanel, options: EventStudyOptions = {}): EventStudyResult {
  const bw = options.binWidth ?? 1;
  check(Number.isInteger(bw) && bw >= 1, 'event study: binWidth must be a positive integer');
  const rows = panelRows(panel);
  const units = countUnits(panel);
  check(units.treated >= 1 && units.comparison >= 1, 'event study: needs treated and never-treated units');
  let rawMin = Infinity;
  let rawMax = -Infinity;
  let minOffset = Infinity;
  for (let i = 0; i < rows.y.length; i++) {
    const g = panel.adoption[rows.unit[i]!];
    if (g === null || g === undefined || !(rows.weight[i]! > 0)) continue;
    const d = rows.period[i]! - g;
    minOffset = Math.min(minOffset, d);
    const k = Math.floor(d / bw);
    rawMin = Math.min(rawMin, k);
    rawMax = Math.max(rawMax, k);
  }
  check(rawMin <= -2 || rawMin === -1, 'event study: no pre-period for the treated units');
  const minK = options.leads !== undefined ? Math.max(rawMin, -options.leads) : rawMin;
  const maxK = options.lags !== undefined ? Math.min(rawMax, options.lags) : rawMax;
  const byBin = new Map<number, number[]>();
  for (let i = 0; i < rows.y.length; i++) {
    const g = panel.adoption[rows.unit[i]!];
    if (g === null || g === undefined) continue;
    const k = eventBin(rows.period[i]! - g, bw, minK, maxK);
    if (k === -1) continue;
    if (!byBin.has(k)) byBin.set(k, []);
    byBin.get(k)!.push(i);
  }
  const bins = [...byBin.keys()].sort((a, b) => a - b);
  const cf = fitIndicatorColumns(
    rows,
    bins.map((k) => ({ name: `k=${k}`, rows: byBin.get(k)! })),
  );
  const conf = options.conf ?? 0.95;
  const useCr1 = cf.clusters >= (options.minClustersForCr1 ?? MIN_CLUSTERS_FOR_CR1);
  const V = useCr1 ? cf.covariance : cf.quasi;
  const pos = new Map(cf.kept.map((c, j) => [c.name, j]));
  const status = new Map(cf.dropped.map((d) => [d.name, d.reason]));
  const coefficients: EventCoefficient[] = [];
  for (let k = minK; k <= maxK; k++) {
    const pooled = (k === minK && rawMin < minK) || (k === maxK && rawMax > maxK);
    if (k === -1) {
      coefficients.push({
        k,
        pooled,
        theta: 0,
        se: 0,
        irr: 1,
        ci: [1, 1],
        reference: true,
        status: 'reference',
      });
      continue;
    }
    const j = pos.get(`k=${k}`);
    if (j === undefined) {
      coefficients.push({
        k,
        pooled,
        theta: null,
        se: null,
        irr: null,
        ci: null,
        reference: false,
        status: status.get(`k=${k}`) ?? 'empty',
      });
      continue;
    }
    const e = effectFrom(cf.fit.coefficients[j]!, Math.sqrt(V.values[j * V.dim + j]!), conf);
    coefficients.push({
      k,
      pooled,
      theta: e.coefficient,
      se: e.se,
      irr: e.irr,
      ci: e.ci,
      reference: false,
      status: 'estimated',
    });
  }
  const preIdx = cf.kept.map((c, j) => [c, j] as const).filter(([c]) => Number(c.name.slice(2)) <= -2);
  const wald = waldTest(
    cf.fit.coefficients,
    V,
    preIdx.map(([, j]) => j),
  );
  const minUnits = options.minUnitsForWald ?? 5;
  const untestable = units.comparison < minUnits;
  const [lo, hi] = options.ratioBand ?? [2 / 3, 3 / 2];
  const outsideBand = coefficients
    .filter((c) => c.k <= -2 && (c.status === 'separated' || (c.irr !== null && (c.irr < lo || c.irr > hi))))
    .map((c) => c.k);
  // A separated pre-period bin (no treated events at all) is as far from parallel as it gets.
  const preBins = coefficients.filter((c) => c.k <= -2).length;
  const verdict: PretrendVerdict =
    preBins === 0
      ? 'untested'
      : units.comparison < minUnits
        ? outsideBand.length > 0
          ? 'fail'
          : 'pass'
        : wald.df > 0 && wald.pValue < (options.waldAlpha ?? 0.1)
          ? 'fail'
          : 'pass';
  return {
    coefficients,
    fit: cf.fit,
    covariance: V,
    covarianceKind: useCr1 ? 'CR1' : 'quasi-Poisson',
    pretrend: {
      verdict,
      rule: untestable ? 'ratio_band' : 'wald',
      wald,
      outsideBand,
      window: { fromPeriod: minOffset, toPeriod: -1, periods: -minOffset },
      untestable,
    },
    clusters: cf.clusters,
    comparisonUnits: units.comparison,
    binWidth: bw,
  };
}
