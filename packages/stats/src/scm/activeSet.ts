/**
 * An exact primal active-set solver for the synthetic-control weight QP in its least-squares form
 * (EVALUATION.md §4.5):
 *
 *   min ‖A w − b‖² + (ρ/2)‖w‖²   s.t.  w_j ≥ 0,  Σ_j w_j = 1
 *   ⇔ min ½ wᵀQw + cᵀw   with  Q = 2AᵀA + ρI,  c = −2Aᵀb
 *
 * A is k × n with k (predictors) far below n (donors), and ρ is the spec's tiny ridge
 * (1e-10 · max diag Q), so Q is rank k plus ρ: its condition number is ~1e10. A general QP
 * solver handed the dense Q struggles there (HiGHS took up to minutes, or never returned, on
 * 200-donor placebo problems of long-tailed panels). This solver never forms Q. On a support S
 * (m donors) the equality-constrained problem has the closed form w_S = Cᵀz with C = [B; 1ᵀ],
 * B = A_S, and z solving (CCᵀ + ρ/2·diag(1…1, 0)) z = [b; 1]; it is computed from a thin QR of
 * the (m + k) × (k + 1) matrix [Bᵀ 1; √(ρ/2)·I 0] (so never with squared conditioning), at
 * O((m + k)(k + 1)²) per step.
 *
 * Donors enter one at a time (the one with the most negative bound multiplier, as in
 * Lawson–Hanson); a step that would make a weight negative stops at the boundary and drops it.
 * The answer is returned as 'optimal' only after a KKT check: w ≥ 0, Σw = 1, equal gradients on
 * the support and non-negative multipliers off it (relative tolerance `kktTol`).
 */

/** The simplex least-squares problem; A is k × n, row-major. */
export interface SimplexLsq {
  k: number;
  n: number;
  A: Float64Array;
  b: Float64Array;
  /** ρ > 0: the ridge on the diagonal of Q. */
  ridge: number;
}

export interface ActiveSetResult {
  status: 'optimal' | 'iterationLimit' | 'numericalFailure';
  w: Float64Array;
  /** ½wᵀQw + cᵀw. */
  objective: number;
  iterations: number;
  /**
   * Largest KKT violation found by the final check: |Σw − 1|, negative weights, and multiplier
   * violations relative to the gradient scale; 'optimal' needs it within 100× the tolerance.
   */
  kktViolation: number;
}

export interface ActiveSetOptions {
  /**
   * Tolerance on the bound multipliers, as a share of the ridge (default 1e-3): the ridge decides
   * between donors the predictors cannot tell apart, so the test must resolve it. It is never
   * set below 1e-14 of the gradient scale (rounding).
   */
  ridgeTol?: number;
  maxIterations?: number;
}

/** ‖b‖-free objective pieces: gradient g = Qw + c = 2Aᵀ(Aw − b) + ρw, and the objective. */
function gradient(p: SimplexLsq, w: Float64Array, g: Float64Array, r: Float64Array): number {
  const { k, n, A, b, ridge } = p;
  let obj = 0;
  let ww = 0;
  let bb = 0;
  for (let i = 0; i < k; i += 1) {
    let s = 0;
    const row = i * n;
    for (let j = 0; j < n; j += 1) {
      const wj = w[j] as number;
      if (wj !== 0) s += (A[row + j] as number) * wj;
    }
    const ri = s - (b[i] as number);
    r[i] = ri;
    obj += ri * ri;
    bb += (b[i] as number) ** 2;
  }
  for (let j = 0; j < n; j += 1) {
    let s = 0;
    for (let i = 0; i < k; i += 1) s += (A[i * n + j] as number) * (r[i] as number);
    const wj = w[j] as number;
    g[j] = 2 * s + ridge * wj;
    ww += wj * wj;
  }
  return obj + (ridge / 2) * ww - bb;
}

/**
 * Solves the equality-constrained problem on support S: returns w_S (length m) or null when the
 * QR breaks down (a zero column, which ρ > 0 rules out in exact arithmetic).
 */
