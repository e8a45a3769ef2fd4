/**
 * Poisson and NB2 CUSUM for a multiplicative shift μ1t = ρ·μ0t (EVALUATION.md §4.8). The
 * increments are log-likelihood ratios, so the statistic is optimal (Moustakides) for that
 * shift and works with a seasonal in-control mean. S resets to 0 after an alarm so that a
 * persisting shift keeps alarming; consecutive alarms are one episode.
 */
import { episodesOf, type Episode } from './types.ts';

export interface CusumParams {
  /** Shift to detect, μ1 = ρ·μ0 (default 2; §4.8 allows 1.5–3). */
  rho: number;
  /** NB2 dispersion of the in-control model; 0 = Poisson. */
  alpha: number;
}

/**
 * One CUSUM increment (log-likelihood ratio of y under ρμ0 vs μ0):
 * Poisson  y ln ρ − (ρ − 1) μ0;
 * NB2      y ln[ρ(1 + αμ0)/(1 + αρμ0)] − (1/α) ln[(1 + αρμ0)/(1 + αμ0)].
 */
export function cusumIncrement(y: number, mu0: number, { rho, alpha }: CusumParams): number {
  if (alpha === 0) return y * Math.log(rho) - (rho - 1) * mu0;
  const a = Math.log1p(alpha * mu0);
  const b = Math.log1p(alpha * rho * mu0);
  return y * (Math.log(rho) + a - b) - (b - a) / alpha;
}

export interface CusumResult {
  /** S_t before any reset (null where the month is missing or has no baseline). */
  statistic: (number | null)[];
  alarm: boolean[];
  episodes: Episode[];
}

/**
 * Runs the CUSUM over a series with per-month in-control means (and, optionally, the rolling
 * baseline's per-month α̂ in `alphas`, which overrides `alpha` where given). A missing count or
 * a month without a baseline leaves S unchanged and cannot alarm (missing is never zero, §3).
 */
export function runCusum(
  y: readonly (number | null)[],
  mu0: readonly (number | null)[],
  params: CusumParams & { h: number; alphas?: readonly (number | null)[] },
): CusumResult {
  let s = 0;
  const statistic: (number | null)[] = [];
  const alarm: boolean[] = [];
  y.forEach((v, t) => {
    const m = mu0[t];
    if (v === null || m === null || m === undefined) {
      statistic.push(null);
      alarm.push(false);
      return;
    }
    const alpha = params.alphas?.[t] ?? params.alpha;
    s = Math.max(0, s + cusumIncrement(v, m, { rho: params.rho, alpha }));
    statistic.push(s);
    const fire = s > params.h;
    alarm.push(fire);
    if (fire) s = 0;
  });
  return { statistic, alarm, episodes: episodesOf(alarm) };
}
