import { vcovHAC, neweyWestLag } from '../covariance/estimators.ts';
import { StatsError } from '../errors.ts';
import { fitNb2 } from '../glm/nb2.ts';
import { buildItsDesign, type ItsDesignSpec } from './design.ts';
import { waldEffect } from './effects.ts';
import type { ItsPlacebo } from './types.ts';

/** Months required on each side of a fake break. */
export const PLACEBO_MIN_SIDE = 12;

/**
 * Placebo breaks (EVALUATION.md §4.3): refit on pre-period rows only, at every fake T0′ that leaves
 * ≥ 12 months on each side, with the same design rules (K by the pre-period length unless fixed,
 * source switches inside the pre-period), and compare |z′| with the real |z| for level and slope:
 * p = (1 + #{|z′| ≥ |z|})/(1 + P). Fits that fail or do not converge are counted, not used.
 */
export function placeboBreaks(
  spec: ItsDesignSpec,
  y: readonly number[],
  offset: Float64Array | undefined,
  zLevel: number,
  zSlope: number,
  hacLag: number | undefined,
): ItsPlacebo | null {
  const pre = spec.t0Index;
  if (pre < 2 * PLACEBO_MIN_SIDE) return null;
  const zL: number[] = [];
  const zS: number[] = [];
  let failed = 0;
  const preSpec: Omit<ItsDesignSpec, 't0Index'> = {
    months: pre,
    startMonth: spec.startMonth,
    ...(spec.harmonics !== undefined ? { harmonics: spec.harmonics } : {}),
    sourceSwitches: (spec.sourceSwitches ?? []).filter((s) => s < pre),
  };
  const yPre = y.slice(0, pre);
  const offPre = offset?.subarray(0, pre);
  for (let t0 = PLACEBO_MIN_SIDE; t0 <= pre - PLACEBO_MIN_SIDE; t0++) {
    try {
      const d = buildItsDesign({ ...preSpec, t0Index: t0 });
      const fit = fitNb2(d.design, yPre, offPre ? { offset: offPre } : {});
      if (!fit.converged) {
        failed++;
        continue;
      }
      const cov = vcovHAC(fit, { lag: Math.min(hacLag ?? neweyWestLag(pre), pre - 1) });
      zL.push(waldEffect(fit.coefficients, cov, d.columns.level, 0.95).z);
      zS.push(waldEffect(fit.coefficients, cov, d.columns.slope, 0.95).z);
    } catch (e) {
      if (!(e instanceof StatsError)) throw e;
      failed++;
    }
  }
  const P = zL.length;
  if (P === 0) return { count: 0, failed, zLevel: zL, zSlope: zS, pLevel: Number.NaN, pSlope: Number.NaN };
  const exceed = (zs: number[], z: number): number => zs.filter((v) => Math.abs(v) >= Math.abs(z)).length;
  return {
    count: P,
    failed,
    zLevel: zL,
    zSlope: zS,
    pLevel: (1 + exceed(zL, zLevel)) / (1 + P),
    pSlope: (1 + exceed(zS, zSlope)) / (1 + P),
  };
}
