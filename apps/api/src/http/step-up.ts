/**
 * Step-up (ACCESS.md §8): sensitive actions — downgrade, export at HC or above, policy change,
 * unlock — ask for the second factor again when the session's last check is more than 5 minutes old.
 *
 * The session hook records, for the request's subject, when the session last passed a factor check
 * (`session.mfa_at`). `requireRecentMfa` accepts the request or the use-case context (both carry the
 * same subject object), so it can be called from a route or from inside a use case.
 */
import { DomainError, type Label, type PolicyRegistry, type Subject } from '@entente/core';

/** How long a factor check counts as recent. */
export const STEP_UP_WINDOW_MS = 5 * 60_000;

// Keyed by the per-request subject object (subjectOf builds a new one for every request).
const lastFactorCheck = new WeakMap<Subject, number | null>();

/** Record the session's last factor check for this request's subject (called by the session hook). */
export function noteFactorCheck(subject: Subject, mfaAt: string | null): void {
  lastFactorCheck.set(subject, mfaAt ? Date.parse(mfaAt) : null);
}

/** When the subject's session last passed a factor check (ms since epoch), or null. */
export function lastFactorCheckOf(subject: Subject | null): number | null {
  return (subject && lastFactorCheck.get(subject)) ?? null;
}

/**
 * Throw `step_up_required` unless the session passed a second-factor check within the last 5 minutes.
 * The client answers with `POST /api/v1/auth/step-up {code}` and retries the action.
 */
export function requireRecentMfa(from: { subject: Subject | null }, now: number = Date.now()): void {
  const s = from.subject;
  if (!s) throw new DomainError('unauthenticated', 'Log in to continue.');
  const at = lastFactorCheckOf(s);
  if (at === null || now - at > STEP_UP_WINDOW_MS)
    throw new DomainError(
      'step_up_required',
      'Confirm it is you: enter the current code from your authenticator app.',
    );
}

/** The rank threshold of "HC or above" for a label's policy: HUB-CONFIDENTIAL, else the policy's MFA level. */
function atOrAboveHc(registry: PolicyRegistry, l: Label): boolean {
  const rank = registry.rank(l.policy, l.level);
  const hc =
    registry.rank(l.policy, 'HUB-CONFIDENTIAL') ??
    registry.rank(l.policy, registry.policy(l.policy)?.mfaFromLevel ?? '');
  // Unknown level or policy: ask (fail closed).
  return rank === undefined || hc === undefined || rank >= hc;
}

/** Step-up for exports (ACCESS.md §8): required when any exported record is labelled HUB-CONFIDENTIAL or above. */
export function requireRecentMfaForExport(
  uc: {
    subject: Subject | null;
    access: { label(id: string): Label | undefined; registry(): PolicyRegistry };
  },
  labelIds: Iterable<string>,
  now: number = Date.now(),
): void {
  const registry = uc.access.registry();
  for (const id of new Set(labelIds)) {
    const l = uc.access.label(id);
    if (!l || atOrAboveHc(registry, l)) return requireRecentMfa(uc, now);
  }
}
