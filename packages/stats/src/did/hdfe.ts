import { check } from '../errors.ts';
import type { GlmFit } from '../glm/types.ts';
import type { Design } from '../linalg/design.ts';
import { weightedLeastSquares } from '../linalg/wls.ts';

/**
 * Poisson pseudo-ML with two absorbed fixed effects (unit and period), the PPML-HDFE scheme of
 * Correia, Guimarães & Zylkin (2020) that EVALUATION.md §4.4 prescribes. Fixed effects are never
 * expanded into dummy columns (a 200-area × 180-month panel would need 380 of them): each IRLS step
 * partials the unit and period effects out of the working variable z and of every regressor by
 * weighted alternating projections (Frisch–Waugh–Lovell with weights w = μ), then runs the small
 * weighted least squares of z̃ on X̃. The fitted η is z − (z̃ − X̃β), which carries the fixed
 * effects implicitly.
 *
 * The sandwich uses the partialled regressors: by FWL, the β-block of the dummy-variable bread is
 * (X̃ᵀWX̃)⁻¹ and B_β· x_i (y_i − μ_i) = (X̃ᵀWX̃)⁻¹ x̃_i (y_i − μ_i), so CR1 on X̃ with the absorbed
 * parameters counted in p (§5.3) equals the dummy-variable CR1 exactly (fixture `did_hdfe_twfe`).
 */
export interface HdfeInput {
  /** Counts ≥ 0, one per observed cell (missing cells are simply absent, never zero). */
  y: ArrayLike<number>;
  /** Unit (area) index 0..U−1 per row. */
  unit: ArrayLike<number>;
  /** Period index 0..T−1 per row. */
  period: ArrayLike<number>;
  /** Regressors of interest (no intercept: it is absorbed). May have zero columns. */
  X: Design;
  /** ln exposure per row. */
  offset?: ArrayLike<number>;
  /** Prior weights ≥ 0 (0 drops a row from the fit, e.g. a transition month). */
  weights?: ArrayLike<number>;
  maxIterations?: number;
  /** Relative deviance change that stops IRLS (§5.3 rule); default 1e-12. */
  tolerance?: number;
  /** Convergence of the alternating projections (max abs change relative to the scale); default 1e-13. */
  projectionTolerance?: number;
}

export interface HdfeFit {
  coefficients: Float64Array;
  names: readonly string[];
  mu: Float64Array;
  eta: Float64Array;
  deviance: number;
  pearsonChi2: number;
  iterations: number;
  converged: boolean;
  /** Number of non-redundant absorbed parameters: U + T − (connected components). */
  absorbed: number;
  /** Rows used (positive weight). */
  nObs: number;
  /** Units and periods with positive weight. */
  units: number;
  periods: number;
  /** Rows dropped because their unit or period has no events at all (FE at −∞). */
  separated: number;
  /** Most projection sweeps needed in any IRLS step (a slow-convergence diagnostic). */
  maxSweeps: number;
  /**
   * A `GlmFit` on the partialled design X̃ with bread (X̃ᵀWX̃)⁻¹ at the final μ, so the package's
   * covariance estimators apply unchanged (pass `absorbedParameters: absorbed` to CR1).
   */
  glm: GlmFit;
}

/**
 * Weighted demeaning of `v` (in place) on unit and period groups until a sweep changes nothing
 * more than `tol` relative to the scale of v; returns the number of sweeps.
 */
export function partialOut(
  v: Float64Array,
  w: Float64Array,
  unit: Int32Array,
  period: Int32Array,
  U: number,
  T: number,
  wU: Float64Array,
  wT: Float64Array,
  tol: number,
  maxSweeps = 100_000,
): number {
  const n = v.length;
  let scale = 0;
  for (let i = 0; i < n; i++) if (w[i]! > 0) scale = Math.max(scale, Math.abs(v[i]!));
  if (scale === 0) return 0;
  const sU = new Float64Array(U);
  const sT = new Float64Array(T);
  // Unit means of the current v; each sweep removes them, then the period means, and the unit
  // means left afterwards both measure convergence and start the next sweep. Each removal pass
  // also accumulates the next group sums (same order of additions as separate passes: the
  // result is bit-for-bit the same with half the passes over the rows).
  for (let i = 0; i < n; i++) sU[unit[i]!]! += w[i]! * v[i]!;
  const unitMeans = (): number => {
    let largest = 0;
    for (let g = 0; g < U; g++)
      if (wU[g]! > 0) {
        sU[g] = sU[g]! / wU[g]!;
        largest = Math.max(largest, Math.abs(sU[g]!));
      }
    return largest;
  };
  let change = unitMeans();
  for (let sweep = 1; sweep <= maxSweeps; sweep++) {
    sT.fill(0);
    for (let i = 0; i < n; i++) {
      const x = v[i]! - sU[unit[i]!]!;
      v[i] = x;
      sT[period[i]!]! += w[i]! * x;
    }
    for (let g = 0; g < T; g++) if (wT[g]! > 0) sT[g] = sT[g]! / wT[g]!;
    sU.fill(0);
    for (let i = 0; i < n; i++) {
      const x = v[i]! - sT[period[i]!]!;
      v[i] = x;
      sU[unit[i]!]! += w[i]! * x;
    }
    change = unitMeans();
    if (change <= tol * scale) return sweep;
  }
  return maxSweeps;
}

