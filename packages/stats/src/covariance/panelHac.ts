import { check } from '../errors.ts';
import type { GlmFit } from '../glm/types.ts';
import { crossLag, sandwich, scores } from './sandwich.ts';
import type { Covariance } from './types.ts';

/**
 * HAC for stacked series (Driscoll–Kraay): scores are summed over the series observed in the same
 * period, then Bartlett-weighted across periods exactly as `vcovHAC`. Used by comparative ITS,
 * where the treated and comparison series share calendar shocks. Reference: R
 * `sandwich::vcovPL(fit, cluster = ~series, order.by = ~period, lag = L, adjust = FALSE)`.
 */
export function vcovHACPanel(fit: GlmFit, period: ArrayLike<number>, lag: number): Covariance {
  const { rows: n, cols: p } = fit.X;
  check(period.length === n, `panel HAC: ${period.length} periods for ${n} rows`);
  const periods = [...new Set(Array.from(period))].sort((a, b) => a - b);
  const pos = new Map(periods.map((t, k) => [t, k]));
  const T = periods.length;
  check(Number.isInteger(lag) && lag >= 0 && lag < T, `panel HAC: lag must be in [0, ${T - 1}]`);
  const s = scores(fit);
  const S = new Float64Array(T * p);
  for (let i = 0; i < n; i++) {
    const k = pos.get(period[i]!)!;
    for (let j = 0; j < p; j++) S[k * p + j]! += s[i * p + j]!;
  }
  const meat = crossLag(S, T, p, 0);
  for (let l = 1; l <= lag; l++) {
    const G = crossLag(S, T, p, l);
    const wl = 1 - l / (lag + 1);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) meat[i * p + j]! += wl * (G[i * p + j]! + G[j * p + i]!);
  }
  return sandwich(fit, meat, 1, `HAC-panel(Bartlett, lag=${lag})`);
}
