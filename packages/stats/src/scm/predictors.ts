/**
 * SCM predictors (EVALUATION.md §4.5): pre-period outcome means over blocks (default: years of
 * 12 months) plus optional covariates, each row scaled by its SD across units so that V = I
 * weighs predictors equally whatever their units.
 */

export interface PredictorOptions {
  /** Periods per block (default 12: yearly means of a monthly series). */
  blockLength?: number;
  /** Extra predictor rows, one value per unit (same unit order as Y). */
  covariates?: readonly (readonly number[])[];
}

export interface Predictors {
  /** Raw rows (k × units) before scaling. */
  raw: number[][];
  /** Scaled rows; rows with zero SD across units are dropped (they cannot discriminate). */
  scaled: number[][];
  /** Index into `raw` of each scaled row. */
  kept: number[];
  labels: string[];
}

function sampleSd(xs: readonly number[]): number {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  return Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1));
}

/** Builds block-mean predictors from the pre-period (periods 0 … T0 − 1) of Y (units × periods). */
export function buildPredictors(
  Y: readonly (readonly number[])[],
  T0: number,
  options: PredictorOptions = {},
): Predictors {
  const block = options.blockLength ?? 12;
  const raw: number[][] = [];
  const labels: string[] = [];
  for (let start = 0; start < T0; start += block) {
    const end = Math.min(T0, start + block);
    raw.push(Y.map((row) => row.slice(start, end).reduce((s, x) => s + x, 0) / (end - start)));
    labels.push(`outcome[${start}:${end})`);
  }
  (options.covariates ?? []).forEach((row, i) => {
    raw.push([...row]);
    labels.push(`covariate[${i}]`);
  });
  const scaled: number[][] = [];
  const kept: number[] = [];
  raw.forEach((row, i) => {
    const sd = sampleSd(row);
    if (sd > 0 && Number.isFinite(sd)) {
      scaled.push(row.map((x) => x / sd));
      kept.push(i);
    }
  });
  return { raw, scaled, kept, labels };
}
