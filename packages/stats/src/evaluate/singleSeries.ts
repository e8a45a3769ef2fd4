import { StatsError } from '../errors.ts';
import { runComparativeIts, runIts } from '../its/index.ts';
import { beforeAfter } from '../rates/index.ts';
import {
  blockedEstimate,
  contiguousSpan,
  envelope,
  sumExposure,
  sumSeries,
  type Context,
} from './context.ts';
import type { Estimate, EstimateWarning, EvaluationSeries } from './types.ts';

/**
 * The single-series methods on the treated aggregate (the sum over treated areas): §4.2
 * before/after and §4.3 ITS. Both need consecutive observed months, so they use the longest
 * non-missing run around T0; the months outside it are counted in `excluded.missingMonths`.
 */
interface Series {
  y: number[];
  exposure: number[] | undefined;
  span: [number, number];
  t0: number;
  missing: number;
}

function treatedSeries(ctx: Context): Series | EstimateWarning {
  const treated = ctx.areas.filter((a) => a.role === 'treated');
  if (treated.length === 0)
    return { code: 'NO_TREATED_AREA', severity: 'block', message: 'No treated area in the panel.' };
  const n = ctx.months.length;
  const y = sumSeries(
    treated.map((a) => a.y),
    n,
  );
  const span = contiguousSpan(y, ctx.t0Index);
  if (!span)
    return {
      code: 'MISSING_AT_T0',
      severity: 'block',
      message: 'The treated series is missing in the month before T0 or at T0.',
    };
  const exposure = sumExposure(treated, n);
  return {
    y: y.slice(span[0], span[1]) as number[],
    exposure: exposure?.slice(span[0], span[1]),
    span,
    t0: ctx.t0Index - span[0],
    missing: n - (span[1] - span[0]),
  };
}

export function beforeAfterEstimate(ctx: Context): Estimate {
  const estimand = 'rate ratio after/before T0 (treated areas)';
  const s = treatedSeries(ctx);
  if ('code' in s) return blockedEstimate(ctx, 'before_after', estimand, s);
  const shift = (r: number): number => r - s.span[0];
  const switches = ctx.switches.map(shift);
  try {
    const r = beforeAfter({
      y: s.y,
      ...(s.exposure ? { exposure: s.exposure } : {}),
      t0Index: s.t0,
      ...(ctx.config.beforeAfter?.windowMonths ? { windowMonths: ctx.config.beforeAfter.windowMonths } : {}),
      transitionMonths: ctx.config.transitionMonths ?? 0,
      confounders: [...ctx.others.map(shift), ...switches],
    });
    const inWindow = (i: number): boolean =>
      (i >= r.pre[0] && i < r.pre[1]) || (i >= r.post[0] && i < r.post[1]);
    const unmodelled = switches.filter(inWindow).length;
    const warnings = [...r.warnings];
    if (unmodelled > 0)
      warnings.push({
        code: 'SOURCE_SWITCH_UNMODELLED',
        severity: 'warn',
        message: `${unmodelled} source switch(es) inside the windows; the rate ratio cannot model them.`,
      });
    if (!s.exposure)
      warnings.push({
        code: 'NO_EXPOSURE',
        severity: 'info',
        message: 'Rates are per area-month, not per transit.',
      });
    const m = (i: number): string => ctx.months[i + s.span[0]]!;
    return envelope(
      ctx,
      {
        method: 'before_after',
        estimand,
        estimate: r.rateRatio,
        ci95: r.ci,
        ciMethod: r.ciMethod,
        pValue: r.exact.pValue,
        warnings,
        diagnostics: {
          y0: r.y0,
          y1: r.y1,
          e0: r.e0,
          e1: r.e1,
          phi: r.phi,
          preFrom: m(r.pre[0]),
          preTo: m(r.pre[1] - 1),
          postFrom: m(r.post[0]),
          postTo: m(r.post[1] - 1),
          exactLower: r.exact.ci[0],
          exactUpper: r.exact.ci[1],
          percentChange: 100 * (r.rateRatio - 1),
        },
      },
      { unmodelledSourceSwitches: unmodelled },
      { missingMonths: s.missing },
    );
  } catch (e) {
    if (!(e instanceof StatsError)) throw e;
    return blockedEstimate(ctx, 'before_after', estimand, {
      code: e.code,
      severity: 'block',
      message: e.message,
    });
  }
}

