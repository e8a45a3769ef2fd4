/** The stored evaluations of one engagement, initiative or objective the user may see; a list read, audited. */
import { ROUTES, type StoredEvaluationListItem, type StoredEvaluationListQuery } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentListItem } from './present-evaluation';

export async function listEvaluations(
  uc: UseCaseCtx,
  q: StoredEvaluationListQuery,
): Promise<{ items: StoredEvaluationListItem[] }> {
  // The evaluations of a record the user cannot see are as hidden as the record (a list read returns none).
  const subject = await scoped.findEvaluationSubject(uc.tx, uc.scope, q.subjectKind, q.subjectId);
  const rows = subject ? await scoped.evaluationsOf(uc.tx, uc.scope, q.subjectKind, q.subjectId) : [];
  uc.auditRead({
    route: `GET ${ROUTES.evaluations}`,
    filters: q,
    count: rows.length,
    ids: rows.map((r) => r.id),
  });
  return { items: rows.map((r) => presentListItem(uc, r)) };
}
