import { neweyWestLag, vcovHAC } from '../covariance/estimators.ts';
import type { Covariance } from '../covariance/types.ts';
import { ljungBox } from '../descriptive/ljungBox.ts';
import { check, StatsError } from '../errors.ts';
import { fitNb2, type Nb2Fit } from '../glm/nb2.ts';
import { avertedEvents, bootstrapCounterfactual, counterfactualMeans } from './counterfactual.ts';
import { buildItsDesign } from './design.ts';
import { waldEffect } from './effects.ts';
import { placeboBreaks } from './placebo.ts';
import type { EstimateWarning, ItsInput, ItsPlacebo, ItsResult } from './types.ts';

/** Fewer months than this on either side blocks the estimate; up to FEW_SIDE − 1 more warns. */
const MIN_SIDE = 8;
const FEW_SIDE = 12;

/**
 * Interrupted time series, NB2 segmented regression (EVALUATION.md §4.3): builds the design, fits
 * NB2 by ML, HAC (Bartlett) covariance with α treated as known, level/slope/pre-trend IRRs,
 * counterfactual with a seeded parametric-bootstrap band, averted events, placebo breaks, and the
 * checks (TOO_FEW_POINTS, FEW_POINTS, AUTOCORRELATION, SPARSE, OVERLAPPING_INTERVENTIONS,
 * NO_EXPOSURE, SOURCE_SWITCH_MODELLED, ALPHA_ZERO, GLM_NOT_CONVERGED, PLACEBO_DISAGREES).
 * Design grade, inputsHash and the `Estimate` envelope are the caller's.
 */
