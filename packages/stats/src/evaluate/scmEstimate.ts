import { syntheticControl } from '../scm/index.ts';
import { blockedEstimate, envelope, sumSeries, type Context } from './context.ts';
import type { Estimate, EvaluationDeps, EvaluationSeries } from './types.ts';

/**
 * Synthetic control (EVALUATION.md §4.5) on the treated aggregate against the comparison areas as
 * donors; the neighbour ring is excluded (and listed). Donors with a missing month in the window
 * are left out (missing is never zero) and counted. The outcome is the rate per exposure (default)
 * or ln(1 + y). The QP solver is injected so the API can run it in a worker.
 */
export function scmEstimate(ctx: Context, deps: EvaluationDeps, series: EvaluationSeries): Estimate {
  const estimand = 'mean post-period gap, treated − synthetic (outcome per area-month)';
  if (!deps.qpSolver)
    return blockedEstimate(ctx, 'synthetic_control', estimand, {
      code: 'NO_QP_SOLVER',
      severity: 'block',
      message: 'No QP solver was supplied.',
    });
  const n = ctx.months.length;
  const outcome = ctx.config.scm?.outcome ?? 'rate';
  const treated = ctx.areas.filter((a) => a.role === 'treated');
  const y1 = sumSeries(
    treated.map((a) => a.y),
    n,
  );
  if (y1.some((v) => v === null))
    return blockedEstimate(ctx, 'synthetic_control', estimand, {
      code: 'MISSING_TREATED_MONTHS',
      severity: 'block',
      message: 'The treated series has missing months in the window.',
    });
  const e1 = Array.from({ length: n }, (_, t) => treated.reduce((s, a) => s + (a.exposure?.[t] ?? 1), 0));
  const tr = (y: readonly (number | null)[], e: readonly number[]): number[] =>
    y.map((v, t) => (outcome === 'rate' ? (v as number) / e[t]! : Math.log1p(v as number)));
  const donorsAll = ctx.areas.filter((a) => a.role === 'comparison');
  const donors = donorsAll.filter((a) => a.y.every((v) => v !== null));
  const neighbours = ctx.areas.filter((a) => a.role === 'neighbour');
  const Y = [tr(y1, e1), ...donors.map((a) => tr(a.y, a.exposure ?? new Array<number>(n).fill(1)))];
  const units = ['treated', ...donors.map((a) => a.key)];
  const full = ctx.full;
  const r = syntheticControl(
    {
      Y,
      T0: ctx.t0Index,
      unitIds: units,
      vMode: ctx.config.scm?.vMode ?? 'identity',
      placebos: full,
      placeboGaps: full,
      ...(ctx.config.thresholds?.scmGate ? { gate: ctx.config.thresholds.scmGate } : {}),
    },
    deps.qpSolver,
  );
  // The placebo fits behind the p-value also give the chart's placebo gaps (one fit per donor).
  const placeboGaps = r.placebo?.gaps ?? [];
  series.scm = {
    unit: treated.map((a) => a.key).join('+'),
    treated: r.treated,
    synthetic: r.synthetic,
    gaps: r.gaps,
    placeboGaps,
    weights: r.weights,
  };
  const warnings = [...r.warnings];
  if (neighbours.length > 0)
    warnings.push({
      code: 'NEIGHBOURS_EXCLUDED',
      severity: 'info',
      message: `${neighbours.length} neighbour area(s) excluded from the donors.`,
    });
  return envelope(
    ctx,
    {
      method: 'synthetic_control',
      estimand,
      estimate: r.effect,
      ci95: [Number.NaN, Number.NaN],
      ciMethod: 'none: placebo-in-space p-value (rank of RMSPE ratio)',
      ...(r.placebo ? { pValue: r.placebo.p } : {}),
      warnings,
      diagnostics: {
        outcome,
        donors: donors.length,
        rmspePre: r.rmspePre,
        rmspePost: r.rmspePost,
        gatePassed: r.gate.passed,
        rmspeShare: r.gate.rmspeShare,
        withinHull: r.gate.withinHull,
        ...(r.placebo ? { placeboPFiltered: r.placebo.pFiltered, placeboKept: r.placebo.kept } : {}),
      },
    },
    { comparisonUnits: donors.length, scmGatePassed: r.gate.passed },
    { donorsWithMissingMonths: donorsAll.length - donors.length },
  );
}
