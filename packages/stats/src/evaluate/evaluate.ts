import { buildContext, ENGINE_VERSION, monthDiff, sumSeries } from './context.ts';
import { didEstimates } from './didEstimate.ts';
import { canonicalJson, sha256Hex } from './hash.ts';
import { scmEstimate } from './scmEstimate.ts';
import { beforeAfterEstimate, comparativeItsEstimate, itsEstimate } from './singleSeries.ts';
import type {
  Estimate,
  EvaluationConfig,
  EvaluationDeps,
  EvaluationPanel,
  EvaluationResult,
  EvaluationSeries,
} from './types.ts';

/**
 * inputsHash = SHA-256 over the canonical JSON of the panel slice the methods read, the
 * configuration, the engine version and the caller's permitted-label hash (EVALUATION.md §0).
 * Results can be cached by it (§7).
 */
export function inputsHashOf(
  panel: EvaluationPanel,
  config: EvaluationConfig,
  hash: (text: string) => string = sha256Hex,
): string {
  return hash(
    canonicalJson({
      panel: { ...panel, ...sliceOf(panel, config) },
      config,
      engineVersion: ENGINE_VERSION,
      permittedLabelHash: config.permittedLabelHash ?? null,
    }),
  );
}

/** The months and area series inside the configured window: what the methods actually read. */
function sliceOf(
  panel: EvaluationPanel,
  config: EvaluationConfig,
): Pick<EvaluationPanel, 'months' | 'areas'> {
  const n = panel.months.length;
  const from = config.window?.from ? Math.max(0, monthDiff(panel.months[0]!, config.window.from)) : 0;
  const to = config.window?.to ? Math.min(n - 1, monthDiff(panel.months[0]!, config.window.to)) : n - 1;
  return {
    months: panel.months.slice(from, to + 1),
    areas: panel.areas.map((a) => ({
      ...a,
      y: a.y.slice(from, to + 1),
      ...(a.exposure ? { exposure: a.exposure.slice(from, to + 1) } : {}),
    })),
  };
}

/**
 * The pure evaluation orchestrator: one `Estimate` per requested method (the §4 shape, graded by
 * §4.6), supporting DiD estimates, and the chart series. Deterministic for a given panel, config
 * and seed; no IO, clock or ambient randomness. Numeric failures become `block` warnings on the
 * method concerned — one method failing never hides the others.
 */
export function evaluate(
  panel: EvaluationPanel,
  config: EvaluationConfig,
  deps: EvaluationDeps = {},
): EvaluationResult {
  const inputsHash = inputsHashOf(panel, config, deps.hash);
  const ctx = buildContext(panel, config, inputsHash);
  const n = ctx.months.length;
  const role = (r: 'treated' | 'comparison' | 'neighbour'): (number | null)[] =>
    sumSeries(
      ctx.areas.filter((a) => a.role === r).map((a) => a.y),
      n,
    );
  const series: EvaluationSeries = {
    months: ctx.months,
    t0Index: ctx.t0Index,
    observed: { treated: role('treated'), comparison: role('comparison'), neighbour: role('neighbour') },
    sourceSwitchIndices: ctx.switches,
  };
  const estimates: Estimate[] = [];
  const supporting: Estimate[] = [];
  for (const m of config.methods) {
    if (m === 'before_after') estimates.push(beforeAfterEstimate(ctx));
    else if (m === 'interrupted_time_series') {
      estimates.push(itsEstimate(ctx, series));
      if (config.its?.comparative) supporting.push(comparativeItsEstimate(ctx));
    } else if (m === 'difference_in_differences') {
      const r = didEstimates(ctx, series);
      estimates.push(r.headline);
      supporting.push(...r.supporting);
    } else if (m === 'synthetic_control') estimates.push(scmEstimate(ctx, deps, series));
  }
  return {
    inputsHash,
    engineVersion: ENGINE_VERSION,
    seed: config.seed,
    profile: config.profile,
    estimates,
    supporting,
    series,
  };
}