export function runIts(input: ItsInput): ItsResult {
  const n = input.months;
  const conf = input.conf ?? 0.95;
  check(input.y.length === n, `ITS: ${input.y.length} counts for ${n} months`);
  const design = buildItsDesign(input);
  const warnings: EstimateWarning[] = [];
  const warn = (code: string, severity: EstimateWarning['severity'], message: string): void => {
    warnings.push({ code, severity, message });
  };

  let offset: Float64Array | undefined;
  if (input.exposure) {
    check(input.exposure.length === n, 'ITS: exposure length differs from months');
    check(
      input.exposure.every((e) => e > 0 && Number.isFinite(e)),
      'ITS: exposure must be > 0',
    );
    offset = Float64Array.from(input.exposure, Math.log);
  } else {
    warn('NO_EXPOSURE', 'info', 'No exposure series: rates are per area-month, not per transit.');
  }
  for (const s of design.modelledSwitches)
    warn('SOURCE_SWITCH_MODELLED', 'info', `A source switch at month ${s} is modelled as a step.`);

  const preMonths = input.t0Index;
  let postMonths = 0;
  for (let i = input.t0Index; i < n; i++) if (design.weights[i]! > 0) postMonths++;
  const shortest = Math.min(preMonths, postMonths);
  if (shortest < MIN_SIDE)
    warn(
      'TOO_FEW_POINTS',
      'block',
      `Only ${shortest} months on one side of T0 (at least ${MIN_SIDE} needed).`,
    );
  else if (shortest < FEW_SIDE) warn('FEW_POINTS', 'warn', `Only ${shortest} months on one side of T0.`);
  const zeros = input.y.filter((v) => v === 0).length;
  if (zeros > n / 2) warn('SPARSE', 'warn', `${zeros} of ${n} months are zero; consider quarters.`);
  const overlapping = (input.otherInterventions ?? []).filter((r) => Math.abs(r - input.t0Index) <= 12);
  if (overlapping.length > 0)
    warn(
      'OVERLAPPING_INTERVENTIONS',
      'warn',
      `${overlapping.length} other intervention(s) within ±12 months of T0.`,
    );

  const hacLag = input.hacLag ?? neweyWestLag(n);
  const empty = (): ItsResult => ({
    design,
    fit: null,
    covariance: null,
    hacLag,
    level: null,
    slope: null,
    preTrend: null,
    fitted: new Float64Array(n).fill(Number.NaN),
    counterfactual: new Float64Array(n).fill(Number.NaN),
    counterfactualBand: null,
    averted: { estimate: Number.NaN, ci: null, draws: 0 },
    placebo: null,
    ljungBox: null,
    warnings,
    blocked: true,
    diagnostics: { months: n, preMonths, postMonths, zeros },
  });
  if (shortest < MIN_SIDE) return empty();

  let fit: Nb2Fit;
  try {
    fit = fitNb2(design.design, input.y, {
      weights: design.weights,
      ...(offset ? { offset } : {}),
    });
  } catch (e) {
    if (!(e instanceof StatsError)) throw e;
    warn(e.code, 'block', e.message);
    return empty();
  }
  if (fit.alphaAtBound === 'lower')
    warn('ALPHA_ZERO', 'info', 'α reached its lower bound: the Poisson fit is reported.');
  if (fit.alphaAtBound === 'upper')
    warn('ALPHA_AT_UPPER_BOUND', 'warn', 'α reached e^5: the NB2 fit is suspect.');
  if (!fit.converged)
    warn('GLM_NOT_CONVERGED', 'block', 'The NB2 fit did not converge; no estimate is reported.');

  const cov: Covariance = vcovHAC(fit, { lag: hacLag });
  const level = waldEffect(fit.coefficients, cov, design.columns.level, conf);
  const slope = waldEffect(fit.coefficients, cov, design.columns.slope, conf);
  const preTrend = waldEffect(fit.coefficients, cov, design.columns.preTrend, conf);
  const { fitted, counterfactual } = counterfactualMeans(design, fit.coefficients, offset);
  const averted = avertedEvents(design, fitted, counterfactual);

  const draws = input.bootstrapDraws ?? 2000;
  const boot =
    draws > 0
      ? bootstrapCounterfactual(design, fit.coefficients, cov, offset, draws, input.seed, conf)
      : null;

  const pearson: number[] = [];
  for (let i = 0; i < n; i++) {
    if (design.weights[i] === 0) continue;
    const m = fit.mu[i]!;
    pearson.push((input.y[i]! - m) / Math.sqrt(m + fit.alpha * m * m));
  }
  let lb: { q: number; pValue: number } | null = null;
  const lbLag = Math.min(12, pearson.length - 1);
  if (lbLag >= 1 && pearson.some((v) => v !== pearson[0])) {
    const r = ljungBox(pearson, lbLag);
    lb = { q: r.q[lbLag - 1]!, pValue: r.pValue[lbLag - 1]! };
    if (lb.pValue < 0.05)
      warn('AUTOCORRELATION', 'warn', `Ljung–Box on Pearson residuals: p = ${lb.pValue.toPrecision(2)}.`);
  }

  let placebo: ItsPlacebo | null = null;
  if (input.placebo !== false) {
    placebo = placeboBreaks(input, input.y, offset, level.z, slope.z, input.hacLag);
    if (placebo && placebo.count > 0) {
      const disagrees =
        (level.pValue < 0.05 && placebo.pLevel > 0.1) || (slope.pValue < 0.05 && placebo.pSlope > 0.1);
      if (disagrees)
        warn('PLACEBO_DISAGREES', 'warn', 'The HAC p-value is < 0.05 but placebo breaks give p > 0.10.');
    }
  }

  return {
    design,
    fit,
    covariance: cov,
    hacLag,
    level,
    slope,
    preTrend,
    fitted,
    counterfactual,
    counterfactualBand: boot ? { lower: boot.lower, upper: boot.upper } : null,
    averted: { estimate: averted, ci: boot ? boot.avertedCi : null, draws },
    placebo,
    ljungBox: lb,
    warnings,
    blocked: warnings.some((w) => w.severity === 'block'),
    diagnostics: {
      months: n,
      preMonths,
      postMonths,
      zeros,
      alpha: fit.alpha,
      iterations: fit.iterations,
      outerIterations: fit.outerIterations,
      hacLag,
      harmonics: design.harmonics,
      solver: fit.solver,
    },
  };
}
