/**
 * Synthetic control (EVALUATION.md §4.5): weights, gaps τ̂_t = Y1t − Σ_j w*_j Y_jt, RMSPE before
 * and after T0, the predictor balance table, placebo-in-space inference and the pre-fit gate.
 *
 * The gate blocks the effect number (the trajectories are still plotted) unless the synthetic
 * unit tracks the treated one before T0, without extrapolation, from enough donors. Donors with
 * similar interventions and the neighbour ring are removed before fitting, so spill-overs
 * cannot contaminate the counterfactual.
 */
import type { WarnMessage } from '../warn/types.ts';
import { buildPredictors, type PredictorOptions } from './predictors.ts';
import type { QpSolver } from './qp.ts';
import { searchV, type VSearchResult } from './vsearch.ts';
import { scmWeights } from './weights.ts';

export interface GateThresholds {
  /** RMSPE_pre must not exceed this share of the treated pre-period mean (default 0.25). */
  maxRmspeShare: number;
  /** Minimum donors with non-zero outcomes (default 5). */
  minNonZeroDonors: number;
  /** Below this many eligible donors FEW_DONORS is raised (default 10). */
  fewDonors: number;
  /** The filtered placebo p drops placebos with RMSPE_pre above this multiple of the treated's (default 5). */
  placeboPreMultiple: number;
}

export const DEFAULT_GATE: GateThresholds = {
  maxRmspeShare: 0.25,
  minNonZeroDonors: 5,
  fewDonors: 10,
  placeboPreMultiple: 5,
};

export interface ScmInput extends PredictorOptions {
  /** Outcome (rate per exposure or ln(1 + y)) per unit × period; row 0 is treated, then candidate donors. */
  Y: readonly (readonly number[])[];
  /** Index of the first post-intervention period. */
  T0: number;
  unitIds?: readonly string[];
  /** Candidate donors (row indices ≥ 1) removed before fitting, with the reason. */
  exclude?: readonly { index: number; reason: 'intervention' | 'neighbour' }[];
  /** 'identity' (default; placebos and portfolio runs) or 'search' (Nelder–Mead, §4.5). */
  vMode?: 'identity' | 'search';
  /** Run placebo-in-space inference (default true). */
  placebos?: boolean;
  /** Also return each placebo's gap series (`placebo.gaps`), e.g. for the placebo chart. */
  placeboGaps?: boolean;
  gate?: Partial<GateThresholds>;
}

export interface UnitFit {
  unit: string;
  status: string;
  rmspePre: number;
  rmspePost: number;
  /** RMSPE_post / RMSPE_pre. */
  ratio: number;
}

export interface ScmResult {
  /** 'ok', or 'blocked' when the QP failed or the gate did not pass (trajectories still returned). */
  status: 'ok' | 'blocked';
  weights: { unit: string; w: number }[];
  v: number[];
  vMode: 'identity' | 'search';
  vSearch?: VSearchResult;
  predictorLabels: string[];
  balance: { label: string; treated: number; synthetic: number; donorMean: number }[];
  treated: number[];
  synthetic: number[];
  gaps: number[];
  rmspePre: number;
  rmspePost: number;
  /** Mean post-period gap: the estimate when the gate passes. */
  effect: number;
  placebo?: {
    units: UnitFit[];
    /** rank(r_treated)/(J + 1), rank counted from the largest ratio, ties included. */
    p: number;
    /** Same after dropping placebos with RMSPE_pre > placeboPreMultiple × the treated's. */
    pFiltered: number;
    kept: number;
    /** Each placebo's gaps τ̂_t (donor order), when `placeboGaps` was asked for. */
    gaps?: { unit: string; gaps: number[] }[];
  };
  gate: {
    passed: boolean;
    rmspeShare: number;
    withinHull: boolean;
    nonZeroDonors: number;
    thresholds: GateThresholds;
  };
  excluded: { unit: string; reason: string }[];
  warnings: WarnMessage[];
}

interface FitInternal {
  status: string;
  w: number[];
  v: number[];
  vSearch?: VSearchResult;
  synthetic: number[];
  gaps: number[];
  rmspePre: number;
  rmspePost: number;
}

const rms = (xs: readonly number[]): number =>
  Math.sqrt(xs.reduce((s, x) => s + x * x, 0) / Math.max(1, xs.length));

