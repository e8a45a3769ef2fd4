import { check } from '../errors.ts';
import type { Design } from '../linalg/design.ts';

/**
 * The segmented-regression design of EVALUATION.md §4.3:
 *   ln μ_t = β0 + β1 t + β2 D_t + β3 t·D_t + Σ_k [γ_k sin(2πk m_t/12) + δ_k cos(2πk m_t/12)]
 *            + Σ_s θ_s S_st + (extra breaks: D_b, (t − t_b)·D_b) + ln E_t
 * t counts months from T0, so β0 is the pre-trend level at T0 and e^β2 the level change there.
 * Kept apart from the driver so it has its own fixture (the R script rebuilds it independently).
 */
export interface ItsDesignSpec {
  /** Number of monthly rows, in time order with no gaps. */
  months: number;
  /** Calendar month (1–12) of the first row. */
  startMonth: number;
  /** Row index of T0, the first month under the intervention. */
  t0Index: number;
  /** Fourier pairs K; default 2, or 1 with fewer than 48 months. */
  harmonics?: number;
  /** Row indices where a source switch takes effect; only those strictly inside the window count. */
  sourceSwitches?: readonly number[];
  /** Row indices of further breaks, each adding a (D, t·D) pair. */
  extraBreaks?: readonly number[];
  /** Months from T0 excluded from the fit (prior weight 0), e.g. a phase-in. */
  transitionMonths?: number;
}

export interface ItsDesign {
  design: Design;
  /** Prior weights: 0 inside the transition window, 1 elsewhere. */
  weights: Float64Array;
  /** t = row − T0 for each row. */
  t: Float64Array;
  /** Column indices of the named effects. */
  columns: { intercept: 0; preTrend: 1; level: 2; slope: 3; breakColumns: number[]; switchColumns: number[] };
  /** Source switches actually modelled (inside the window). */
  modelledSwitches: number[];
  harmonics: number;
}

/** Builds the §4.3 design; `columns` says which coefficient is which. */
export function buildItsDesign(spec: ItsDesignSpec): ItsDesign {
  const n = spec.months;
  check(Number.isInteger(n) && n > 0, 'ITS: months must be a positive integer');
  check(
    Number.isInteger(spec.startMonth) && spec.startMonth >= 1 && spec.startMonth <= 12,
    'ITS: startMonth 1–12',
  );
  check(
    Number.isInteger(spec.t0Index) && spec.t0Index > 0 && spec.t0Index < n,
    'ITS: T0 must fall inside the window',
  );
  const K = spec.harmonics ?? (n < 48 ? 1 : 2);
  // K = 6 would make sin(πm) ≡ 0, a zero column.
  check(Number.isInteger(K) && K >= 0 && K <= 5, 'ITS: harmonics must be 0–5');
  const switches = [...new Set(spec.sourceSwitches ?? [])]
    .filter((s) => s > 0 && s < n)
    .sort((a, b) => a - b);
  const breaks = [...(spec.extraBreaks ?? [])].sort((a, b) => a - b);
  for (const b of breaks)
    check(Number.isInteger(b) && b > 0 && b < n && b !== spec.t0Index, `ITS: bad extra break ${b}`);

  const names = ['intercept', 't', 'level', 'slope'];
  for (let k = 1; k <= K; k++) names.push(`sin${k}`, `cos${k}`);
  const breakColumns: number[] = [];
  breaks.forEach((b) => {
    breakColumns.push(names.length);
    names.push(`level@${b}`, `slope@${b}`);
  });
  const switchColumns: number[] = [];
  switches.forEach((s) => {
    switchColumns.push(names.length);
    names.push(`switch@${s}`);
  });
  const p = names.length;
  const values = new Float64Array(n * p);
  const t = new Float64Array(n);
  const weights = new Float64Array(n).fill(1);
  const transition = spec.transitionMonths ?? 0;
  for (let i = 0; i < n; i++) {
    const ti = i - spec.t0Index;
    t[i] = ti;
    const D = ti >= 0 ? 1 : 0;
    const m = ((spec.startMonth - 1 + i) % 12) + 1;
    const row = i * p;
    values[row] = 1;
    values[row + 1] = ti;
    values[row + 2] = D;
    values[row + 3] = ti * D;
    for (let k = 1; k <= K; k++) {
      values[row + 2 + 2 * k] = Math.sin((2 * Math.PI * k * m) / 12);
      values[row + 3 + 2 * k] = Math.cos((2 * Math.PI * k * m) / 12);
    }
    breaks.forEach((b, j) => {
      const Db = i >= b ? 1 : 0;
      values[row + breakColumns[j]!] = Db;
      values[row + breakColumns[j]! + 1] = (i - b) * Db;
    });
    switches.forEach((s, j) => {
      values[row + switchColumns[j]!] = i >= s ? 1 : 0;
    });
    if (ti >= 0 && ti < transition) weights[i] = 0;
  }
  return {
    design: { rows: n, cols: p, values, names },
    weights,
    t,
    columns: { intercept: 0, preTrend: 1, level: 2, slope: 3, breakColumns, switchColumns },
    modelledSwitches: switches,
    harmonics: K,
  };
}
