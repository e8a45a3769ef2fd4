/**
 * Early-warning baseline (EVALUATION.md §4.8): for each month t, an NB2 fit with trend and
 * Fourier K = 1 on the trailing 36-month window ending at t − 1 predicts the in-control mean
 * μ̂_t and dispersion α̂. The window never includes t itself, so an outbreak cannot pull its
 * own baseline up and mask itself.
 *
 * The count-model fit is injected (`CountFitter`): the GLM module (§5.3) is written separately,
 * and this module must not depend on its internals. The orchestrator passes a fitter that wraps
 * the package's NB2 maximum-likelihood fit.
 */
import type { WarnMessage } from './types.ts';

/** Result of a count-model fit: coefficients on the design's columns, NB2 α (0 = Poisson). */
export interface CountFit {
  beta: readonly number[];
  alpha: number;
  converged: boolean;
}

/** Fits ln μ = Xβ + offset to counts y (rows of X align with y). */
export type CountFitter = (
  y: readonly number[],
  X: readonly (readonly number[])[],
  offset: readonly number[],
) => CountFit;

export interface BaselineOptions {
  /** Calendar month (1–12) of y[0]; the series is consecutive months. */
  startMonth: number;
  /** Optional exposure per month (offset ln E); missing = 1. */
  exposure?: readonly number[];
  /** Trailing window length (default 36 months). */
  window?: number;
  /** Minimum observed months in the window (default 24). */
  minMonths?: number;
}

export interface BaselinePoint {
  /** In-control mean for month t, or null when no baseline could be fitted. */
  mu: number | null;
  alpha: number | null;
  status: 'ok' | 'insufficient' | 'not_converged';
}

export interface BaselineResult {
  points: BaselinePoint[];
  warnings: WarnMessage[];
}

/** Design row: intercept, trend (months relative to the forecast month), sin and cos of the calendar month. */
function designRow(t: number, target: number, startMonth: number): number[] {
  const m = ((startMonth - 1 + t) % 12) + 1;
  const angle = (2 * Math.PI * m) / 12;
  return [1, t - target, Math.sin(angle), Math.cos(angle)];
}

/** Rolling one-step-ahead NB2 baseline for every month of y (null = missing month, never a zero). */
export function rollingBaseline(
  y: readonly (number | null)[],
  fit: CountFitter,
  options: BaselineOptions,
): BaselineResult {
  const window = options.window ?? 36;
  const minMonths = options.minMonths ?? 24;
  const expo = (t: number): number => options.exposure?.[t] ?? 1;
  const points: BaselinePoint[] = [];
  let insufficient = 0;
  let failed = 0;
  for (let t = 0; t < y.length; t += 1) {
    const ys: number[] = [];
    const X: number[][] = [];
    const off: number[] = [];
    for (let s = Math.max(0, t - window); s < t; s += 1) {
      const v = y[s];
      if (v === null || v === undefined) continue;
      ys.push(v);
      X.push(designRow(s, t, options.startMonth));
      off.push(Math.log(expo(s)));
    }
    if (ys.length < minMonths) {
      insufficient += 1;
      points.push({ mu: null, alpha: null, status: 'insufficient' });
      continue;
    }
    const f = fit(ys, X, off);
    if (!f.converged) {
      failed += 1;
      points.push({ mu: null, alpha: null, status: 'not_converged' });
      continue;
    }
    const x = designRow(t, t, options.startMonth);
    const eta = x.reduce((s, xi, i) => s + xi * (f.beta[i] ?? 0), Math.log(expo(t)));
    points.push({ mu: Math.exp(eta), alpha: f.alpha, status: 'ok' });
  }
  const warnings: WarnMessage[] = [];
  if (insufficient > 0) {
    warnings.push({
      code: 'INSUFFICIENT_BASELINE',
      severity: insufficient === y.length ? 'block' : 'warn',
      message: `${insufficient} month(s) had fewer than ${minMonths} observed months in the trailing ${window}-month window; no alarms are issued for them.`,
    });
  }
  if (failed > 0) {
    warnings.push({
      code: 'BASELINE_NOT_CONVERGED',
      severity: 'warn',
      message: `The baseline fit did not converge for ${failed} month(s); no alarms are issued for them.`,
    });
  }
  return { points, warnings };
}