/** Fits one unit (`treated`) against `donors` (row indices into Y and the predictor columns). */
function fitUnit(
  scaled: readonly (readonly number[])[],
  raw: readonly (readonly number[])[],
  Y: readonly (readonly number[])[],
  treated: number,
  donors: readonly number[],
  T0: number,
  vMode: 'identity' | 'search',
  solver: QpSolver,
): FitInternal {
  const cols = [treated, ...donors];
  const sub = scaled.map((row) => cols.map((c) => row[c] as number));
  const X1 = sub.map((row) => row[0] as number);
  const X0 = sub.map((row) => row.slice(1));
  let v = new Array<number>(scaled.length).fill(1);
  let vSearch: VSearchResult | undefined;
  if (vMode === 'search') {
    const rawSub = raw.map((row) => cols.map((c) => row[c] as number));
    const ypre = cols.map((c) => (Y[c] as readonly number[]).slice(0, T0));
    vSearch = searchV(sub, rawSub, ypre, solver);
    v = vSearch.v;
  }
  const res = scmWeights(X1, X0, v, solver);
  const y1 = Y[treated] as readonly number[];
  // Σ_j w_j Y_jt over the donors with non-zero weight only (the weights are usually sparse).
  const synthetic = new Array<number>(y1.length).fill(0);
  donors.forEach((d, j) => {
    const wj = res.w[j] ?? 0;
    if (wj === 0) return;
    const yd = Y[d] as readonly number[];
    for (let t = 0; t < y1.length; t += 1) synthetic[t] = (synthetic[t] as number) + wj * (yd[t] as number);
  });
  const gaps = y1.map((y, t) => y - (synthetic[t] as number));
  const base = {
    status: res.status,
    w: res.w,
    v,
    synthetic,
    gaps,
    rmspePre: rms(gaps.slice(0, T0)),
    rmspePost: rms(gaps.slice(T0)),
  };
  return vSearch ? { ...base, vSearch } : base;
}

