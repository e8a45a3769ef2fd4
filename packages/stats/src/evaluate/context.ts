import { check } from '../errors.ts';
import { gradeDesign, type GradeInput } from '../grade/index.ts';
import type { Estimate, EstimateWarning, EvaluationConfig, EvaluationPanel, PanelArea } from './types.ts';

/**
 * Engine version recorded with every result and hashed into inputsHash. 2: SCM weights from the
 * exact active-set solver (ties now split by the ridge), chart placebo gaps from the p-value's fits.
 */
export const ENGINE_VERSION = '@entente/stats 0.1.0 (evaluate 2)';

/**
 * The month a date falls in, 'YYYY-MM': month- and year-precision dates are placed at the start of
 * their period (§6.3), so '2011' is 2011-01.
 */
export function toMonth(date: string): string {
  return date.length === 4 ? `${date}-01` : date.slice(0, 7);
}

/** Months between two dates' months (b − a); accepts 'YYYY', 'YYYY-MM' and 'YYYY-MM-DD'. */
export function monthDiff(a0: string, b0: string): number {
  const a = toMonth(a0);
  const b = toMonth(b0);
  const [ya, ma] = [Number(a.slice(0, 4)), Number(a.slice(5, 7))];
  const [yb, mb] = [Number(b.slice(0, 4)), Number(b.slice(5, 7))];
  return (yb - ya) * 12 + (mb - ma);
}

/** The sliced panel and everything the method adapters share. */
export interface Context {
  panel: EvaluationPanel;
  config: EvaluationConfig;
  months: string[];
  areas: PanelArea[];
  t0Index: number;
  startMonth: number;
  /** Source switches strictly inside the window, as month indices. */
  switches: number[];
  /** Other interventions (the engagement itself skipped), as month indices (may lie outside). */
  others: number[];
  /** Months before the window start that the full panel had (window shortened by the user). */
  monthsCutBefore: number;
  full: boolean;
  inputsHash: string;
  engineVersion: string;
}

/** Slices the panel to the configured window and checks its shape. */
export function buildContext(panel: EvaluationPanel, config: EvaluationConfig, inputsHash: string): Context {
  const n = panel.months.length;
  check(n >= 2, 'evaluate: the panel needs at least two months');
  for (let i = 1; i < n; i++)
    check(
      monthDiff(panel.months[i - 1]!, panel.months[i]!) === 1,
      `evaluate: months must be consecutive at ${panel.months[i]}`,
    );
  for (const a of panel.areas) {
    check(a.y.length === n, `evaluate: area ${a.key} has ${a.y.length} months, expected ${n}`);
    check(!a.exposure || a.exposure.length === n, `evaluate: exposure of ${a.key} has the wrong length`);
  }
  check(new Set(panel.areas.map((a) => a.key)).size === panel.areas.length, 'evaluate: duplicate area keys');
  const from = config.window?.from ? monthDiff(panel.months[0]!, config.window.from) : 0;
  const to = config.window?.to ? monthDiff(panel.months[0]!, config.window.to) : n - 1;
  check(from >= 0 && to < n && from < to, 'evaluate: the window lies outside the panel');
  const months = panel.months.slice(from, to + 1);
  const areas = panel.areas.map((a) => ({
    ...a,
    y: a.y.slice(from, to + 1),
    ...(a.exposure ? { exposure: a.exposure.slice(from, to + 1) } : {}),
  }));
  const idx = (date: string): number => monthDiff(months[0]!, date);
  const t0Index = idx(config.t0);
  check(t0Index > 0 && t0Index < months.length, 'evaluate: T0 must fall inside the window with a pre-period');
  const switches = [...new Set(panel.sourceSwitches.map(idx))]
    .filter((s) => s > 0 && s < months.length)
    .sort((a, b) => a - b);
  const others = panel.interventions
    .filter((i) => i.label !== config.interventionLabel)
    .map((i) => idx(i.date));
  return {
    panel,
    config,
    months,
    areas,
    t0Index,
    startMonth: Number(months[0]!.slice(5, 7)),
    switches,
    others,
    monthsCutBefore: from,
    full: config.profile === 'full',
    inputsHash,
    engineVersion: ENGINE_VERSION,
  };
}

/** Σ over areas per month; null when any area is missing that month (missing is never zero). */
export function sumSeries(series: readonly (readonly (number | null)[])[], n: number): (number | null)[] {
  return Array.from({ length: n }, (_, t) => {
    let s = 0;
    for (const y of series) {
      const v = y[t];
      if (v === null || v === undefined) return null;
      s += v;
    }
    return series.length > 0 ? s : null;
  });
}

/** Summed exposure of the areas (undefined when none has exposure; missing ones count 1). */
export function sumExposure(areas: readonly PanelArea[], n: number): number[] | undefined {
  if (!areas.some((a) => a.exposure)) return undefined;
  return Array.from({ length: n }, (_, t) =>
    areas.reduce((s, a) => s + (a.exposure ? a.exposure[t]! : 1), 0),
  );
}

/** Longest run of non-null months that contains T0 − 1 and T0: the span a single series can use. */
export function contiguousSpan(y: readonly (number | null)[], t0: number): [number, number] | null {
  if (y[t0 - 1] === null || y[t0] === null) return null;
  let s = t0 - 1;
  while (s > 0 && y[s - 1] !== null) s--;
  let e = t0 + 1;
  while (e < y.length && y[e] !== null) e++;
  return [s, e];
}

/** Wraps a method's numbers into the §4 `Estimate`, grading it and suppressing a blocked headline. */
export function envelope(
  ctx: Context,
  e: Omit<Estimate, 'design' | 'excluded' | 'inputsHash' | 'engineVersion' | 'seed'>,
  grade: Omit<GradeInput, 'method' | 'variant' | 'warnings'>,
  excluded: Record<string, number>,
): Estimate {
  const design = gradeDesign({
    ...grade,
    method: e.method,
    ...(e.variant ? { variant: e.variant } : {}),
    warnings: e.warnings.map((w) => w.code),
  });
  const blocked = e.warnings.some((w) => w.severity === 'block');
  return {
    ...e,
    estimate: blocked ? Number.NaN : e.estimate,
    ci95: blocked ? [Number.NaN, Number.NaN] : e.ci95,
    ...(blocked ? { pValue: Number.NaN } : {}),
    design,
    excluded: { ...ctx.panel.excluded, ...excluded },
    inputsHash: ctx.inputsHash,
    engineVersion: ctx.engineVersion,
    seed: ctx.config.seed,
  };
}

/** A blocked estimate for a method that could not run at all. */
export function blockedEstimate(
  ctx: Context,
  method: Estimate['method'],
  estimand: string,
  warning: EstimateWarning,
  variant?: Estimate['variant'],
): Estimate {
  return envelope(
    ctx,
    {
      method,
      ...(variant ? { variant } : {}),
      estimand,
      estimate: Number.NaN,
      ci95: [Number.NaN, Number.NaN],
      ciMethod: 'none',
      warnings: [warning],
      diagnostics: {},
    },
    {},
    {},
  );
}
