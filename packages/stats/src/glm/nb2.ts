import type { Design } from '../linalg/design.ts';
import { zeroin } from '../optim/zeroin.ts';
import { logDensity, thetaScore } from './family.ts';
import { fitGlm } from './irls.ts';
import { digammaDiff } from './special.ts';
import type { GlmFit, GlmOptions } from './types.ts';

/** Search range of ln α (EVALUATION.md §4.3). */
export const LN_ALPHA_MIN = -20;
export const LN_ALPHA_MAX = 5;

export interface Nb2Options extends Omit<GlmOptions, 'alpha' | 'startMu'> {
  /** Outer alternations (IRLS ↔ α); default 100. */
  maxOuterIterations?: number;
}

/** An NB2 fit with α estimated by maximum likelihood (θ = 1/α, as MASS::glm.nb reports). */
export interface Nb2Fit extends GlmFit {
  theta: number;
  /** 'lower' → α reached e^−20: the fit is the Poisson one (ALPHA_ZERO); 'upper' → e^5, suspect. */
  alphaAtBound: 'lower' | 'upper' | null;
  outerIterations: number;
  /** Both the last IRLS and the α alternation met their rules. */
  alphaConverged: boolean;
}

/**
 * NB2 maximum likelihood by alternation (EVALUATION.md §4.3), the scheme of MASS::glm.nb:
 * start from a Poisson fit and α0 = max(1e-4, Σ[(y − μ̂)² − y]/Σμ̂²); then repeat
 * (IRLS for β given α) → (α maximising ℓ(α) given μ̂) until |Δ ln α| < 1e-8.
 * The α step solves the score equation in u = ln α with Brent's zeroin, bracketed by a unit grid
 * over [−20, 5] on the first pass (so a second local maximum cannot capture it) and by a small
 * window around the previous u afterwards. At the lower bound the answer is the Poisson fit.
 */
export function fitNb2(X: Design, y: ArrayLike<number>, options: Nb2Options = {}): Nb2Fit {
  const base: GlmOptions = { ...options };
  const maxOuter = options.maxOuterIterations ?? 100;
  const poisson = fitGlm(X, y, base);
  if (!poisson.converged) return asNb2(poisson, 0, null, 0, false);

  const w = poisson.priorWeights;
  let num = 0;
  let den = 0;
  for (let i = 0; i < X.rows; i++) {
    const m = poisson.mu[i]!;
    num += w[i]! * ((poisson.y[i]! - m) ** 2 - poisson.y[i]!);
    den += w[i]! * m * m;
  }
  let u = Math.log(Math.max(1e-4, num / den));
  let fit = fitGlm(X, y, { ...base, alpha: Math.exp(u), startMu: poisson.mu });
  let outer = 0;
  let alphaConverged = false;
  for (outer = 1; outer <= maxOuter && fit.converged; outer++) {
    const uNew = maximiseAlpha(fit, outer === 1 ? null : u);
    const delta = Math.abs(uNew - u);
    u = uNew;
    if (u <= LN_ALPHA_MIN) {
      return asNb2(poisson, outer, 'lower', 0, true);
    }
    fit = fitGlm(X, y, { ...base, alpha: Math.exp(u), startMu: fit.mu });
    if (delta < 1e-8) {
      alphaConverged = true;
      break;
    }
  }
  const bound = u >= LN_ALPHA_MAX ? 'upper' : null;
  return asNb2(fit, Math.min(outer, maxOuter), bound, 1, alphaConverged && fit.converged && bound === null);
}

/** Profile ℓ(α) at fixed μ̂. */
export function nbLogLik(fit: Pick<GlmFit, 'y' | 'mu' | 'priorWeights'>, alpha: number): number {
  let s = 0;
  for (let i = 0; i < fit.y.length; i++) {
    const wi = fit.priorWeights[i]!;
    if (wi > 0) s += wi * logDensity(fit.y[i]!, fit.mu[i]!, alpha);
  }
  return s;
}

/** dℓ/d ln α at fixed μ̂ = −θ · dℓ/dθ. */
function scoreLnAlpha(fit: GlmFit, u: number): number {
  const theta = Math.exp(-u);
  let s = 0;
  for (let i = 0; i < fit.y.length; i++) {
    const wi = fit.priorWeights[i]!;
    if (wi > 0) s += wi * thetaScore(fit.y[i]!, fit.mu[i]!, theta, digammaDiff);
  }
  return -theta * s;
}

/** argmax over u ∈ [−20, 5] of ℓ(e^u) given μ̂; `near` narrows the bracket after the first pass. */
function maximiseAlpha(fit: GlmFit, near: number | null): number {
  const g = (v: number): number => scoreLnAlpha(fit, v);
  if (near !== null) {
    const a = Math.max(LN_ALPHA_MIN, near - 0.5);
    const b = Math.min(LN_ALPHA_MAX, near + 0.5);
    if (g(a) > 0 && g(b) < 0) return zeroin(g, a, b);
  }
  const candidates: number[] = [];
  let prevU = LN_ALPHA_MIN;
  let prevG = g(prevU);
  if (prevG <= 0) candidates.push(LN_ALPHA_MIN);
  for (let v = LN_ALPHA_MIN + 1; v <= LN_ALPHA_MAX; v++) {
    const gv = g(v);
    if (prevG > 0 && gv <= 0) candidates.push(gv === 0 ? v : zeroin(g, prevU, v));
    prevU = v;
    prevG = gv;
  }
  if (prevG > 0) candidates.push(LN_ALPHA_MAX);
  let best = candidates[0]!;
  let bestL = -Infinity;
  for (const c of candidates) {
    const l = nbLogLik(fit, Math.exp(c));
    if (l > bestL) {
      bestL = l;
      best = c;
    }
  }
  return best;
}

function asNb2(
  fit: GlmFit,
  outerIterations: number,
  alphaAtBound: 'lower' | 'upper' | null,
  extraParams: number,
  alphaConverged: boolean,
): Nb2Fit {
  return {
    ...fit,
    aic: fit.aic + 2 * extraParams,
    theta: fit.alpha === 0 ? Infinity : 1 / fit.alpha,
    alphaAtBound,
    outerIterations,
    alphaConverged,
    converged: fit.converged && alphaConverged,
  };
}