export function solveOnSupport(p: SimplexLsq, S: readonly number[]): Float64Array | null {
  const { k, n, A, b } = p;
  const m = S.length;
  const L = m + k;
  const cols = k + 1;
  const s = Math.sqrt(p.ridge / 2);
  // Q̃ stored column by column (cols × L); R̃ upper triangular (cols × cols, row-major).
  const Qm = new Float64Array(cols * L);
  const R = new Float64Array(cols * cols);
  for (let c = 0; c < cols; c += 1) {
    const v = Qm.subarray(c * L, (c + 1) * L);
    if (c < k) {
      for (let a = 0; a < m; a += 1) v[a] = A[c * n + (S[a] as number)] as number;
      v[m + c] = s;
    } else {
      for (let a = 0; a < m; a += 1) v[a] = 1;
    }
    // Classical Gram–Schmidt, twice (orthogonal to working precision for full-rank input).
    for (let pass = 0; pass < 2; pass += 1) {
      for (let d = 0; d < c; d += 1) {
        const q = Qm.subarray(d * L, (d + 1) * L);
        let dot = 0;
        for (let t = 0; t < L; t += 1) dot += (q[t] as number) * (v[t] as number);
        R[d * cols + c] = (R[d * cols + c] as number) + dot;
        for (let t = 0; t < L; t += 1) v[t] = (v[t] as number) - dot * (q[t] as number);
      }
    }
    let nrm = 0;
    for (let t = 0; t < L; t += 1) nrm += (v[t] as number) ** 2;
    nrm = Math.sqrt(nrm);
    if (!(nrm > 0) || !Number.isFinite(nrm)) return null;
    R[c * cols + c] = nrm;
    for (let t = 0; t < L; t += 1) v[t] = (v[t] as number) / nrm;
  }
  // R̃ᵀ u = [b; 1] (forward substitution), then w_S = Q̃₁ u.
  const u = new Float64Array(cols);
  for (let c = 0; c < cols; c += 1) {
    let rhs = c < k ? (b[c] as number) : 1;
    for (let d = 0; d < c; d += 1) rhs -= (R[d * cols + c] as number) * (u[d] as number);
    u[c] = rhs / (R[c * cols + c] as number);
  }
  const wS = new Float64Array(m);
  for (let c = 0; c < cols; c += 1) {
    const uc = u[c] as number;
    const q = Qm.subarray(c * L, c * L + m);
    for (let a = 0; a < m; a += 1) wS[a] = (wS[a] as number) + uc * (q[a] as number);
  }
  for (let a = 0; a < m; a += 1) if (!Number.isFinite(wS[a] as number)) return null;
  return wS;
}