export function itsEstimate(ctx: Context, series: EvaluationSeries): Estimate {
  const estimand = 'level change at T0 (IRR, treated areas)';
  const s = treatedSeries(ctx);
  if ('code' in s) return blockedEstimate(ctx, 'interrupted_time_series', estimand, s);
  const shift = (r: number): number => r - s.span[0];
  const cfg = ctx.config.its ?? {};
  try {
    const r = runIts({
      months: s.y.length,
      startMonth: ((ctx.startMonth - 1 + s.span[0]) % 12) + 1,
      t0Index: s.t0,
      ...(cfg.harmonics !== undefined ? { harmonics: cfg.harmonics } : {}),
      sourceSwitches: ctx.switches.map(shift),
      transitionMonths: ctx.config.transitionMonths ?? 0,
      y: s.y,
      ...(s.exposure ? { exposure: s.exposure } : {}),
      ...(cfg.hacLag !== undefined ? { hacLag: cfg.hacLag } : {}),
      otherInterventions: ctx.others.map(shift),
      seed: ctx.config.seed,
      bootstrapDraws: ctx.full ? (cfg.bootstrapDraws ?? 2000) : 0,
      placebo: ctx.full,
    });
    const n = ctx.months.length;
    const place = (v: Float64Array | undefined): (number | null)[] =>
      Array.from({ length: n }, (_, t) => (v && t >= s.span[0] && t < s.span[1] ? v[t - s.span[0]]! : null));
    series.its = {
      fitted: place(r.fitted),
      counterfactual: place(r.counterfactual),
      band: r.counterfactualBand
        ? { lower: place(r.counterfactualBand.lower), upper: place(r.counterfactualBand.upper) }
        : null,
    };
    const d: Record<string, number | string | boolean> = { ...r.diagnostics };
    if (r.slope && r.preTrend) {
      Object.assign(d, {
        slopeIrr: r.slope.irr,
        slopeLower: r.slope.ci[0],
        slopeUpper: r.slope.ci[1],
        slopeP: r.slope.pValue,
        preTrendIrr: r.preTrend.irr,
        levelPercentChange: r.level!.percentChange,
        averted: r.averted.estimate,
        bootstrapDraws: r.averted.draws,
        alphaHeldFixed: true,
      });
      if (r.averted.ci) Object.assign(d, { avertedLower: r.averted.ci[0], avertedUpper: r.averted.ci[1] });
      if (r.placebo)
        Object.assign(d, {
          placeboCount: r.placebo.count,
          placeboPLevel: r.placebo.pLevel,
          placeboPSlope: r.placebo.pSlope,
        });
      if (r.ljungBox) Object.assign(d, { ljungBoxQ: r.ljungBox.q, ljungBoxP: r.ljungBox.pValue });
    }
    d.spanFrom = ctx.months[s.span[0]]!;
    d.spanTo = ctx.months[s.span[1] - 1]!;
    return envelope(
      ctx,
      {
        method: 'interrupted_time_series',
        estimand,
        estimate: r.level?.irr ?? Number.NaN,
        ci95: r.level?.ci ?? [Number.NaN, Number.NaN],
        ciMethod: `NB2 ML, ${r.covariance?.kind ?? 'HAC'} (α treated as known)`,
        ...(r.level ? { pValue: r.level.pValue } : {}),
        warnings: r.warnings,
        diagnostics: d,
      },
      {},
      { missingMonths: s.missing },
    );
  } catch (e) {
    if (!(e instanceof StatsError)) throw e;
    return blockedEstimate(ctx, 'interrupted_time_series', estimand, {
      code: e.code,
      severity: 'block',
      message: e.message,
    });
  }
}

/**
 * Comparative ITS (§4.3, level 3): the treated aggregate against the comparison aggregate, every
 * term interacted with the treated indicator; the effect is the treated level change net of the
 * comparison's. Uses the longest run around T0 where both aggregates are observed.
 */
