/**
 * In-control average run length (ARL) of the CUSUM by seeded simulation, and the choice of the
 * threshold h by bisection on it (EVALUATION.md §4.8). Simulation, not a Markov chain, because
 * the in-control mean is seasonal and the counts may be NB2.
 *
 * Paths are drawn from the stream `${seed}:cusum-arl` and cached: a path's counts are drawn once,
 * in chunks, the first time a run needs them, and reused for every later h (common random
 * numbers). Each path's run length is then non-decreasing in h, the estimated ARL is monotone
 * and bisection is well posed. The draw order depends only on the (deterministic) sequence of
 * h values tried, so results are reproducible from the seed. (One seedrandom instance per path
 * was tried first: 10,000 live ARC4 states cost ~2 s to create.)
 */
import { createStream, type RandomStream } from '../random.ts';
import { cusumIncrement, type CusumParams } from './cusum.ts';

export interface ArlOptions extends CusumParams {
  /** In-control means, cycled: mu0[t mod length] (a 12-month seasonal pattern or one value). */
  mu0: readonly number[];
  seed: string;
  /** Number of simulated paths (default 10,000). */
  paths?: number;
  /** Run lengths are capped here (default 20 × target, or 2,000 without a target). */
  cap?: number;
}

export interface ArlEstimate {
  h: number;
  arl: number;
  /** Monte Carlo standard error, sd(run length)/√paths. */
  se: number;
  /** Paths that reached the cap without an alarm (their run length counts as the cap). */
  censored: number;
  paths: number;
}

/** Lazily drawn, cached in-control count paths shared by every h evaluated. */
class PathBank {
  private readonly stream: RandomStream;
  private readonly data: Int32Array[] = [];
  private readonly lengths: number[] = [];

  constructor(
    private readonly opts: ArlOptions,
    readonly paths: number,
  ) {
    this.stream = createStream(opts.seed, 'cusum-arl');
    for (let i = 0; i < paths; i += 1) {
      this.data.push(new Int32Array(0));
      this.lengths.push(0);
    }
  }

  /** Count of path i at month t (drawing and caching months up to t as needed). */
  count(i: number, t: number): number {
    let buf = this.data[i] as Int32Array;
    let len = this.lengths[i] as number;
    if (t < len) return buf[t] as number;
    const { mu0, alpha } = this.opts;
    // Runs read months in order, so t === len here; extend in doubling chunks (≥ 32 months).
    const size = Math.max(32, buf.length * 2, t + 1);
    const bigger = new Int32Array(size);
    bigger.set(buf);
    buf = bigger;
    this.data[i] = buf;
    for (; len < size; len += 1) buf[len] = this.stream.negBinomial(mu0[len % mu0.length] as number, alpha);
    this.lengths[i] = len;
    return buf[t] as number;
  }
}

function estimate(bank: PathBank, opts: ArlOptions, h: number, cap: number): ArlEstimate {
  let sum = 0;
  let sumSq = 0;
  let censored = 0;
  // Increments depend only on (y, phase); precomputing slopes and offsets per phase saves logs.
  const period = opts.mu0.length;
  const slope = new Float64Array(period);
  const offset = new Float64Array(period);
  for (let p = 0; p < period; p += 1) {
    const m = opts.mu0[p] as number;
    offset[p] = cusumIncrement(0, m, opts);
    slope[p] = cusumIncrement(1, m, opts) - (offset[p] as number);
  }
  for (let i = 0; i < bank.paths; i += 1) {
    let s = 0;
    let rl = cap;
    for (let t = 0; t < cap; t += 1) {
      const p = t % period;
      s = Math.max(0, s + bank.count(i, t) * (slope[p] as number) + (offset[p] as number));
      if (s > h) {
        rl = t + 1;
        break;
      }
    }
    if (rl === cap) censored += 1;
    sum += rl;
    sumSq += rl * rl;
  }
  const n = bank.paths;
  const arl = sum / n;
  const variance = n > 1 ? (sumSq - n * arl * arl) / (n - 1) : 0;
  return { h, arl, se: Math.sqrt(Math.max(0, variance) / n), censored, paths: n };
}

function validate(opts: ArlOptions): void {
  if (opts.mu0.length === 0 || opts.mu0.some((m) => !(m > 0) || !Number.isFinite(m))) {
    throw new RangeError('ARL simulation needs finite in-control means > 0');
  }
  if (!(opts.rho > 1)) throw new RangeError(`rho must exceed 1 (got ${opts.rho})`);
  if (!(opts.alpha >= 0)) throw new RangeError(`alpha must be ≥ 0 (got ${opts.alpha})`);
}

/** Simulated in-control ARL of the CUSUM with threshold h. */
export function simulateArl(opts: ArlOptions & { h: number }): ArlEstimate {
  validate(opts);
  const bank = new PathBank(opts, opts.paths ?? 10_000);
  return estimate(bank, opts, opts.h, opts.cap ?? 2_000);
}

export interface ThresholdResult extends ArlEstimate {
  targetArl: number;
  /** True when the estimated ARL is within `tolerance` (relative) of the target. */
  converged: boolean;
  iterations: number;
}

/**
 * Chooses h so that the simulated in-control ARL is within 2 % of the target (default 100
 * months, allowed 60–120), by bracketing and bisection on common random numbers. When the
 * ARL jumps across the tolerance band (discrete counts), the closer end is returned with
 * `converged: false`.
 */
export function calibrateCusumThreshold(
  opts: ArlOptions & { targetArl?: number; tolerance?: number },
): ThresholdResult {
  validate(opts);
  const target = opts.targetArl ?? 100;
  if (!(target >= 60 && target <= 120))
    throw new RangeError(`target ARL must lie in [60, 120] months (got ${target})`);
  const tol = opts.tolerance ?? 0.02;
  const cap = opts.cap ?? 20 * target;
  const bank = new PathBank(opts, opts.paths ?? 10_000);
  const ok = (e: ArlEstimate): boolean => Math.abs(e.arl - target) <= tol * target;
  let iterations = 0;
  let lo = estimate(bank, opts, 0, cap);
  let hi = estimate(bank, opts, 1, cap);
  while (hi.arl < target && iterations < 60) {
    lo = hi;
    hi = estimate(bank, opts, hi.h * 2, cap);
    iterations += 1;
  }
  const done = (e: ArlEstimate, converged: boolean): ThresholdResult => ({
    ...e,
    targetArl: target,
    converged,
    iterations,
  });
  if (ok(hi)) return done(hi, true);
  if (ok(lo)) return done(lo, true);
  while (iterations < 200 && hi.h - lo.h > 1e-9 * Math.max(1, hi.h)) {
    iterations += 1;
    const mid = estimate(bank, opts, (lo.h + hi.h) / 2, cap);
    if (ok(mid)) return done(mid, true);
    if (mid.arl < target) lo = mid;
    else hi = mid;
  }
  const closer = Math.abs(lo.arl - target) <= Math.abs(hi.arl - target) ? lo : hi;
  return done(closer, false);
}
