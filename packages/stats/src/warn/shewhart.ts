/**
 * Shewhart alarm (EVALUATION.md §4.8): y_t > Q_NB(0.995; μ̂_t, α̂). A one-month rule that
 * catches a sudden spike; slow shifts are the CUSUM's job.
 */
import { nbQuantile } from '../dists/index.ts';
import type { BaselinePoint } from './baseline.ts';
import { episodesOf, type Episode } from './types.ts';

export interface ShewhartResult {
  /** Upper control limit per month (null = no baseline). */
  limit: (number | null)[];
  alarm: boolean[];
  episodes: Episode[];
}

/** Flags months whose count exceeds the baseline's `level` quantile (default 0.995). */
export function shewhart(
  y: readonly (number | null)[],
  baseline: readonly BaselinePoint[],
  level = 0.995,
): ShewhartResult {
  const limit: (number | null)[] = [];
  const alarm: boolean[] = [];
  y.forEach((v, t) => {
    const b = baseline[t];
    if (!b || b.mu === null || b.alpha === null) {
      limit.push(null);
      alarm.push(false);
      return;
    }
    const q = nbQuantile(level, b.mu, b.alpha);
    limit.push(q);
    alarm.push(v !== null && v > q);
  });
  return { limit, alarm, episodes: episodesOf(alarm) };
}
