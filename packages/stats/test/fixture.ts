// Loads golden fixtures (EVALUATION.md §6.1) and compares within relative tolerance.
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

export interface Fixture<I = Record<string, unknown>, O = Record<string, unknown>> {
  name: string;
  generator: { program: string; version: string; packages: Record<string, string>; script: string };
  conventions: Record<string, string>;
  tolerance: Record<string, number>;
  inputs: I;
  outputs: O;
}

/** Reads test/fixtures/<name>.json. */
export function loadFixture<I = Record<string, unknown>, O = Record<string, unknown>>(
  name: string,
): Fixture<I, O> {
  const url = new URL(`./fixtures/${name}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as Fixture<I, O>;
}

/** Decodes the string "Infinity" used by fixtures for unbounded values. */
export function num(v: number | string): number {
  if (v === 'Infinity') return Infinity;
  if (v === '-Infinity') return -Infinity;
  if (typeof v === 'string') throw new Error(`unexpected fixture value ${v}`);
  return v;
}

/** |a − e| ≤ tol·max(|e|, floor): relative, with an absolute floor for values near zero. */
export function expectClose(
  actual: number,
  expected: number,
  tol: number,
  what: string,
  floor = 1e-12,
): void {
  if (expected === Infinity || expected === -Infinity) {
    expect(actual, what).toBe(expected);
    return;
  }
  const err = Math.abs(actual - expected);
  const scale = Math.max(Math.abs(expected), floor);
  if (!(err <= tol * scale)) {
    throw new Error(
      `${what}: got ${actual}, expected ${expected} (rel err ${(err / scale).toExponential(2)} > ${tol})`,
    );
  }
}

/** Element-wise expectClose over vectors. */
export function expectAllClose(
  actual: ArrayLike<number>,
  expected: readonly number[],
  tol: number,
  what: string,
  floor = 1e-12,
): void {
  expect(actual.length, `${what} length`).toBe(expected.length);
  for (let i = 0; i < expected.length; i++)
    expectClose(actual[i]!, expected[i]!, tol, `${what}[${i}]`, floor);
}

/**
 * Covariance comparison on the scale √(e_ii e_jj): relative on the diagonal, correlation units off
 * it, so a near-zero covariance is not judged by meaningless relative digits.
 */
export function expectCovClose(
  actual: Float64Array,
  expected: readonly (readonly number[])[],
  tol: number,
  what: string,
): void {
  const p = expected.length;
  expect(actual.length, `${what} size`).toBe(p * p);
  for (let i = 0; i < p; i++)
    for (let j = 0; j < p; j++) {
      const e = expected[i]![j]!;
      const floor = Math.sqrt(Math.abs(expected[i]![i]! * expected[j]![j]!));
      expectClose(actual[i * p + j]!, e, tol, `${what}[${i}][${j}]`, floor);
    }
}
