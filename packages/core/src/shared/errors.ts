/** Named domain errors. The HTTP status for each code is decided once, in the API's error mapping. */
export type DomainErrorCode =
  | 'not_found'
  | 'forbidden'
  | 'validation'
  | 'conflict'
  | 'stale_version'
  | 'invalid_transition'
  | 'guard_failed'
  | 'unauthenticated'
  | 'locked'
  | 'label_conflict'
  | 'bad_cursor'
  | 'step_up_required';

export interface FieldProblem {
  path: string;
  message: string;
}

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
  ) {
    super(message);
    this.name = 'DomainError';
  }
}

/** A record that is missing or hidden: the two are indistinguishable by design. */
export const notFound = (what = 'record') => new DomainError('not_found', `The ${what} was not found.`);
/** The record is visible but the action is not allowed. */
export const forbidden = (message = 'You are not allowed to do that.') => new DomainError('forbidden', message);
/** Bad input, with the field paths that were wrong. */
export const invalid = (fields: FieldProblem[], message = 'The input is not valid.') =>
  new DomainError('validation', message, fields);
