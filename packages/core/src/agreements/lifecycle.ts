/**
 * Agreement lifecycle (DOMAIN.md §2.2): draft → negotiating → signed → in_force; in_force ⇄ suspended;
 * in_force|suspended → expired|terminated. Pure: the caller injects today.
 */
import { DomainError, type FieldProblem } from '../shared/errors';

export const AGREEMENT_STATUSES = [
  'draft',
  'negotiating',
  'signed',
  'in_force',
  'suspended',
  'expired',
  'terminated',
] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const AGREEMENT_TRANSITIONS: Readonly<Record<AgreementStatus, readonly AgreementStatus[]>> = {
  draft: ['negotiating'],
  negotiating: ['signed'],
  signed: ['in_force'],
  in_force: ['suspended', 'expired', 'terminated'],
  suspended: ['in_force', 'expired', 'terminated'],
  expired: [],
  terminated: [],
};

/**
 * Transitions that need a reason. DOMAIN.md requires one for reopening a record; suspending,
 * resuming (suspended → in_force reopens the instrument) and terminating are the agreement's
 * equivalents of cancel and reopen, so they need one too.
 */
export function agreementReasonRequired(from: AgreementStatus, to: AgreementStatus): boolean {
  return to === 'suspended' || to === 'terminated' || (from === 'suspended' && to === 'in_force');
}

export const isAgreementStatus = (s: string): s is AgreementStatus =>
  (AGREEMENT_STATUSES as readonly string[]).includes(s);

/** True when `from → to` is listed in DOMAIN.md. */
export function canTransitionAgreement(from: string, to: string): boolean {
  return isAgreementStatus(from) && isAgreementStatus(to) && AGREEMENT_TRANSITIONS[from].includes(to);
}

export interface AgreementDates {
  status: string;
  signedOn: string | null;
  inForceFrom: string | null;
  expiresOn: string | null;
}

export interface AgreementTransitionRequest {
  to: AgreementStatus;
  reason?: string | null | undefined;
  /** Recorded on → signed (defaults to today). */
  signedOn?: string | null | undefined;
  /** Recorded on → in_force (defaults to the signature date, else today). */
  inForceFrom?: string | null | undefined;
}

/** What a permitted transition writes: the new status and the dates it records. */
export interface AgreementTransitionPlan {
  from: AgreementStatus;
  to: AgreementStatus;
  signedOn: string | null;
  inForceFrom: string | null;
  reason: string | null;
}

const guard = (message: string, path: string) =>
  new DomainError('guard_failed', message, [{ path, message }]);

/**
 * Check a transition and compute what it records. Throws the named domain error
 * `invalid_transition` for a transition DOMAIN.md does not list, and `guard_failed` (with the
 * field path) when a guard fails.
 */
export function planAgreementTransition(
  a: AgreementDates,
  t: AgreementTransitionRequest,
  today: string,
): AgreementTransitionPlan {
  if (!canTransitionAgreement(a.status, t.to))
    throw new DomainError('invalid_transition', `An agreement cannot go from ${a.status} to ${t.to}.`);
  const from = a.status as AgreementStatus;
  const reason = t.reason?.trim() || null;
  if (agreementReasonRequired(from, t.to) && !reason)
    throw guard(
      `Give a reason for ${t.to === 'in_force' ? 'resuming' : t.to === 'suspended' ? 'suspending' : 'terminating'} the agreement.`,
      'reason',
    );
  let signedOn = a.signedOn;
  let inForceFrom = a.inForceFrom;
  if (t.to === 'signed') {
    signedOn = t.signedOn ?? a.signedOn ?? today;
    if (signedOn > today) throw guard('The signature date cannot be in the future.', 'signedOn');
  }
  if (t.to === 'in_force' && from === 'signed') {
    inForceFrom = t.inForceFrom ?? a.inForceFrom ?? a.signedOn ?? today;
    if (signedOn && inForceFrom < signedOn)
      throw guard('It cannot enter into force before it was signed.', 'inForceFrom');
    if (a.expiresOn && a.expiresOn < inForceFrom)
      throw guard('It expires before it would enter into force.', 'inForceFrom');
  }
  if (t.to === 'expired' && (!a.expiresOn || a.expiresOn > today))
    throw guard(
      a.expiresOn
        ? `It does not expire until ${a.expiresOn}; terminate it instead.`
        : 'It has no expiry date; terminate it instead.',
      'expiresOn',
    );
  return { from, to: t.to, signedOn, inForceFrom, reason };
}

/** The transitions offered from a status (before guards that need input). */
export function agreementTransitionsFrom(status: string): AgreementStatus[] {
  return isAgreementStatus(status) ? [...AGREEMENT_TRANSITIONS[status]] : [];
}

/** Date invariants of an agreement record, each with its field path. */
export function checkAgreementDates(a: AgreementDates): FieldProblem[] {
  const p: FieldProblem[] = [];
  if (a.expiresOn && a.inForceFrom && a.expiresOn < a.inForceFrom)
    p.push({ path: 'expiresOn', message: 'expires before it enters into force' });
  if (a.inForceFrom && a.signedOn && a.inForceFrom < a.signedOn)
    p.push({ path: 'inForceFrom', message: 'enters into force before it was signed' });
  return p;
}
