/**
 * Invariant 6, "Evidence drives money" (DOMAIN.md §3): a `significant` initiative cannot close
 * without an evaluation or a final assessment. Entente has no final-assessment record yet, so the
 * evidence is a stored evaluation of the initiative (EVALUATION.md) that the approver can read.
 * Pure: the caller counts the evaluations.
 */
import { DomainError } from '../shared/errors';

export interface ClosingEvidence {
  /** Stored evaluations of the initiative the caller can read. */
  evaluations: number;
}

/** Whether the initiative may move to `closed` on this evidence. */
export const canCloseInitiative = (significance: string, e: ClosingEvidence): boolean =>
  significance !== 'significant' || e.evaluations > 0;

/** Refuse closing a significant initiative without an evaluation (422 with a field path). */
export function assertInitiativeClosable(significance: string, e: ClosingEvidence): void {
  if (canCloseInitiative(significance, e)) return;
  throw new DomainError(
    'guard_failed',
    'A significant initiative cannot close without an evaluation: store an evaluation of it (Evaluations on its page), then close it.',
    [{ path: 'evaluations', message: 'No stored evaluation of this initiative.' }],
  );
}
