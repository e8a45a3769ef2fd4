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
} from '../src/index.ts';
import { expectAllClose, expectClose, expectCovClose, loadFixture } from './fixture.ts';

// The second, independent reference of §6.1: statsmodels 0.13.5 on its own seeded data.
type Mat = number[][];

describe('Poisson GLM against statsmodels', () => {
  const fx = loadFixture<
    { X: number[][]; names: string[]; y: number[]; offset: number[]; cluster: number[]; hacLag: number },
    {
      coefficients: number[];
      deviance: number;
      logLik: number;
      aic: number;
      pearsonChi2: number;
      fisher: Mat;
      HC0: Mat;
      CR1: Mat;
      HAC: Mat;
    }
  >('glm_poisson_statsmodels');
  const { inputs, outputs: out, tolerance: tol } = fx;
  const fit = fitGlm(designFromRows(inputs.X, inputs.names), inputs.y, { offset: inputs.offset });

  it('fits', () => {
    expect(fit.converged).toBe(true);
    out.coefficients.forEach((b, j) =>
      expectClose(fit.coefficients[j]!, b, tol.coefficients!, `beta[${j}]`, Math.sqrt(out.fisher[j]![j]!)),
    );
    expectClose(fit.deviance, out.deviance, tol.deviance!, 'deviance');
    expectClose(fit.logLik, out.logLik, tol.logLik!, 'logLik');
    expectClose(fit.aic, out.aic, tol.logLik!, 'aic');
    expectClose(fit.pearsonChi2, out.pearsonChi2, tol.pearsonChi2!, 'pearson');
  });

  it('covariances', () => {
    expectCovClose(vcovFisher(fit).values, out.fisher, tol.fisher!, 'fisher');
    expectCovClose(vcovHC(fit, 'HC0').values, out.HC0, tol.HC0!, 'HC0');
    expectCovClose(vcovCR1(fit, inputs.cluster).values, out.CR1, tol.CR1!, 'CR1');
    expectAllClose(
      standardErrors(vcovHAC(fit, { lag: inputs.hacLag })),
      out.HAC.map((r, i) => Math.sqrt(r[i]!)),
      tol.HAC_se!,
      'HAC se',
    );
  });
});

describe('NB2 maximum likelihood against statsmodels NegativeBinomial', () => {
  const fx = loadFixture<
    { X: number[][]; names: string[]; y: number[]; offset: number[] },
    { alpha: number; coefficients: number[]; se: number[]; logLik: number; converged: boolean }
  >('nb2_ml_statsmodels');
  const { inputs, outputs: out, tolerance: tol } = fx;
  const fit = fitNb2(designFromRows(inputs.X, inputs.names), inputs.y, { offset: inputs.offset });

  it('agrees on α, β and ℓ', () => {
    expect(out.converged).toBe(true);
    expect(fit.converged).toBe(true);
    expectClose(fit.alpha, out.alpha, tol.alpha!, 'alpha');
    out.coefficients.forEach((b, j) =>
      expectClose(fit.coefficients[j]!, b, tol.coefficients!, `beta[${j}]`, out.se[j]!),
    );
    expectClose(fit.logLik, out.logLik, tol.logLik!, 'logLik');
  });
});
