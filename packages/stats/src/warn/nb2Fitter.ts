/**
 * The package's NB2 maximum-likelihood fit (§4.3, `glm/`) adapted to the baseline's
 * `CountFitter` interface, so the orchestrator does not have to wire it by hand. The baseline
 * itself stays independent of the GLM's types: any fitter with this shape can be injected.
 */
import { fitNb2 } from '../glm/index.ts';
import { designFromRows } from '../linalg/design.ts';
import type { CountFitter } from './baseline.ts';

/** NB2 (α by ML; α = 0 when it reaches the lower bound, i.e. Poisson) via `fitNb2`. */
export const nb2CountFitter: CountFitter = (y, X, offset) => {
  const fit = fitNb2(designFromRows(X), y, { offset });
  return { beta: Array.from(fit.coefficients), alpha: fit.alpha, converged: fit.converged };
};
