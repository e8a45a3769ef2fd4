/**
 * Errors raised by the numerics. A stable `code` lets callers turn a numeric failure into a
 * `block` warning (EVALUATION.md §4) instead of parsing messages.
 */
export type StatsErrorCode =
  'COLLINEAR_DESIGN' | 'INVALID_INPUT' | 'NOT_POSITIVE_DEFINITE' | 'NON_FINITE_FIT';

/** A numeric failure with a stable code; the message names the offending column or value. */
export class StatsError extends Error {
  readonly code: StatsErrorCode;
  constructor(code: StatsErrorCode, message: string) {
    super(message);
    this.name = 'StatsError';
    this.code = code;
  }
}

/** Throws INVALID_INPUT unless `ok`; keeps argument checks one line each. */
export function check(ok: boolean, message: string): asserts ok {
  if (!ok) throw new StatsError('INVALID_INPUT', message);
}
