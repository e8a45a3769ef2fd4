import { check } from '../errors.ts';
import { createStream } from '../random.ts';

/**
 * Randomisation inference for DiD with few clusters (EVALUATION.md §4.4): the adoption vector is
 * reassigned across units — every distinct assignment when there are at most `maxExact` (5,000),
 * otherwise `draws` (2,000) seeded random permutations from the stream `${seed}:did-ri` — and
 * p = #{|τ*| ≥ |τ̂|}/P with the observed assignment included in both counts. Cohort sizes are kept,
 * so with one adoption date this is the choice of which m of N units are treated.
 */
export interface RandomisationResult {
  pValue: number;
  /** Assignments evaluated, the observed one included. */
  assignments: number;
  exact: boolean;
  /** Assignments whose statistic could not be computed (not counted in P). */
  failed: number;
  observed: number;
  /** The statistics of every assignment (observed first), for the histogram. */
  statistics: number[];
}

export interface RandomisationOptions {
  seed: string;
  maxExact?: number;
  draws?: number;
}

/** Number of distinct permutations of a multiset (multinomial coefficient), capped at `cap + 1`. */
export function distinctAssignments(adoption: readonly (number | null)[], cap: number): number {
  const counts = new Map<string, number>();
  for (const g of adoption) counts.set(String(g), (counts.get(String(g)) ?? 0) + 1);
  // N! / Π n_g! computed as a product of binomials, stopping once it exceeds the cap.
  let total = 1;
  let placed = 0;
  for (const c of counts.values()) {
    for (let k = 1; k <= c; k++) {
      total = (total * (placed + k)) / k;
      if (total > cap) return cap + 1;
    }
    placed += c;
  }
  return Math.round(total);
}

/** Every distinct permutation of the multiset `adoption`, observed order first. */
function* enumerate(adoption: readonly (number | null)[]): Generator<(number | null)[]> {
  const values = [...new Set(adoption.map(String))];
  const back = new Map(values.map((v) => [v, adoption.find((g) => String(g) === v) ?? null]));
  const remaining = new Map<string, number>();
  for (const g of adoption) remaining.set(String(g), (remaining.get(String(g)) ?? 0) + 1);
  const current: string[] = [];
  function* rec(): Generator<string[]> {
    if (current.length === adoption.length) {
      yield [...current];
      return;
    }
    for (const v of values) {
      const r = remaining.get(v)!;
      if (r === 0) continue;
      remaining.set(v, r - 1);
      current.push(v);
      yield* rec();
      current.pop();
      remaining.set(v, r);
    }
  }
  for (const a of rec()) yield a.map((v) => back.get(v) ?? null);
}

export function randomisationInference(
  adoption: readonly (number | null)[],
  statistic: (assignment: readonly (number | null)[]) => number,
  options: RandomisationOptions,
): RandomisationResult {
  const maxExact = options.maxExact ?? 5000;
  const draws = options.draws ?? 2000;
  const observed = statistic(adoption);
  check(Number.isFinite(observed), 'randomisation inference: the observed statistic is not finite');
  const stats: number[] = [observed];
  let failed = 0;
  const key = (a: readonly (number | null)[]): string => a.map(String).join('|');
  const obsKey = key(adoption);
  const total = distinctAssignments(adoption, maxExact);
  const exact = total <= maxExact;
  const push = (a: readonly (number | null)[]): void => {
    const s = statistic(a);
    if (Number.isFinite(s)) stats.push(s);
    else failed++;
  };
  if (exact) {
    for (const a of enumerate(adoption)) if (key(a) !== obsKey) push(a);
  } else {
    const rng = createStream(options.seed, 'did-ri');
    for (let r = 0; r < draws; r++) {
      const a = [...adoption];
      for (let i = a.length - 1; i > 0; i--) {
        const j = rng.integer(i + 1);
        [a[i], a[j]] = [a[j]!, a[i]!];
      }
      push(a);
    }
  }
  // A relative slack so that exact ties (e.g. the mirror assignment with two units) count as ≥.
  const bar = Math.abs(observed) * (1 - 1e-10);
  const extreme = stats.filter((s) => Math.abs(s) >= bar).length;
  return {
    pValue: extreme / stats.length,
    assignments: stats.length,
    exact,
    failed,
    observed,
    statistics: stats,
  };
}
