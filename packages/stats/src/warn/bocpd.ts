/**
 * Bayesian online change-point detection (Adams & MacKay 2007) with a Poisson–Gamma model and
 * seasonal exposure (EVALUATION.md §4.8). It answers "how likely is it that the rate changed
 * within the last few months?", a probability an analyst can read, alongside the CUSUM.
 *
 *   prior λ ~ Gamma(a0, b0), a0 = n0·ȳ, b0 = n0 (n0 = 6 pseudo-months)
 *   predictive π_r(y_t) = NB(y_t; size a_r, prob b_r/(b_r + e_t)); a ← a + y_t, b ← b + e_t
 *   growth P(r_t = r+1, y_1:t) = P(r_{t−1} = r, y_1:t−1) · π_r(y_t) · (1 − H)
 *   change P(r_t = 0, y_1:t)   = Σ_r P(r_{t−1} = r, y_1:t−1) · π_r(y_t) · H,  H = 1/36
 *
 * Computed in log space (long runs multiply hundreds of small densities); run lengths whose
 * posterior mass falls below 1e-10, or that exceed 240 months, are dropped and the rest
 * renormalised, which bounds the cost per month.
 */
import gammaln from '@stdlib/math-base-special-gammaln';

export interface BocpdOptions {
  /** ȳ: the baseline mean count per month (exposure 1). */
  baselineMean: number;
  /** Prior strength in pseudo-months (default 6). */
  n0?: number;
  /** Constant hazard H (default 1/36). */
  hazard?: number;
  /** Seasonal exposure e_t (mean 1); missing = 1. */
  exposure?: readonly number[];
  /** Drop run lengths with posterior mass below this (default 1e-10). */
  pruneBelow?: number;
  /** Largest run length kept (default 240). */
  maxRunLength?: number;
  /** "Recent change" window: P(r_t < window) (default 3 months). */
  window?: number;
  /** Keep the full run-length posterior of every month (for tests and plots). */
  keepPosterior?: boolean;
}

export interface RunLengthPosterior {
  /** Run lengths present (ascending). */
  r: number[];
  /** P(r_t = r | y_1:t), aligned with r. */
  p: number[];
}

export interface BocpdResult {
  /** P(change within the last `window` months) = Σ_{r<window} P(r_t = r | y); NaN for a missing month. */
  changeProb: number[];
  /** Most probable run length per month (NaN for a missing month). */
  mapRunLength: number[];
  /** Full posteriors when `keepPosterior` is set. */
  posterior?: RunLengthPosterior[];
}

/** log NB(y; size a, prob p) in the (a, p) form of the Poisson–Gamma predictive. */
export function logNbPredictive(y: number, a: number, b: number, e: number): number {
  return gammaln(y + a) - gammaln(a) - gammaln(y + 1) + a * Math.log(b / (b + e)) + y * Math.log(e / (b + e));
}

function logSumExp(xs: readonly number[]): number {
  let m = -Infinity;
  for (const x of xs) if (x > m) m = x;
  if (m === -Infinity) return m;
  let s = 0;
  for (const x of xs) s += Math.exp(x - m);
  return m + Math.log(s);
}

/** Runs BOCPD over a monthly count series (null = missing: the posterior is carried unchanged). */
export function bocpd(y: readonly (number | null)[], options: BocpdOptions): BocpdResult {
  const n0 = options.n0 ?? 6;
  const H = options.hazard ?? 1 / 36;
  const prune = options.pruneBelow ?? 1e-10;
  const maxR = options.maxRunLength ?? 240;
  const window = options.window ?? 3;
  if (!(options.baselineMean > 0))
    throw new RangeError('BOCPD needs a baseline mean > 0 (the Gamma prior shape is n0·ȳ)');
  if (!(H > 0 && H < 1)) throw new RangeError(`hazard must lie in (0, 1) (got ${H})`);
  const a0 = n0 * options.baselineMean;
  const b0 = n0;
  const logH = Math.log(H);
  const log1mH = Math.log1p(-H);
  // State: run lengths with their sufficient statistics and normalised log posterior.
  let rs: number[] = [0];
  let as: number[] = [a0];
  let bs: number[] = [b0];
  let lp: number[] = [0];
  const changeProb: number[] = [];
  const mapRunLength: number[] = [];
  const posterior: RunLengthPosterior[] = [];

  y.forEach((v, t) => {
    if (v === null) {
      changeProb.push(NaN);
      mapRunLength.push(NaN);
      if (options.keepPosterior) posterior.push({ r: [...rs], p: lp.map(Math.exp) });
      return;
    }
    const e = options.exposure?.[t] ?? 1;
    const joint = lp.map((l, i) => l + logNbPredictive(v, as[i] as number, bs[i] as number, e));
    const nextR = [0];
    const nextA = [a0];
    const nextB = [b0];
    const nextLp = [logSumExp(joint) + logH];
    joint.forEach((j, i) => {
      nextR.push((rs[i] as number) + 1);
      nextA.push((as[i] as number) + v);
      nextB.push((bs[i] as number) + e);
      nextLp.push(j + log1mH);
    });
    const z = logSumExp(nextLp);
    rs = [];
    as = [];
    bs = [];
    lp = [];
    nextLp.forEach((l, i) => {
      const norm = l - z;
      const r = nextR[i] as number;
      if (r > maxR || Math.exp(norm) < prune) return;
      rs.push(r);
      as.push(nextA[i] as number);
      bs.push(nextB[i] as number);
      lp.push(norm);
    });
    const z2 = logSumExp(lp);
    lp = lp.map((l) => l - z2);
    let recent = 0;
    let best = 0;
    lp.forEach((l, i) => {
      if ((rs[i] as number) < window) recent += Math.exp(l);
      if (l > (lp[best] as number)) best = i;
    });
    changeProb.push(recent);
    mapRunLength.push(rs[best] as number);
    if (options.keepPosterior) posterior.push({ r: [...rs], p: lp.map(Math.exp) });
  });
  return options.keepPosterior ? { changeProb, mapRunLength, posterior } : { changeProb, mapRunLength };
}