/** Connected components of the bipartite unit–period graph over rows with positive weight. */
function components(unit: ArrayLike<number>, period: ArrayLike<number>, pw: Float64Array, U: number): number {
  const parent = new Int32Array(U).map((_, i) => i);
  const find = (a: number): number => {
    while (parent[a] !== a) {
      parent[a] = parent[parent[a]!]!;
      a = parent[a]!;
    }
    return a;
  };
  const first = new Map<number, number>();
  const seen = new Set<number>();
  for (let i = 0; i < pw.length; i++) {
    if (!(pw[i]! > 0)) continue;
    seen.add(unit[i]!);
    const f = first.get(period[i]!);
    if (f === undefined) first.set(period[i]!, unit[i]!);
    else parent[find(unit[i]!)] = find(f);
  }
  const roots = new Set<number>();
  for (const u of seen) roots.add(find(u));
  return roots.size;
}

/** Fits ln E[y] = a_unit + λ_period + Xβ + offset by PPML-HDFE (see the module comment). */
export function fitPoissonHdfe(input: HdfeInput): HdfeFit {
  const { X } = input;
  const n = X.rows;
  const p = X.cols;
  check(input.y.length === n && input.unit.length === n && input.period.length === n, 'HDFE: lengths differ');
  const y = Float64Array.from(input.y);
  const unit = Int32Array.from(input.unit);
  const period = Int32Array.from(input.period);
  const pw = input.weights ? Float64Array.from(input.weights) : new Float64Array(n).fill(1);
  const off = input.offset ? Float64Array.from(input.offset) : new Float64Array(n);
  let U = 0;
  let T = 0;
  for (let i = 0; i < n; i++) {
    if (!(y[i]! >= 0 && Number.isFinite(y[i]!))) check(false, `HDFE: y[${i}] must be a count ≥ 0`);
    check(Number.isInteger(input.unit[i]!) && input.unit[i]! >= 0, 'HDFE: bad unit index');
    check(Number.isInteger(input.period[i]!) && input.period[i]! >= 0, 'HDFE: bad period index');
    U = Math.max(U, input.unit[i]! + 1);
    T = Math.max(T, input.period[i]! + 1);
  }
  // Units or periods without a single event have fixed effects at −∞ (PPML separation): their rows
  // are fitted exactly by μ = 0 and carry no information, so they are dropped (weight 0) up front.
  let separated = 0;
  for (let changed = true; changed;) {
    changed = false;
    const sU = new Float64Array(U);
    const sT = new Float64Array(T);
    for (let i = 0; i < n; i++)
      if (pw[i]! > 0) {
        sU[input.unit[i]!]! += y[i]!;
        sT[input.period[i]!]! += y[i]!;
      }
    for (let i = 0; i < n; i++)
      if (pw[i]! > 0 && (sU[input.unit[i]!] === 0 || sT[input.period[i]!] === 0)) {
        pw[i] = 0;
        separated++;
        changed = true;
      }
  }
  const maxit = input.maxIterations ?? 100;
  const tol = input.tolerance ?? 1e-12;
  const ptol = input.projectionTolerance ?? 1e-13;

  const mu = new Float64Array(n);
  const eta = new Float64Array(n);
  const w = new Float64Array(n);
  const z = new Float64Array(n);
  const wU = new Float64Array(U);
  const wT = new Float64Array(T);
  const Xt = new Float64Array(n * p);
  const col = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    mu[i] = y[i]! + 0.1;
    eta[i] = Math.log(mu[i]!);
  }
  const deviance = (): number => {
    let d = 0;
    for (let i = 0; i < n; i++) {
      if (!(pw[i]! > 0)) continue;
      const yi = y[i]!;
      const m = mu[i]!;
      d += pw[i]! * 2 * ((yi > 0 ? yi * Math.log(yi / m) : 0) - (yi - m));
    }
    return d;
  };
  let devOld = deviance();
  let converged = false;
  let iterations = 0;
  let maxSweeps = 0;
  let beta: Float64Array = new Float64Array(p);
  // Warm start (Correia et al. 2020, §3): the projection annihilates anything in the span of the
  // fixed effects, so the previous step's partialled columns X̃ (= X minus a fixed-effect
  // combination) project to the same X̃ under the new weights, from a much closer start; likewise
  // z minus the previous step's fixed-effect part. Only the number of sweeps changes.
  let warm = false;
  const zFe = new Float64Array(n);
  const partialAll = (withZ: boolean): void => {
    wU.fill(0);
    wT.fill(0);
    for (let i = 0; i < n; i++) {
      wU[unit[i]!]! += w[i]!;
      wT[period[i]!]! += w[i]!;
    }
    if (withZ) {
      const zRaw = Float64Array.from(z);
      if (warm) for (let i = 0; i < n; i++) z[i] = z[i]! - zFe[i]!;
      maxSweeps = Math.max(maxSweeps, partialOut(z, w, unit, period, U, T, wU, wT, ptol));
      for (let i = 0; i < n; i++) zFe[i] = zRaw[i]! - z[i]!;
    }
    for (let j = 0; j < p; j++) {
      for (let i = 0; i < n; i++) col[i] = warm ? Xt[i * p + j]! : X.values[i * p + j]!;
      maxSweeps = Math.max(maxSweeps, partialOut(col, w, unit, period, U, T, wU, wT, ptol));
      for (let i = 0; i < n; i++) Xt[i * p + j] = col[i]!;
    }
    warm = true;
  };
  const design = (): Design => ({ rows: n, cols: p, values: Xt, names: X.names });

  for (let iter = 1; iter <= maxit; iter++) {
    iterations = iter;
    const zRaw = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const m = mu[i]!;
      w[i] = pw[i]! * m;
      zRaw[i] = eta[i]! - off[i]! + (y[i]! - m) / m;
      z[i] = zRaw[i]!;
    }
    partialAll(true);
    beta = p > 0 ? weightedLeastSquares(design(), w, z, false).beta : new Float64Array(0);
    // η − o = z − e, e = z̃ − X̃β: the projection residual is all that the fixed effects cannot fit.
    for (let i = 0; i < n; i++) {
      let e = z[i]!;
      for (let j = 0; j < p; j++) e -= Xt[i * p + j]! * beta[j]!;
      eta[i] = zRaw[i]! - e + off[i]!;
      mu[i] = Math.exp(eta[i]!);
    }
    const dev = deviance();
    if (!Number.isFinite(dev)) break;
    if (Math.abs(dev - devOld) / (Math.abs(dev) + 0.1) < tol) {
      devOld = dev;
      converged = true;
      break;
    }
    devOld = dev;
  }

  // Bread at the final μ: partial X again with the final weights.
  let pearson = 0;
  let nObs = 0;
  const usedU = new Set<number>();
  const usedT = new Set<number>();
  for (let i = 0; i < n; i++) {
    w[i] = pw[i]! * mu[i]!;
    z[i] = 0;
    if (pw[i]! > 0) {
      nObs++;
      usedU.add(input.unit[i]!);
      usedT.add(input.period[i]!);
      pearson += (pw[i]! * (y[i]! - mu[i]!) ** 2) / mu[i]!;
    }
  }
  partialAll(false);
  const bread = p > 0 ? weightedLeastSquares(design(), w, z, true).inverse! : new Float64Array(0);
  const absorbed = usedU.size + usedT.size - components(input.unit, input.period, pw, U);
  const glm: GlmFit = {
    family: 'poisson',
    alpha: 0,
    names: X.names,
    coefficients: beta,
    mu,
    eta,
    deviance: devOld,
    logLik: Number.NaN,
    pearsonChi2: pearson,
    aic: Number.NaN,
    nObs,
    dfResidual: nObs - p - absorbed,
    iterations,
    converged,
    solver: 'cholesky',
    numericallyZeroFitted: mu.filter((m) => m < 1e-10).length,
    bread,
    X: design(),
    y,
    priorWeights: pw,
    offset: off,
  };
  return {
    coefficients: beta,
    names: X.names,
    mu,
    eta,
    deviance: devOld,
    pearsonChi2: pearson,
    iterations,
    converged,
    absorbed,
    nObs,
    units: usedU.size,
    periods: usedT.size,
    maxSweeps,
    separated,
    glm,
  };
}
