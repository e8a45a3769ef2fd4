import { check } from '../errors.ts';

/**
 * The area × period panel every DiD variant reads (EVALUATION.md §4.4), already sliced to the
 * analysis window. Periods are consecutive buckets (months by default). A missing cell (`null`) is
 * absent from the fit — never a zero (§3).
 */
export interface DidPanel {
  /** Unit (area) keys, in row order of `y`. */
  units: readonly string[];
  /** y[u][t]: count of unit u in period t, or null when the period is outside the source's coverage. */
  y: readonly (readonly (number | null)[])[];
  /** Exposure per unit and period (> 0); omitted = 1 (rates per area-period). */
  exposure?: readonly (readonly number[])[];
  /** Adoption period index G_u (first treated period), or null for never-treated units. */
  adoption: readonly (number | null)[];
  /** Periods left out of every fit (prior weight 0), e.g. the transition window after T0. */
  excludedPeriods?: readonly number[];
}

/** Long-format rows of a panel: one per observed cell. */
export interface PanelRows {
  y: Float64Array;
  unit: Int32Array;
  period: Int32Array;
  offset: Float64Array;
  weight: Float64Array;
  /** Cells left out because they were null. */
  missing: number;
  periods: number;
}

/** Flattens a panel to rows, skipping null cells; checks shapes and exposures. */
export function panelRows(panel: DidPanel): PanelRows {
  const U = panel.units.length;
  check(U >= 2, 'DiD: needs at least two units');
  check(panel.y.length === U && panel.adoption.length === U, 'DiD: y and adoption need one entry per unit');
  const T = panel.y[0]!.length;
  const excluded = new Set(panel.excludedPeriods ?? []);
  const ys: number[] = [];
  const us: number[] = [];
  const ts: number[] = [];
  const os: number[] = [];
  const ws: number[] = [];
  let missing = 0;
  for (let u = 0; u < U; u++) {
    const row = panel.y[u]!;
    check(row.length === T, `DiD: unit ${panel.units[u]} has ${row.length} periods, expected ${T}`);
    for (let t = 0; t < T; t++) {
      const v = row[t];
      if (v === null || v === undefined) {
        missing++;
        continue;
      }
      check(Number.isFinite(v) && v >= 0, `DiD: count of ${panel.units[u]} at ${t} must be ≥ 0`);
      const e = panel.exposure ? panel.exposure[u]![t]! : 1;
      check(e > 0 && Number.isFinite(e), `DiD: exposure of ${panel.units[u]} at ${t} must be > 0`);
      ys.push(v);
      us.push(u);
      ts.push(t);
      os.push(Math.log(e));
      ws.push(excluded.has(t) ? 0 : 1);
    }
  }
  return {
    y: Float64Array.from(ys),
    unit: Int32Array.from(us),
    period: Int32Array.from(ts),
    offset: Float64Array.from(os),
    weight: Float64Array.from(ws),
    missing,
    periods: T,
  };
}

/** Number of distinct treated and never-treated units. */
export function countUnits(panel: DidPanel): { treated: number; comparison: number } {
  const treated = panel.adoption.filter((g) => g !== null).length;
  return { treated, comparison: panel.adoption.length - treated };
}
