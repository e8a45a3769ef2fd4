/**
 * BOCPD signals and their threshold (EVALUATION.md §4.8). A month signals when
 * P(change within the last 3 months) exceeds the threshold (default 0.5). The threshold is
 * calibrated by in-control simulation from the baseline to at most one false signal (episode
 * onset) per 100 monitored months.
 *
 * Warm-up: in the first months the run length cannot exceed t, so P(r_t < 3) is 1 by
 * construction at t ≤ 2 and inflated for some time after. Signals are therefore not issued
 * in the first `warmup` months (default 12) of the monitored series; this is our addition to
 * §4.8, recorded with the result.
 */
import { createStream } from '../random.ts';
import { bocpd, type BocpdOptions } from './bocpd.ts';
import { episodesOf, type Episode } from './types.ts';

export interface SignalResult {
  signal: boolean[];
  episodes: Episode[];
  threshold: number;
  warmup: number;
}

/** Turns change probabilities into signal months and episodes. */
export function bocpdSignals(changeProb: readonly number[], threshold = 0.5, warmup = 12): SignalResult {
  const signal = changeProb.map((p, t) => t >= warmup && p > threshold);
  return { signal, episodes: episodesOf(signal), threshold, warmup };
}

export interface BocpdCalibrationOptions extends Omit<
  BocpdOptions,
  'baselineMean' | 'exposure' | 'keepPosterior'
> {
  /** In-control mean per month, cycled (seasonal pattern from the baseline). */
  mu0: readonly number[];
  /** NB2 dispersion of the in-control counts (0 = Poisson). */
  alpha: number;
  seed: string;
  /** Simulated paths (default 500) and their length in months (default 120). */
  paths?: number;
  months?: number;
  /** Default threshold, kept when it already meets the target (default 0.5). */
  threshold?: number;
  /** Maximum false signals per 100 monitored months (default 1). */
  maxFalsePer100?: number;
  warmup?: number;
}

export interface BocpdCalibration {
  threshold: number;
  /** False signal onsets per 100 monitored months at that threshold. */
  falsePer100: number;
  /** Same at the default threshold, for the record. */
  falsePer100AtDefault: number;
  paths: number;
  months: number;
  /** False when even a threshold near 1 exceeds the target (then the largest tried is returned). */
  met: boolean;
}

/**
 * Calibrates the signal threshold: simulate in-control NB2 paths with the seasonal pattern,
 * run BOCPD with ȳ = mean(mu0) and exposure e_t = mu0_t/ȳ, and pick the smallest threshold
 * ≥ the default whose false-signal rate is ≤ the target (bisection over stored probabilities).
 */
export function calibrateBocpdThreshold(opts: BocpdCalibrationOptions): BocpdCalibration {
  const paths = opts.paths ?? 500;
  const months = opts.months ?? 120;
  const warmup = opts.warmup ?? 12;
  const base = opts.threshold ?? 0.5;
  const target = opts.maxFalsePer100 ?? 1;
  const period = opts.mu0.length;
  const ybar = opts.mu0.reduce((s, m) => s + m, 0) / period;
  const exposure = Array.from({ length: months }, (_, t) => (opts.mu0[t % period] as number) / ybar);
  const stream = createStream(opts.seed, 'bocpd-calibration');
  const {
    mu0: _mu0,
    alpha: _alpha,
    seed: _seed,
    paths: _p,
    months: _m,
    threshold: _t,
    maxFalsePer100: _f,
    warmup: _w,
    ...bocpdOpts
  } = opts;
  const probs: number[][] = [];
  for (let i = 0; i < paths; i += 1) {
    const y = Array.from({ length: months }, (_, t) =>
      stream.negBinomial(opts.mu0[t % period] as number, opts.alpha),
    );
    probs.push(bocpd(y, { ...bocpdOpts, baselineMean: ybar, exposure }).changeProb);
  }
  const monitored = paths * Math.max(0, months - warmup);
  const rate = (c: number): number => {
    let onsets = 0;
    for (const p of probs) onsets += bocpdSignals(p, c, warmup).episodes.length;
    return monitored > 0 ? (100 * onsets) / monitored : 0;
  };
  const atDefault = rate(base);
  const result = (threshold: number, falsePer100: number, met: boolean): BocpdCalibration => ({
    threshold,
    falsePer100,
    falsePer100AtDefault: atDefault,
    paths,
    months,
    met,
  });
  if (atDefault <= target) return result(base, atDefault, true);
  let lo = base;
  let hi = 1 - 1e-9;
  const atHi = rate(hi);
  if (atHi > target) return result(hi, atHi, false);
  for (let k = 0; k < 40; k += 1) {
    const mid = (lo + hi) / 2;
    if (rate(mid) <= target) hi = mid;
    else lo = mid;
  }
  return result(hi, rate(hi), true);
}
