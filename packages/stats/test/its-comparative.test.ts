import { describe, expect, it } from 'vitest';
import { buildComparativeItsDesign, runComparativeIts, standardErrors } from '../src/index.ts';
import { expectAllClose, expectClose, loadFixture } from './fixture.ts';

interface Effect {
  irr: number;
  ci: number[];
  pValue: number;
}
const fx = loadFixture<
  {
    yTreated: number[];
    yComparison: number[];
    exposureTreated: number[];
    exposureComparison: number[];
    months: number;
    startMonth: number;
    t0Index: number;
    Z: number[][];
    names: string[];
  },
  {
    alpha: number;
    coefficients: number[];
    hacLag: number;
    hacSe: number[];
    fisherSe: number[];
    level: Effect;
    slope: Effect;
  }
>('its_comparative_nb2');
const { inputs: inp, outputs: out, tolerance: tol } = fx;
const spec = { months: inp.months, startMonth: inp.startMonth, t0Index: inp.t0Index };

describe('comparative ITS against R (glm.nb + vcovPL)', () => {
  it('stacks comparison then treated rows with every term interacted with G', () => {
    const { design } = buildComparativeItsDesign(spec);
    expect(design.names).toEqual(inp.names);
    expectAllClose(design.values, inp.Z.flat(), tol.design!, 'Z', 1);
  });

  const r = runComparativeIts({
    ...spec,
    yTreated: inp.yTreated,
    yComparison: inp.yComparison,
    exposureTreated: inp.exposureTreated,
    exposureComparison: inp.exposureComparison,
  });
  it('fits one α, β and the Driscoll–Kraay HAC', () => {
    expect(r.fit.converged).toBe(true);
    expect(r.hacLag).toBe(out.hacLag);
    expectClose(r.fit.alpha, out.alpha, tol.alpha!, 'alpha');
    out.coefficients.forEach((b, j) =>
      expectClose(r.fit.coefficients[j]!, b, tol.coefficients!, `beta[${j}]`, out.fisherSe[j]!),
    );
    expectAllClose(standardErrors(r.covariance), out.hacSe, tol.HAC_se!, 'HAC se');
  });
  it('reports the relative level and slope changes', () => {
    for (const [name, e] of [
      ['level', r.level],
      ['slope', r.slope],
    ] as const) {
      expectClose(e.irr, out[name].irr, tol.irr!, `${name} irr`);
      expectClose(e.ci[0], out[name].ci[0]!, tol.ci!, `${name} lower`);
      expectClose(e.ci[1], out[name].ci[1]!, tol.ci!, `${name} upper`);
    }
  });
});
