import type { Covariance } from '../covariance/types.ts';
import { check } from '../errors.ts';
import { fitIndicatorColumns, type IndicatorColumn } from './columns.ts';
import { combinationEffect, waldTest, type DidEffect, type WaldTest } from './effect.ts';
import type { HdfeFit } from './hdfe.ts';
import { panelRows, type DidPanel } from './panel.ts';
import { eventBin, MIN_CLUSTERS_FOR_CR1 } from './twfe.ts';

/**
 * Staggered adoption (EVALUATION.md §4.4): Wooldridge's extended Poisson TWFE
 *   ln E[y_it] = a_i + λ_t + Σ_g Σ_{e≥0} τ_{g,e} 1[G_i = g]·1[bin(t − g) = e] + ln E_it,
 * in which not-yet-treated and never-treated cells are the controls (plain TWFE, with its
 * forbidden comparisons of later- against earlier-treated units, is never the headline).
 * Aggregates: τ(e) = Σ_g w_g τ_{g,e} with w_g = treated units in cohort g, renormalised over the
 * cohorts observed at e, and an overall ATT that weights every τ_{g,e} by the treated unit-periods
 * in its cell (so each treated observation counts once). Intervals are delta-method from CR1.
 *
 * Without never-treated units the last cohort serves as the control: it is recoded as never
 * treated and the periods from its adoption on are dropped (nothing identifies λ_t there).
 * Pre-trends come from cohort-specific leads and lags against the never-treated units (else the
 * last-treated cohort): with every lead and lag of every cohort in the model, only the controls
 * identify λ_t (Sun & Abraham's interacted event study); the Wald test covers all cohort leads.
 */
export interface StaggeredOptions {
  /** Periods per event-time bin (default 1). */
  binWidth?: number;
  /** Post bins kept separate; later ones are pooled into e = lags. Default: all. */
  lags?: number;
  conf?: number;
  /** Areas below which intervals use the quasi-Poisson covariance (default 5). */
  minClustersForCr1?: number;
}

export interface StaggeredResult {
  fit: HdfeFit;
  covariance: Covariance;
  covarianceKind: 'CR1' | 'quasi-Poisson';
  cohorts: { g: number; units: number }[];
  /** τ_{g,e} per estimated cell. */
  cells: { g: number; e: number; tau: number; se: number; treatedObs: number }[];
  /** τ(e) per event-time bin as an IRR with its delta-method interval. */
  byEventTime: { e: number; effect: DidEffect; cohorts: number }[];
  overall: DidEffect;
  /** Cohort-specific leads vs the controls. */
  pretrend: { wald: WaldTest; leads: { g: number; k: number; theta: number; se: number }[] };
  controls: 'never_treated' | 'last_treated';
  clusters: number;
  droppedColumns: { name: string; reason: string }[];
}

