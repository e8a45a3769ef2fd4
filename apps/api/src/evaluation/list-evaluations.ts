/**
 * Stored evaluations the user may see: those of one engagement, initiative or objective (its
 * panel), or all of them (the Evaluations page), paged. A list read, audited.
 */
import { invalid } from '@entente/core';
import { ROUTES, type StoredEvaluationList, type StoredEvaluationListQuery } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentListItem } from './present-evaluation';

export async function listEvaluations(
  uc: UseCaseCtx,
  q: StoredEvaluationListQuery,
): Promise<StoredEvaluationList> {
  if (q.subjectId && !q.subjectKind)
    throw invalid([{ path: 'subjectKind', message: 'Say which kind of record subjectId names.' }]);
  const offset = (q.page - 1) * q.pageSize;
  const { rows, total } = q.subjectId
    ? await ofSubject(uc, q, offset)
    : await scoped.listVisibleEvaluations(uc.tx, uc.scope, {
        subjectKind: q.subjectKind,
        status: q.status,
        q: q.q || undefined,
        limit: q.pageSize,
        offset,
      });
  uc.auditRead({
    route: `GET ${ROUTES.evaluations}`,
    filters: q,
    count: rows.length,
    ids: rows.map((r) => r.id),
  });
  return {
    items: rows.map((r) => presentListItem(uc, r)),
    total,
    page: q.page,
    pageSize: q.pageSize,
    hasMore: offset + rows.length < total,
  };
}

/** One record's evaluations; those of a record the user cannot see are as hidden as the record. */
async function ofSubject(uc: UseCaseCtx, q: StoredEvaluationListQuery, offset: number) {
  const kind = q.subjectKind ?? 'engagement';
  const subject = await scoped.findEvaluationSubject(uc.tx, uc.scope, kind, q.subjectId ?? '');
  const all = subject ? await scoped.evaluationsOf(uc.tx, uc.scope, kind, subject.id) : [];
  const kept = all.filter((r) => (!q.status || r.status === q.status) && matches(r.title, q.q));
  const rows = kept
    .slice(offset, offset + q.pageSize)
    .map((r) => ({ ...r, subjectCode: subject?.code ?? '', subjectTitle: subject?.title ?? '' }));
  return { rows, total: kept.length };
}

const matches = (title: string, q: string | undefined) => !q || title.toLowerCase().includes(q.toLowerCase());
