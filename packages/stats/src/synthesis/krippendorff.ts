/**
 * Krippendorff's α for the expert-review strand (EVALUATION.md §4.7). Chosen over κ-type
 * statistics because it handles any number of raters, missing ratings and ordered scales:
 *
 *   α = 1 − D_o/D_e over units with m_u ≥ 2 ratings
 *   o_ck = Σ_u (# ordered pairs (c, k) in u)/(m_u − 1);  n_c = Σ_k o_ck;  n = Σ_c n_c
 *   D_o = (1/n) Σ_c Σ_k o_ck δ²_ck;   D_e = 1/(n(n − 1)) Σ_c Σ_k n_c n_k δ²_ck
 *   δ²: nominal 1[c ≠ k]; interval (c − k)²; ordinal (Σ_{g=c..k} n_g − (n_c + n_k)/2)²
 */
import { createStream } from '../random.ts';
import { quantile7 } from './quantile.ts';

export type AlphaMetric = 'nominal' | 'ordinal' | 'interval';
/** One rating; null = missing. Ordinal and interval metrics need numbers. */
export type Rating = number | string | null;

export interface AlphaResult {
  metric: AlphaMetric;
  /** NaN when undefined (fewer than two pairable values, or no variation at all: D_e = 0). */
  alpha: number;
  Do: number;
  De: number;
  /** Pairable values n and pairable units. */
  n: number;
  units: number;
}

/** α over units × raters (each row one unit's ratings, null for a missing rating). */
export function krippendorffAlpha(
  units: readonly (readonly Rating[])[],
  metric: AlphaMetric = 'ordinal',
): AlphaResult {
  const pairable = units
    .map((u) => u.filter((v): v is number | string => v !== null && v !== undefined))
    .filter((u) => u.length >= 2);
  if (metric !== 'nominal' && pairable.some((u) => u.some((v) => typeof v !== 'number'))) {
    throw new TypeError(`${metric} alpha needs numeric ratings`);
  }
  const cats = [...new Set(pairable.flat())].sort((a, b) =>
    typeof a === 'number' && typeof b === 'number' ? a - b : String(a).localeCompare(String(b)),
  );
  const idx = new Map(cats.map((c, i) => [c, i]));
  const V = cats.length;
  const o = Array.from({ length: V }, () => new Array<number>(V).fill(0));
  for (const u of pairable) {
    const counts = new Map<number, number>();
    for (const v of u) counts.set(idx.get(v) as number, (counts.get(idx.get(v) as number) ?? 0) + 1);
    const m = u.length;
    for (const [c, nc] of counts) {
      for (const [k, nk] of counts) {
        const pairs = c === k ? nc * (nc - 1) : nc * nk;
        (o[c] as number[])[k] = ((o[c] as number[])[k] as number) + pairs / (m - 1);
      }
    }
  }
  const nc = o.map((row) => row.reduce((s, x) => s + x, 0));
  const n = nc.reduce((s, x) => s + x, 0);
  const delta2 = (c: number, k: number): number => {
    if (metric === 'nominal') return c === k ? 0 : 1;
    if (metric === 'interval') return ((cats[c] as number) - (cats[k] as number)) ** 2;
    const lo = Math.min(c, k);
    const hi = Math.max(c, k);
    let s = 0;
    for (let g = lo; g <= hi; g += 1) s += nc[g] as number;
    return (s - ((nc[c] as number) + (nc[k] as number)) / 2) ** 2;
  };
  let Do = 0;
  let De = 0;
  for (let c = 0; c < V; c += 1) {
    for (let k = 0; k < V; k += 1) {
      if (c === k) continue;
      const d = delta2(c, k);
      Do += ((o[c] as number[])[k] as number) * d;
      De += (nc[c] as number) * (nc[k] as number) * d;
    }
  }
  Do /= n;
  De /= n * (n - 1);
  const alpha = n >= 2 && De > 0 ? 1 - Do / De : NaN;
  return { metric, alpha, Do, De, n, units: pairable.length };
}

export type Agreement = 'good' | 'tentative' | 'insufficient';

/** §4.7: α ≥ 0.8 good, 0.667–0.8 tentative, below (or undefined) insufficient. */
export function agreementLevel(alpha: number): Agreement {
  if (alpha >= 0.8) return 'good';
  if (alpha >= 0.667) return 'tentative';
  return 'insufficient';
}

export interface AlphaBootstrap extends AlphaResult {
  ci95: [number, number];
  replicates: number;
  /** Replicates where α was undefined (left out of the interval). */
  undefinedReplicates: number;
  seed: string;
}

/** α with a percentile bootstrap CI over units (B = 1,000 by default, stream `${seed}:krippendorff-bootstrap`). */
export function krippendorffAlphaBootstrap(
  units: readonly (readonly Rating[])[],
  metric: AlphaMetric,
  seed: string,
  B = 1000,
): AlphaBootstrap {
  const point = krippendorffAlpha(units, metric);
  const s = createStream(seed, 'krippendorff-bootstrap');
  const draws: number[] = [];
  let undef = 0;
  for (let b = 0; b < B; b += 1) {
    const sample = units.map(() => units[s.integer(units.length)] as readonly Rating[]);
    const a = krippendorffAlpha(sample, metric).alpha;
    if (Number.isNaN(a)) undef += 1;
    else draws.push(a);
  }
  return {
    ...point,
    ci95: [quantile7(draws, 0.025), quantile7(draws, 0.975)],
    replicates: B,
    undefinedReplicates: undef,
    seed,
  };
}