export function staggeredDid(panel: DidPanel, options: StaggeredOptions = {}): StaggeredResult {
  const bw = options.binWidth ?? 1;
  const conf = options.conf ?? 0.95;
  let adoption = [...panel.adoption];
  const excludedPeriods = [...(panel.excludedPeriods ?? [])];
  let controls: StaggeredResult['controls'] = 'never_treated';
  const T = panel.y[0]!.length;
  if (!adoption.some((g) => g === null)) {
    const last = Math.max(...(adoption as number[]));
    check(
      adoption.some((g) => g !== last),
      'staggered: all units adopt at once and none is a control',
    );
    adoption = adoption.map((g) => (g === last ? null : g));
    for (let t = last; t < T; t++) excludedPeriods.push(t);
    controls = 'last_treated';
  }
  const p: DidPanel = { ...panel, adoption, excludedPeriods };
  const rows = panelRows(p);
  const cohortSizes = new Map<number, number>();
  for (const g of adoption) if (g !== null) cohortSizes.set(g, (cohortSizes.get(g) ?? 0) + 1);
  const cohorts = [...cohortSizes].sort((a, b) => a[0] - b[0]).map(([g, units]) => ({ g, units }));
  let rawMax = 0;
  for (let i = 0; i < rows.y.length; i++) {
    const g = adoption[rows.unit[i]!];
    if (g !== null && g !== undefined && rows.weight[i]! > 0)
      rawMax = Math.max(rawMax, Math.floor((rows.period[i]! - g) / bw));
  }
  const maxE = options.lags !== undefined ? Math.min(options.lags, rawMax) : rawMax;

  // Extended TWFE: post cells only.
  const cols = new Map<string, IndicatorColumn & { g: number; e: number }>();
  for (let i = 0; i < rows.y.length; i++) {
    const g = adoption[rows.unit[i]!];
    if (g === null || g === undefined || rows.period[i]! < g) continue;
    const e = eventBin(rows.period[i]! - g, bw, 0, maxE);
    const name = `g=${g},e=${e}`;
    if (!cols.has(name)) cols.set(name, { name, rows: [], g, e });
    cols.get(name)!.rows.push(i);
  }
  const colList = [...cols.values()].sort((a, b) => a.g - b.g || a.e - b.e);
  const cf = fitIndicatorColumns(rows, colList);
  const P = cf.kept.length;
  const beta = cf.fit.coefficients;
  const useCr1 = cf.clusters >= (options.minClustersForCr1 ?? MIN_CLUSTERS_FOR_CR1);
  const V = useCr1 ? cf.covariance : cf.quasi;
  const liveCount = (c: IndicatorColumn): number =>
    c.rows.filter((i) => cf.fit.glm.priorWeights[i]! > 0).length;
  const cells = cf.kept.map((c, j) => {
    const meta = cols.get(c.name)!;
    return {
      g: meta.g,
      e: meta.e,
      tau: beta[j]!,
      se: Math.sqrt(V.values[j * P + j]!),
      treatedObs: liveCount(c),
    };
  });
  const byEventTime: StaggeredResult['byEventTime'] = [];
  for (let e = 0; e <= maxE; e++) {
    const a = new Float64Array(P);
    let total = 0;
    let n = 0;
    cells.forEach((c, j) => {
      if (c.e !== e) return;
      a[j] = cohortSizes.get(c.g)!;
      total += a[j]!;
      n++;
    });
    if (n === 0) continue;
    for (let j = 0; j < P; j++) a[j] = a[j]! / total;
    byEventTime.push({ e, effect: combinationEffect(beta, V, a, conf), cohorts: n });
  }
  const a = Float64Array.from(cells, (c) => c.treatedObs);
  const sum = a.reduce((s, v) => s + v, 0);
  check(sum > 0, 'staggered: no estimable post-adoption cell');
  for (let j = 0; j < P; j++) a[j] = a[j]! / sum;
  const overall = combinationEffect(beta, V, a, conf);

  // Cohort-specific leads and lags (reference k = −1 per cohort) against the controls only.
  const ev = new Map<string, IndicatorColumn & { g: number; k: number }>();
  for (let i = 0; i < rows.y.length; i++) {
    const g = adoption[rows.unit[i]!];
    if (g === null || g === undefined) continue;
    const k = Math.floor((rows.period[i]! - g) / bw);
    if (k === -1) continue;
    const name = `g=${g},k=${k}`;
    if (!ev.has(name)) ev.set(name, { name, rows: [], g, k });
    ev.get(name)!.rows.push(i);
  }
  const pre = fitIndicatorColumns(
    rows,
    [...ev.values()].sort((x, y) => x.g - y.g || x.k - y.k),
  );
  const leadIdx: number[] = [];
  const leads: StaggeredResult['pretrend']['leads'] = [];
  pre.kept.forEach((c, j) => {
    const meta = ev.get(c.name)!;
    if (meta.k > -2) return;
    leadIdx.push(j);
    leads.push({
      g: meta.g,
      k: meta.k,
      theta: pre.fit.coefficients[j]!,
      se: Math.sqrt(pre.covariance.values[j * pre.covariance.dim + j]!),
    });
  });
  return {
    fit: cf.fit,
    covariance: V,
    covarianceKind: useCr1 ? 'CR1' : 'quasi-Poisson',
    cohorts,
    cells,
    byEventTime,
    overall,
    pretrend: { wald: waldTest(pre.fit.coefficients, pre.covariance, leadIdx), leads },
    controls,
    clusters: cf.clusters,
    droppedColumns: cf.dropped,
  };
}
