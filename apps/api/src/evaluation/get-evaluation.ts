/**
 * One stored evaluation by id (hidden and missing look the same, 404), audited. A stale one is
 * re-run first, as its creator, so what opens is current (or failed, with the reason).
 */
import { notFound } from '@entente/core';
import type { StoredEvaluation } from '@entente/contracts';
import { scoped } from '@entente/db';
import type { UseCaseCtx } from '../context';
import { presentStored } from './present-evaluation';
import { rerunStored } from './rerun-evaluation';

/** The visible evaluation row and its subject record, or a 404 (audited as a denied read). */
export async function loadStored(uc: UseCaseCtx, id: string, action = 'evaluation.read') {
  let row = await scoped.findEvaluation(uc.tx, uc.scope, id);
  if (row?.status === 'stale') {
    await rerunStored(uc.app, id, { onlyIfStale: true });
    row = await scoped.findEvaluation(uc.tx, uc.scope, id);
  }
  const subject = row
    ? await scoped.findEvaluationSubject(
        uc.tx,
        uc.scope,
        row.subjectKind as scoped.EvaluationSubjectKind,
        row.subjectId,
      )
    : null;
  const ok = row && subject ? { row, subject } : null;
  await uc.audit({
    action,
    entity: 'evaluation',
    entityId: ok ? id : null,
    entityVersion: ok ? ok.row.version : null,
    labelId: ok ? ok.row.labelId : uc.app.homeLabelId,
    decision: ok ? 'permit' : 'deny',
    reason: ok ? null : 'not_found',
  });
  if (!ok) throw notFound('evaluation');
  return ok;
}

export async function getEvaluation(uc: UseCaseCtx, id: string): Promise<StoredEvaluation> {
  const { row, subject } = await loadStored(uc, id);
  return presentStored(uc, row, subject);
}
