import { check } from '../errors.ts';
import { effectFrom, type DidEffect } from './effect.ts';
import type { DidPanel } from './panel.ts';

/**
 * The 2×2 DiD of EVALUATION.md §4.4: IRR = (y_T,post/E_T,post ÷ y_T,pre/E_T,pre) ÷ (same for the
 * comparison group), with SE(ln IRR) = √φ·√Σ 1/y over the four cells. Treated units share one
 * adoption period (the earliest is used otherwise); periods in `excludedPeriods` and null cells
 * are left out of the sums.
 *
 * φ = max(1, Pearson χ²/df of the period counts about their cell means), pooled over the four
 * group × window cells: within each cell the expected count of a period is the cell total shared
 * in proportion to exposure, df = Σ (periods − 1). This is the §4.2 dispersion generalised to the
 * four cells, so the two estimators inflate their Poisson intervals alike.
 */
export interface TwoByTwoResult {
  effect: DidEffect;
  phi: number;
  cells: {
    group: 'treated' | 'comparison';
    window: 'pre' | 'post';
    y: number;
    exposure: number;
    periods: number;
  }[];
  /** Set when a cell count is zero: the ratio is 0 or ∞ and no Wald interval exists. */
  undefinedRatio: boolean;
}

export function twoByTwo(panel: DidPanel, conf = 0.95): TwoByTwoResult {
  const treatedDates = panel.adoption.filter((g): g is number => g !== null);
  check(treatedDates.length > 0 && treatedDates.length < panel.adoption.length, '2×2: needs both groups');
  const G = Math.min(...treatedDates);
  const excluded = new Set(panel.excludedPeriods ?? []);
  const T = panel.y[0]!.length;
  type Acc = { y: number; e: number; ys: number[]; es: number[] };
  const acc: Record<string, Acc> = {};
  for (const k of ['treated:pre', 'treated:post', 'comparison:pre', 'comparison:post'])
    acc[k] = { y: 0, e: 0, ys: [], es: [] };
  for (const group of ['treated', 'comparison'] as const) {
    const members = panel.units
      .map((_, u) => u)
      .filter((u) => (panel.adoption[u] !== null) === (group === 'treated'));
    for (let t = 0; t < T; t++) {
      if (excluded.has(t)) continue;
      let ys = 0;
      let es = 0;
      let any = false;
      for (const u of members) {
        const v = panel.y[u]![t];
        if (v === null || v === undefined) continue;
        any = true;
        ys += v;
        es += panel.exposure ? panel.exposure[u]![t]! : 1;
      }
      if (!any) continue;
      const a = acc[`${group}:${t >= G ? 'post' : 'pre'}`]!;
      a.y += ys;
      a.e += es;
      a.ys.push(ys);
      a.es.push(es);
    }
  }
  const get = (k: string): Acc => acc[k]!;
  const [tp, tq, cp, cq] = [
    get('treated:pre'),
    get('treated:post'),
    get('comparison:pre'),
    get('comparison:post'),
  ];
  for (const a of [tp, tq, cp, cq]) check(a.ys.length > 0, '2×2: a group has no observed period in a window');
  let chi2 = 0;
  let df = 0;
  for (const a of [tp, tq, cp, cq]) {
    if (a.y === 0 || a.ys.length < 2) continue;
    for (let i = 0; i < a.ys.length; i++) {
      const m = (a.y * a.es[i]!) / a.e;
      chi2 += (a.ys[i]! - m) ** 2 / m;
    }
    df += a.ys.length - 1;
  }
  const phi = df > 0 ? Math.max(1, chi2 / df) : 1;
  const undefinedRatio = [tp, tq, cp, cq].some((a) => a.y === 0);
  const lnIrr = Math.log(tq.y / tq.e / (tp.y / tp.e)) - Math.log(cq.y / cq.e / (cp.y / cp.e));
  const se = Math.sqrt(phi) * Math.sqrt(1 / tp.y + 1 / tq.y + 1 / cp.y + 1 / cq.y);
  const cells = (
    [
      ['treated', 'pre', tp],
      ['treated', 'post', tq],
      ['comparison', 'pre', cp],
      ['comparison', 'post', cq],
    ] as const
  ).map(([group, window, a]) => ({ group, window, y: a.y, exposure: a.e, periods: a.ys.length }));
  return { effect: effectFrom(lnIrr, se, conf), phi, cells, undefinedRatio };
}
