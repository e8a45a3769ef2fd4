import { vcovCR1 } from '../covariance/estimators.ts';
import type { Covariance } from '../covariance/types.ts';
import { StatsError } from '../errors.ts';
import { fitPoissonHdfe, type HdfeFit } from './hdfe.ts';
import type { PanelRows } from './panel.ts';

/**
 * A 0/1 regressor of a DiD model, defined on (unit, period) cells: D_it, an event-time bin, or a
 * cohort × period cell of the extended TWFE. `rows` are the indices into `PanelRows` where it is 1.
 */
export interface IndicatorColumn {
  name: string;
  rows: number[];
}

export interface ColumnsFit {
  fit: HdfeFit;
  /** CR1 by unit with the absorbed fixed effects counted in p (§5.3). */
  covariance: Covariance;
  /** Columns actually estimated, in coefficient order. */
  kept: IndicatorColumn[];
  /**
   * Columns dropped before fitting: `empty` (no row with positive weight) or `separated` (every
   * such row has y = 0, so the coefficient is −∞ under Poisson ML; its rows are dropped as well).
   */
  dropped: { name: string; reason: 'empty' | 'separated' }[];
  clusters: number;
  /**
   * Quasi-Poisson model-based covariance φ·(X̃ᵀWX̃)⁻¹, φ = max(1, Pearson χ²/(n − p − absorbed)).
   * With very few areas CR1 degenerates (two areas: the fixed-effect score equations force every
   * cluster score to zero, so CR1 ≈ 0); callers then use this one and say so.
   */
  quasi: Covariance;
  phi: number;
}

/**
 * Fits ln E[y] = a_u + λ_t + Σ_c β_c x_c + ln E by PPML-HDFE and returns the CR1 covariance
 * clustered by unit. Empty and separated indicator columns are removed first (the ppmlhdfe
 * convention), so one all-zero event-time bin cannot stop the fit.
 */
export function fitIndicatorColumns(
  rows: PanelRows,
  columns: readonly IndicatorColumn[],
  options: { tolerance?: number; projectionTolerance?: number; covariance?: boolean } = {},
): ColumnsFit {
  const n = rows.y.length;
  const weight = Float64Array.from(rows.weight);
  const dropped: ColumnsFit['dropped'] = [];
  let kept = [...columns];
  for (let changed = true; changed;) {
    changed = false;
    const next: IndicatorColumn[] = [];
    for (const c of kept) {
      const live = c.rows.filter((i) => weight[i]! > 0);
      if (live.length === 0) {
        dropped.push({ name: c.name, reason: 'empty' });
        changed = true;
      } else if (live.every((i) => rows.y[i] === 0)) {
        dropped.push({ name: c.name, reason: 'separated' });
        for (const i of live) weight[i] = 0;
        changed = true;
      } else next.push(c);
    }
    kept = next;
  }
  const p = kept.length;
  const values = new Float64Array(n * p);
  kept.forEach((c, j) => {
    for (const i of c.rows) values[i * p + j] = 1;
  });
  const fit = fitPoissonHdfe({
    y: rows.y,
    unit: rows.unit,
    period: rows.period,
    offset: rows.offset,
    weights: weight,
    ...(options.tolerance !== undefined ? { tolerance: options.tolerance } : {}),
    ...(options.projectionTolerance !== undefined
      ? { projectionTolerance: options.projectionTolerance }
      : {}),
    X: { rows: n, cols: p, values, names: kept.map((c) => c.name) },
  });
  if (!fit.converged) throw new StatsError('NON_FINITE_FIT', 'PPML-HDFE did not converge');
  const covariance: Covariance =
    options.covariance === false || p === 0
      ? { dim: p, values: new Float64Array(p * p).fill(Number.NaN), names: fit.names, kind: 'none' }
      : vcovCR1(fit.glm, rows.unit, { absorbedParameters: fit.absorbed });
  const clusters = new Set(Array.from(rows.unit).filter((_, i) => fit.glm.priorWeights[i]! > 0)).size;
  const df = fit.nObs - p - fit.absorbed;
  const phi = df > 0 ? Math.max(1, fit.pearsonChi2 / df) : 1;
  const quasi: Covariance = {
    dim: p,
    values: fit.glm.bread.map((v) => v * phi),
    names: covariance.names,
    kind: `quasi-Poisson (φ = ${phi.toFixed(3)})`,
  };
  return { fit, covariance, kept, dropped, clusters, quasi, phi };
}