/** Runs the synthetic-control analysis of §4.5 with the given QP solver. */
export function syntheticControl(input: ScmInput, solver: QpSolver): ScmResult {
  const { Y, T0 } = input;
  const gate: GateThresholds = { ...DEFAULT_GATE, ...input.gate };
  const vMode = input.vMode ?? 'identity';
  const units = input.unitIds ?? Y.map((_, i) => (i === 0 ? 'treated' : `donor${i}`));
  if (!(T0 >= 1 && T0 < (Y[0]?.length ?? 0)))
    throw new RangeError(`T0 must leave at least one period on each side (got ${T0})`);
  const excludedSet = new Map((input.exclude ?? []).map((e) => [e.index, e.reason]));
  const donors = Y.map((_, i) => i).filter((i) => i > 0 && !excludedSet.has(i));
  const excluded = [...excludedSet].map(([i, reason]) => ({ unit: units[i] ?? String(i), reason }));

  const pred = buildPredictors(Y, T0, input);
  const predictorLabels = pred.kept.map((i) => pred.labels[i] ?? String(i));
  const rawKept = pred.kept.map((i) => pred.raw[i] as number[]);
  const fit = fitUnit(pred.scaled, rawKept, Y, 0, donors, T0, vMode, solver);
  const warnings: WarnMessage[] = [];

  const y1 = Y[0] as readonly number[];
  const preMean = (row: readonly number[]): number => row.slice(0, T0).reduce((s, x) => s + x, 0) / T0;
  const treatedPreMean = preMean(y1);
  const donorPreMeans = donors.map((d) => preMean(Y[d] as readonly number[]));
  const withinHull =
    donors.length > 0 &&
    treatedPreMean >= Math.min(...donorPreMeans) &&
    treatedPreMean <= Math.max(...donorPreMeans);
  const nonZeroDonors = donors.filter((d) => (Y[d] as readonly number[]).some((x) => x !== 0)).length;
  const rmspeShare = treatedPreMean > 0 ? fit.rmspePre / treatedPreMean : Infinity;
  const passed =
    fit.status === 'optimal' &&
    rmspeShare <= gate.maxRmspeShare &&
    withinHull &&
    nonZeroDonors >= gate.minNonZeroDonors;

  if (fit.status !== 'optimal') {
    warnings.push({
      code: 'QP_NOT_OPTIMAL',
      severity: 'block',
      message: `The weight QP ended with status ${fit.status}; no estimate is reported.`,
    });
  }
  if (!passed && fit.status === 'optimal') {
    const reasons: string[] = [];
    if (!(rmspeShare <= gate.maxRmspeShare))
      reasons.push(
        `pre-period RMSPE is ${(100 * rmspeShare).toFixed(1)} % of the treated mean (limit ${100 * gate.maxRmspeShare} %)`,
      );
    if (!withinHull)
      reasons.push("the treated pre-period mean lies outside the donors' range (extrapolation)");
    if (nonZeroDonors < gate.minNonZeroDonors)
      reasons.push(`only ${nonZeroDonors} donors have non-zero outcomes (need ${gate.minNonZeroDonors})`);
    warnings.push({
      code: 'SCM_PREFIT_FAIL',
      severity: 'block',
      message: `Pre-fit gate failed: ${reasons.join('; ')}. The trajectories are shown; the effect is not.`,
    });
  }
  if (donors.length < gate.fewDonors) {
    warnings.push({
      code: 'FEW_DONORS',
      severity: 'warn',
      message: `${donors.length} eligible donors: the placebo p-value cannot fall below 1/${donors.length + 1}. Synthetic control suits panels with many donors (e.g. provinces or countries).`,
    });
  }

  const result: ScmResult = {
    status: passed ? 'ok' : 'blocked',
    weights: donors.map((d, j) => ({ unit: units[d] ?? String(d), w: fit.w[j] ?? 0 })),
    v: fit.v,
    vMode,
    predictorLabels,
    balance: rawKept.map((row, r) => ({
      label: predictorLabels[r] ?? String(r),
      treated: row[0] as number,
      synthetic: donors.reduce((s, d, j) => s + (fit.w[j] ?? 0) * (row[d] as number), 0),
      donorMean: donors.reduce((s, d) => s + (row[d] as number), 0) / Math.max(1, donors.length),
    })),
    treated: [...y1],
    synthetic: fit.synthetic,
    gaps: fit.gaps,
    rmspePre: fit.rmspePre,
    rmspePost: fit.rmspePost,
    effect: fit.gaps.slice(T0).reduce((s, g) => s + g, 0) / (y1.length - T0),
    gate: { passed, rmspeShare, withinHull, nonZeroDonors, thresholds: gate },
    excluded,
    warnings,
  };
  if (fit.vSearch) result.vSearch = fit.vSearch;

  if ((input.placebos ?? true) && fit.status === 'optimal' && donors.length >= 2) {
    const ratio = (pre: number, post: number): number => (pre > 0 ? post / pre : post > 0 ? Infinity : 0);
    const treatedFit: UnitFit = {
      unit: units[0] ?? 'treated',
      status: fit.status,
      rmspePre: fit.rmspePre,
      rmspePost: fit.rmspePost,
      ratio: ratio(fit.rmspePre, fit.rmspePost),
    };
    const placeboGaps: { unit: string; gaps: number[] }[] = [];
    const placebos: UnitFit[] = donors.map((d) => {
      const others = donors.filter((o) => o !== d);
      const f = fitUnit(pred.scaled, rawKept, Y, d, others, T0, vMode, solver);
      if (input.placeboGaps) placeboGaps.push({ unit: units[d] ?? String(d), gaps: f.gaps });
      return {
        unit: units[d] ?? String(d),
        status: f.status,
        rmspePre: f.rmspePre,
        rmspePost: f.rmspePost,
        ratio: ratio(f.rmspePre, f.rmspePost),
      };
    });
    const usable = placebos.filter((p) => p.status === 'optimal');
    const pOf = (set: readonly UnitFit[]): number =>
      (1 + set.filter((p) => p.ratio >= treatedFit.ratio).length) / (set.length + 1);
    const filtered = usable.filter((p) => p.rmspePre <= gate.placeboPreMultiple * fit.rmspePre);
    result.placebo = {
      units: [treatedFit, ...placebos],
      p: pOf(usable),
      pFiltered: pOf(filtered),
      kept: filtered.length,
      ...(input.placeboGaps ? { gaps: placeboGaps } : {}),
    };
    if (usable.length < placebos.length) {
      warnings.push({
        code: 'PLACEBO_QP_FAILED',
        severity: 'warn',
        message: `${placebos.length - usable.length} placebo fit(s) did not solve and were left out of the p-value.`,
      });
    }
  }
  return result;
}

/** In-time placebo: the same analysis on pre-period data only, with a fake T0 inside it. */
export function scmInTimePlacebo(input: ScmInput, fakeT0: number, solver: QpSolver): ScmResult {
  if (!(fakeT0 >= 1 && fakeT0 < input.T0))
    throw new RangeError(`the fake T0 must lie inside the pre-period (got ${fakeT0})`);
  const Y = input.Y.map((row) => row.slice(0, input.T0));
  return syntheticControl({ ...input, Y, T0: fakeT0, placebos: false }, solver);
}