/** Solves the simplex least-squares problem exactly (see the module comment). */
export function solveSimplexLsq(p: SimplexLsq, options: ActiveSetOptions = {}): ActiveSetResult {
  const { k, n, A, b } = p;
  if (!(p.ridge > 0)) throw new RangeError('solveSimplexLsq: the ridge must be positive');
  if (A.length !== k * n || b.length !== k)
    throw new RangeError('solveSimplexLsq: A must be k × n, b of length k');
  const maxIter = options.maxIterations ?? 4 * n + 50;
  const w = new Float64Array(n);
  const g = new Float64Array(n);
  const r = new Float64Array(k);
  // Gradient scale: |c_j| and the diagonal of Q bound every gradient entry on the simplex.
  let scale = 1;
  for (let j = 0; j < n; j += 1) {
    let cj = 0;
    let qjj = p.ridge;
    for (let i = 0; i < k; i += 1) {
      const a = A[i * n + j] as number;
      cj += a * (b[i] as number);
      qjj += 2 * a * a;
    }
    scale = Math.max(scale, Math.abs(2 * cj), qjj);
  }
  const tol = Math.max((options.ridgeTol ?? 1e-3) * p.ridge, 1e-14 * scale);
  if (n === 0)
    return { status: 'numericalFailure', w, objective: NaN, iterations: 0, kktViolation: Infinity };

  // Start at the best vertex: argmin_j ‖A_j − b‖².
  let best = 0;
  let bestVal = Infinity;
  for (let j = 0; j < n; j += 1) {
    let d = 0;
    for (let i = 0; i < k; i += 1) d += ((A[i * n + j] as number) - (b[i] as number)) ** 2;
    if (d < bestVal) {
      bestVal = d;
      best = j;
    }
  }
  const S: number[] = [best];
  const inS = new Uint8Array(n);
  inS[best] = 1;
  w[best] = 1;
  let lastAdded = -1;
  let iterations = 0;
  for (; iterations < maxIter; iterations += 1) {
    const wS = solveOnSupport(p, S);
    if (!wS) return finish('numericalFailure');
    let allPositive = true;
    for (let a = 0; a < S.length; a += 1) if (!((wS[a] as number) > 0)) allPositive = false;
    if (allPositive) {
      for (let a = 0; a < S.length; a += 1) w[S[a] as number] = wS[a] as number;
      gradient(p, w, g, r);
      let mu = 0;
      for (const j of S) mu -= g[j] as number;
      mu /= S.length;
      let worst = -1;
      let worstNu = -tol;
      for (let j = 0; j < n; j += 1) {
        if (inS[j]) continue;
        const nu = (g[j] as number) + mu;
        if (nu < worstNu) {
          worstNu = nu;
          worst = j;
        }
      }
      if (worst < 0) return finish('optimal');
      S.push(worst);
      inS[worst] = 1;
      lastAdded = worst;
      continue;
    }
    // Step from the feasible w toward wS until the first weight reaches zero; drop it.
    let alpha = 1;
    let blocker = -1;
    for (let a = 0; a < S.length; a += 1) {
      const next = wS[a] as number;
      if (next > 0) continue;
      const cur = w[S[a] as number] as number;
      const t = cur / (cur - next);
      if (t < alpha) {
        alpha = t;
        blocker = a;
      }
    }
    if (blocker < 0) return finish('numericalFailure');
    if (alpha === 0 && S[blocker] === lastAdded) {
      // The entering donor cannot move (its multiplier was negative only within rounding):
      // remove it and accept the current point if it passes the KKT check.
      inS[lastAdded] = 0;
      S.splice(blocker, 1);
      return finish('optimal');
    }
    for (let a = 0; a < S.length; a += 1) {
      const j = S[a] as number;
      w[j] = (w[j] as number) + alpha * ((wS[a] as number) - (w[j] as number));
    }
    for (let a = S.length - 1; a >= 0; a -= 1) {
      const j = S[a] as number;
      if (a === blocker || !((w[j] as number) > 0)) {
        w[j] = 0;
        inS[j] = 0;
        S.splice(a, 1);
      }
    }
    lastAdded = -1;
  }
  return finish('iterationLimit');

  /** max(|Σw − 1|, max(−w_j), max over the support |ν_j|/scale, max off it −ν_j/scale). */
  function kktViolation(): number {
    gradient(p, w, g, r);
    let sum = 0;
    let mu = 0;
    let worst = 0;
    for (const j of S) mu -= g[j] as number;
    mu /= Math.max(1, S.length);
    for (let j = 0; j < n; j += 1) {
      const wj = w[j] as number;
      sum += wj;
      if (wj < 0) worst = Math.max(worst, -wj);
      const nu = (g[j] as number) + mu;
      if (inS[j]) worst = Math.max(worst, Math.abs(nu) / scale);
      else worst = Math.max(worst, -nu / scale);
    }
    return Math.max(worst, Math.abs(sum - 1));
  }

  function finish(status: ActiveSetResult['status']): ActiveSetResult {
    const violation = kktViolation();
    const objective = gradient(p, w, g, r);
    const ok = status === 'optimal' && violation <= (100 * tol) / scale;
    return {
      status: ok ? 'optimal' : status === 'optimal' ? 'numericalFailure' : status,
      w,
      objective,
      iterations,
      kktViolation: violation,
    };
  }
}
