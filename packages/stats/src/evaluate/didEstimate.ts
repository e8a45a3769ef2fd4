import {
  displacementCheck,
  eventStudy,
  poissonTwfe,
  randomisationInference,
  staggeredDid,
  twfeTau,
  twoByTwo,
  type DidEffect,
  type DidPanel,
  type RandomisationResult,
} from '../did/index.ts';
import { normalQuantile } from '../dists/index.ts';
import { StatsError } from '../errors.ts';
import { blockedEstimate, envelope, monthDiff, type Context } from './context.ts';
import type { Estimate, EstimateWarning, EvaluationSeries } from './types.ts';

/**
 * DiD for the evaluation (EVALUATION.md §4.4). Treated areas against the comparison areas; the
 * neighbour ring is never a control. One adoption date → Poisson TWFE headline, event study with
 * the pre-trend verdict, 2×2 as a supporting estimate. Several dates → Wooldridge's extended TWFE
 * as the headline (plain TWFE never is). With fewer than 30 areas, FEW_CLUSTERS and (full profile)
 * randomisation inference gives the headline p. Neighbours → displacement check and, when
 * displacement is likely, the net estimate for treated ∪ ring.
 */
export function didEstimates(
  ctx: Context,
  series: EvaluationSeries,
): { headline: Estimate; supporting: Estimate[] } {
  const thr = ctx.config.thresholds ?? {};
  const fewClusters = thr.fewClusters ?? 30;
  const binMonths = ctx.config.did?.binMonths ?? 12;
  const transition = ctx.config.transitionMonths ?? 0;
  const used = ctx.areas.filter((a) => a.role !== 'neighbour');
  const adoption = used.map((a) =>
    a.role === 'treated' ? (a.adoption ? monthDiff(ctx.months[0]!, a.adoption) : ctx.t0Index) : null,
  );
  const staggered = new Set(adoption.filter((g) => g !== null)).size > 1;
  const excludedPeriods = staggered ? [] : Array.from({ length: transition }, (_, i) => ctx.t0Index + i);
  const panel: DidPanel = {
    units: used.map((a) => a.key),
    y: used.map((a) => a.y),
    ...(used.some((a) => a.exposure)
      ? { exposure: used.map((a) => a.exposure ?? new Array<number>(ctx.months.length).fill(1)) }
      : {}),
    adoption,
    excludedPeriods,
  };
  const comparison = adoption.filter((g) => g === null).length;
  const estimand = staggered
    ? 'overall ATT of the engagement (IRR, extended Poisson TWFE)'
    : 'effect of the engagement on treated areas (IRR, Poisson TWFE)';
  const variant = staggered ? 'staggered' : 'twfe';
  const warnings: EstimateWarning[] = [];
  const warn = (code: string, severity: EstimateWarning['severity'], message: string): void => {
    warnings.push({ code, severity, message });
  };
  const supporting: Estimate[] = [];
  try {
    let headline: DidEffect;
    let clusters: number;
    let covKind: string;
    let missingCells = 0;
    const d: Record<string, number | string | boolean> = { comparisonUnits: comparison, binMonths };
    let pretrend: 'pass' | 'fail' | null = null;
    let statistic: (a: readonly (number | null)[]) => number;
    if (staggered) {
      const r = staggeredDid(panel, {
        binWidth: binMonths,
        ...(ctx.config.did?.lags !== undefined ? { lags: ctx.config.did.lags } : {}),
      });
      headline = r.overall;
      clusters = r.clusters;
      covKind = r.covarianceKind === 'CR1' ? 'CR1 by area' : r.covariance.kind;
      warn(
        'STAGGERED_ADOPTION',
        'info',
        `${r.cohorts.length} adoption cohorts: Wooldridge's extended Poisson TWFE is the headline; controls are not-yet- and ${r.controls === 'never_treated' ? 'never' : 'last'}-treated areas.`,
      );
      Object.assign(d, {
        cohorts: r.cohorts.length,
        controls: r.controls,
        pretrendWald: r.pretrend.wald.statistic,
        pretrendDf: r.pretrend.wald.df,
        pretrendP: r.pretrend.wald.pValue,
      });
      r.byEventTime.forEach((b) => Object.assign(d, { [`tau_e${b.e}`]: b.effect.irr }));
      // The plot for staggered adoption: τ(e) after adoption, and each cohort's leads before it
      // (k ≤ −2, against the controls), with the reference bin k = −1.
      const q = normalQuantile(0.975);
      series.eventStudy = {
        binMonths,
        verdict:
          r.pretrend.wald.df === 0
            ? 'untested'
            : r.pretrend.wald.pValue < (thr.pretrendAlpha ?? 0.1)
              ? 'fail'
              : 'pass',
        rule: 'wald (cohort leads)',
        points: [
          ...r.pretrend.leads.map((l) => ({
            k: l.k,
            fromMonth: l.k * binMonths,
            irr: Math.exp(l.theta),
            ci: [Math.exp(l.theta - q * l.se), Math.exp(l.theta + q * l.se)] as [number, number],
            reference: false,
            pooled: false,
            status: `cohort ${ctx.months[l.g] ?? l.g}`,
          })),
          {
            k: -1,
            fromMonth: -binMonths,
            irr: 1,
            ci: [1, 1] as [number, number],
            reference: true,
            pooled: false,
            status: 'reference',
          },
          ...r.byEventTime.map((b) => ({
            k: b.e,
            fromMonth: b.e * binMonths,
            irr: b.effect.irr,
            ci: b.effect.ci,
            reference: false,
            pooled: false,
            status: `tau(e), ${b.cohorts} cohort(s)`,
          })),
        ],
      };
      if (r.pretrend.wald.df > 0 && comparison >= (thr.minUnitsForWald ?? 5))
        pretrend = r.pretrend.wald.pValue < (thr.pretrendAlpha ?? 0.1) ? 'fail' : 'pass';
      statistic = (a) => {
        try {
          return staggeredDid({ ...panel, adoption: a }, { binWidth: binMonths }).overall.coefficient;
        } catch {
          return Number.NaN;
        }
      };
    } else {
      const r = poissonTwfe(panel);
      headline = r.effect;
      clusters = r.clusters;
      covKind = r.covarianceKind === 'CR1' ? 'CR1 by area' : r.covariance.kind;
      if (r.covarianceKind !== 'CR1') d.cr1Se = Math.sqrt(r.cr1.values[0]!);
      missingCells = r.missingCells;
      Object.assign(d, {
        fitIterations: r.fit.iterations,
        maxProjectionSweeps: r.fit.maxSweeps,
        absorbed: r.fit.absorbed,
        nObs: r.fit.nObs,
        separatedRows: r.fit.separated,
      });
      statistic = (a) => {
        try {
          return twfeTau({ ...panel, adoption: a });
        } catch {
          return Number.NaN;
        }
      };
      const es = eventStudy(panel, {
        binWidth: binMonths,
        ...(ctx.config.did?.leads !== undefined ? { leads: ctx.config.did.leads } : {}),
        ...(ctx.config.did?.lags !== undefined ? { lags: ctx.config.did.lags } : {}),
        ...(thr.minUnitsForWald !== undefined ? { minUnitsForWald: thr.minUnitsForWald } : {}),
        ...(thr.pretrendAlpha !== undefined ? { waldAlpha: thr.pretrendAlpha } : {}),
        ...(thr.ratioBand ? { ratioBand: thr.ratioBand } : {}),
      });
      pretrend = es.pretrend.verdict === 'untested' ? null : es.pretrend.verdict;
      if (es.pretrend.verdict === 'untested')
        warn(
          'PRETREND_UNTESTED',
          'warn',
          'No pre-period bin besides the reference: parallel trends cannot be checked.',
        );
      series.eventStudy = {
        binMonths,
        verdict: es.pretrend.verdict,
        rule: es.pretrend.rule,
        points: es.coefficients.map((c) => ({
          k: c.k,
          fromMonth: c.k * binMonths,
          irr: c.irr,
          ci: c.ci,
          reference: c.reference,
          pooled: c.pooled,
          status: c.status,
        })),
      };
      const pw = es.pretrend.window;
      Object.assign(d, {
        pretrendVerdict: es.pretrend.verdict,
        pretrendRule: es.pretrend.rule,
        pretrendWald: es.pretrend.wald.statistic,
        pretrendDf: es.pretrend.wald.df,
        pretrendP: es.pretrend.wald.pValue,
        pretrendOutsideBand: es.pretrend.outsideBand.length,
        pretrendMonths: pw.periods,
        pretrendFrom: ctx.months[ctx.t0Index + pw.fromPeriod] ?? '',
      });
      if (es.pretrend.untestable)
        warn(
          'PRETREND_UNTESTABLE',
          'info',
          `${comparison} comparison unit(s): the pre-trend cannot be tested; it fails if any pre-period IRR lies outside [2/3, 3/2].`,
        );
      if (es.pretrend.verdict === 'fail')
        warn(
          'PRETREND_FAIL',
          'warn',
          es.pretrend.rule === 'wald'
            ? `Pre-trend Wald p = ${es.pretrend.wald.pValue.toPrecision(2)} over ${pw.periods} pre-period months.`
            : `${es.pretrend.outsideBand.length} pre-period bin(s) with an IRR outside [2/3, 3/2] (k = ${es.pretrend.outsideBand.join(', ')}).`,
        );
      const wanted = thr.pretrendMonths ?? 36;
      if (pw.periods < wanted)
        warn(
          ctx.monthsCutBefore > 0 ? 'PRETREND_WINDOW_SHORTENED' : 'PRETREND_WINDOW_SHORT',
          'warn',
          `The pre-trend check covers ${pw.periods} months (${wanted} wanted)${ctx.monthsCutBefore > 0 ? '; the window was shortened, which can hide a diverging trend' : ''}.`,
        );
      const tb = twoByTwo(panel);
      supporting.push(
        envelope(
          ctx,
          {
            method: 'difference_in_differences',
            variant: 'two_by_two',
            estimand: 'ratio of after/before rate ratios, treated vs comparison (IRR)',
            estimate: tb.effect.irr,
            ci95: tb.effect.ci,
            ciMethod: 'Wald on ln IRR, SE = √φ·√Σ1/y',
            pValue: tb.effect.pValue,
            warnings: tb.undefinedRatio
              ? [{ code: 'RATE_RATIO_UNDEFINED', severity: 'block', message: 'A 2×2 cell has no events.' }]
              : [],
            diagnostics: {
              phi: tb.phi,
              ...Object.fromEntries(tb.cells.map((c) => [`y_${c.group}_${c.window}`, c.y])),
            },
          },
          { comparisonUnits: comparison, pretrend },
          {},
        ),
      );
    }
    d.clusters = clusters;
    let pValue = headline.pValue;
    let ri: RandomisationResult | null = null;
    if (clusters < fewClusters) {
      if (ctx.full) {
        ri = randomisationInference(panel.adoption, statistic, { seed: ctx.config.seed });
        pValue = ri.pValue;
        Object.assign(d, {
          riP: ri.pValue,
          riAssignments: ri.assignments,
          riExact: ri.exact,
          cr1P: headline.pValue,
        });
      }
      warn(
        'FEW_CLUSTERS',
        'warn',
        `${clusters} areas (< ${fewClusters}): CR1 standard errors are unreliable; ${ri ? `the p-value is from randomisation inference over ${ri.assignments} assignments` : 'randomisation inference is not run in the screening profile'}.`,
      );
    }
    if (ctx.switches.length > 0)
      warn(
        'SOURCE_SWITCH_ABSORBED',
        'info',
        'Source switches affect every area at once and are absorbed by the period effects.',
      );
    if (!used.some((a) => a.exposure))
      warn('NO_EXPOSURE', 'info', 'Rates are per area-month, not per transit.');

    let netReported = false;
    const neighbours = ctx.areas.filter((a) => a.role === 'neighbour');
    if (neighbours.length > 0 && !staggered) {
      const all = ctx.areas;
      const disp = displacementCheck({
        units: all.map((a) => a.key),
        y: all.map((a) => a.y),
        ...(all.some((a) => a.exposure)
          ? { exposure: all.map((a) => a.exposure ?? new Array<number>(ctx.months.length).fill(1)) }
          : {}),
        role: all.map((a) => a.role),
        adoption: all.map((a) => (a.role === 'treated' ? ctx.t0Index : null)),
        excludedPeriods,
        seed: ctx.config.seed,
        fewClusters: ctx.full ? fewClusters : 0,
      });
      Object.assign(d, {
        ringIrr: disp.ring.irr,
        ringLower: disp.ring.ci[0],
        ringUpper: disp.ring.ci[1],
        displacement: disp.verdict,
      });
      if (disp.verdict === 'DISPLACEMENT_LIKELY')
        warn(
          'DISPLACEMENT_LIKELY',
          'warn',
          `The neighbour ring rose relative to the controls (IRR ${disp.ring.irr.toFixed(2)}); the net estimate for treated ∪ ring is reported.`,
        );
      if (disp.verdict === 'DIFFUSION_OF_BENEFITS')
        warn(
          'DIFFUSION_OF_BENEFITS',
          'info',
          `The neighbour ring fell relative to the controls (IRR ${disp.ring.irr.toFixed(2)}).`,
        );
      const mk = (estimand: string, e: DidEffect, riRes: RandomisationResult | null): Estimate =>
        envelope(
          ctx,
          {
            method: 'difference_in_differences',
            variant: 'displacement',
            estimand,
            estimate: e.irr,
            ci95: e.ci,
            ciMethod: 'Poisson TWFE, CR1 by area',
            pValue: riRes ? riRes.pValue : e.pValue,
            warnings: [],
            diagnostics: {
              ringUnits: disp.ringUnits,
              controlUnits: disp.controlUnits,
              riUsed: riRes !== null,
            },
          },
          { comparisonUnits: disp.controlUnits },
          {},
        );
      supporting.push(mk('neighbour ring vs remaining controls (IRR)', disp.ring, disp.ringRi));
      if (disp.net) {
        netReported = true;
        supporting.push(mk('net effect on treated ∪ ring (IRR)', disp.net, disp.netRi));
      }
    }
    return {
      headline: envelope(
        ctx,
        {
          method: 'difference_in_differences',
          variant,
          estimand,
          estimate: headline.irr,
          ci95: headline.ci,
          ciMethod: `Poisson pseudo-ML, absorbed area and month effects (PPML-HDFE), ${covKind} (G = ${clusters} areas)`,
          pValue,
          warnings,
          diagnostics: {
            ...d,
            coefficient: headline.coefficient,
            se: headline.se,
            percentChange: headline.percentChange,
          },
        },
        { comparisonUnits: comparison, pretrend, netEstimateReported: netReported },
        { missingCells },
      ),
      supporting,
    };
  } catch (e) {
    if (!(e instanceof StatsError)) throw e;
    return {
      headline: blockedEstimate(
        ctx,
        'difference_in_differences',
        estimand,
        { code: e.code, severity: 'block', message: e.message },
        variant,
      ),
      supporting,
    };
  }
}
