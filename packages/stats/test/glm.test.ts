import { describe, expect, it } from 'vitest';
import {
  designFromRows,
  fitGlm,
  fitNb2,
  standardErrors,
  vcovCR1,
  vcovFisher,
  vcovHAC,
  vcovHC,
  type GlmFit,
} from '../src/index.ts';
import { expectAllClose, expectClose, expectCovClose, loadFixture } from './fixture.ts';

interface GlmInputs {
  X: number[][];
  names: string[];
  y: number[];
  offset?: number[];
  weights?: number[];
  alpha?: number;
  cluster: number[];
  hacLag: number;
}
type Mat = number[][];
interface GlmOutputs {
  coefficients: number[];
  deviance: number;
  logLik: number;
  aic?: number;
  pearsonChi2: number;
  mu: number[];
  alpha?: number;
  fisher: Mat;
  HC0: Mat;
  HC1: Mat;
  CR1: Mat;
  HAC: Mat;
}

/** Coefficients on the scale max(|β|, se(β)) (fixture conventions.comparison). */
function expectCoefficients(actual: Float64Array, out: GlmOutputs, tol: number): void {
  out.coefficients.forEach((b, j) =>
    expectClose(actual[j]!, b, tol, `beta[${j}]`, Math.sqrt(out.fisher[j]![j]!)),
  );
}

function checkCovariances(
  fit: GlmFit,
  inputs: GlmInputs,
  out: GlmOutputs,
  tol: Record<string, number>,
): void {
  expectCovClose(vcovFisher(fit).values, out.fisher, tol.fisher!, 'fisher');
  expectCovClose(vcovHC(fit, 'HC0').values, out.HC0, tol.HC0!, 'HC0');
  expectCovClose(vcovHC(fit, 'HC1').values, out.HC1, tol.HC1!, 'HC1');
  expectCovClose(vcovCR1(fit, inputs.cluster).values, out.CR1, tol.CR1!, 'CR1');
  const hacSe = standardErrors(vcovHAC(fit, { lag: inputs.hacLag }));
  expectAllClose(
    hacSe,
    out.HAC.map((r, i) => Math.sqrt(r[i]!)),
    tol.HAC_se!,
    'HAC se',
  );
}

describe('Poisson IRLS against R glm (offset, prior weights)', () => {
  const fx = loadFixture<GlmInputs, GlmOutputs>('glm_poisson_offset_weights');
  const { inputs, outputs: out, tolerance: tol } = fx;
  const fit = fitGlm(designFromRows(inputs.X, inputs.names), inputs.y, {
    offset: inputs.offset!,
    weights: inputs.weights!,
  });

  it('converges to R coefficients, deviance, logLik, Pearson χ², AIC', () => {
    expect(fit.converged).toBe(true);
    expect(fit.solver).toBe('cholesky');
    expectCoefficients(fit.coefficients, out, tol.coefficients!);
    expectClose(fit.deviance, out.deviance, tol.deviance!, 'deviance');
    expectClose(fit.logLik, out.logLik, tol.logLik!, 'logLik');
    expectClose(fit.aic, out.aic!, tol.logLik!, 'aic');
    expectClose(fit.pearsonChi2, out.pearsonChi2, tol.pearsonChi2!, 'pearson');
    expectAllClose(fit.mu, out.mu, tol.coefficients!, 'mu');
  });

  it('matches sandwich Fisher, HC0, HC1, CR1 and Newey–West HAC', () => {
    checkCovariances(fit, inputs, out, tol);
  });
});

describe('NB2 with α fixed, sparse counts, against R glm(negative.binomial(θ))', () => {
  const fx = loadFixture<GlmInputs, GlmOutputs>('glm_nb2_fixed_alpha_sparse');
  const { inputs, outputs: out, tolerance: tol } = fx;
  const fit = fitGlm(designFromRows(inputs.X, inputs.names), inputs.y, {
    alpha: inputs.alpha!,
    weights: inputs.weights!,
  });

  it('has zeros in the data and converges to R', () => {
    expect(inputs.y.filter((v) => v === 0).length).toBeGreaterThan(inputs.y.length / 3);
    expect(fit.converged).toBe(true);
    expectCoefficients(fit.coefficients, out, tol.coefficients!);
    expectClose(fit.deviance, out.deviance, tol.deviance!, 'deviance');
    expectClose(fit.logLik, out.logLik, tol.logLik!, 'logLik');
    expectClose(fit.pearsonChi2, out.pearsonChi2, tol.pearsonChi2!, 'pearson');
  });

  it('matches sandwich covariances for an NB2 fit', () => {
    checkCovariances(fit, inputs, out, tol);
  });
});

describe('NB2 maximum likelihood against MASS::glm.nb', () => {
  const fx = loadFixture<GlmInputs, GlmOutputs>('glm_nb2_ml');
  const { inputs, outputs: out, tolerance: tol } = fx;
  const fit = fitNb2(designFromRows(inputs.X, inputs.names), inputs.y, { offset: inputs.offset! });

  it('estimates α = 1/θ, β, deviance, logLik and AIC (p + 1 parameters)', () => {
    expect(fit.converged).toBe(true);
    expect(fit.alphaAtBound).toBeNull();
    expectClose(fit.alpha, out.alpha!, tol.alpha!, 'alpha');
    expectCoefficients(fit.coefficients, out, tol.coefficients!);
    expectClose(fit.deviance, out.deviance, tol.deviance!, 'deviance');
    expectClose(fit.logLik, out.logLik, tol.logLik!, 'logLik');
    expectClose(fit.aic, out.aic!, tol.logLik!, 'aic');
  });

  it('matches sandwich covariances on the glm.nb object', () => {
    checkCovariances(fit, inputs, out, tol);
  });
});
