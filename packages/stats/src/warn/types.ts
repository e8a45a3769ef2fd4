/** Shared shapes of the early-warning detectors (EVALUATION.md §4.8). */

/** A product warning, in the shape every estimator's `warnings` uses (§4). */
export interface WarnMessage {
  code: string;
  severity: 'info' | 'warn' | 'block';
  message: string;
}

/** Consecutive alarm months, inclusive indices into the monitored series. */
export interface Episode {
  start: number;
  end: number;
}

/** Groups alarm flags into episodes: consecutive alarms are one episode (§4.8). */
export function episodesOf(flags: readonly boolean[]): Episode[] {
  const out: Episode[] = [];
  let start = -1;
  flags.forEach((f, t) => {
    if (f && start < 0) start = t;
    if (!f && start >= 0) {
      out.push({ start, end: t - 1 });
      start = -1;
    }
  });
  if (start >= 0) out.push({ start, end: flags.length - 1 });
  return out;
}