export function comparativeItsEstimate(ctx: Context): Estimate {
  const estimand = 'level change at T0 relative to the comparison series (IRR)';
  const n = ctx.months.length;
  const treated = ctx.areas.filter((a) => a.role === 'treated');
  const comparison = ctx.areas.filter((a) => a.role === 'comparison');
  const yT = sumSeries(
    treated.map((a) => a.y),
    n,
  );
  const yC = sumSeries(
    comparison.map((a) => a.y),
    n,
  );
  const both = yT.map((v, t) => (v === null || yC[t] === null ? null : v));
  const span = treated.length > 0 && comparison.length > 0 ? contiguousSpan(both, ctx.t0Index) : null;
  if (!span)
    return blockedEstimate(
      ctx,
      'interrupted_time_series',
      estimand,
      { code: 'MISSING_AT_T0', severity: 'block', message: 'No treated and comparison months around T0.' },
      'comparative',
    );
  const [a, b] = span;
  const eT = sumExposure(treated, n)?.slice(a, b);
  const eC = sumExposure(comparison, n)?.slice(a, b);
  const cfg = ctx.config.its ?? {};
  try {
    const r = runComparativeIts({
      months: b - a,
      startMonth: ((ctx.startMonth - 1 + a) % 12) + 1,
      t0Index: ctx.t0Index - a,
      ...(cfg.harmonics !== undefined ? { harmonics: cfg.harmonics } : {}),
      sourceSwitches: ctx.switches.map((s) => s - a),
      transitionMonths: ctx.config.transitionMonths ?? 0,
      yTreated: yT.slice(a, b) as number[],
      yComparison: yC.slice(a, b) as number[],
      ...(eT ? { exposureTreated: eT } : {}),
      ...(eC ? { exposureComparison: eC } : {}),
      ...(cfg.hacLag !== undefined ? { hacLag: cfg.hacLag } : {}),
    });
    const warnings: EstimateWarning[] = [];
    if (!r.fit.converged)
      warnings.push({
        code: 'GLM_NOT_CONVERGED',
        severity: 'block',
        message: 'The NB2 fit did not converge.',
      });
    const pre = ctx.t0Index - a;
    const post = b - ctx.t0Index - (ctx.config.transitionMonths ?? 0);
    if (Math.min(pre, post) < 8)
      warnings.push({
        code: 'TOO_FEW_POINTS',
        severity: 'block',
        message: `Only ${Math.min(pre, post)} months on one side of T0.`,
      });
    else if (Math.min(pre, post) < 12)
      warnings.push({
        code: 'FEW_POINTS',
        severity: 'warn',
        message: `Only ${Math.min(pre, post)} months on one side of T0.`,
      });
    if (ctx.others.some((o) => Math.abs(o - ctx.t0Index) <= 12))
      warnings.push({
        code: 'OVERLAPPING_INTERVENTIONS',
        severity: 'warn',
        message: 'Other interventions within ±12 months of T0.',
      });
    return envelope(
      ctx,
      {
        method: 'interrupted_time_series',
        variant: 'comparative',
        estimand,
        estimate: r.level.irr,
        ci95: r.level.ci,
        ciMethod: `NB2 ML (shared α), ${r.covariance.kind} (Driscoll–Kraay)`,
        pValue: r.level.pValue,
        warnings,
        diagnostics: {
          slopeIrr: r.slope.irr,
          slopeLower: r.slope.ci[0],
          slopeUpper: r.slope.ci[1],
          preTrendDifferenceIrr: r.preTrendDifference.irr,
          alpha: r.fit.alpha,
          hacLag: r.hacLag,
          spanFrom: ctx.months[a]!,
          spanTo: ctx.months[b - 1]!,
          comparisonAreas: comparison.length,
        },
      },
      {},
      { missingMonths: n - (b - a) },
    );
  } catch (e) {
    if (!(e instanceof StatsError)) throw e;
    return blockedEstimate(
      ctx,
      'interrupted_time_series',
      estimand,
      { code: e.code, severity: 'block', message: e.message },
      'comparative',
    );
  }
}
